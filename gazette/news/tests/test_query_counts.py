"""A page costs the same small number of queries however many articles the magazine holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gazette.testing.factories import make_article, make_author, make_image

# Rendering with the page cache off; rails, menu and footer come from the fragment cache
# once made (`caching/fragments.py`). Routing is one query for a section, two for an
# article; teasers cost three queries per page (bylines, renditions, sections).
MOST_QUERIES = {"front": 10, "section": 7, "article": 7, "author": 8, "tag": 8}
# The same pages when every fragment has to be made (the first reader after a publish).
MOST_QUERIES_MAKING_FRAGMENTS = {"front": 13, "section": 10, "article": 14, "author": 12, "tag": 11}


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types) and fragments
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def fill(magazine, writers, n, days_from=0):
    image = make_image("Shared hero")
    for i in range(n):
        for key, section in magazine["sections"].items():
            make_article(
                section,
                authors=writers[i % len(writers) : i % len(writers) + 2],
                tags=["water", f"t{i}"],
                hero_image=image,
                days_ago=days_from + i,
                kind="caricature" if key == "caricature" else section.default_kind,
            )


def test_page_query_counts_do_not_grow_with_articles(client, magazine, settings):
    # Measure rendering itself: the full-page cache would answer the second request with none.
    settings.GAZETTE_PAGE_CACHE = "off"
    writers = [make_author(f"Writer {i}") for i in range(4)]
    fill(magazine, writers, 2)
    article = make_article(
        magazine["sections"]["news"],
        authors=writers[:2],
        tags=["water"],
        hero_image=make_image("H"),
    )
    urls = {
        "front": "/",
        "section": magazine["sections"]["news"].url,
        "article": article.url,
        "author": writers[0].url,
        "tag": "/tags/water/",
    }
    small = {name: count_queries(client, url) for name, url in urls.items()}

    more_writers = writers + [make_author(f"Writer {i}") for i in range(4, 9)]
    fill(magazine, more_writers, 12, days_from=3)
    large = {name: count_queries(client, url) for name, url in urls.items()}
    assert large == small, f"queries grew: {small} -> {large}"
    for name, most in MOST_QUERIES.items():
        assert large[name] <= most, (name, large)

    settings.GAZETTE_FRAGMENT_CACHE = "off"
    making = {name: count_queries(client, url) for name, url in urls.items()}
    for name, most in MOST_QUERIES_MAKING_FRAGMENTS.items():
        assert making[name] <= most, (name, making)


def test_an_arabic_article_costs_the_same(client, magazine, settings):
    settings.GAZETTE_PAGE_CACHE = "off"
    writer = make_author("Writer")
    article = make_article(magazine["sections_ar"]["news"], authors=[writer], tags=["ماء"])
    assert count_queries(client, "/ar/") <= MOST_QUERIES["front"]
    assert count_queries(client, article.url) <= MOST_QUERIES["article"]


def test_pictures_in_the_body_cost_no_query_each(client, magazine, settings):
    settings.GAZETTE_PAGE_CACHE = "off"
    writer = make_author("Writer")

    def with_figures(n):
        body = [
            ("image", {"image": make_image(f"Figure {i}"), "caption": "", "credit": ""})
            for i in range(n)
        ]
        return make_article(magazine["sections"]["news"], authors=[writer], body=body)

    one, four = with_figures(1), with_figures(4)
    assert count_queries(client, four.url) == count_queries(client, one.url)
    # The body's images come in one query as the body is read; their renditions join the
    # page's other renditions.
    assert count_queries(client, four.url) <= MOST_QUERIES["article"] + 1
