"""The editors' form for a newsletter: sections shown with their language, and checked."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm


class NewsletterAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = self.fields.get("sections")
        if sections is not None:
            sections.queryset = sections.queryset.select_related("locale").order_by(
                "locale__language_code", "path"
            )
            sections.label_from_instance = lambda section: (
                f"{section.title} ({section.locale.get_display_name()})"
            )

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language")
        sections = cleaned.get("sections") or []
        other = [s for s in sections if s.locale.language_code != language]
        if language and other:
            # Editions gather articles in the newsletter's language only: these would add none.
            self.add_error(
                "sections",
                _(
                    "%(sections)s: not in the newsletter's language. Choose sections in that "
                    "language, or none to include them all."
                )
                % {"sections": ", ".join(s.title for s in other)},
            )
        return cleaned
