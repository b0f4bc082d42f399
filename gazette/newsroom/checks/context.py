"""What checks may know beyond the article: published authors and the published archive."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from gazette.newsroom.checks.text import normalise


@dataclass(frozen=True)
class ArchivedArticle:
    page_id: int
    translation_key: str
    language: str
    title: str
    url: str
    shingles: frozenset[int]
    published_at: object = None


@dataclass
class Archive:
    """Every live article's shingles, kept in memory and refreshed incrementally."""

    items: dict[int, ArchivedArticle] = field(default_factory=dict)

    def add(self, item: ArchivedArticle) -> None:
        self.items[item.page_id] = item

    def remove(self, page_id: int) -> None:
        self.items.pop(page_id, None)

    def overlaps(self, mine: set[int]) -> Counter:
        """Count, for each archived article, how many of `mine` it shares."""
        mine = frozenset(mine)
        counts: Counter = Counter()
        for page_id, item in self.items.items():
            if shared := len(mine & item.shingles):
                counts[page_id] = shared
        return counts

    def __iter__(self):
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)


_lock = threading.Lock()
_archive = Archive()


def published_archive() -> Archive:
    """Bring the process's archive up to date from the stored fingerprints.

    Fingerprints are written by a task when an article is published; one missing or out
    of date (published before the task ran) is computed here, once, and stored.
    """
    from gazette.news.models import ArticlePage
    from gazette.newsroom.fingerprints import fingerprint_page
    from gazette.newsroom.models import ArticleFingerprint

    live = dict(ArticlePage.objects.live().public().values_list("pk", "last_published_at"))
    stored = dict(ArticleFingerprint.objects.values_list("page_id", "published_at"))
    missing = [pk for pk, published in live.items() if pk not in stored or stored[pk] != published]
    for page in (
        ArticlePage.objects.filter(pk__in=missing).select_related("locale").iterator(chunk_size=200)
    ):
        fingerprint_page(page)
    with _lock:
        for page_id in [pk for pk in _archive.items if pk not in live]:
            _archive.remove(page_id)
        changed = [
            pk
            for pk, published in live.items()
            if pk not in _archive.items or _archive.items[pk].published_at != published
        ]
        for start in range(0, len(changed), 500):
            batch = ArticleFingerprint.objects.filter(page_id__in=changed[start : start + 500])
            for fingerprint in batch:
                _archive.remove(fingerprint.page_id)
                _archive.add(
                    ArchivedArticle(
                        page_id=fingerprint.page_id,
                        translation_key=fingerprint.translation_key,
                        language=fingerprint.language,
                        title=fingerprint.title,
                        url=fingerprint.url,
                        shingles=frozenset(fingerprint.shingles),
                        published_at=fingerprint.published_at,
                    )
                )
        return _archive


def forget_archive() -> None:
    """Empty the process's archive (tests start each from a fresh database)."""
    with _lock:
        _archive.items.clear()


class CheckContext:
    """Lazily loaded facts from the database; one per run, shared by all checks."""

    def __init__(self, use_database: bool = True):
        self.use_database = use_database

    @cached_property
    def published_author_names(self) -> set[str]:
        if not self.use_database:
            return set()
        from gazette.people.models import Author

        return {
            normalise(name) for name in Author.objects.published().values_list("name", flat=True)
        }

    @cached_property
    def archive(self) -> Archive:
        return published_archive() if self.use_database else Archive()
