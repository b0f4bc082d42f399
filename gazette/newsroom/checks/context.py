"""What checks may know beyond the article: published authors and the published archive."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Max

from gazette.newsroom.checks.text import normalise, shingles


@dataclass(frozen=True)
class ArchivedArticle:
    page_id: int
    translation_key: str
    language: str
    title: str
    url: str
    shingles: frozenset[int]


_archive_lock = threading.Lock()
_archive_cache: dict = {"key": None, "items": ()}


def _archive_state() -> tuple:
    from gazette.news.models import ArticlePage

    state = (
        ArticlePage.objects.live()
        .public()
        .aggregate(n=Count("pk"), last=Max("last_published_at"), top=Max("pk"))
    )
    return (state["n"], state["last"], state["top"])


def published_archive() -> tuple[ArchivedArticle, ...]:
    """Return every live article's shingles, rebuilt only when something was published."""
    from gazette.news.models import ArticlePage
    from gazette.newsroom.checks.bodies import read_body
    from gazette.newsroom.checks.document import ArticleText

    key = _archive_state()
    with _archive_lock:
        if _archive_cache["key"] == key:
            return _archive_cache["items"]
        items = []
        pages = ArticlePage.objects.live().public().select_related("locale")
        for page in pages.iterator(chunk_size=200):
            doc = ArticleText(label=page.url_path)
            read_body(page, doc)
            items.append(
                ArchivedArticle(
                    page_id=page.pk,
                    translation_key=str(page.translation_key),
                    language=page.locale.language_code,
                    title=page.title,
                    url=page.url_path,
                    shingles=frozenset(shingles(doc.body_text)),
                )
            )
        _archive_cache.update(key=key, items=tuple(items))
        return _archive_cache["items"]


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
    def archive(self) -> tuple[ArchivedArticle, ...]:
        return published_archive() if self.use_database else ()
