"""Sitemaps validate against their XML schemas and list what search engines should crawl;
robots.txt points at them."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from lxml import etree

from gazette.seo.tests.helpers import bilingual_story
from gazette.seo.tests.schemas import SITEINDEX_XSD, news_schema, sitemap_xsd, validate
from gazette.testing.factories import make_article

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def locs(content: bytes) -> list[str]:
    return [el.text for el in etree.fromstring(content).iter(f"{SM}loc")]


def test_index_and_every_sitemap_validate(client, magazine, tmp_path):
    schema = sitemap_xsd()
    story = bilingual_story(magazine)
    old = make_article(magazine["sections"]["news"], title="An old story", days_ago=30)

    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    validate(index.content, SITEINDEX_XSD, tmp_path)
    sitemap_urls = locs(index.content)
    assert "http://localhost/sitemap-authors.xml" in sitemap_urls
    assert "http://localhost/sitemap-tags.xml" in sitemap_urls

    every_url = []
    for url in sitemap_urls:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        validate(response.content, schema, tmp_path)
        every_url += locs(response.content)
    expected = {
        "http://localhost/",
        "http://localhost/ar/",
        "http://localhost/opinion/",
        "http://localhost/ar/opinion/",
        story["en"].full_url,
        story["ar"].full_url,
        old.full_url,
        "http://localhost/authors/layla-haddad/",
        "http://localhost/ar/authors/layla-haddad/",
        "http://localhost/tags/ports/",
        "http://localhost/ar/tags/ports/",
    }
    assert expected <= set(every_url), expected - set(every_url)
    assert len(every_url) == len(set(every_url)), "a URL is listed twice"


def test_sections_paginate(client, magazine, tmp_path, monkeypatch):
    from gazette.seo import sitemaps

    monkeypatch.setattr(sitemaps.SectionSitemap, "limit", 2)
    for i in range(5):
        make_article(magazine["sections"]["report"], days_ago=i)
    section = magazine["sections"]["report"]
    name = f"sitemap-section-en-{section.pk}.xml"
    index_urls = locs(client.get("/sitemap.xml").content)
    assert [u for u in index_urls if name in u] == [
        f"http://localhost/{name}",
        f"http://localhost/{name}?p=2",
        f"http://localhost/{name}?p=3",
    ]
    third = client.get(f"/{name}", {"p": 3})
    validate(third.content, sitemap_xsd(), tmp_path)
    assert len(locs(third.content)) == 1


def test_news_sitemap_lists_the_last_48_hours(client, magazine, tmp_path):
    story = bilingual_story(magazine)
    make_article(magazine["sections"]["news"], title="Last week", days_ago=7)
    response = client.get("/sitemap-news.xml")
    validate(response.content, news_schema(tmp_path), tmp_path)
    tree = etree.fromstring(response.content)
    entries = {
        url.findtext(f"{SM}loc"): url.find(f"{NEWS}news") for url in tree.findall(f"{SM}url")
    }
    assert set(entries) == {story["en"].full_url, story["ar"].full_url}
    arabic = entries[story["ar"].full_url]
    assert arabic.findtext(f"{NEWS}publication/{NEWS}language") == "ar"
    assert arabic.findtext(f"{NEWS}title") == story["ar"].title
    published = arabic.findtext(f"{NEWS}publication_date")
    assert published.startswith(str(timezone.now().date())) or published.startswith(
        str((timezone.now() - timedelta(days=1)).date())
    )


def test_robots_txt_points_at_the_sitemaps(client, magazine):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
