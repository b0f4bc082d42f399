"""Listings of the translation desk."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, Subquery
from wagtail.models import Locale

from gazette.news.models import ArticlePage


def _with_desk_relations(queryset):
    return queryset.select_related("locale", "translator", "owner").prefetch_related(
        "article_authors__author"
    )


def awaiting_translation(source: Locale, target: Locale):
    """Published articles in `source` with no version at all in `target`, newest first."""
    in_target = ArticlePage.objects.filter(
        translation_key=OuterRef("translation_key"), locale=target
    )
    return _with_desk_relations(
        ArticlePage.objects.live()
        .public()
        .filter(locale=source, translator__isnull=True)
        .exclude(Exists(in_target))
        .order_by("-first_published_at")
    )


def translations_in_progress():
    """Translations started but not yet published, oldest first (they have waited longest)."""
    from gazette.newsroom.models import TranslationLink

    linked = TranslationLink.objects.filter(translation_id=OuterRef("pk"))
    return _with_desk_relations(
        ArticlePage.objects.filter(live=False)
        .filter(Q(Exists(linked)) | Q(translator__isnull=False))
        .order_by("latest_revision_created_at")
    )


def stale_translations():
    """Published translations whose original was published again after them."""
    source_published = Subquery(
        ArticlePage.objects.live()
        .filter(translation_key=OuterRef("translation_key"), translator__isnull=True)
        .exclude(locale=OuterRef("locale"))
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    return _with_desk_relations(
        ArticlePage.objects.live()
        .filter(translator__isnull=False)
        .annotate(source_published_at=source_published)
        .filter(source_published_at__gt=F("last_published_at"))
        .order_by("-source_published_at")
    )
