"""A page costs the same number of queries however many articles the magazine holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gazette.testing.factories import make_article, make_author, make_image


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
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
    urls = ["/", magazine["sections"]["news"].url, article.url, writers[0].url, "/tags/water/"]
    small = {url: count_queries(client, url) for url in urls}

    more_writers = writers + [make_author(f"Writer {i}") for i in range(4, 9)]
    fill(magazine, more_writers, 12, days_from=3)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small, f"queries grew: {small} -> {large}"
    assert max(large.values()) <= 50, large
