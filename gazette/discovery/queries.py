"""Reading discovery data for pages and the admin, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from gazette.caching import recording
from gazette.discovery.models import ArticleDiscovery, DailyViews, HourlyViews
from gazette.discovery.rollup import POPULAR_GENERATION_KEY
from gazette.news.models import ArticlePage
from gazette.news.queries import article_cards, live_articles

PERIODS = {"24h": _("24 hours"), "7d": _("7 days"), "30d": _("30 days")}
PERIOD_DAYS = {"24h": 1, "7d": 7, "30d": 30}
POPULAR_CACHE_SECONDS = 60  # the rail is at most a minute behind the roll-up
RAIL_SIZE = 5


def period_views(period: str, now: datetime | None = None) -> QuerySet:
    """View rows inside a period: exact hours for 24h, whole UTC days otherwise."""
    now = now or datetime.now(tz=UTC)
    if period == "24h":
        start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=23)
        return HourlyViews.objects.filter(hour__gte=start)
    days = PERIOD_DAYS.get(period, 7)
    return DailyViews.objects.filter(day__gte=now.date() - timedelta(days=days - 1))


def rank_popular(
    language: str, period: str, section_id: int | None = None, limit: int = RAIL_SIZE
) -> list[tuple[int, int]]:
    """(article id, views) of the most read articles, best first (one query)."""
    qs = period_views(period).filter(article__locale__language_code=language)
    if section_id is not None:
        qs = qs.filter(article__path__startswith=_section_path(section_id))
    qs = (
        qs.exclude(article__discovery__exclude_from_popular=True)
        .values("article_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-article_id")
    )
    # A few spare ids in case some are unpublished or restricted since they were counted.
    return [(row["article_id"], row["total"]) for row in qs[: limit * 2]]


def _section_path(section_id: int) -> str:
    from wagtail.models import Page

    return Page.objects.filter(pk=section_id).values_list("path", flat=True).first() or "-"


def popular_ranking(language: str, period: str, section_id: int | None = None) -> list[int]:
    """Cached popular ids for a language, period and (optionally) section."""
    generation = cache.get(POPULAR_GENERATION_KEY, 0)
    key = f"discovery:popular:{generation}:{language}:{period}:{section_id or 0}"
    ids = cache.get(key)
    if ids is None:
        ids = [pk for pk, _views in rank_popular(language, period, section_id)]
        cache.set(key, ids, POPULAR_CACHE_SECONDS)
    return ids


@dataclass
class PopularList:
    period: str
    label: str
    articles: list[ArticlePage]


def popular_rankings(language: str, section_id: int | None = None) -> dict[str, list[int]]:
    """The cached ranking of every period (what the rail shows, by article id)."""
    return {p: popular_ranking(language, p, section_id) for p in PERIODS}


def popular_rail(
    language: str, section_id: int | None = None, limit: int = RAIL_SIZE, rankings=None
) -> list[PopularList]:
    """Popular Posts for every period, with teaser data for all of them in one pass."""
    rankings = rankings or popular_rankings(language, section_id)
    wanted = {pk for ids in rankings.values() for pk in ids}
    if not wanted:
        return []
    cards = {a.pk: a for a in article_cards(live_articles().filter(pk__in=wanted))}
    lists = []
    for period, label in PERIODS.items():
        articles = [cards[pk] for pk in rankings[period] if pk in cards][:limit]
        lists.append(PopularList(period, label, articles))
    return lists


# --- You May Also Like ------------------------------------------------------------
def stored_related_ids(article: ArticlePage) -> list[int] | None:
    """The stored related list, or None when it has not been computed yet."""
    row = (
        ArticleDiscovery.objects.filter(article_id=article.pk)
        .values_list("related_ids", "computed_at")
        .first()
    )
    if row is None:
        return None
    ids, computed_at = row
    if computed_at is None and not ids:
        return None  # settings saved but nothing pinned and nothing computed yet
    return ids


def recent_alike(article: ArticlePage, limit: int, exclude=()) -> list[ArticlePage]:
    """Interim relatives while the stored list is being computed: shared tags or section."""
    tags = article.tag_list()
    tag_ids = [tag.pk for tag in tags]
    section_path = article.path[: len(article.path) - article.steplen]
    # Made from the newest articles of its section and tags: changes when one is published.
    recording.add(recording.section_list_key(article.get_parent().pk))
    recording.add(*(recording.tag_list_key(tag.slug) for tag in tags))
    qs = (
        live_articles(article.locale)
        .exclude(pk__in=[article.pk, *exclude])
        .filter(Q(tagged_items__tag_id__in=tag_ids) | Q(path__startswith=section_path))
        .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
        .order_by("-shared", "-first_published_at")
    )
    return article_cards(qs[:limit])


UNREAD = object()


def related_articles(article: ArticlePage, limit: int = 4, related_ids=UNREAD) -> list[ArticlePage]:
    """The articles for "You May Also Like": the stored list in order, topped up if short.

    `related_ids` is the stored list when the caller has read it already.
    """
    ids = stored_related_ids(article) if related_ids is UNREAD else related_ids
    if ids is None:
        return recent_alike(article, limit)
    ids = ids[: limit * 2]
    cards = {a.pk: a for a in article_cards(live_articles().filter(pk__in=ids))} if ids else {}
    chosen = [cards[pk] for pk in ids if pk in cards][:limit]
    if len(chosen) < limit:
        chosen += recent_alike(article, limit - len(chosen), exclude=[a.pk for a in chosen])
    return chosen


# --- Admin reports --------------------------------------------------------------------
def views_by_day(article_id: int, days: int = 30, today: date | None = None) -> list[tuple]:
    """(day, views) for each of the last `days` days, zeros included."""
    today = today or datetime.now(tz=UTC).date()
    start = today - timedelta(days=days - 1)
    found = dict(
        DailyViews.objects.filter(article_id=article_id, day__gte=start).values_list("day", "views")
    )
    return [
        (start + timedelta(days=i), found.get(start + timedelta(days=i), 0)) for i in range(days)
    ]


def top_articles(
    period: str, language: str | None = None, section_id: int | None = None, limit: int = 50
) -> list[dict]:
    """The most read articles of a period, for the admin report."""
    qs = period_views(period)
    if language:
        qs = qs.filter(article__locale__language_code=language)
    if section_id:
        qs = qs.filter(article__path__startswith=_section_path(section_id))
    return list(
        qs.values(
            "article_id",
            "article__title",
            "article__locale__language_code",
            "article__discovery__exclude_from_popular",
        )
        .annotate(total=Sum("views"))
        .order_by("-total", "-article_id")[:limit]
    )


def views_per_section(period: str, language: str | None = None) -> list[dict]:
    """Total views per section for a period."""
    from gazette.news.models import SectionPage

    rows = period_views(period)
    if language:
        rows = rows.filter(article__locale__language_code=language)
    steplen = ArticlePage.steplen
    totals: dict[str, int] = {}
    for path, views in rows.values_list("article__path", "views"):
        totals[path[:-steplen]] = totals.get(path[:-steplen], 0) + views
    sections = SectionPage.objects.filter(path__in=totals).select_related("locale")
    result = [
        {"section": s, "language": s.locale.language_code, "total": totals[s.path]}
        for s in sections
    ]
    return sorted(result, key=lambda r: -r["total"])


def views_per_author(period: str, language: str | None = None, limit: int = 50) -> list[dict]:
    """Total views per author (each co-author gets the article's views) for a period."""
    from gazette.news.models import ArticleAuthor

    rows = period_views(period)
    if language:
        rows = rows.filter(article__locale__language_code=language)
    per_article = dict(
        rows.values("article_id").annotate(t=Sum("views")).values_list("article_id", "t")
    )
    totals: dict[int, int] = {}
    names: dict[int, str] = {}
    bylines = ArticleAuthor.objects.filter(page_id__in=per_article).values_list(
        "page_id", "author_id", "author__name"
    )
    for page_id, author_id, name in bylines:
        totals[author_id] = totals.get(author_id, 0) + per_article[page_id]
        names[author_id] = name
    ranked = sorted(totals.items(), key=lambda item: -item[1])[:limit]
    return [{"author_id": a, "name": names[a], "total": t} for a, t in ranked]
