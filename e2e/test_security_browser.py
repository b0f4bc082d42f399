"""In Chromium: the strict CSP breaks nothing on public pages or in the Wagtail admin;
the 503 page and two-factor set-up look like the site."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.template import loader

from gazette.testing.factories import make_article, make_author, make_image, make_magazine

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db, live_server):
    from wagtail.models import Collection, Locale, Page

    # Another browser test may have flushed the database: put back the roots.
    english, _ = Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True, locale=english))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    magazine = make_magazine()
    writer = make_author("Layla Haddad")
    article = make_article(
        magazine["sections"]["opinion"],
        title="Why the Harbour Needs a Second Berth",
        authors=[writer],
        tags=["ports"],
        hero_image=make_image("Harbour", size=(1200, 675)),
    )
    get_user_model().objects.create_superuser("editor", "ed@example.com", "right-pass-1")
    return live_server.url, article


def csp_violations(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return found


def test_public_article_renders_fully_under_the_strict_policy(site, desktop, screenshot):
    base, article = site
    violations = csp_violations(desktop)
    for _ in range(2):  # rendered, then from the page cache
        response = desktop.goto(base + article.url)
        assert response.status == 200
        assert desktop.locator("h1#headline").is_visible()
        assert desktop.evaluate("document.fonts.check('700 16px \"Source Serif 4\"')")
    assert response.headers["x-cache"] == "HIT"
    assert violations == []
    screenshot(desktop, "csp-article-cached")


def test_wagtail_admin_works_under_its_policy(site, desktop, screenshot):
    base, article = site
    violations = csp_violations(desktop)
    desktop.goto(base + "/admin/login/")
    desktop.fill("input[name=username]", "editor")
    desktop.fill("input[name=password]", "right-pass-1")
    desktop.click("button[type=submit]")
    desktop.wait_for_url(base + "/admin/")
    desktop.goto(f"{base}/admin/pages/{article.pk}/edit/")
    desktop.wait_for_selector("[data-side-panel-toggle], .w-tabs", timeout=20000)
    assert (
        desktop.locator("text=Publish").first.is_visible()
        or desktop.locator("button:has-text('Publish')").count()
    )
    screenshot(desktop, "csp-admin-editor", full_page=False)
    desktop.goto(base + "/admin/two-factor/")
    assert desktop.locator(".gazette-qr svg").is_visible()
    screenshot(desktop, "two-factor-setup", full_page=False)
    assert violations == []


def test_database_outage_page_looks_like_the_site(site, phone, screenshot):
    base, _article = site
    phone.goto(base + "/")
    phone.set_content(loader.render_to_string("caching/503.html", {"reason": "database"}))
    phone.wait_for_load_state("networkidle")
    assert phone.locator("h1").inner_text() == "We will be back in a moment"
    assert phone.evaluate("getComputedStyle(document.querySelector('.masthead')).display") != ""
    screenshot(phone, "database-outage-503")


def test_wagtail_widgets_start_without_any_inline_script_allowed(site, desktop):
    """Choosers, date pickers and the byline panel start; modal dialogs start theirs too."""
    base, article = site
    violations = csp_violations(desktop)
    desktop.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__refused = window.__refused || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    desktop.goto(base + "/admin/login/")
    desktop.fill("input[name=username]", "editor")
    desktop.fill("input[name=password]", "right-pass-1")
    desktop.click("button[type=submit]")
    desktop.wait_for_url(base + "/admin/")
    desktop.goto(f"{base}/admin/pages/{article.pk}/edit/")
    desktop.wait_for_selector("[data-side-panel-toggle], .w-tabs", timeout=20000)
    # The date-and-time picker of "Updated" was started by its (nonced) script.
    assert desktop.evaluate("!!window.jQuery('#id_updated_at').data('xdsoft_datetimepicker')")
    # The translator chooser (its script is nonced) opens its dialog.
    desktop.locator("#id_translator-chooser .unchosen [data-chooser-action-choose]").click()
    desktop.wait_for_selector(".modal-content", timeout=20000)
    desktop.locator(
        ".modal-content button.close, .modal-content [data-dismiss=modal]"
    ).first.click()
    desktop.wait_for_selector(".modal-content", state="detached", timeout=20000)
    # The byline panel (MultipleChooserPanel) opens the author chooser.
    desktop.locator("[id$='article_authors-OPEN_MODAL']").click()
    desktop.wait_for_selector(".modal-content", timeout=20000)
    refused = desktop.evaluate("window.__refused || []")
    assert refused == [] and violations == [], (refused, violations)
