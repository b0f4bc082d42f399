"""Wagtail's own starting rows, which its migrations create and a flush removes."""

from wagtail.models import Collection, Locale, Page


def ensure_wagtail_basics() -> None:
    """Recreate the default locale, root page and root collection when they are gone.

    Browser tests run in transactional tests whose teardown flushes every table; the
    next test on the same worker would otherwise find no page tree at all.
    """
    locale = Locale.objects.filter(language_code="en").first() or Locale.objects.create(
        language_code="en"
    )
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
