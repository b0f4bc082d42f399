"""Ads in a real Chromium: nothing shifts, the ad shows, and being seen counts once."""

import time

import pytest
from wagtail.rich_text import RichText

from gazette.ads.actions import do_flush_counters
from gazette.ads.demo import gazette_demo_ads
from gazette.ads.models import Campaign, CreativeDailyStat
from gazette.testing.factories import make_article, make_image

# The live server runs in another thread, so the data is committed; serialized_rollback
# restores what migrations created (Wagtail's root page) after each test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Headless Chromium announces itself as HeadlessChrome, which the counters treat as a
# robot; the test reader presents an ordinary browser's user agent.
READER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
CLS_OBSERVER = """
window.__cls = 0; window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      window.__cls += entry.value;
      window.__shifts.push({value: entry.value, sources: (entry.sources || []).map(
        s => s.node ? (s.node.className || s.node.nodeName) : "?")});
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture(scope="module", autouse=True)
def leave_the_database_as_migrated(django_db_blocker):
    """Put back what migrations created once this module is done.

    These tests roll back by flushing (the live server needs committed data), which
    empties the database; browser tests that run after them expect Wagtail's root
    page, locales and content types to be there, as after migrate.
    """
    yield
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()


def long_body(n=9):
    body = []
    for i in range(1, n + 1):
        text = (
            f"Paragraph {i}. The harbour authority said the new berth would open in spring, "
            "and importers who have waited days for a slot at the quay hope it will end "
            "the queues that have pushed up the price of everything that arrives by sea. "
        ) * 2
        body.append(("paragraph", RichText(f"<p>{text}</p>")))
        if i == 4:
            body.append(("subheading", "What the ministry knows"))
    return body


@pytest.fixture
def ad_magazine(magazine, writer):
    hero = make_image("Harbour", size=(1600, 900))
    article = make_article(
        magazine["sections"]["opinion"], title="Why the harbour needs a second berth",
        authors=[writer], body=long_body(), hero_image=hero,
    )  # fmt: skip
    article_ar = make_article(
        magazine["sections_ar"]["opinion"], title="لماذا يحتاج الميناء إلى رصيف ثانٍ",
        authors=[writer], body=long_body(), hero_image=hero, slug="second-berth-ar",
    )  # fmt: skip
    gazette_demo_ads(write=lambda _: None)
    return article, article_ar


def open_page(browser, url, width, height):
    context = browser.new_context(
        viewport={"width": width, "height": height}, user_agent=READER_AGENT
    )
    page = context.new_page()
    page.add_init_script(CLS_OBSERVER)
    page.goto(url, wait_until="load")
    return context, page


def scroll_through(page):
    """Scroll down the page the way a reader does, pausing on the way."""
    height = page.evaluate("document.documentElement.scrollHeight")
    y = 0
    while y < height:
        y += 350
        page.mouse.wheel(0, 350)
        page.wait_for_timeout(120)
        height = page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_ads_cause_no_layout_shift_and_count_when_seen(
    live_server, browser, ad_magazine, width, height
):
    article, _ = ad_magazine
    context, page = open_page(browser, live_server.url + article.url, width, height)
    page.wait_for_timeout(500)
    # Lazy below the fold: the footer ad is not even fetched until the reader nears it.
    assert page.locator('[data-ad-slot="footer"]').get_attribute("data-ad-state") is None

    in_article = page.locator('[data-ad-slot="in-article"]')
    in_article.scroll_into_view_if_needed()
    page.wait_for_selector('[data-ad-slot="in-article"][data-ad-seen]', timeout=10_000)
    image = in_article.locator("img")
    if image.count():
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0",
            arg=image.element_handle(),
            timeout=10_000,
        )
    assert in_article.locator(".ad-slot__label").inner_text().strip().lower() == "advertisement"
    creative_id = int(in_article.get_attribute("data-ad-creative"))
    box = in_article.locator(".ad-slot__frame").bounding_box()
    assert box["width"] > 200 and box["height"] > 60

    scroll_through(page)
    page.wait_for_timeout(600)
    cls = page.evaluate("window.__cls")
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert cls <= 0.02, shifts

    # The beacon reached the server: one impression for the ad the reader saw.
    deadline = time.monotonic() + 5
    total = 0
    while time.monotonic() < deadline and not total:
        do_flush_counters()
        total = sum(
            CreativeDailyStat.objects.filter(
                creative_id=creative_id, slot_key="in-article"
            ).values_list("impressions", flat=True)
        )
        time.sleep(0.2)
    assert total == 1


def test_an_ad_scrolled_past_quickly_is_not_counted(live_server, browser, ad_magazine):
    article, _ = ad_magazine
    context, page = open_page(browser, live_server.url + article.url, 1280, 900)
    footer = page.locator('[data-ad-slot="footer"]')
    footer.scroll_into_view_if_needed()
    page.wait_for_selector('[data-ad-slot="footer"][data-ad-state="filled"]', timeout=10_000)
    page.wait_for_timeout(300)  # in view for well under a second…
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(1500)  # …then gone
    assert footer.get_attribute("data-ad-seen") is None
    context.close()


def test_the_arabic_page_rotates_arabic_ads(live_server, browser, ad_magazine):
    _, article_ar = ad_magazine
    context, page = open_page(browser, live_server.url + article_ar.url, 1280, 900)
    page.wait_for_selector(
        '[data-ad-slot="sidebar"][data-ad-state="filled"]', state="attached", timeout=10_000
    )
    alt = page.locator('[data-ad-slot="sidebar"] img').get_attribute("alt")
    assert any("\u0600" <= ch <= "\u06ff" for ch in alt), alt
    context.close()


def test_an_html_creative_runs_in_an_opaque_sandbox(live_server, browser, ad_magazine):
    article, _ = ad_magazine
    Campaign.objects.exclude(name="Opinion shelf").update(active=False)
    gazette_demo_ads(write=lambda _: None)  # rebuilds the index
    context, page = open_page(browser, live_server.url + article.url, 1280, 900)
    frame = page.wait_for_selector(
        '[data-ad-slot="sidebar"] iframe', state="attached", timeout=10_000
    )
    sandbox = frame.get_attribute("sandbox")
    assert "allow-scripts" not in sandbox and "allow-same-origin" not in sandbox
    page.wait_for_timeout(500)
    # The page cannot read into the frame, nor the frame into the page: different origins.
    assert (
        page.evaluate("document.querySelector('[data-ad-slot=sidebar] iframe').contentDocument")
        is None
    )
    inner = frame.content_frame()
    assert inner.evaluate("1 + 1") == 2  # (Playwright's own access, not the page's)
    assert "Browse the shelf" in inner.inner_text("body")
    context.close()


def test_the_browser_draw_follows_the_weights(live_server, browser, ad_magazine):
    """ads.js's own draw, 30,000 times with a seeded generator, within 1.5 points."""
    article, _ = ad_magazine
    context, page = open_page(browser, live_server.url + article.url, 1280, 900)
    shares = page.evaluate(
        """() => {
          let seed = 12345;
          const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
          const list = [
            {id: 1, campaign: 1, priority: 20, weight: 100, creative_weight: 100},
            {id: 2, campaign: 2, priority: 20, weight: 300, creative_weight: 100},
            {id: 3, campaign: 3, priority: 20, weight: 600, creative_weight: 300},
            {id: 5, campaign: 3, priority: 20, weight: 600, creative_weight: 100},
            {id: 4, campaign: 4, priority: 0, weight: 1000, creative_weight: 100}];
          const seen = {1: 0, 2: 0, 3: 0, 4: 0, 5: 0};
          for (let i = 0; i < 30000; i++) seen[window.GazetteAds.choose(list, rand).id]++;
          return [seen[1] / 30000, seen[2] / 30000, seen[3] / 30000, seen[5] / 30000, seen[4]];
        }"""
    )
    context.close()
    assert abs(shares[0] - 0.1) < 0.015 and abs(shares[1] - 0.3) < 0.015
    assert abs(shares[2] - 0.45) < 0.015 and abs(shares[3] - 0.15) < 0.015
    assert shares[4] == 0  # the house ad never runs while a paid one is eligible
