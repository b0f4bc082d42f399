"""XML sitemaps: front pages and sections, each section's articles, authors, tags, news.

Django paginates every sitemap at 50,000 URLs (`Sitemap.limit`) and the index lists
each page (`?p=2`…), so a large section splits by itself. A URL whose content exists in
more than one language lists every version as `<xhtml:link rel="alternate" hreflang>`
(Django's sitemap template renders each URL's `alternates`), as the pages' heads do.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import F, Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page

from gazette.home.models import HomePage
from gazette.news.models import ArticlePage, SectionPage
from gazette.news.queries import section_articles
from gazette.people.models import Author
from gazette.seo.metadata import x_default_of
from gazette.seo.urls_helpers import reverse_in, site_for, site_root

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs from one news sitemap
IN_BATCH = 500  # translation keys per query: SQLite caps the parameters of one statement


def hreflang_alternates(versions: dict[str, str]) -> list[dict]:
    """Alternates for one URL from {language: url}, then x-default; none with one language."""
    if len(versions) < 2:
        return []
    ordered = [(code, versions[code]) for code, _name in settings.LANGUAGES if code in versions]
    links = [{"lang_code": code, "location": url} for code, url in ordered]
    links.append({"lang_code": "x-default", "location": x_default_of(ordered)})
    return links


def page_versions(pages, request) -> dict:
    """{translation_key: {language: full URL}} of the live, public versions of these pages."""
    keys = list({page.translation_key for page in pages})
    versions = defaultdict(dict)
    for start in range(0, len(keys), IN_BATCH):
        found = (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys[start : start + IN_BATCH])
            .select_related("locale")
        )
        for page in found:
            versions[page.translation_key][page.locale.language_code] = page.get_full_url(request)
    return versions


class SiteRootMixin:
    """Build `<loc>` from the Wagtail site's root URL, as page URLs are."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_root(self.request)).scheme

    def get_domain(self, site=None):
        return urlsplit(site_root(self.request)).netloc


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap over any list of pages, each giving its own sitemap URLs."""

    def _urls(self, page, protocol, domain):
        urls = []
        pages = list(self.paginator.page(page).object_list)
        versions = page_versions(pages, self.request)
        for item in pages:
            alternates = hreflang_alternates(versions.get(item.translation_key, {}))
            for url in item.get_sitemap_urls(self.request):
                urls.append({**url, "alternates": alternates})
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


class FrontAndSectionsSitemap(PageSitemap):
    """Every language's front page and section pages."""

    def items(self):
        return [*live_pages(HomePage), *live_pages(SectionPage)]


def live_pages(model):
    return model.objects.live().public().order_by("path").select_related("locale")


class SectionSitemap(PageSitemap):
    """The articles of one section (in its language), newest first."""

    def __init__(self, section: SectionPage, request=None):
        super().__init__(request)
        self.section = section

    def items(self):
        return (
            section_articles(self.section)
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")
        )

    def get_latest_lastmod(self):
        return (
            section_articles(self.section).aggregate(latest=Max("last_published_at")).get("latest")
        )


class AuthorSitemap(SiteRootMixin, DjangoSitemap):
    def __init__(self, request=None):
        self.request = request

    def items(self):
        return Author.objects.published().select_related("locale").order_by("locale_id", "slug")

    def location(self, author):
        return author.url

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        keys = list({url["item"].translation_key for url in urls})
        versions = defaultdict(dict)
        for start in range(0, len(keys), IN_BATCH):
            found = (
                Author.objects.published()
                .filter(translation_key__in=keys[start : start + IN_BATCH])
                .select_related("locale")
            )
            for author in found:
                versions[author.translation_key][author.locale.language_code] = (
                    f"{protocol}://{domain}{author.url}"
                )
        for url in urls:
            url["alternates"] = hreflang_alternates(versions[url["item"].translation_key])
        return urls


class TagSitemap(SiteRootMixin, DjangoSitemap):
    """One URL per tag and language that has live articles in that language."""

    def __init__(self, request=None):
        self.request = request

    def items(self):
        prefix = "news_articlepagetag_items__content_object"
        return list(
            Tag.objects.filter(
                **{f"{prefix}__live": True, f"{prefix}__view_restrictions__isnull": True}
            )
            .values("slug", language=F(f"{prefix}__locale__language_code"))
            .annotate(latest=Max(f"{prefix}__last_published_at"))
            .order_by("slug", "language")
        )

    def location(self, item):
        return reverse_in(item["language"], "news:tag", slug=item["slug"])

    def lastmod(self, item):
        return item["latest"]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        # A tag's versions are the languages this sitemap lists it in (those with live
        # articles), read from every item so a page break between two languages loses none.
        on_page = {url["item"]["slug"] for url in urls}
        versions = defaultdict(dict)
        for item in self.items():
            if item["slug"] in on_page:
                versions[item["slug"]][item["language"]] = (
                    f"{protocol}://{domain}{self.location(item)}"
                )
        for url in urls:
            url["alternates"] = hreflang_alternates(versions[url["item"]["slug"]])
        return urls


class NewsSitemap(WagtailSitemap):
    """Articles published in the last 48 hours, for Google News.

    With nothing published in that window the file would be an empty `<urlset>`, which
    the sitemap schema forbids. Google's news-sitemap guidance allows either dropping
    old URLs or keeping them without their `<news:news>` block; we keep the newest
    article of each language without it, so the file stays valid at its fixed address
    (and the site's front pages when no article is published at all).
    """

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        recent = list(
            published_articles()
            .filter(first_published_at__gte=since)
            .order_by("-first_published_at")[:NEWS_LIMIT]
        )
        if recent:
            return recent
        newest = []
        for locale in Locale.objects.order_by("pk"):
            found = published_articles().filter(locale=locale).order_by("-first_published_at")
            newest.extend(found[:1])
        return newest or list(live_pages(HomePage))

    def _urls(self, page, protocol, domain):
        site = site_for(self.request)
        name = site.site_name if site and site.site_name else "Gazette"
        since = timezone.now() - NEWS_WINDOW
        urls = []
        for item in self.paginator.page(page).object_list:
            recent = (
                isinstance(item, ArticlePage)
                and item.first_published_at is not None
                and item.first_published_at >= since
            )
            urls.append(
                {
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at,
                    "item": item,
                    "news": recent,
                    "publication": name,
                    "language": item.locale.language_code,
                }
            )
        return urls


def published_articles():
    return ArticlePage.objects.live().public().select_related("locale").defer_streamfields()


def section_key(section: SectionPage) -> str:
    return f"section-{section.locale.language_code}-{section.pk}"


def all_sitemaps(request) -> dict:
    """Every sitemap in the index, keyed by the name in its URL."""
    sitemaps = {"pages": FrontAndSectionsSitemap(request)}
    for section in SectionPage.objects.live().public().select_related("locale").order_by("path"):
        sitemaps[section_key(section)] = SectionSitemap(section, request)
    sitemaps["authors"] = AuthorSitemap(request)
    sitemaps["tags"] = TagSitemap(request)
    return sitemaps
