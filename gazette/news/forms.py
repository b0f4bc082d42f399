"""The article editor's form."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """A new article starts as its section's default kind (an opinion piece in Opinion), so
    the review workflow sends it to the checks that kind needs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.parent_page is not None and "kind" in self.fields:
            default = getattr(self.parent_page.specific, "default_kind", "")
            if default:
                self.initial["kind"] = default
