"""Fragments (rails, menu, footer) are made once and are never older than what they show."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from gazette.caching import fragments, recording
from gazette.discovery.models import ArticleDiscovery, DailyViews, HourlyViews
from gazette.testing.factories import make_article, make_author


def also_like(html: str) -> list[str]:
    rail = re.search(r'<section class="also-like".*?</section>', html, re.S)
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', rail.group(0)) if rail else []


def popular(html: str) -> list[str]:
    return re.findall(r'class="popular-item__title"[^>]*>([^<]+)</a>', html)


def menu(html: str) -> list[str]:
    nav = re.search(r'<nav class="sections wrap".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


def relate(article, *others) -> None:
    """Store the related list the discovery task would have stored."""
    ArticleDiscovery.objects.update_or_create(
        article=article,
        defaults={"related_ids": [o.pk for o in others], "computed_at": timezone.now()},
    )


def read_today(article, views: int) -> None:
    now = datetime.now(tz=UTC)
    DailyViews.objects.create(article=article, day=now.date(), views=views)
    HourlyViews.objects.create(article=article, hour=now.replace(minute=0, second=0), views=views)


@pytest.fixture
def rails(magazine):
    """A reader's article whose two rails both show `shown`."""
    writer = make_author("Rana Aziz")
    reader = make_article(magazine["sections"]["news"], title="The reader's article")
    shown = make_article(magazine["sections"]["report"], title="Old headline", authors=[writer])
    relate(reader, shown)
    read_today(shown, 9)
    return {"reader": reader, "shown": shown}


@pytest.mark.parametrize("page_cache", ["sqlite", "off"])
def test_a_reader_sees_an_edited_headline_in_the_rails_right_after_publishing(
    client, rails, settings, edit_and_publish, page_cache
):
    settings.GAZETTE_PAGE_CACHE = page_cache
    reader, shown = rails["reader"], rails["shown"]
    for _ in range(2):  # made, then served from the fragment (and page) cache
        html = client.get(reader.url).content.decode()
        assert also_like(html)[0] == "Old headline" and "Old headline" in popular(html)

    edit_and_publish(shown, title="New headline")

    html = client.get(reader.url).content.decode()
    assert also_like(html)[0] == "New headline"
    assert "New headline" in popular(html) and "Old headline" not in html


def test_a_cached_page_whose_rail_came_from_a_fragment_is_purged_with_the_rail(
    client, rails, magazine, edit_and_publish
):
    # Another article's page takes the Popular Posts rail the first page made: its stored
    # copy must still know that it shows the popular article.
    client.get(rails["reader"].url)
    other = make_article(magazine["sections"]["opinion"], title="Another reader's article")
    assert client.get(other.url)["X-Cache"] == "MISS"
    second = client.get(other.url)
    assert second["X-Cache"] == "HIT"
    assert f"page-{rails['shown'].pk}" in second["Surrogate-Key"].split()

    edit_and_publish(rails["shown"], title="New headline")

    response = client.get(other.url)
    assert response["X-Cache"] == "MISS"
    assert "New headline" in popular(response.content.decode())


def test_rails_cost_no_queries_once_made(client, rails, settings):
    settings.GAZETTE_PAGE_CACHE = "off"
    client.get(rails["reader"].url)
    with CaptureQueriesContext(connection) as made:
        client.get(rails["reader"].url)
    settings.GAZETTE_FRAGMENT_CACHE = "off"
    with CaptureQueriesContext(connection) as unmade:
        html = client.get(rails["reader"].url).content.decode()
    assert also_like(html) == ["Old headline"]
    # The stored list's cards and the popular cards: pages, bylines, renditions, sections.
    assert len(unmade.captured_queries) - len(made.captured_queries) >= 6


def test_a_renamed_section_shows_in_every_menu_at_once(client, magazine, article, edit_and_publish):
    front = client.get("/").content.decode()
    assert "Opinion" in menu(front)
    assert "Opinion" in menu(client.get(article.url).content.decode())

    edit_and_publish(magazine["sections"]["opinion"], title="Comment")

    for url in ("/", article.url, magazine["sections"]["news"].url):
        html = client.get(url).content.decode()
        assert "Comment" in menu(html) and "Opinion" not in menu(html), url


def test_a_new_section_joins_the_menu(client, magazine):
    from gazette.news.models import SectionPage

    assert "Science" not in menu(client.get("/").content.decode())
    section = SectionPage(title="Science", slug="science", show_in_menus=True)
    magazine["home"].add_child(instance=section)
    section.save_revision().publish()
    assert "Science" in menu(client.get("/").content.decode())


def test_an_article_made_private_leaves_rails_and_listings_at_once(client, rails, magazine):
    shown = rails["shown"]
    assert also_like(client.get(rails["reader"].url).content.decode()) == ["Old headline"]
    assert "Old headline" in client.get(magazine["sections"]["report"].url).content.decode()

    PageViewRestriction.objects.create(page=shown, restriction_type="password", password="x")

    html = client.get(rails["reader"].url).content.decode()
    assert "Old headline" not in also_like(html) and "Old headline" not in popular(html)
    assert "Old headline" not in client.get(magazine["sections"]["report"].url).content.decode()


# --- the fragment store itself ---------------------------------------------------------------
@pytest.mark.django_db
def test_a_fragment_is_made_once_and_again_after_its_content_is_purged():
    made = []

    def make():
        recording.add(recording.page_key(41))
        made.append(1)
        return f"version {len(made)}"

    assert fragments.get_or_make("probe", ["x"], make) == "version 1"
    assert fragments.get_or_make("probe", ["x"], make) == "version 1"
    assert (
        fragments.get_or_make("probe", ["y"], make) == "version 2"
    )  # other values, other fragment

    fragments.purge({recording.page_key(40)})  # not in it
    assert fragments.get_or_make("probe", ["x"], make) == "version 1"
    fragments.purge({recording.page_key(41)})
    assert fragments.get_or_make("probe", ["x"], make) == "version 3"
    fragments.purge({recording.ALL_KEY})
    assert fragments.get_or_make("probe", ["x"], make) == "version 4"


@pytest.mark.django_db
def test_a_fragment_whose_content_changed_while_it_was_made_is_not_kept():
    made = []

    def make():
        recording.add(recording.page_key(7))
        made.append(1)
        if len(made) == 1:
            fragments.purge({recording.page_key(7)})  # an editor publishes meanwhile
        return len(made)

    assert fragments.get_or_make("race", [], make) == 1
    assert fragments.get_or_make("race", [], make) == 2  # the first one was not kept
    assert fragments.get_or_make("race", [], make) == 2


@pytest.mark.django_db
def test_a_fragment_served_from_the_cache_tells_the_page_what_it_shows():
    fragments.get_or_make("keys", [], lambda: recording.add("page-5", "image-3") or "html")
    token = recording.start()
    fragments.get_or_make("keys", [], lambda: pytest.fail("should come from the cache"))
    assert recording.stop(token) == {"page-5", "image-3"}


@pytest.mark.django_db
def test_fragments_are_per_language():
    from django.utils import translation

    with translation.override("ar"):
        fragments.get_or_make("lang", [], lambda: "عربي")
    with translation.override("en"):
        assert fragments.get_or_make("lang", [], lambda: "English") == "English"
