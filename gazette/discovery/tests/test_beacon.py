"""Beacon → buffer → roll-up: people are counted once a day, bots and prefetches never."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gazette.discovery.buffer import reset_view_buffer, view_buffer
from gazette.discovery.models import DailyViews, HourlyViews
from gazette.discovery.rollup import rollup_views

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
HEADLESS = CHROME.replace("Chrome/", "HeadlessChrome/")


def send(client, article, language="en", ua=CHROME, ip="203.0.113.7", **headers):
    return client.post(
        "/beacon/view",
        data=f"p={article.pk}&l={language}",
        content_type="application/x-www-form-urlencoded",
        HTTP_USER_AGENT=ua,
        REMOTE_ADDR=ip,
        **headers,
    )


def roll_up():
    return rollup_views(now=time.time() + 60)  # as if the current spool bucket had closed


def views_of(article):
    return sum(DailyViews.objects.filter(article=article).values_list("views", flat=True))


def test_people_are_counted_once_per_day_and_bots_never(client, article):
    assert send(client, article, ip="203.0.113.1").status_code == 204
    send(client, article, ip="203.0.113.1")  # the same reader reloads: not a new view
    send(client, article, ip="203.0.113.2")
    send(client, article, ip="203.0.113.1", ua=FIREFOX)  # another browser on that address
    send(client, article, ua=GOOGLEBOT)
    send(client, article, ua=HEADLESS)
    send(client, article, ua="")
    send(client, article, ua="curl/8.5.0")
    send(client, article, ip="198.51.100.9", HTTP_SEC_PURPOSE="prefetch;prerender")
    send(client, article, ip="198.51.100.10", HTTP_PURPOSE="prefetch")

    report = roll_up()

    assert views_of(article) == 3
    assert report.duplicates == 1
    assert HourlyViews.objects.get(article=article).views == 3
    # Rolled-up events are gone: a second roll-up adds nothing.
    roll_up()
    assert views_of(article) == 3


def test_the_beacon_request_never_touches_the_database(client, article):
    send(client, article)  # first call creates today's salt file
    with CaptureQueriesContext(connection) as ctx:
        response = send(client, article, ip="203.0.113.50")
    assert response.status_code == 204
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].split()[0] in {"INSERT", "UPDATE"}]
    assert writes == []
    assert ctx.captured_queries == []


def test_a_reader_counted_yesterday_is_counted_again_today_with_a_new_salt(
    client, article, discovery_dir
):
    buffer = view_buffer()
    today = int(time.time() // 86400)
    assert buffer.salt(today) != buffer.salt(today + 1)
    # Only today's salt is kept on disk: yesterday's keys can no longer be recomputed.
    assert [p.name for p in (discovery_dir / "salt").iterdir()] == [f"{today + 1}.salt"]


def test_views_survive_a_worker_restart(client, article):
    send(client, article, ip="203.0.113.1")
    send(client, article, ip="203.0.113.2")
    reset_view_buffer()  # a new process: nothing held in memory
    roll_up()
    assert views_of(article) == 2


def test_bad_beacons_are_ignored_quietly(client, article):
    assert client.get("/beacon/view").status_code == 405
    for body in ("", "p=abc&l=en", "p=-1&l=en", "p=1&l=xx", "junk", "p=" + "9" * 40 + "&l=en"):
        response = client.post(
            "/beacon/view",
            data=body,
            content_type="application/x-www-form-urlencoded",
            HTTP_USER_AGENT=CHROME,
        )
        assert response.status_code == 204
    send(client, article, language="ar")  # the wrong language for this article
    missing = type("Missing", (), {"pk": 999_999})()
    send(client, missing, ip="203.0.113.99")  # no such article
    report = roll_up()
    assert views_of(article) == 0
    assert report.unknown == 2
    assert DailyViews.objects.count() == 0


def test_an_unreachable_redis_falls_back_to_the_spool(client, article, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    reset_view_buffer()
    assert send(client, article, ip="203.0.113.1").status_code == 204
    assert send(client, article, ip="203.0.113.2").status_code == 204
    view_buffer().flush()
    assert len(view_buffer().spool.closed_files(time.time() + 60)) == 1
    roll_up()
    assert views_of(article) == 2


def redis_or_skip(url="redis://127.0.0.1:6379/15"):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("Redis does not answer at 127.0.0.1:6379; start it to run this test.")
    for key in client.scan_iter("gazette:discovery:*"):
        client.delete(key)
    return url


@pytest.mark.redis
def test_redis_buffer_deduplicates_and_rolls_up(client, article, settings, discovery_dir):
    settings.REDIS_URL = redis_or_skip()
    reset_view_buffer()
    for ip in ("203.0.113.1", "203.0.113.1", "203.0.113.2"):
        send(client, article, ip=ip)
    send(client, article, ua=GOOGLEBOT)
    view_buffer().flush()
    assert list((discovery_dir / "spool").glob("*.spool")) == []  # nothing fell back
    report = roll_up()
    assert views_of(article) == 2
    assert report.events == 2
    roll_up()
    assert views_of(article) == 2


@pytest.mark.redis
def test_counts_in_redis_and_spool_add_up(client, settings, article):
    settings.REDIS_URL = redis_or_skip()
    reset_view_buffer()
    send(client, article, ip="203.0.113.1")
    view_buffer().redis_failed(RuntimeError("simulated outage"))
    send(client, article, ip="203.0.113.2")
    roll_up()
    assert views_of(article) == 2


def test_wsgi_fast_path_answers_beacons_before_django(article):
    import io

    from gazette.discovery.wsgi import with_beacon_fast_path

    reached_django = []
    app = with_beacon_fast_path(lambda environ, start: reached_django.append(environ) or [])
    statuses = []

    def call(method, path, body=b"", ua=CHROME):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "HTTP_USER_AGENT": ua,
            "REMOTE_ADDR": "203.0.113.5",
        }
        app(environ, lambda status, headers: statuses.append(status))

    with CaptureQueriesContext(connection) as ctx:
        call("POST", "/beacon/view", f"p={article.pk}&l=en".encode())
        call("POST", "/beacon/view", f"p={article.pk}&l=en".encode(), ua=GOOGLEBOT)
    assert ctx.captured_queries == []
    assert statuses == ["204 No Content", "204 No Content"]
    call("GET", "/beacon/view")
    call("POST", "/opinion/")
    assert [e["PATH_INFO"] for e in reached_django] == ["/beacon/view", "/opinion/"]
    roll_up()
    assert views_of(article) == 1
