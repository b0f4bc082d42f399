"""The search page and the JSON suggestions behind the search box."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from gazette.news.models import SectionPage
from gazette.search.forms import ALL_LANGUAGES, SearchForm
from gazette.search.highlight import highlight, snippet
from gazette.search.normalise import query_terms
from gazette.search.queries import (
    ArticleFilters,
    result_cards,
    search_articles,
    search_authors,
    search_tags,
    suggest_articles,
    suggest_authors,
)

SUGGEST_LIMIT = 5


def _sections(locale: Locale) -> list[SectionPage]:
    return list(SectionPage.objects.live().public().filter(locale=locale).order_by("path"))


def _valid_data(form: SearchForm) -> dict:
    """The fields that passed validation; a bad date or section is ignored, not fatal."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})


def _filters(form: SearchForm, sections: list[SectionPage]) -> tuple[ArticleFilters, Locale | None]:
    data = _valid_data(form)
    language = data.get("language") or ""
    if language == ALL_LANGUAGES:
        locale = None
    elif language:
        locale = Locale.objects.filter(language_code=language).first()
    else:
        locale = Locale.get_active()
    section = None
    if data.get("section"):
        slug = data["section"]
        section = next((s for s in sections if s.slug == slug), None)
        if locale is not None and section is not None and section.locale_id != locale.pk:
            # The same section in the chosen language (sections share slugs across languages).
            section = SectionPage.objects.live().filter(slug=slug, locale=locale).first()
    filters = ArticleFilters(
        locale=locale,
        section=section,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    return filters, locale


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page") or 1))
    except (TypeError, ValueError):
        return 1


@require_GET
def search_page(request):
    """Search articles, authors and tags; show a page of results with the matches marked."""
    active = Locale.get_active()
    sections = _sections(active)
    form = SearchForm(request.GET or None, sections=sections)
    query = _valid_data(form).get("q", "")
    filters, locale = _filters(form, sections)
    terms = query_terms(query)
    context = {
        "form": form,
        "query": query,
        "terms": terms,
        "seo_view": "search",
        "filtered": bool(request.GET),
        "sections": sections,
    }
    if terms:
        paginator = Paginator(search_articles(terms, filters), settings.GAZETTE_PAGE_SIZE)
        try:
            page_obj = paginator.page(_page_number(request))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(paginator.num_pages or 1)
        articles = result_cards(page_obj.object_list)
        for article in articles:
            article.title_marked = highlight(article.title, terms)
            article.snippet = snippet(f"{article.standfirst} {article.plain_text}".strip(), terms)
        first_page = page_obj.number == 1
        context.update(
            page_obj=page_obj,
            articles=articles,
            total=paginator.count,
            authors=search_authors(terms, locale) if first_page else [],
            tags=search_tags(terms, locale) if first_page else [],
            querystring=request.GET.copy(),
        )
        context["querystring"].pop("page", None)
    return render(request, "search/search_page.html", context)


@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    """JSON suggestions for the search box: articles, authors and tags."""
    active = Locale.get_active()
    form = SearchForm(request.GET or None, sections=_sections(active))
    query = _valid_data(form).get("q", "")
    filters, locale = _filters(form, [])
    terms = query_terms(query)
    payload = {"query": query, "articles": [], "authors": [], "tags": []}
    if terms:
        payload["articles"] = [
            {
                "title": article.title,
                "url": article.get_url(request),
                "section": article.card_section.title if article.card_section else "",
                "published": article.first_published_at.isoformat()
                if article.first_published_at
                else None,
                "language": article.locale.language_code,
            }
            for article in suggest_articles(terms, filters, SUGGEST_LIMIT)
        ]
        payload["authors"] = [
            {"name": author.name, "url": author.url, "role": author.role}
            for author in suggest_authors(terms, locale, SUGGEST_LIMIT)
        ]
        payload["tags"] = [
            {"name": tag.name, "url": reverse("news:tag", kwargs={"slug": tag.slug})}
            for tag in search_tags(terms, locale, SUGGEST_LIMIT)
        ]
    payload["search_url"] = reverse("sitesearch:search")
    payload["message"] = "" if terms else _("Type a word to search for.")
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
