"""Sitemaps validate against their XML schemas and list what search engines should crawl;
robots.txt points at them."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from lxml import etree

from gazette.seo.tests.helpers import bilingual_story
from gazette.seo.tests.schemas import SITEINDEX_XSD, urlset_schema, validate
from gazette.testing.factories import make_article

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def locs(content: bytes) -> list[str]:
    return [el.text for el in etree.fromstring(content).iter(f"{SM}loc")]


def alternates(content: bytes) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of every <url> in a urlset that lists language versions."""
    found = {}
    for url in etree.fromstring(content).iter(f"{SM}url"):
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link[@rel='alternate']")
        }
        if links:
            found[url.findtext(f"{SM}loc")] = links
    return found


def every_sitemap(client, tmp_path) -> dict[str, bytes]:
    """{sitemap URL: content} for each sitemap the index lists, each validated."""
    index = client.get("/sitemap.xml")
    validate(index.content, SITEINDEX_XSD, tmp_path)
    contents = {}
    for url in locs(index.content):
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, url
        validate(response.content, urlset_schema(tmp_path), tmp_path)
        contents[url] = response.content
    return contents


def test_index_and_every_sitemap_validate(client, magazine, tmp_path):
    schema = urlset_schema(tmp_path)
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
    validate(third.content, urlset_schema(tmp_path), tmp_path)
    assert len(locs(third.content)) == 1


def test_news_sitemap_lists_the_last_48_hours(client, magazine, tmp_path):
    story = bilingual_story(magazine)
    make_article(magazine["sections"]["news"], title="Last week", days_ago=7)
    response = client.get("/sitemap-news.xml")
    validate(response.content, urlset_schema(tmp_path), tmp_path)
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


def test_translated_urls_list_every_language_version(client, magazine, tmp_path):
    story = bilingual_story(magazine)
    alone = make_article(magazine["sections"]["news"], title="Only in English", tags=["ports"])
    found = {}
    for content in every_sitemap(client, tmp_path).values():
        found.update(alternates(content))

    article_versions = {
        "en": story["en"].full_url,
        "ar": story["ar"].full_url,
        "x-default": story["en"].full_url,
    }
    # Each version names all of them, itself included, as Google asks.
    assert found[story["en"].full_url] == article_versions
    assert found[story["ar"].full_url] == article_versions
    assert found["http://localhost/ar/"] == {
        "en": "http://localhost/",
        "ar": "http://localhost/ar/",
        "x-default": "http://localhost/",
    }
    assert found["http://localhost/opinion/"]["ar"] == "http://localhost/ar/opinion/"
    assert found["http://localhost/ar/authors/layla-haddad/"] == {
        "en": "http://localhost/authors/layla-haddad/",
        "ar": "http://localhost/ar/authors/layla-haddad/",
        "x-default": "http://localhost/authors/layla-haddad/",
    }
    assert found["http://localhost/tags/ports/"]["ar"] == "http://localhost/ar/tags/ports/"
    # A page in one language has no alternates; nor does a tag used in one language only.
    assert alone.full_url not in found
    assert "http://localhost/tags/trade/" in found  # the translation keeps its tags
    assert not any("/authors/omar-saleh/" in url for url in found)


def test_tag_alternates_survive_a_page_break(client, magazine, tmp_path, monkeypatch):
    from gazette.seo import sitemaps

    monkeypatch.setattr(sitemaps.TagSitemap, "limit", 1)
    bilingual_story(magazine)
    pages = [c for u, c in every_sitemap(client, tmp_path).items() if "sitemap-tags" in u]
    found = {}
    for content in pages:
        found.update(alternates(content))
    assert len(pages) == 4  # ports and trade, each in two languages, one URL a page
    assert found["http://localhost/ar/tags/ports/"] == {
        "en": "http://localhost/tags/ports/",
        "ar": "http://localhost/ar/tags/ports/",
        "x-default": "http://localhost/tags/ports/",
    }


def test_news_sitemap_stays_valid_when_nothing_is_recent(client, magazine, tmp_path):
    schema = urlset_schema(tmp_path)
    empty = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    with pytest.raises(AssertionError):
        validate(empty, schema, tmp_path)  # what the news sitemap used to be

    # Nothing published at all: the front pages, without news metadata.
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    validate(response.content, schema, tmp_path)
    assert set(locs(response.content)) == {"http://localhost/", "http://localhost/ar/"}
    assert etree.fromstring(response.content).find(f".//{NEWS}news") is None

    # Only old articles: the newest of each language, without news metadata.
    make_article(magazine["sections"]["news"], title="Last week", days_ago=7)
    newest = make_article(magazine["sections"]["report"], title="Three days ago", days_ago=3)
    arabic = make_article(magazine["sections_ar"]["news"], title="قبل خمسة أيام", days_ago=5)
    response = client.get("/sitemap-news.xml")
    validate(response.content, schema, tmp_path)
    assert locs(response.content) == [newest.full_url, arabic.full_url]
    assert etree.fromstring(response.content).find(f".//{NEWS}news") is None

    # A fresh article brings the 48-hour window back, news metadata and all.
    fresh = make_article(magazine["sections"]["news"], title="This morning", days_ago=0.1)
    response = client.get("/sitemap-news.xml")
    validate(response.content, schema, tmp_path)
    assert locs(response.content) == [fresh.full_url]
    assert etree.fromstring(response.content).findtext(f".//{NEWS}title") == "This morning"


def test_robots_txt_points_at_the_sitemaps(client, magazine):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
