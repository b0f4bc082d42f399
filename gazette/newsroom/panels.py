"""The integrity panel at the top of the article editor: the checks' findings."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class IntegrityPanel(Panel):
    """List what the integrity checks find in the version being edited; saving refreshes it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Integrity checks"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/panels/integrity.html"

        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            from gazette.newsroom.actions import can_override
            from gazette.newsroom.checks import check_page

            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            findings = check_page(page) if page.pk else []
            context["findings"] = findings
            context["blocker_count"] = sum(1 for f in findings if f.is_blocker)
            context["warning_count"] = len(findings) - context["blocker_count"]
            if page.pk and context["blocker_count"] and can_override(self.request.user):
                context["override_url"] = reverse("newsroom:override", args=[page.pk])
            return context
