"""Site search queries over articles, authors and tags.

Articles and authors go through Wagtail's search backend (SQLite FTS5 by default,
PostgreSQL full-text search with its GIN indexes on PostgreSQL), matched against the
folded copies `gazette.search.indexing` provides. Tags are few and short, so they are
matched in the database on a folded name built from nested REPLACE()s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import F, Func, QuerySet, Value
from django.db.models.functions import Lower, Replace
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from gazette.news.models import ArticlePage, SectionPage
from gazette.news.queries import article_cards
from gazette.people.models import Author
from gazette.search.indexing import body_plain_text

# Folding done in SQL for tags; mirrors gazette.search.normalise for Arabic letters.
_SQL_FOLDS = [("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ـ", "")] + [
    (chr(code), "") for code in [*range(0x064B, 0x0653), 0x0670]
]


@dataclass
class ArticleFilters:
    locale: Locale | None = None
    section: SectionPage | None = None
    date_from: date | None = None
    date_to: date | None = None


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def filtered_articles(filters: ArticleFilters) -> QuerySet[ArticlePage]:
    qs = ArticlePage.objects.live().public()
    if filters.locale is not None:
        qs = qs.filter(locale=filters.locale)
    if filters.section is not None:
        qs = qs.filter(path__startswith=filters.section.path, depth=filters.section.depth + 1)
    if filters.date_from:
        qs = qs.filter(first_published_at__gte=_start_of(filters.date_from))
    if filters.date_to:
        qs = qs.filter(first_published_at__lte=_end_of(filters.date_to))
    return qs


MAX_RESULTS = 500  # readers never page past this; it bounds the work of one search


def search_articles(terms: list[str], filters: ArticleFilters) -> list[int]:
    """Ids of live articles matching every term: best match first, then newest.

    The full-text rank alone ties often (short headlines), and a tied order may differ
    between LIMIT/OFFSET queries; ranking once and sorting here keeps pages stable.
    """
    found = (
        filtered_articles(filters)
        .search(" ".join(terms), operator="and")
        .annotate_score("_score")[:MAX_RESULTS]
    )
    ranked = sorted(
        found,
        key=lambda a: (
            -(a._score or 0),
            -(a.first_published_at.timestamp() if a.first_published_at else 0),
            -a.pk,
        ),
    )
    return [article.pk for article in ranked]


def suggest_articles(
    terms: list[str], filters: ArticleFilters, limit: int = 5
) -> list[ArticlePage]:
    """Articles whose headline starts with what the reader is typing."""
    qs = filtered_articles(filters).autocomplete(" ".join(terms), operator="and")
    return article_cards(list(qs[:limit]))


def result_cards(ids: list[int]) -> list[ArticlePage]:
    """Teaser data and plain body text (for snippets) for one page of results, in order."""
    ids = list(ids)

    found = {a.pk: a for a in article_cards(ArticlePage.objects.filter(pk__in=ids))}
    bodies = dict(ArticlePage.objects.filter(pk__in=ids).values_list("pk", "body"))
    ordered = []
    for pk in ids:
        if pk in found:
            article = found[pk]
            article.plain_text = body_plain_text(bodies.get(pk), asides=False)
            ordered.append(article)
    return ordered


def search_authors(terms: list[str], locale: Locale | None, limit: int = 6) -> list[Author]:
    qs = Author.objects.filter(live=True)
    if locale is not None:
        qs = qs.filter(locale_id=locale.pk)
    results = get_search_backend().search(" ".join(terms), qs, operator="and")[:limit]
    ids = [author.pk for author in results]
    by_id = Author.objects.select_related("locale", "photo").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def suggest_authors(terms: list[str], locale: Locale | None, limit: int = 5) -> list[Author]:
    qs = Author.objects.filter(live=True)
    if locale is not None:
        qs = qs.filter(locale_id=locale.pk)
    found = get_search_backend().autocomplete(" ".join(terms), qs, operator="and")[:limit]
    ids = [author.pk for author in found]
    by_id = Author.objects.select_related("locale").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def _folded_name():
    expression = Lower(F("name"))
    for source, target in _SQL_FOLDS:
        expression = Replace(expression, Value(source), Value(target))
    return expression


def search_tags(terms: list[str], locale: Locale | None, limit: int = 10) -> list[Tag]:
    """Tags on live articles (in the locale) whose folded name contains every term."""
    prefix = "news_articlepagetag_items__content_object"
    qs = Tag.objects.filter(**{f"{prefix}__live": True})
    if locale is not None:
        qs = qs.filter(**{f"{prefix}__locale": locale})
    qs = qs.annotate(folded=_folded_name())
    for term in terms:
        # Tags are not stemmed: match the term's stem as a substring of the folded name.
        qs = qs.filter(folded__contains=term.lower())
    return list(qs.distinct().order_by(Func(F("name"), function="LENGTH"), "name")[:limit])
