"""A keyboard-only reader reaches the skip link, the menus, the language switch and the
search, always seeing where the focus is (WCAG 2.4.1, 2.4.7, 2.1.1)."""

import pytest

from gazette.testing.factories import make_article, make_author, make_magazine

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName, cls: el.className, text: (el.innerText || '').trim(), href: el.getAttribute('href'),
    id: el.id, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
  };
}"""


@pytest.fixture
def small_site(transactional_db, live_server):
    magazine = make_magazine()
    writer = make_author("Layla Haddad")
    make_article(magazine["sections"]["news"], title="The harbour reopens", authors=[writer])
    return live_server.url


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_STYLE)


def test_tab_order_reaches_skip_link_menus_and_language_switch(small_site, desktop, screenshot):
    desktop.goto(small_site + "/")
    first = tab(desktop)
    assert "skip-link" in first["cls"] and first["href"] == "#main"
    assert first["visible"], "the skip link stays hidden when focused"
    assert first["outline"] != "none" and first["width"] >= 2, first
    screenshot(desktop, "keyboard-skip-link", full_page=False)

    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"

    desktop.goto(small_site + "/")
    seen = [tab(desktop) for _ in range(12)]
    for stop in seen:
        assert stop["visible"], f"focus went somewhere unseen: {stop}"
        assert stop["outline"] != "none" and stop["width"] >= 2, f"no visible focus ring: {stop}"
    texts = [stop["text"].casefold() for stop in seen]
    assert "search" in texts
    language = next(i for i, stop in enumerate(seen) if "lang-switch" in stop["cls"])
    news = texts.index("news")
    assert language < news, "the language switch comes before the section menu"
    assert texts[news : news + 4] == ["news", "opinion", "report", "caricature"]

    # Follow the language switch with the keyboard alone.
    desktop.goto(small_site + "/")
    while "lang-switch" not in tab(desktop)["cls"]:
        pass
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(small_site + "/ar/")
    assert desktop.locator("html").get_attribute("dir") == "rtl"
    assert "skip-link" in tab(desktop)["cls"]


def test_search_by_keyboard(small_site, phone, screenshot):
    phone.goto(small_site + "/")
    while tab(phone)["text"] != "Search":
        pass
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/search/")
    phone.locator("#id_q").focus()
    phone.keyboard.type("harbours")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/search/?q=harbours*")
    assert phone.locator("li.search-result h3").all_inner_texts() == ["The harbour reopens"]
    assert phone.locator("li.search-result h3 mark").inner_text() == "harbour"
    screenshot(phone, "search-results-phone")
