"""A reader opens the front page and an Arabic article in a real browser."""

import pytest

from gazette.demo.builder import build
from gazette.news.models import ArticlePage

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_site(transactional_db, live_server, queued_tasks):
    build(seed=11, articles=10, arabic=2, write=lambda message: None)
    return live_server.url


def test_front_page_in_a_phone_browser(demo_site, phone, screenshot):
    response = phone.goto(demo_site + "/")
    assert response.status == 200
    lead = phone.locator("section.lead h2")
    assert lead.is_visible()
    assert phone.locator("nav.sections a").all_text_contents()[:4] == [
        "News",
        "Opinion",
        "Report",
        "Caricature",
    ]
    fonts_ok = phone.evaluate("document.fonts.check('700 16px \"Source Serif 4\"')")
    assert fonts_ok, "the site's own serif font did not load"
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the front page scrolls sideways on a phone ({width}px)"
    assert screenshot(phone, "front-page-phone").exists()


def test_arabic_article_reads_right_to_left(demo_site, desktop, screenshot):
    article = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    response = desktop.goto(demo_site + article.url)
    assert response.status == 200
    assert desktop.locator("html").get_attribute("dir") == "rtl"
    headline = desktop.locator("h1#headline")
    assert headline.inner_text() == article.title
    # In RTL the headline's text starts at the right edge of its column.
    align = desktop.evaluate("getComputedStyle(document.querySelector('h1#headline')).direction")
    assert align == "rtl"
    box = headline.bounding_box()
    main_box = desktop.locator("article.article").bounding_box()
    assert box["x"] + box["width"] > main_box["x"] + main_box["width"] - 40
    assert desktop.evaluate("document.fonts.check('700 16px \"Noto Naskh Arabic\"', 'عربي')")
    # the byline goes to the Arabic author page
    author_link = desktop.locator("a[rel=author]").first
    assert author_link.get_attribute("href").startswith("/ar/authors/")
    # the English translation is one click away
    desktop.locator("p.article__translation a").first.click()
    desktop.wait_for_load_state()
    assert desktop.locator("html").get_attribute("dir") == "ltr"
    assert "Translated from Arabic by" in desktop.locator("p.article__translator").inner_text()
    desktop.go_back()
    assert screenshot(desktop, "arabic-article-desktop").exists()


def test_english_article_on_a_phone(demo_site, phone, screenshot):
    article = ArticlePage.objects.live().filter(locale__language_code="en", kind="opinion").first()
    phone.goto(demo_site + article.url)
    assert phone.locator("h1#headline").inner_text() == article.title
    assert phone.locator("section.also-like h2").inner_text().lower() == "you may also like"
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the article scrolls sideways on a phone ({width}px)"
    assert screenshot(phone, "article-phone").exists()
