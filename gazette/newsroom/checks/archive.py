"""The published archive as the duplicate checks see it: who shares an article's shingles,
who has its headline.

`IndexedArchive` asks the database, where every published article's shingles are rows of
an inverted index (`ArticleShingle`): one indexed query per check, whatever the size of
the archive, and nothing to load when a process starts. `MemoryArchive` holds a few
articles in memory, for checks run without a database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gazette.newsroom.checks.text import headline_key


@dataclass(frozen=True)
class ArchivedArticle:
    page_id: int
    translation_key: str
    language: str
    title: str
    url: str
    shingle_count: int


class IndexedArchive:
    """Published articles, found through the shingle and headline indexes in the database."""

    def similar(self, mine: set[int], min_shared: int) -> list[tuple[ArchivedArticle, int]]:
        """Articles sharing at least `min_shared` of `mine`, with the count, most first."""
        from django.db import connection

        from gazette.newsroom.models import ArticleFingerprint, ArticleShingle

        if not mine:
            return []
        shingles = sorted(mine)
        # SQLite caps the parameters of one statement; PostgreSQL takes them all at once.
        size = max((connection.features.max_query_params or 20000) - 50, 100)
        table = connection.ops.quote_name(ArticleShingle._meta.db_table)
        shared: Counter = Counter()
        with connection.cursor() as cursor:
            for start in range(0, len(shingles), size):
                chunk = shingles[start : start + size]
                # Plain SQL: building this IN list through the ORM costs more than the query.
                cursor.execute(
                    f"SELECT fingerprint_id, COUNT(*) FROM {table} "  # noqa: S608 - no user input
                    f"WHERE shingle IN ({', '.join(['%s'] * len(chunk))}) GROUP BY fingerprint_id",
                    chunk,
                )
                shared.update(dict(cursor.fetchall()))
        candidates = {page_id: n for page_id, n in shared.items() if n >= min_shared}
        if not candidates:
            return []
        found = ArticleFingerprint.objects.filter(page_id__in=list(candidates))
        matches = [
            (_archived(fingerprint), candidates[fingerprint.page_id]) for fingerprint in found
        ]
        return sorted(matches, key=lambda match: -match[1])

    def same_headline(self, title: str) -> list[ArchivedArticle]:
        """Published articles whose headline reads the same as `title`."""
        from gazette.newsroom.models import ArticleFingerprint

        key = headline_key(title)
        if not key:
            return []
        return [_archived(f) for f in ArticleFingerprint.objects.filter(headline_key=key)]


def _archived(fingerprint) -> ArchivedArticle:
    return ArchivedArticle(
        page_id=fingerprint.page_id,
        translation_key=fingerprint.translation_key,
        language=fingerprint.language,
        title=fingerprint.title,
        url=fingerprint.url,
        shingle_count=fingerprint.shingle_count,
    )


@dataclass
class MemoryArchive:
    """A handful of articles held in memory (checks without a database, tests)."""

    items: dict[int, tuple[ArchivedArticle, frozenset[int]]] = field(default_factory=dict)

    def add(self, item: ArchivedArticle, shingles: set[int]) -> None:
        self.items[item.page_id] = (item, frozenset(shingles))

    def similar(self, mine: set[int], min_shared: int) -> list[tuple[ArchivedArticle, int]]:
        matches = [(item, len(mine & theirs)) for item, theirs in self.items.values()]
        return sorted((m for m in matches if m[1] >= min_shared), key=lambda m: -m[1])

    def same_headline(self, title: str) -> list[ArchivedArticle]:
        key = headline_key(title)
        return [item for item, _ in self.items.values() if key and headline_key(item.title) == key]
