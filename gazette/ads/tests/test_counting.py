"""Impressions and clicks: counted once per real reader, buffered, rolled up by day."""

import multiprocessing
import time
from collections import Counter

import pytest
from django.utils import timezone

from gazette.ads.actions import counter_key, do_flush_counters
from gazette.ads.counters import Batch, CounterBuffer, get_buffer
from gazette.ads.models import CreativeDailyStat
from gazette.ads.tasks import flush_ad_counters
from gazette.ads.tests.factories import make_campaign, make_creative, make_slot, publish_index

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
    "facebookexternalhit/1.1",
    "curl/8.5.0",
    "",
]


@pytest.fixture
def running_ad(magazine):
    make_slot("sidebar")
    creative = make_creative(make_campaign("Ferries"))
    publish_index()
    return creative


def totals(creative):
    stats = CreativeDailyStat.objects.filter(creative=creative)
    return sum(s.impressions for s in stats), sum(s.clicks for s in stats)


def test_an_impression_beacon_is_counted_after_the_roll_up(client, running_ad):
    for _ in range(3):
        response = client.post(
            "/ads/seen", {"c": running_ad.pk, "s": "sidebar"}, HTTP_USER_AGENT=CHROME
        )
        assert response.status_code == 204
    assert totals(running_ad) == (0, 0)  # nothing written to the database per request
    assert flush_ad_counters.call() == 3
    stat = CreativeDailyStat.objects.get(creative=running_ad)
    assert (stat.day, stat.slot_key, stat.impressions) == (timezone.localdate(), "sidebar", 3)


@pytest.mark.parametrize("agent", BOTS)
def test_robots_are_not_counted(client, running_ad, agent):
    client.post("/ads/seen", {"c": running_ad.pk, "s": "sidebar"}, HTTP_USER_AGENT=agent)
    response = client.get(f"/ads/click/{running_ad.pk}/?slot=sidebar", HTTP_USER_AGENT=agent)
    assert response.status_code == 302  # a robot still follows the link…
    do_flush_counters()
    assert totals(running_ad) == (0, 0)  # …but is not counted


def test_prefetches_are_not_counted(client, running_ad):
    client.get(f"/ads/click/{running_ad.pk}/", HTTP_USER_AGENT=CHROME, HTTP_SEC_PURPOSE="prefetch")
    do_flush_counters()
    assert totals(running_ad) == (0, 0)


def test_beacons_for_unknown_ads_or_bad_input_count_nothing(client, running_ad):
    assert (
        client.post("/ads/seen", {"c": 999999, "s": "sidebar"}, HTTP_USER_AGENT=CHROME).status_code
        == 204
    )
    assert (
        client.post(
            "/ads/seen", {"c": running_ad.pk, "s": "nope"}, HTTP_USER_AGENT=CHROME
        ).status_code
        == 204
    )
    bad = client.post("/ads/seen", {"c": "x", "s": "sidebar"}, HTTP_USER_AGENT=CHROME)
    assert bad.status_code == 400 and b"c=<creative id>" in bad.content
    assert client.get("/ads/seen").status_code == 405
    do_flush_counters()
    assert totals(running_ad) == (0, 0)


def test_a_click_is_counted_and_forwarded(client, running_ad):
    response = client.get(f"/ads/click/{running_ad.pk}/?slot=sidebar", HTTP_USER_AGENT=CHROME)
    assert response.status_code == 302
    assert response["Location"] == "https://advertiser.example/landing"
    assert response["Cache-Control"] == "no-store"
    do_flush_counters()
    assert totals(running_ad) == (0, 1)


def test_a_batch_applied_twice_counts_once(running_ad):
    batch = Batch("file:batch-test.log", Counter({counter_key(running_ad.pk, "sidebar", "i"): 5}))
    from gazette.ads.actions import do_apply_batch

    assert do_apply_batch(batch) == 5
    assert do_apply_batch(batch) == 0  # e.g. the worker died before deleting the batch
    assert totals(running_ad) == (5, 0)


def test_counts_for_the_same_day_add_up(client, running_ad):
    client.post("/ads/seen", {"c": running_ad.pk, "s": "sidebar"}, HTTP_USER_AGENT=CHROME)
    do_flush_counters()
    client.post("/ads/seen", {"c": running_ad.pk, "s": "sidebar"}, HTTP_USER_AGENT=CHROME)
    client.get(f"/ads/click/{running_ad.pk}/?slot=sidebar", HTTP_USER_AGENT=CHROME)
    do_flush_counters()
    assert CreativeDailyStat.objects.filter(creative=running_ad).count() == 1
    assert totals(running_ad) == (2, 1)


def test_the_local_buffer_survives_a_restart(tmp_path):
    first = CounterBuffer(tmp_path)
    first.add("2026-11-25|1|sidebar|i", 2)
    first.add("2026-11-25|1|sidebar|c")
    restarted = CounterBuffer(tmp_path)  # a new process, same directory
    assert restarted.pending() == Counter(
        {"2026-11-25|1|sidebar|i": 2, "2026-11-25|1|sidebar|c": 1}
    )
    # The dead process's file is taken once its 10-second bucket is over.
    batches = list(restarted.drain(now=time.time() + 30))
    assert sum(b.counts["2026-11-25|1|sidebar|i"] for b in batches) == 2
    for batch in batches:
        restarted.done(batch)
    assert restarted.pending() == Counter()


def _hammer(directory, n):
    buffer = CounterBuffer(directory)
    for _ in range(n):
        buffer.add("2026-11-25|7|sidebar|i")


def test_processes_counting_while_a_drain_runs_lose_nothing(tmp_path):
    """Four processes add 2,000 events while the buffer is drained again and again."""
    buffer = CounterBuffer(tmp_path)
    workers = [
        multiprocessing.get_context("fork").Process(target=_hammer, args=(tmp_path, 500))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    drained = Counter()
    while any(w.is_alive() for w in workers):
        for batch in buffer.drain():
            drained.update(batch.counts)
            buffer.done(batch)
    for worker in workers:
        worker.join()
    for batch in buffer.drain(now=time.time() + 30):  # the workers' last buckets are over
        drained.update(batch.counts)
        buffer.done(batch)
    assert drained["2026-11-25|7|sidebar|i"] == 2000


@pytest.mark.redis
def test_the_redis_buffer_counts_and_drains_once(tmp_path):
    import uuid

    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not answering at 127.0.0.1:6379; start it to run this test.")
    buffer = CounterBuffer(tmp_path, url, redis_key=f"test:ads:{uuid.uuid4().hex}")
    for _ in range(3):
        buffer.add("2026-11-25|1|sidebar|i")
    buffer.add("2026-11-25|1|sidebar|c")
    assert buffer.pending()["2026-11-25|1|sidebar|i"] == 3
    batches = list(buffer.drain())
    assert sum(b.counts["2026-11-25|1|sidebar|i"] for b in batches) == 3
    buffer.add("2026-11-25|1|sidebar|i")  # counting goes on during the drain
    for batch in batches:
        buffer.done(batch)
    assert buffer.pending() == Counter({"2026-11-25|1|sidebar|i": 1})
    for batch in buffer.drain():
        buffer.done(batch)
    assert list((tmp_path / "spool").glob("*.spool")) == []  # all of it went to Redis


def test_the_buffer_is_local_without_redis(settings, tmp_path):
    settings.REDIS_URL = ""
    settings.GAZETTE_ADS_DIR = str(tmp_path)
    get_buffer().add("2026-11-25|1|sidebar|i")
    assert get_buffer().client is None
    assert len(list((tmp_path / "counters" / "spool").glob("*.spool"))) == 1


def test_reaching_the_cap_stops_the_campaign(client, magazine):
    make_slot("sidebar")
    capped = make_creative(make_campaign("Capped", impression_cap=3))
    other = make_creative(make_campaign("Other"))
    publish_index()
    for _ in range(3):
        client.post("/ads/seen", {"c": capped.pk, "s": "sidebar"}, HTTP_USER_AGENT=CHROME)
    flush_ad_counters.call()
    listed = client.get("/ads/slot/sidebar.json?lang=en").json()["creatives"]
    assert [c["id"] for c in listed] == [other.pk]
