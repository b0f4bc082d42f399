"""Purge on change: work out which pages show a piece of content, and drop exactly those.

The local purge (shared store + pre-rendered files) runs as soon as the change commits,
because a reader must see it within a second; it is a handful of indexed deletes. The
slow part, purging a CDN over HTTP and warming the pages again, goes to a task.
"""

from __future__ import annotations

import logging

from django.db import transaction

from gazette.caching import fragments, prerender, recording
from gazette.caching.store import get_store

log = logging.getLogger("gazette.caching")


def _translations(page) -> list:
    try:
        return list(page.get_translations(inclusive=False).only("id", "url_path", "locale_id"))
    except Exception:  # noqa: BLE001 - a page without a translation key has none
        return []


def keys_for_page(page) -> tuple[set[str], set[str]]:
    """Surrogate keys and canonical URLs of every page that shows `page`."""
    from gazette.news.models import ArticlePage

    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    keys = {recording.page_key(page.pk), recording.FEEDS_KEY}
    urls: set[str] = set()
    related = [page, *_translations(page)]
    keys |= {recording.page_key(p.pk) for p in related}
    for item in related:
        parent = item.get_parent()
        if parent is not None:
            keys.add(recording.section_list_key(parent.pk))
        keys.add(recording.front_list_key(item.locale_id))
        if url := item.get_full_url():
            urls.add(url)
        if parent is not None and (parent_url := parent.get_full_url()):
            urls.add(parent_url)
    if isinstance(page, ArticlePage):
        for byline in page.article_authors.select_related("author"):
            keys.add(recording.author_list_key(byline.author.slug))
        for tag in page.tags.all():
            keys.add(recording.tag_list_key(tag.slug))
    return keys, urls


def keys_for_author(author) -> set[str]:
    return {recording.author_key(author.pk), recording.author_list_key(author.slug)}


def purge_now(keys: set[str]) -> list[str]:
    """Drop tagged pages and fragments from the shared stores and pre-rendered files at once."""
    fragments.purge(keys)
    purged = get_store().purge(keys)
    prerendered = prerender.remove(keys)
    log.info(
        "Purged %d cached and %d pre-rendered pages for %s",
        len(purged),
        len(prerendered),
        " ".join(sorted(keys))[:300],
    )
    return purged


def purge(keys: set[str], urls: set[str] = frozenset()) -> None:
    """Purge now and again on commit; then let a task purge the CDN and warm the pages.

    The first purge reaches readers at once; the second drops any copy a reader
    rendered from the old content before the change was committed.
    """
    from gazette.caching.tasking import enqueue_or_run
    from gazette.caching.tasks import after_purge

    first = purge_now(keys)

    def after_commit():
        second = purge_now(keys)
        enqueue_or_run(after_purge, sorted(set(first) | set(second) | set(urls)))

    transaction.on_commit(after_commit)


def purge_everything() -> None:
    fragments.purge({recording.ALL_KEY})
    get_store().clear()
    prerender.clear()
