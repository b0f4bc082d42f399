"""The demo's month of readers: real beacons, the real filters, the real roll-up."""

import os
import random
import time

import pytest

from gazette.demo.readers import DAYS, DemoArticle, reading_plan, replay_readers
from gazette.discovery.buffer import reset_view_buffer
from gazette.discovery.models import DailyViews, HourlyViews
from gazette.discovery.queries import rank_popular
from gazette.testing.factories import make_article

DAY = 86400.0


@pytest.fixture(autouse=True)
def _own_buffer(settings, tmp_path):
    settings.GAZETTE_DISCOVERY_DIR = tmp_path / "discovery"
    settings.REDIS_URL = ""
    reset_view_buffer()
    yield
    reset_view_buffer()


def test_no_view_before_an_article_appears_or_after_now():
    now = 1_790_000_000.0
    articles = [
        DemoArticle(1, "en", "news", now - 100 * DAY),
        DemoArticle(2, "en", "opinion", now - 2.5 * DAY),
        DemoArticle(3, "ar", "report", now - 3600.0),
    ]
    plan = reading_plan(articles, random.Random(1), now)
    assert plan and all(article.published <= when <= now for when, article in plan)
    assert min(when for when, _a in plan) >= now - DAYS * DAY - 3600
    assert [when for when, _a in plan] == sorted(when for when, _a in plan)
    # The old article only has its long tail; the two recent ones get most readers.
    per_article = {pk: sum(1 for _w, a in plan if a.pk == pk) for pk in (1, 2, 3)}
    assert per_article[1] < per_article[2]


def use_redis(settings) -> None:
    import redis

    url = f"redis://127.0.0.1:6379/{int(os.environ.get('GAZETTE_TEST_REDIS_BASE', '10'))}"
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("Redis does not answer at 127.0.0.1:6379; start it to run this test.")
    for key in client.scan_iter("gazette:discovery:*"):
        client.delete(key)
    settings.REDIS_URL = url
    reset_view_buffer()


@pytest.mark.parametrize("backend", ["spool", pytest.param("redis", marks=pytest.mark.redis)])
def test_replayed_readers_are_counted_through_the_beacon_filters(magazine, settings, backend):
    if backend == "redis":
        use_redis(settings)
    now = time.time()
    pages = [
        make_article(magazine["sections"]["news"], title=f"Story {i}", days_ago=i * 3)
        for i in range(12)
    ]
    arabic = make_article(magazine["sections_ar"]["news"], title="قصة", days_ago=1)
    articles = [
        DemoArticle(p.pk, "en", "news", p.first_published_at.timestamp()) for p in pages
    ] + [DemoArticle(arabic.pk, "ar", "news", arabic.first_published_at.timestamp())]

    report = replay_readers(articles, seed=3, now=now)

    stored = sum(DailyViews.objects.values_list("views", flat=True))
    assert report.counted == stored > 0
    assert report.filtered > 0  # robots and prefetches were sent, and dropped
    assert DailyViews.objects.values("day").distinct().count() > 20  # spread over the month
    assert HourlyViews.objects.exists()  # the last day is there hour by hour
    ranked = rank_popular("en", "30d", limit=12)
    assert ranked[0][1] > ranked[-1][1]  # a long tail, not an even spread
    assert [pk for pk, _v in rank_popular("ar", "30d")] == [arabic.pk]
