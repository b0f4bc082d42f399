"""A page's live translations, loaded once per page object however many parts ask."""

from __future__ import annotations

from wagtail.models import Page

from gazette.core.restrictions import public


def live_translations(page: Page) -> list[Page]:
    """Live, public versions of `page` in the other languages, with their locale."""
    found = getattr(page, "_gazette_live_translations", None)
    if found is None:
        found = list(public(page.get_translations().live()).select_related("locale"))
        page._gazette_live_translations = found
    return found
