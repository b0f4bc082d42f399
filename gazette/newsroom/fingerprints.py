"""Keep each published article's fingerprint and shingle index rows up to date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Coalesce

from gazette.newsroom.checks.bodies import read_body
from gazette.newsroom.checks.document import ArticleText
from gazette.newsroom.checks.text import headline_key, shingles
from gazette.newsroom.models import ArticleFingerprint, ArticleShingle

# Stands in for "never published" so a missing date compares equal to itself in SQL.
_NEVER = datetime(1970, 1, 1, tzinfo=UTC)


@transaction.atomic
def fingerprint_page(page) -> ArticleFingerprint:
    """Compute and store the fingerprint and shingle rows of a published article."""
    doc = ArticleText(label=page.url_path)
    read_body(page, doc)
    mine = sorted(shingles(doc.body_text))
    fingerprint, _ = ArticleFingerprint.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "published_at": page.last_published_at,
            "language": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "title": page.title[:255],
            "url": page.url_path[:255],
            "headline_key": headline_key(page.title),
            "shingle_count": len(mine),
        },
    )
    ArticleShingle.objects.filter(fingerprint_id=page.pk).delete()
    ArticleShingle.objects.bulk_create(
        [ArticleShingle(shingle=value, fingerprint_id=page.pk) for value in mine],
        batch_size=2000,
    )
    return fingerprint


def forget_page(page_id: int) -> None:
    """Drop the fingerprint (and its shingle rows) of an article no longer published."""
    ArticleFingerprint.objects.filter(page_id=page_id).delete()


def _published_articles():
    from gazette.news.models import ArticlePage

    return ArticlePage.objects.live().public()


def articles_missing_fingerprints() -> list[int]:
    """Published articles with no fingerprint, or one older than their last publication."""
    current = (
        ArticleFingerprint.objects.filter(page_id=OuterRef("pk"))
        .annotate(when=Coalesce("published_at", Value(_NEVER)))
        .filter(when=Coalesce(OuterRef("last_published_at"), Value(_NEVER)))
    )
    return list(
        _published_articles().exclude(Exists(current)).order_by("pk").values_list("pk", flat=True)
    )


def drop_unpublished_fingerprints() -> int:
    """Remove fingerprints of articles that are no longer live and public."""
    deleted, _ = ArticleFingerprint.objects.exclude(
        page_id__in=_published_articles().values("pk")
    ).delete()
    return deleted


def fingerprint_articles(
    page_ids: list[int], progress: Callable[[int, int], None] | None = None
) -> int:
    """Fingerprint the given published articles, reporting progress every 100."""
    from gazette.news.models import ArticlePage

    done = 0
    for start in range(0, len(page_ids), 100):
        pages = (
            ArticlePage.objects.live()
            .filter(pk__in=page_ids[start : start + 100])
            .select_related("locale")
        )
        for page in pages:
            fingerprint_page(page)
            done += 1
        if progress:
            progress(done, len(page_ids))
    return done
