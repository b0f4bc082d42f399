"""Every page type carries a title, description, canonical URL, sharing tags, hreflang
alternates and structured data — read from the HTML the way crawlers read it."""

import pytest
from django.utils.html import escape

from gazette.seo.metadata import TITLE_MAX
from gazette.seo.tests.helpers import Head, bilingual_story
from gazette.testing.factories import make_article

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


def head_of(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content)


def assert_sharing_tags(head: Head, title_start: str):
    assert head.meta("og:title").startswith(title_start[:20])
    assert head.meta("twitter:title") == head.meta("og:title")
    assert head.meta("og:url") == head.canonical
    assert head.canonical.startswith(ROOT + "/")
    assert head.meta("description")
    assert head.meta("og:description") == head.meta("description")
    image = head.meta("og:image")
    assert image.startswith("http")
    assert int(head.meta("og:image:width")) > 0 and int(head.meta("og:image:height")) > 0
    assert head.meta("og:image:alt")
    assert head.meta("twitter:image") == image
    assert head.meta("twitter:card") in {"summary", "summary_large_image"}


def test_article_in_both_languages(client, magazine):
    story = bilingual_story(magazine)
    en, ar = story["en"], story["ar"]

    head = head_of(client, en.url)
    assert head.canonical == f"{ROOT}/opinion/second-berth/"
    assert head.hreflang == {
        "en": f"{ROOT}/opinion/second-berth/",
        "ar": f"{ROOT}/ar/opinion/second-berth/",
        "x-default": f"{ROOT}/opinion/second-berth/",
    }
    # The social title is cut on a word boundary; the page keeps the whole headline.
    social = head.meta("og:title")
    assert len(social) <= TITLE_MAX and social.endswith("…")
    assert en.title.startswith(social[:-1])
    assert en.title[len(social) - 1] == " ", "the title was cut in the middle of a word"
    assert head.title == f"{social} — Gazette"
    assert head.one("//h1").text_content() == en.title
    assert_sharing_tags(head, social)
    # The hero rendition is the 1200x630 share size (the source image is big enough).
    assert (head.meta("og:image:width"), head.meta("og:image:height")) == ("1200", "630")
    assert head.meta("og:image:alt") == "A container ship at the quay"
    assert head.meta("og:type") == "article"
    assert head.meta("twitter:creator") == "@layla"
    assert head.meta("og:locale") == "en_GB"
    assert {t for t, _ in head.feeds} == {"application/rss+xml", "application/atom+xml"}
    assert f"{ROOT}/feeds/sections/opinion/rss/" in [url for _, url in head.feeds]

    article = head.node("OpinionNewsArticle")
    assert article["name"] == en.title
    assert len(article["headline"]) <= 110
    assert article["inLanguage"] == "en"
    assert article["datePublished"].startswith(str(en.first_published_at.date()))
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Layla Haddad",
            "url": f"{ROOT}/authors/layla-haddad/",
            "jobTitle": "Columnist",
            "image": article["author"][0]["image"],
        }
    ]
    assert article["publisher"] == {"@id": f"{ROOT}/#organization"}
    assert article["image"][0]["width"] == 1200
    assert article["keywords"] == ["ports", "trade"]
    assert article["workTranslation"][0]["url"] == f"{ROOT}/ar/opinion/second-berth/"
    publisher = head.node("NewsMediaOrganization")
    assert publisher["logo"]["url"].endswith(".png")
    crumbs = head.node("BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Gazette", "Opinion", en.title]
    assert [c["position"] for c in crumbs] == [1, 2, 3]

    head = head_of(client, ar.url)
    assert head.canonical == f"{ROOT}/ar/opinion/second-berth/"
    assert head.hreflang["x-default"] == f"{ROOT}/opinion/second-berth/"
    assert head.meta("og:locale") == "ar_AR"
    assert head.meta("og:title") == ar.title
    assert head.meta("description") == "ما يعنيه الرصيف الجديد للمستوردين."
    arabic = head.node("OpinionNewsArticle")
    assert arabic["inLanguage"] == "ar"
    assert arabic["translationOfWork"]["url"] == f"{ROOT}/opinion/second-berth/"
    assert arabic["translator"]["name"] == "Omar Saleh"
    assert f"{ROOT}/ar/feeds/rss/" in [url for _, url in head.feeds]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("news", "NewsArticle"),
        ("report", "ReportageNewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
    ],
)
def test_article_type_follows_its_kind(client, magazine, kind, schema_type):
    article = make_article(magazine["sections"]["news"], kind=kind)
    head = head_of(client, article.url)
    assert head.node(schema_type)["headline"] == article.title


def test_front_pages_carry_website_with_search_action(client, magazine):
    bilingual_story(magazine)
    for url, language, name in [("/", "en", "Gazette"), ("/ar/", "ar", "غازيت")]:
        head = head_of(client, url)
        site = head.node("WebSite")
        assert site["inLanguage"] == language
        action = site["potentialAction"]
        assert action["@type"] == "SearchAction"
        search = f"{ROOT}/search/" if language == "en" else f"{ROOT}/ar/search/"
        assert action["target"]["urlTemplate"] == search + "?q={search_term_string}"
        assert head.node("NewsMediaOrganization")["name"] == "Gazette"
        assert head.hreflang == {"en": f"{ROOT}/", "ar": f"{ROOT}/ar/", "x-default": f"{ROOT}/"}
        assert_sharing_tags(head, name)
        assert head.title == name


def test_section_pages_in_both_languages(client, magazine):
    for section, language in [
        (magazine["sections"]["report"], "en"),
        (magazine["sections_ar"]["report"], "ar"),
    ]:
        head = head_of(client, section.url)
        brand = "Gazette" if language == "en" else "غازيت"
        assert head.title == f"{section.title} — {brand}"
        assert head.hreflang["en"] == f"{ROOT}/report/"
        assert head.hreflang["ar"] == f"{ROOT}/ar/report/"
        assert head.node("CollectionPage")["inLanguage"] == language
        crumbs = head.node("BreadcrumbList")["itemListElement"]
        assert crumbs[-1]["name"] == section.title
        prefix = "" if language == "en" else "/ar"
        assert f"{ROOT}{prefix}/feeds/sections/report/atom/" in [url for _, url in head.feeds]


def test_author_pages_are_profile_pages(client, magazine):
    story = bilingual_story(magazine)
    for url, language, name in [
        ("/authors/layla-haddad/", "en", "Layla Haddad"),
        ("/ar/authors/layla-haddad/", "ar", "ليلى حداد"),
    ]:
        head = head_of(client, url)
        assert head.title == f"{name} — {'Gazette' if language == 'en' else 'غازيت'}"
        assert head.meta("og:type") == "profile"
        assert head.canonical == ROOT + url
        assert head.hreflang == {
            "en": f"{ROOT}/authors/layla-haddad/",
            "ar": f"{ROOT}/ar/authors/layla-haddad/",
            "x-default": f"{ROOT}/authors/layla-haddad/",
        }
        profile = head.node("ProfilePage")
        assert profile["inLanguage"] == language
        assert profile["mainEntity"]["@type"] == "Person"
        assert profile["mainEntity"]["name"] == name
        assert "https://x.com/layla" in profile["mainEntity"].get("sameAs", []) or language == "ar"
        assert (ROOT + url.replace("authors/", "feeds/authors/") + "rss/") in [
            u for _, u in head.feeds
        ]
    assert story["writer"].bio in head_of(client, "/authors/layla-haddad/").meta("description")


def test_tag_pages_in_both_languages(client, magazine):
    bilingual_story(magazine)
    for url in ["/tags/ports/", "/ar/tags/ports/"]:
        head = head_of(client, url)
        assert "ports" in head.title
        assert head.canonical == ROOT + url
        assert head.hreflang["x-default"] == f"{ROOT}/tags/ports/"
        assert head.node("CollectionPage")["url"] == ROOT + url
        assert (ROOT + url.replace("tags/", "feeds/tags/") + "atom/") in [u for _, u in head.feeds]


def test_search_page_metadata(client, magazine):
    head = head_of(client, "/search/")
    assert head.node("SearchResultsPage")["url"] == f"{ROOT}/search/"
    assert head.all("//meta[@name='robots']") == []
    head = head_of(client, "/ar/search/?q=ميناء")
    assert head.hreflang["ar"] == f"{ROOT}/ar/search/"
    assert head.meta("robots") == "noindex, follow"
    assert "ميناء" in head.title


def test_titles_are_unique_across_page_types_and_pages(client, magazine, settings):
    settings.GAZETTE_PAGE_SIZE = 2
    bilingual_story(magazine)
    section = magazine["sections"]["news"]
    for _ in range(3):
        make_article(section)
    urls = [
        "/",
        "/ar/",
        "/news/",
        "/news/?page=2",
        "/ar/news/",
        "/authors/layla-haddad/",
        "/tags/ports/",
        "/search/",
        "/opinion/second-berth/",
        "/ar/opinion/second-berth/",
    ]
    titles = {url: head_of(client, url).title for url in urls}
    assert len(set(titles.values())) == len(urls), titles
    page_two = head_of(client, "/news/?page=2")
    assert page_two.canonical == f"{ROOT}/news/?page=2"


def test_structured_data_cannot_break_out_of_its_script(client, magazine):
    hostile = 'Ports </script><script>alert("x")</script> & <!-- more'
    article = make_article(magazine["sections"]["news"], title=hostile)
    response = client.get(article.url)
    body = response.content.decode()
    assert "<script>alert" not in body
    head = Head(response.content)
    assert head.node("NewsArticle")["name"] == hostile
    assert escape(hostile) in body  # the headline itself is shown, escaped
