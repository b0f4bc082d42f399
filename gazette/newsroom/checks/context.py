"""What checks may know beyond the article: published authors and the published archive."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from gazette.newsroom.checks.archive import IndexedArchive, MemoryArchive
from gazette.newsroom.checks.text import normalise

# How the archive's missing fingerprints get made: here and now (the command line, which
# shows progress), or by the worker (a request must not wait for them).
INLINE = "inline"
QUEUE = "queue"


def published_archive(
    backfill: str = QUEUE, progress: Callable[[int, int], None] | None = None
) -> IndexedArchive:
    """Bring the stored fingerprints in line with what is published; return the archive.

    Fingerprints are written by a task when an article is published. Articles that went
    live without it (a bulk import, a restore, a worker that was down) are fingerprinted
    here (`INLINE`) or by one queued task (`QUEUE`); until then they are not compared.
    """
    from gazette.newsroom import fingerprints

    fingerprints.drop_unpublished_fingerprints()
    missing = fingerprints.articles_missing_fingerprints()
    if missing and backfill == INLINE:
        fingerprints.fingerprint_articles(missing, progress)
    elif missing:
        from gazette.newsroom.tasks import queue_missing_fingerprints

        queue_missing_fingerprints()
    return IndexedArchive()


class CheckContext:
    """Lazily loaded facts from the database; one per run, shared by all checks."""

    def __init__(
        self,
        use_database: bool = True,
        backfill: str = QUEUE,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.use_database = use_database
        self.backfill = backfill
        self.progress = progress

    @cached_property
    def published_author_names(self) -> set[str]:
        if not self.use_database:
            return set()
        from gazette.people.models import Author

        return {
            normalise(name) for name in Author.objects.published().values_list("name", flat=True)
        }

    @cached_property
    def archive(self) -> IndexedArchive | MemoryArchive:
        if not self.use_database:
            return MemoryArchive()
        return published_archive(self.backfill, self.progress)
