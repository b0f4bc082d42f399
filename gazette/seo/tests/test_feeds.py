"""Feeds parse cleanly in a feed reader's parser, carry the right articles in the right
language, well-formed dates, the hero image, and honour the publisher's choices."""

import re
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree

from gazette.seo.models import SeoSettings
from gazette.seo.tests.helpers import bilingual_story
from gazette.testing.factories import make_article, make_author

pytestmark = pytest.mark.django_db

RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ATOM = "{http://www.w3.org/2005/Atom}"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tree = etree.fromstring(response.content)  # well-formed XML, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    return response, tree, parsed


def check_rss(tree):
    channel = tree.find("channel")
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("rel") == "self"
    for item in channel.findall("item"):
        assert RFC822.match(item.findtext("pubDate")), item.findtext("pubDate")
        parsedate_to_datetime(item.findtext("pubDate"))
        assert item.findtext("guid").startswith("http")
        assert item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def check_atom(tree):
    assert RFC3339.match(tree.findtext(f"{ATOM}updated"))
    assert [link for link in tree.findall(f"{ATOM}link") if link.get("rel") == "self"]
    for entry in tree.findall(f"{ATOM}entry"):
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert RFC3339.match(entry.findtext(f"{ATOM}published"))
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
        assert entry.findtext(f"{ATOM}id")


def test_every_feed_in_both_languages(client, magazine):
    story = bilingual_story(magazine)
    news = make_article(
        magazine["sections"]["news"],
        title="Water tariffs rise",
        authors=[story["writer"]],
        tags=["water"],
    )
    scopes = {
        "": ({story["en"].title, news.title}, {story["ar"].title}),
        "sections/opinion/": ({story["en"].title}, {story["ar"].title}),
        "authors/layla-haddad/": ({story["en"].title, news.title}, set()),
        "tags/ports/": ({story["en"].title}, {story["ar"].title}),
    }
    for scope, (english, arabic) in scopes.items():
        for prefix, expected, language in [("", english, "en"), ("/ar", arabic, "ar")]:
            _, tree, parsed = fetch(client, f"{prefix}/feeds/{scope}rss/")
            check_rss(tree)
            assert parsed.version == "rss20"
            assert parsed.feed.language == language
            assert {entry.title for entry in parsed.entries} == expected, (scope, language)
            _, tree, parsed = fetch(client, f"{prefix}/feeds/{scope}atom/")
            check_atom(tree)
            assert parsed.version == "atom10"
            assert {entry.title for entry in parsed.entries} == expected, (scope, language)


def test_items_carry_full_text_and_hero_image(client, magazine):
    story = bilingual_story(magazine)
    _, tree, parsed = fetch(client, "/feeds/sections/opinion/rss/")
    entry = parsed.entries[0]
    assert entry.link == "http://localhost/opinion/second-berth/"
    assert entry.author == "Layla Haddad"
    assert {tag.term for tag in entry.tags} == {"ports", "trade"}
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    assert enclosure.href.startswith("http://localhost/media/")
    assert entry.media_content[0]["width"] == "1200"
    assert "new berth would open in spring" in entry.content[0].value
    assert entry.summary == story["en"].standfirst

    _, tree, parsed = fetch(client, "/feeds/atom/")
    entry = parsed.entries[0]
    assert "new berth would open in spring" in entry.content[0].value
    assert [link for link in entry.links if link.rel == "enclosure"]


def test_summary_only_and_bounded_length(client, magazine):
    settings = SeoSettings.for_site(magazine["home"].get_site())
    settings.feed_content = "summary"
    settings.feed_length = 5
    settings.save()
    writer = make_author("Sami Nasser")
    for i in range(7):
        make_article(magazine["sections"]["news"], authors=[writer], days_ago=i, title=f"Story {i}")
    for url in ["/feeds/rss/", "/feeds/atom/"]:
        _, _, parsed = fetch(client, url)
        assert [e.title for e in parsed.entries] == [f"Story {i}" for i in range(5)]
        assert all("content" not in e for e in parsed.entries)
        assert parsed.entries[0].summary == "What the new berth means for importers."


def test_unknown_scope_is_a_404(client, magazine):
    assert client.get("/feeds/sections/nowhere/rss/").status_code == 404
    assert client.get("/feeds/authors/nobody/atom/").status_code == 404
    assert client.get("/ar/feeds/tags/nothing/rss/").status_code == 404
