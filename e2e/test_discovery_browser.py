"""In Chromium: a page served from a cache still counts its reader and feeds Popular Posts."""

import os
import time
import urllib.request
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A reader's browser: headless Chromium announces itself as "HeadlessChrome", a bot.
READER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's Chromium is not installed"),
]


@pytest.fixture
def discovery_dir(settings, tmp_path):
    from gazette.discovery.buffer import reset_view_buffer

    settings.GAZETTE_DISCOVERY_DIR = tmp_path / "discovery"
    settings.REDIS_URL = ""
    reset_view_buffer()
    yield settings.GAZETTE_DISCOVERY_DIR
    reset_view_buffer()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def test_beacon_from_a_cached_page_is_counted_and_ranked(
    transactional_db, live_server, magazine, article, discovery_dir, browser
):
    from django.core.cache import cache

    from gazette.discovery.models import DailyViews
    from gazette.discovery.rollup import rollup_views

    url = live_server.url + article.url
    cached_copy = urllib.request.urlopen(url).read()  # what a CDN or page cache would hold
    assert b"data-gazette-discovery" in cached_copy
    assert b"<script>" not in cached_copy  # no inline script: it must survive a strict CSP

    context = browser.new_context(user_agent=READER_UA)
    page = context.new_page()
    served_from_cache = []

    def from_cache(route):
        served_from_cache.append(route.request.url)
        route.fulfill(status=200, body=cached_copy, headers={"content-type": "text/html"})

    page.route(url, from_cache)
    with page.expect_response("**/beacon/view") as beacon:
        page.goto(url)
    assert served_from_cache == [url]  # the article itself never reached Django
    assert beacon.value.status == 204
    assert beacon.value.request.method == "POST"
    assert beacon.value.request.post_data == f"p={article.pk}&l=en"

    page.reload()  # the same reader again, the same day: still one view
    page.wait_for_load_state("load")
    time.sleep(0.5)
    context.close()

    report = rollup_views(now=time.time() + 60)
    assert report.counted == 1 and report.duplicates == 1
    assert DailyViews.objects.get(article=article).views == 1

    cache.clear()
    front = browser.new_page()
    front.goto(live_server.url + "/")
    rail = front.locator("[data-popular]")
    assert rail.get_by_role("link", name=article.title).first.is_visible()
    # The period tabs work once the script has run.
    assert front.get_by_role("tab", name="24 hours").get_attribute("aria-selected") == "true"
    front.get_by_role("tab", name="7 days").click()
    assert front.locator("#popular-7d").is_visible()
    assert not front.locator("#popular-24h").is_visible()
    front.get_by_role("tab", name="7 days").press("ArrowRight")  # keyboard moves on
    assert front.locator("#popular-30d").is_visible()
    front.screenshot(path=str(discovery_dir.parent / "front.png"), full_page=True)
    front.close()
