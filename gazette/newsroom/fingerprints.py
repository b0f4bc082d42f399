"""Keep each published article's fingerprint (shingles) up to date."""

from __future__ import annotations

from django.db import transaction

from gazette.newsroom.checks.bodies import read_body
from gazette.newsroom.checks.document import ArticleText
from gazette.newsroom.checks.text import shingles
from gazette.newsroom.models import ArticleFingerprint


@transaction.atomic
def fingerprint_page(page) -> ArticleFingerprint:
    """Compute and store the fingerprint of a published article."""
    doc = ArticleText(label=page.url_path)
    read_body(page, doc)
    fingerprint, _ = ArticleFingerprint.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "published_at": page.last_published_at,
            "language": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "title": page.title[:255],
            "url": page.url_path[:255],
            "shingles": sorted(shingles(doc.body_text)),
        },
    )
    return fingerprint


def forget_page(page_id: int) -> None:
    """Drop the fingerprint of an article that is no longer published."""
    ArticleFingerprint.objects.filter(page_id=page_id).delete()
