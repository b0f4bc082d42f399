"""The plain-page parser on the reference page and on pages shaped like it."""

from pathlib import Path

import pytest

from gazette.transfer.plain_page import parse_plain_page

SEED = Path("/work/shared/reference/seed-page.txt")
HEADLINE = (
    "Why are Assad Regime Officers Pardoned, What is the Intelligence Document, What Was the "
    "Secret International Decision During the Hama Battle, and What Was Asked of al-Julani in "
    "Exchange for the Rule of Damascus?"
)


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"the reference page {SEED} is not on this machine")
    return parse_plain_page(SEED.read_text())


def test_headline_cut_title_and_byline(seed):
    assert seed.title == HEADLINE
    assert seed.social_title == (
        "What Was the Secret International Decision During the Hama Battle, and What Was "
        "Asked of al-Julani in Exchange for the Rule o"
    )
    assert seed.byline == ["Natanya Muradchai"]
    # The other cut title from the ticker is furniture, not lost.
    assert [f.text for f in seed.furniture_of("title_fragment")] == [
        "Why are Assad Regime Officers Pardoned, What is the Intelligence Document"
    ]


def test_body_keeps_questions_as_subheadings_and_article_ends_with_signature(seed):
    assert seed.subheadings == [
        "Why does al-Julani resort to doing this?",
        "The Assad Scenario, Repeated by al-Julani",
        "What is al-Julani’s ultimate goal in all this corruption and security turmoil?",
        "Is al-Julani filling the vacuum left by Bashar al-Assad?",
        "And was there really communication between al-Julani and the Syrian regime?",
    ]
    assert seed.blocks[0][1].startswith("After al-Julani’s entry into Damascus")
    assert seed.blocks[-1] == ("paragraph", "Natanya Muradchai")
    # Pasted boilerplate stays in the body so integrity checks can flag it.
    assert ("paragraph", "Here’s a professional translation of the text you provided:") in (
        seed.blocks
    )
    assert ("paragraph", "---") in seed.blocks
    # A question inside a paragraph does not turn the paragraph into a heading.
    assert any(
        kind == "paragraph" and text.startswith("Can we convince the victims")
        for kind, text in seed.blocks
    )


def test_furniture_is_separated_with_line_numbers(seed):
    body_text = "\n".join(text for _kind, text in seed.blocks)
    for furniture_text in ("You May Also Like", "Popular Posts", "Newsletter", "BENEFIT"):
        assert furniture_text not in body_text
    kinds = [(f.kind, f.text.splitlines()[0]) for f in seed.furniture if f.kind != "title_fragment"]
    assert kinds == [
        ("related", "You May Also Like"),
        ("popular", "Popular Posts"),
        ("section_label", "Caricature"),
        ("other_article", "BENEFIT Sponsors BuildHer..."),
        ("section_label", "opinion"),
        ("section_label", "Report"),
        ("ad", "ads"),
        ("newsletter", "Newsletter"),
        ("newsletter", "Subscribe to our mailing list to get the new updates!"),
    ]
    glued = seed.furniture_of("other_article")[0]
    assert "- April 23, 2025" in glued.text
    assert "Dr. Humam ElAgha" in glued.text
    lines = SEED.read_text().splitlines()
    assert lines[glued.line - 1] == "BENEFIT Sponsors BuildHer..."
    assert lines[glued.end_line - 1].startswith("For his part, Dr. Humam ElAgha")


def test_html_page_uses_heading_structure():
    html = """<!doctype html><html><head><title>Site</title><script>x()</script></head><body>
    <nav class="menu"><a href="/">Home</a> <a href="/opinion/">Opinion</a></nav>
    <article>
      <h1>The Port, the Ministry &amp; the Importers</h1>
      <p class="byline">By Layla Haddad and Omar Said</p>
      <time>March 3, 2025</time>
      <p>The harbour authority said on Tuesday that the berth would open.</p>
      <h2>What happens next</h2>
      <p>Ships have waited four days.</p>
    </article>
    <aside class="related"><h3>You May Also Like</h3><p>Another story</p></aside>
    <div class="newsletter-box"><p>Subscribe to our mailing list</p></div>
    </body></html>"""
    page = parse_plain_page(html)
    assert page.format == "html"
    assert page.title == "The Port, the Ministry & the Importers"
    assert page.byline == ["Layla Haddad", "Omar Said"]
    assert page.date is not None and page.date.isoformat() == "2025-03-03"
    assert page.blocks == [
        ("paragraph", "The harbour authority said on Tuesday that the berth would open."),
        ("subheading", "What happens next"),
        ("paragraph", "Ships have waited four days."),
    ]
    kinds = {f.kind for f in page.furniture}
    assert {"navigation", "related", "newsletter"} <= kinds
    assert "x()" not in repr(page)


def test_arabic_byline_and_rtl_text():
    text = "رأي\n-\nلماذا يتأخر الميناء؟\nبقلم: ليلى حداد\nقالت سلطة الميناء إن الرصيف الجديد سيفتح في الربيع.\nما الذي يعنيه ذلك للمستوردين؟\nانتظرت السفن أربعة أيام.\nالأكثر قراءة\nخبر آخر"
    page = parse_plain_page(text)
    assert page.title == "لماذا يتأخر الميناء؟"
    assert page.byline == ["ليلى حداد"]
    assert page.subheadings == ["ما الذي يعنيه ذلك للمستوردين؟"]
    assert page.furniture_of("navigation")[0].text == "رأي"
    assert [f.kind for f in page.furniture][-2:] == ["popular", "popular"]


def test_page_without_byline_or_furniture():
    page = parse_plain_page("A Plain Headline\nFirst paragraph of the story.\nSecond one.")
    assert page.title == "A Plain Headline"
    assert page.byline == []
    assert page.paragraphs == ["First paragraph of the story.", "Second one."]
    assert page.furniture == []
    assert parse_plain_page("").title == ""
