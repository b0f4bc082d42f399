"""A reader's browser fetches only the fonts its edition needs, and late fonts move nothing."""

import pytest

from gazette.demo.builder import build
from gazette.news.models import ArticlePage

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_site(transactional_db, live_server, queued_tasks):
    build(seed=11, articles=10, arabic=2, write=lambda message: None)
    return live_server.url


def fonts_fetched(page, url: str) -> list[str]:
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if r.resource_type == "font" else None)
    assert page.goto(url, wait_until="networkidle").status == 200
    return [u.rsplit("/", 1)[-1] for u in fetched]


def test_each_edition_fetches_only_its_own_fonts(demo_site, browser):
    arabic = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    english = arabic.get_translations().live().first() or ArticlePage.objects.live().first()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    on_english = fonts_fetched(page, demo_site + english.url)
    # The Arabic language switch on an English page uses the reader's system font.
    assert page.locator("a.lang-switch[lang='ar']").is_visible()
    assert on_english and not [f for f in on_english if "arabic" in f], on_english
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    on_arabic = fonts_fetched(page, demo_site + arabic.url)
    assert on_arabic and all("arabic" in f for f in on_arabic), on_arabic
    assert page.evaluate("document.fonts.check('700 16px \"Noto Naskh Arabic\"', 'قبل')")
    context.close()


def test_newsletter_button_keeps_its_row_when_fonts_arrive(demo_site, phone):
    """Input and button share a row however wide the font, so the footer never jumps."""
    phone.goto(demo_site + "/search/", wait_until="networkidle")
    field = phone.locator("#newsletter-box-email").bounding_box()
    button = phone.locator(".newsletter-box__form button").bounding_box()
    assert abs(field["y"] - button["y"]) < 2, (field, button)
    # The widest fallback a phone might show before the web font: the row still holds.
    phone.evaluate(
        "document.querySelector('.newsletter-box').style.cssText ="
        " \"--sans: 'DejaVu Sans', serif; font-family: var(--sans); font-size: 1.2rem\""
    )
    field = phone.locator("#newsletter-box-email").bounding_box()
    button = phone.locator(".newsletter-box__form button").bounding_box()
    assert abs(field["y"] - button["y"]) < 2, (field, button)
    assert button["x"] + button["width"] <= 390, button
