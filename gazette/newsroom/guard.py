"""Stop publication when integrity checks find a blocker."""

from __future__ import annotations

from gazette.newsroom.checks import Finding, blockers, check_page


def is_article(page) -> bool:
    from gazette.news.models import ArticlePage

    return isinstance(page, ArticlePage)


def page_blockers(page) -> list[Finding]:
    """Return the blocking findings of an article page (none for other pages)."""
    if not is_article(page):
        return []
    # Only blocking checks: publishing never waits for the archive-wide (warning) checks.
    return blockers(check_page(page, blockers_only=True))


def revision_blockers(revision) -> list[Finding]:
    """Return the blocking findings of the page as saved in `revision`."""
    if revision is None:
        return []
    return page_blockers(revision.as_object())
