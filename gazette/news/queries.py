"""Listing queries for articles: one named place, each with a fixed number of queries.

Every listing goes through `article_cards`, which fetches bylines, photos, hero
renditions and section names up front, so templates never query per item.
"""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from gazette.news.models import ArticleAuthor, ArticleKind, ArticlePage, SectionPage

# Renditions the templates ask for; prefetched so `{% image %}` never queries.
CARD_RENDITIONS = ("fill-480x270|format-webp", "fill-960x540|format-webp")
LEAD_RENDITIONS = ("fill-800x450|format-webp", "fill-1200x675|format-webp")
AVATAR_RENDITIONS = ("fill-96x96|format-webp",)


def live_articles(locale: Locale | None = None) -> QuerySet[ArticlePage]:
    qs = ArticlePage.objects.live().public()
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs.order_by("-first_published_at", "-pk")


def section_articles(section: SectionPage) -> QuerySet[ArticlePage]:
    return live_articles().child_of(section)


def tag_articles(tag_slug: str, locale: Locale) -> QuerySet[ArticlePage]:
    return live_articles(locale).filter(tags__slug=tag_slug).distinct()


def author_articles(author) -> QuerySet[ArticlePage]:
    return live_articles().filter(article_authors__author=author).distinct()


def byline_queryset() -> QuerySet[ArticleAuthor]:
    """Bylines with their author, the author's locale (for the URL) and photo renditions."""
    photos = get_image_model().objects.prefetch_renditions(*AVATAR_RENDITIONS)
    return (
        ArticleAuthor.objects.select_related("author__locale")
        .prefetch_related(Prefetch("author__photo", queryset=photos))
        .order_by("sort_order", "pk")
    )


def bylines_of(article: ArticlePage) -> list[ArticleAuthor]:
    return list(byline_queryset().filter(page=article))


def with_card_data(qs: QuerySet[ArticlePage], renditions=CARD_RENDITIONS) -> QuerySet[ArticlePage]:
    """Fetch what a teaser shows: bylines with photos, and hero renditions."""
    images = get_image_model().objects.prefetch_renditions(*renditions)
    bylines = byline_queryset()
    return (
        qs.select_related("locale")
        .defer_streamfields()
        .prefetch_related(
            Prefetch("hero_image", queryset=images),
            Prefetch("article_authors", queryset=bylines),
        )
    )


def attach_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Set `card_section` on each article from one query over the sections."""
    if not articles:
        return articles
    steplen = ArticlePage.steplen
    parent_paths = {a.path[: len(a.path) - steplen] for a in articles}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.card_section = sections.get(article.path[: len(article.path) - steplen])
    return articles


def article_cards(qs, renditions=CARD_RENDITIONS) -> list[ArticlePage]:
    """Evaluate a listing into teaser-ready articles."""
    if isinstance(qs, QuerySet):
        qs = with_card_data(qs, renditions)
    return attach_sections(list(qs))


def latest_per_section(home: Page, per_section: int = 4) -> dict[int, list[ArticlePage]]:
    """The newest `per_section` articles of each section under `home`, in one query."""
    steplen = ArticlePage.steplen
    section_path_len = (home.depth + 1) * steplen
    ranked = (
        live_articles()
        .descendant_of(home)
        .annotate(
            section_path=Substr("path", 1, section_path_len),
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, section_path_len)],
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
    )
    grouped: dict[str, list[ArticlePage]] = {}
    for article in article_cards(ranked):
        grouped.setdefault(article.section_path, []).append(article)
    return grouped


def also_like(article: ArticlePage, limit: int = 4) -> list[ArticlePage]:
    """ "You May Also Like": the list the discovery app computed in the background."""
    from gazette.discovery.queries import related_articles

    return related_articles(article, limit)


def opinion_rail(locale: Locale, limit: int = 6) -> list[ArticlePage]:
    return article_cards(live_articles(locale).filter(kind=ArticleKind.OPINION)[:limit])


def caricature_of_the_day(locale: Locale) -> ArticlePage | None:
    found = article_cards(
        live_articles(locale).filter(kind=ArticleKind.CARICATURE)[:1], renditions=LEAD_RENDITIONS
    )
    return found[0] if found else None
