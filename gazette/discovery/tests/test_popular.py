"""Popular Posts: the rail in the reader's language, per period and per section."""

import re
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gazette.discovery.actions import set_popular_exclusion
from gazette.discovery.models import DailyViews, HourlyViews
from gazette.discovery.queries import popular_rail, rank_popular
from gazette.discovery.tests.test_beacon import roll_up, send
from gazette.testing.factories import make_article


def read(client, article, readers, language="en"):
    for i in range(readers):
        send(client, article, language=language, ip=f"192.0.2.{i + 1}")


def rail_titles(html: str, period: str) -> list[str]:
    panel = re.search(
        rf'id="popular-{period}".*?</div>\s*(?=<div class="popular__panel"|</section>)', html, re.S
    )
    assert panel, f"no {period} panel"
    return re.findall(r'class="popular-item__title"[^>]*>([^<]+)</a>', panel.group(0))


def test_rail_ranks_by_readers_in_each_language(client, magazine):
    news = make_article(magazine["sections"]["news"], title="Port strike ends")
    opinion = make_article(magazine["sections"]["opinion"], title="Why the strike mattered")
    quiet = make_article(magazine["sections"]["news"], title="Nobody read this")
    arabic = make_article(magazine["sections_ar"]["news"], title="انتهاء إضراب الميناء")
    read(client, news, 3)
    read(client, opinion, 5)
    read(client, arabic, 2, language="ar")
    roll_up()

    home = client.get("/").content.decode()
    assert rail_titles(home, "24h") == ["Why the strike mattered", "Port strike ends"]
    assert "Popular Posts" in home
    assert quiet.title not in rail_titles(home, "7d")

    home_ar = client.get("/ar/").content.decode()
    assert rail_titles(home_ar, "24h") == ["انتهاء إضراب الميناء"]

    article_page = client.get(news.url).content.decode()
    assert rail_titles(article_page, "7d") == ["Why the strike mattered", "Port strike ends"]


def test_rail_per_section_and_period(client, magazine):
    fresh = make_article(magazine["sections"]["news"], title="Fresh news")
    older = make_article(magazine["sections"]["news"], title="Older news")
    column = make_article(magazine["sections"]["opinion"], title="A column")
    today = datetime.now(tz=UTC).date()
    hour = datetime.now(tz=UTC).replace(minute=0, second=0, microsecond=0)
    DailyViews.objects.create(article=fresh, day=today, views=4)
    HourlyViews.objects.create(article=fresh, hour=hour, views=4)
    DailyViews.objects.create(article=older, day=today - timedelta(days=10), views=50)
    DailyViews.objects.create(article=column, day=today - timedelta(days=3), views=9)

    assert [pk for pk, _v in rank_popular("en", "24h")] == [fresh.pk]
    assert [pk for pk, _v in rank_popular("en", "7d")] == [column.pk, fresh.pk]
    assert [pk for pk, _v in rank_popular("en", "30d")] == [older.pk, column.pk, fresh.pk]
    news_section = magazine["sections"]["news"].pk
    assert [pk for pk, _v in rank_popular("en", "30d", news_section)] == [older.pk, fresh.pk]
    lists = {item.period: item.articles for item in popular_rail("en", news_section)}
    assert [a.title for a in lists["30d"]] == ["Older news", "Fresh news"]
    assert rank_popular("ar", "30d") == []


def test_editors_can_leave_an_article_out(client, magazine):
    sponsored = make_article(magazine["sections"]["news"], title="Sponsored piece")
    other = make_article(magazine["sections"]["news"], title="Ordinary piece")
    read(client, sponsored, 4)
    read(client, other, 1)
    roll_up()
    assert [a.title for a in popular_rail("en")[0].articles] == [
        "Sponsored piece",
        "Ordinary piece",
    ]

    set_popular_exclusion(sponsored, True)
    cache.clear()
    assert [a.title for a in popular_rail("en")[0].articles] == ["Ordinary piece"]


def test_unpublished_articles_drop_out_of_the_rail(client, magazine):
    gone = make_article(magazine["sections"]["news"], title="Withdrawn story")
    read(client, gone, 2)
    roll_up()
    gone.unpublish()
    cache.clear()
    assert popular_rail("en") == [] or not any(item.articles for item in popular_rail("en"))


def test_rail_costs_the_same_queries_however_many_articles_it_lists(client, magazine, settings):
    settings.GAZETTE_PAGE_CACHE = "off"  # count rendering, not the page cache's answer
    articles = [make_article(magazine["sections"]["news"]) for _ in range(6)]
    read(client, articles[0], 2)
    roll_up()
    page = articles[1].url

    def count():
        cache.clear()
        client.get(page)
        with CaptureQueriesContext(connection) as ctx:
            client.get(page)
        return len(ctx.captured_queries)

    few = count()
    for i, article in enumerate(articles[1:]):
        read(client, article, 1 + i)
    roll_up()
    assert count() == few


def test_rail_is_cached_between_rollups(client, magazine):
    article = make_article(magazine["sections"]["news"], title="Cached story")
    read(client, article, 1)
    roll_up()
    popular_rail("en")
    with CaptureQueriesContext(connection) as ctx:
        popular_rail("en")
    ranking_queries = [q for q in ctx.captured_queries if "discovery_" in q["sql"]]
    assert ranking_queries == []


def test_only_published_article_pages_carry_the_beacon(client, magazine, article):
    page = client.get(article.url).content.decode()
    assert f'data-page="{article.pk}"' in page and 'data-lang="en"' in page
    assert "defer" in page.split("data-gazette-discovery")[0].rsplit("<script", 1)[1]
    front = client.get("/").content.decode()
    assert "data-gazette-discovery" in front and "data-page=" not in front


def test_section_pages_show_their_own_section_rail_in_each_language(client, magazine):
    news = make_article(magazine["sections"]["news"], title="Port strike ends")
    column = make_article(magazine["sections"]["opinion"], title="Why the strike mattered")
    arabic_news = make_article(magazine["sections_ar"]["news"], title="انتهاء إضراب الميناء")
    arabic_column = make_article(magazine["sections_ar"]["opinion"], title="لماذا يهم الإضراب")
    read(client, column, 5)
    read(client, news, 2)
    read(client, arabic_column, 4, language="ar")
    read(client, arabic_news, 1, language="ar")
    roll_up()

    opinion = client.get(magazine["sections"]["opinion"].url).content.decode()
    assert "Popular in Opinion" in opinion
    assert rail_titles(opinion, "24h") == ["Why the strike mattered"]
    news_page = client.get(magazine["sections"]["news"].url).content.decode()
    assert rail_titles(news_page, "7d") == ["Port strike ends"]
    # The section is in the heading, so its name is not repeated on every item.
    assert 'class="kicker"' not in news_page.split('id="popular-title"')[1].split("</section>")[0]

    arabic_opinion = client.get(magazine["sections_ar"]["opinion"].url).content.decode()
    assert rail_titles(arabic_opinion, "24h") == ["لماذا يهم الإضراب"]
    assert "الأكثر قراءة في" in arabic_opinion
