"""Readers search articles, authors and tags in both languages, with filters, pages and
marked snippets; no query, however hostile, breaks the page."""

import json

import pytest
from lxml import html as lxml_html
from wagtail.rich_text import RichText

from gazette.testing.factories import make_article, make_author

pytestmark = pytest.mark.django_db


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    tree = lxml_html.fromstring(response.content)
    titles = [li.text_content().strip() for li in tree.xpath("//li[@class='search-result']//h3")]
    return tree, titles


def arabic_body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def library(magazine):
    writer = make_author("Layla Haddad", bio="Layla writes about water and cities.")
    kateb = make_author("سلمى الإدريسي", locale=magazine["ar"], slug="salma", photo=False)
    ar_news = magazine["sections_ar"]["news"]
    return {
        "writer": writer,
        "kateb": kateb,
        "islam": make_article(
            ar_news,
            title="تاريخ الإسلام في المدينة",
            body=arabic_body("كتب المؤرخون عن الإسلام والمدن القديمة."),
            standfirst="قراءة في التاريخ.",
            authors=[kateb],
            tags=["تاريخ"],
        ),
        "school": make_article(
            magazine["sections_ar"]["report"],
            title="مدرسة القرية تعود إلى العمل",
            body=arabic_body("افتتحت المدرسة أبوابها من جديد بعد عام من الإغلاق."),
            standfirst="تقرير من الريف.",
            authors=[kateb],
            days_ago=20,
        ),
        "harbour": make_article(
            magazine["sections"]["news"],
            title="The harbours are full again",
            standfirst="Ships queue again.",
            body=[
                ("paragraph", RichText("<p>Ships waited at the <b>harbour</b> for four days.</p>"))
            ],
            authors=[writer],
            tags=["ports"],
        ),
        "berth": make_article(
            magazine["sections"]["opinion"],
            title="A second berth for the port",
            body=[("paragraph", RichText("<p>The ministry plans another berth by spring.</p>"))],
            standfirst="Plans for the quay.",
            authors=[writer],
            tags=["ports"],
            days_ago=40,
        ),
    }


def test_arabic_spelling_variants_find_each_other(client, library):
    _, titles = results(client, "/ar/search/", q="الاسلام")
    assert titles == ["تاريخ الإسلام في المدينة"]
    _, titles = results(client, "/ar/search/", q="مدرسه")
    assert titles == ["مدرسة القرية تعود إلى العمل"]
    _, titles = results(client, "/ar/search/", q="مَدْرَسَة")
    assert titles == ["مدرسة القرية تعود إلى العمل"]
    tree, _ = results(client, "/ar/search/", q="الإسلام")
    marks = tree.xpath("//li[@class='search-result']//mark/text()")
    assert "الإسلام" in marks


def test_snippets_are_cut_from_the_running_text(client, magazine):
    make_article(
        magazine["sections"]["opinion"],
        title="Bread and wheat",
        body=[
            ("paragraph", RichText("<p>The country imports most of its wheat.</p>")),
            (
                "pull_quote",
                {"quote": "Wheat prices follow the ships.", "attribution": "Nour Ghanem"},
            ),
            ("paragraph", RichText("<p>Farmers want water for their wheat fields.</p>")),
            ("paragraph", RichText("<p>&quot;Rain &amp; rivers,&quot; one said.</p>")),
        ],
    )
    tree, titles = results(client, "/search/", q="water")
    assert titles == ["Bread and wheat"]
    snippet = tree.xpath("//p[@class='search-result__snippet']")[0].text_content()
    assert "Farmers want water" in snippet
    assert '"Rain & rivers," one said.' in snippet  # entities read as the characters they are
    # The pull quote repeats the text, and its attribution would read as a stray name.
    assert "Nour Ghanem" not in snippet and "follow the ships" not in snippet
    # It is still searchable.
    assert results(client, "/search/", q="Ghanem")[1] == ["Bread and wheat"]


def test_english_stemming_and_marked_snippets(client, library):
    tree, titles = results(client, "/search/", q="harbour")
    assert titles == ["The harbours are full again"]
    assert tree.xpath("//h3//mark/text()") == ["harbours"]
    snippet = tree.xpath("//p[@class='search-result__snippet']")[0]
    assert snippet.xpath(".//mark/text()") == ["harbour"]
    # The body's own markup was escaped before marking, never injected.
    assert snippet.xpath(".//b") == []


def test_authors_and_tags_are_found(client, library):
    tree, _ = results(client, "/search/", q="layla")
    assert tree.xpath("//ul[@class='found-authors']//a/text()") == ["Layla Haddad"]
    tree, titles = results(client, "/search/", q="ports")
    assert "ports" in tree.xpath("//section[@aria-labelledby='found-tags']//a/text()")
    assert set(titles) == {"The harbours are full again", "A second berth for the port"}
    tree, _ = results(client, "/ar/search/", q="الادريسي")
    assert tree.xpath("//ul[@class='found-authors']//a/text()") == ["سلمى الإدريسي"]


def test_filters_by_section_language_and_date(client, library):
    _, titles = results(client, "/search/", q="port", section="opinion")
    assert titles == ["A second berth for the port"]
    _, titles = results(
        client,
        "/search/",
        q="port",
        date_from="2000-01-01",
        date_to=str(library["berth"].first_published_at.date()),
    )
    assert titles == ["A second berth for the port"]
    _, titles = results(client, "/search/", q="مدرسه")
    assert titles == []  # English readers search English articles by default
    _, titles = results(client, "/search/", q="مدرسه", language="all")
    assert titles == ["مدرسة القرية تعود إلى العمل"]
    _, titles = results(client, "/search/", q="مدرسه", language="ar")
    assert titles == ["مدرسة القرية تعود إلى العمل"]
    tree, titles = results(
        client, "/search/", q="port", date_from="2030-01-01", date_to="2020-01-01"
    )
    assert tree.xpath("//span[@class='field-error']"), "a reversed date range is explained"


def test_results_are_paginated(client, library, settings):
    settings.GAZETTE_PAGE_SIZE = 2
    for i in range(3):
        make_article(library["harbour"].get_parent().specific, title=f"Harbour notes {i}")
    _, first = results(client, "/search/", q="harbour")
    tree, second = results(client, "/search/", q="harbour", page=2)
    _, third = results(client, "/search/", q="harbour", page=3)  # past the end: the last page
    third = [title for title in third if title not in second]
    assert (len(first), len(second), len(third)) == (2, 2, 0)
    assert len(set(first + second)) == 4
    assert tree.xpath("//a[@rel='prev']/@href")[0].endswith("page=1")
    assert "— page 2" in tree.xpath("//title/text()")[0]
    # A page past the end shows the last page, not an error.
    _, beyond = results(client, "/search/", q="harbour", page=99)
    assert beyond


HOSTILE_QUERIES = [
    '"unbalanced',
    "harbour AND OR NOT",
    "NEAR(harbour port)",
    "*",
    "harbour*",
    "-",
    "col:umn",
    "'; DROP TABLE wagtailcore_page; --",
    "x" * 10_000,
    "harbour " * 1500,
    "\x00\x01\x02harbour\x7f",
    "\u202e\u200f",
    "<script>alert(1)</script>",
    "%00",
    "ـــــ",
]


def test_hostile_queries_return_a_normal_page(client, library):
    for query, url in [(q, url) for q in HOSTILE_QUERIES for url in ["/search/", "/ar/search/"]]:
        response = client.get(
            url, {"q": query, "section": "nowhere", "date_from": "not-a-date", "page": "x"}
        )
        assert response.status_code == 200
        assert b"<script>alert" not in response.content
        suggest = client.get(url + "suggest/", {"q": query})
        assert suggest.status_code == 200
        json.loads(suggest.content)


def test_suggestions(client, library):
    data = client.get("/search/suggest/", {"q": "harb"}).json()
    assert [a["title"] for a in data["articles"]] == ["The harbours are full again"]
    assert data["articles"][0]["url"] == library["harbour"].url
    data = client.get("/search/suggest/", {"q": "lay"}).json()
    assert [a["name"] for a in data["authors"]] == ["Layla Haddad"]
    data = client.get("/ar/search/suggest/", {"q": "مدرسه"}).json()
    assert [a["title"] for a in data["articles"]] == ["مدرسة القرية تعود إلى العمل"]
    data = client.get("/search/suggest/", {"q": "port"}).json()
    assert [t["name"] for t in data["tags"]] == ["ports"]
    assert client.get("/search/suggest/").json()["articles"] == []
