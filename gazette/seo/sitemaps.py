"""XML sitemaps: front pages and sections, each section's articles, authors, tags, news.

Django paginates every sitemap at 50,000 URLs (`Sitemap.limit`) and the index lists
each page (`?p=2`…), so a large section splits by itself.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import F, Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from gazette.home.models import HomePage
from gazette.news.models import ArticlePage, SectionPage
from gazette.news.queries import section_articles
from gazette.people.models import Author
from gazette.seo.urls_helpers import reverse_in, site_for, site_root

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs from one news sitemap


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
        for item in self.paginator.page(page).object_list:
            urls.extend(item.get_sitemap_urls(self.request))
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


class NewsSitemap(WagtailSitemap):
    """Articles published in the last 48 hours, for Google News."""

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return (
            ArticlePage.objects.live()
            .public()
            .filter(first_published_at__gte=since)
            .select_related("locale")
            .defer_streamfields()
            .order_by("-first_published_at")[:NEWS_LIMIT]
        )

    def _urls(self, page, protocol, domain):
        site = site_for(self.request)
        name = site.site_name if site and site.site_name else "Gazette"
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.append(
                {
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at,
                    "item": item,
                    "publication": name,
                    "language": item.locale.language_code,
                }
            )
        return urls


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
