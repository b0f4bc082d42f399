"""robots.txt and the sitemap views (index, each sitemap, news)."""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import Http404
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from gazette.seo.sitemaps import NewsSitemap, all_sitemaps
from gazette.seo.urls_helpers import site_for, site_root

SITEMAP_MAX_AGE = 60 * 15


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    site = site_for(request)
    return render(
        request,
        "seo/robots.txt",
        {"root": site_root(request), "site_name": site.site_name if site else "Gazette"},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
@cache_control(max_age=SITEMAP_MAX_AGE, public=True)
def sitemap_index(request):
    """List every sitemap (and each 50,000-URL page of it) at the site's own address."""
    root = site_root(request)
    entries = []
    for name, sitemap in all_sitemaps(request).items():
        if not sitemap.paginator.count:
            continue  # an empty <urlset> is not a valid sitemap; list it once it has URLs
        url = root + reverse("seo:sitemap_section", kwargs={"section": name})
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(url, lastmod))
        entries.extend(
            SitemapIndexItem(f"{url}?p={number}", lastmod)
            for number in range(2, sitemap.paginator.num_pages + 1)
        )
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@require_GET
@cache_control(max_age=SITEMAP_MAX_AGE, public=True)
def sitemap_section(request, section: str):
    sitemaps = all_sitemaps(request)
    if section not in sitemaps or not sitemaps[section].paginator.count:
        raise Http404("No sitemap has this name; the sitemap index lists them all.")
    return sitemap_views.sitemap(request, sitemaps={section: sitemaps[section]}, section=section)


@require_GET
@cache_control(max_age=60 * 5, public=True)
def sitemap_news(request):
    news = NewsSitemap(request)
    if not news.paginator.count:
        raise Http404("Nothing is published yet, so there is no news sitemap.")
    return sitemap_views.sitemap(
        request, sitemaps={"news": news}, template_name="seo/news_sitemap.xml"
    )
