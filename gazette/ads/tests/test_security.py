"""No creative runs script in the page's origin, and the click redirect goes nowhere else."""

import pytest
from django.core.exceptions import ValidationError

from gazette.ads.models import CreativeKind
from gazette.ads.sanitise import sanitise_creative_html
from gazette.ads.tests.factories import make_campaign, make_creative, make_slot, publish_index

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36"

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<form action="https://evil.example"><input name=q></form>',
    "<style>body{background:url(https://evil.example/track)}</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    '<p onmouseover="alert(1)">hover</p>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<a href="https://evil.example" onclick="steal()">go</a>',
    "<scr<script>ipt>alert(1)</script>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_html_creatives_lose_every_script_vector(attack):
    cleaned = sanitise_creative_html(f"<p>Buy now</p>{attack}").lower()
    for marker in ("<script", "onerror", "onload", "onclick", "onmouseover", "javascript:",
                   "<iframe", "<object", "<embed", "<form", "<style", "<base", "<meta",
                   "evil.example", "data:text"):  # fmt: skip
        assert marker not in cleaned, (attack, cleaned)
    assert "buy now" in cleaned


def test_links_all_lead_through_the_click_redirect(client, magazine):
    make_slot()
    creative = make_creative(
        make_campaign("Books"),
        kind=CreativeKind.HTML,
        html='<p>Read <a href="https://elsewhere.example/x">more</a></p>',
        click_url="https://books.example/",
    )
    publish_index()
    response = client.get(f"/ads/frame/{creative.pk}/?slot=sidebar")
    body = response.content.decode()
    assert f'href="/ads/click/{creative.pk}/?slot=sidebar"' in body
    assert "elsewhere.example" not in body
    assert 'target="_blank"' in body and "sponsored" in body


def test_the_frame_is_sandboxed_by_its_own_strict_policy(client, magazine):
    make_slot()
    creative = make_creative(make_campaign("Books"), kind=CreativeKind.HTML, html="<p>Hello</p>")
    publish_index()
    response = client.get(f"/ads/frame/{creative.pk}/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp  # so no script-src: nothing runs
    assert "sandbox" in csp and "allow-scripts" not in csp and "allow-same-origin" not in csp
    assert "frame-ancestors 'self'" in csp and "form-action 'none'" in csp
    assert "<script" not in response.content.decode()
    # Image creatives have no frame.
    image = make_creative(make_campaign("Img"))
    publish_index()
    assert client.get(f"/ads/frame/{image.pk}/").status_code == 404


def test_an_html_creative_that_is_only_script_is_refused(magazine):
    creative = make_creative(make_campaign("Bad"), kind=CreativeKind.HTML, html="<p>x</p>")
    creative.html = "<script>alert(1)</script>"
    with pytest.raises(ValidationError) as error:
        creative.full_clean()
    assert "Nothing is left of this HTML" in str(error.value)


def test_the_html_is_sanitised_even_when_saved_outside_a_form(magazine):
    creative = make_creative(
        make_campaign("Shell"), kind=CreativeKind.HTML, html="<p>Hi</p><script>alert(1)</script>"
    )
    creative.refresh_from_db()
    assert creative.html == "<p>Hi</p>"


@pytest.mark.parametrize(
    "query",
    [
        "?next=https://evil.example/",
        "?url=https://evil.example/",
        "?to=//evil.example",
        "?slot=sidebar&redirect=https%3A%2F%2Fevil.example",
        "?slot=https://evil.example",
    ],
)
def test_the_click_redirect_ignores_any_destination_but_the_creatives(client, magazine, query):
    make_slot()
    creative = make_creative(make_campaign("Ferries"), click_url="https://ferries.example/go")
    publish_index()
    response = client.get(f"/ads/click/{creative.pk}/{query}", HTTP_USER_AGENT=CHROME)
    assert response.status_code == 302
    assert response["Location"] == "https://ferries.example/go"


def test_the_click_redirect_refuses_ids_that_are_not_running_creatives(client, magazine):
    make_slot()
    paused = make_creative(make_campaign("Paused", active=False))
    publish_index()
    assert client.get(f"/ads/click/{paused.pk}/?next=https://evil.example/").status_code == 404
    assert client.get("/ads/click/424242/?next=https://evil.example/").status_code == 404
    assert client.get("/ads/click//evil.example/").status_code == 404


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example/x", "//evil.example"])
def test_a_creative_cannot_point_at_a_non_web_address(magazine, url):
    creative = make_creative(make_campaign("X"))
    creative.click_url = url
    with pytest.raises(ValidationError) as error:
        creative.full_clean()
    assert "click_url" in error.value.message_dict
