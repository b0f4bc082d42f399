"""State changes of the discovery app, one function each, in a transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from gazette.discovery.documents import article_document
from gazette.discovery.index import index_document, remove_document
from gazette.discovery.models import ArticleDiscovery, IndexedArticle, RelatedExclusion, RelatedPin
from gazette.discovery.relate import STORED, rank_related
from gazette.discovery.rollup import refresh_popular
from gazette.discovery.variety import vary
from gazette.news.models import ArticlePage


def reindex_article(article_id: int) -> bool:
    """Bring one article's index entry up to date; True when it is live and indexed."""
    page = ArticlePage.objects.live().public().filter(pk=article_id).first()
    if page is None:
        remove_document(article_id)
        return False
    index_document(article_document(page))
    return True


def unindex_article(article_id: int) -> None:
    """Remove an unpublished or deleted article from the index."""
    remove_document(article_id)


def merge_editor_choices(computed: list[int], pinned: list[int], excluded: set[int]) -> list[int]:
    """Pinned articles first, then the computed ones, never an excluded one."""
    merged = [pk for pk in pinned if pk not in excluded]
    merged += [pk for pk in computed if pk not in excluded and pk not in merged]
    return merged


@transaction.atomic
def apply_editor_choices(discovery: ArticleDiscovery) -> ArticleDiscovery:
    """Recompute the list readers see from the stored ranking and the editors' pins."""
    pinned = list(
        RelatedPin.objects.filter(discovery=discovery)
        .order_by("sort_order")
        .values_list("target_id", flat=True)
    )
    excluded = set(
        RelatedExclusion.objects.filter(discovery=discovery).values_list("target_id", flat=True)
    )
    excluded.add(discovery.article_id)
    discovery.related_ids = merge_editor_choices(discovery.computed_ids, pinned, excluded)
    ArticleDiscovery.objects.filter(pk=discovery.pk).update(related_ids=discovery.related_ids)
    return discovery


@transaction.atomic
def relate_article(article_id: int) -> list[int]:
    """Compute and store the related list of one indexed article."""
    ranked = [pk for pk, _score in rank_related(article_id, limit=STORED)]
    titles = dict(
        ArticlePage.objects.filter(pk__in=[article_id, *ranked]).values_list("pk", "title")
    )
    ranked = vary(titles.get(article_id, ""), ranked, titles)
    discovery, _created = ArticleDiscovery.objects.get_or_create(article_id=article_id)
    discovery.computed_ids = ranked
    discovery.computed_at = timezone.now()
    discovery.save(update_fields=["computed_ids", "computed_at"])
    apply_editor_choices(discovery)
    return discovery.related_ids


def neighbours_to_refresh(article_id: int, ranked: list[int]) -> list[int]:
    """Articles whose lists may now include this one: its relatives and translations."""
    key = IndexedArticle.objects.filter(pk=article_id).values_list("translation_key", flat=True)
    siblings = IndexedArticle.objects.filter(translation_key__in=key).exclude(pk=article_id)
    return list(dict.fromkeys(list(siblings.values_list("pk", flat=True)) + ranked))


def set_popular_exclusion(article: ArticlePage, excluded: bool) -> ArticleDiscovery:
    """Keep an article out of (or let it back into) Popular Posts."""
    discovery, _created = ArticleDiscovery.objects.get_or_create(article=article)
    discovery.exclude_from_popular = excluded
    discovery.save(update_fields=["exclude_from_popular"])
    transaction.on_commit(refresh_popular)
    return discovery
