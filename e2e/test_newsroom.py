"""An editor meets the integrity checks in a real browser: panel, stopped publish, override."""

import pytest
from wagtail.rich_text import RichText

from gazette.news.models import ArticlePage
from gazette.newsroom.models import IntegrityOverride
from gazette.newsroom.roles import EDITORS, ensure_roles
from gazette.newsroom.tests.conftest import make_user
from gazette.testing.factories import make_article, make_author, make_magazine

pytestmark = pytest.mark.browser

AI_TEXT = "Here’s a professional translation of the text you provided:"


@pytest.fixture
def newsroom_site(transactional_db, live_server):
    magazine = make_magazine()
    groups = ensure_roles([magazine["home"], magazine["home_ar"]])
    make_user("editor", groups[EDITORS])
    writer = make_author("Layla Haddad")
    page = make_article(
        magazine["sections"]["opinion"],
        title="Why the harbour needs a second berth",
        authors=[writer],
        body=[
            ("paragraph", RichText("<p>The harbour authority said the berth opens in spring.</p>"))
        ],
    )
    page.body.append(("paragraph", RichText(f"<p>{AI_TEXT}</p>")))
    page.save_revision()
    return live_server.url, page


def test_blocker_stops_publish_until_an_editor_overrides(newsroom_site, desktop, screenshot):
    base, article = newsroom_site
    page = desktop
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "gazette-editor")
    page.click("button[type=submit]")
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")

    panel = page.locator("[data-newsroom-integrity]")
    assert panel.locator("[data-check='ai-boilerplate']").count() == 1
    screenshot(page, "newsroom-editor-panel", full_page=False)

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state("networkidle")
    assert "Not published" in page.locator(".messages").inner_text()
    assert AI_TEXT not in str(ArticlePage.objects.get(pk=article.pk).body)
    screenshot(page, "newsroom-publish-stopped", full_page=False)

    page.get_by_role("link", name="Publish despite blockers…").first.click()
    page.fill("textarea[name='comment']", "The piece quotes a machine translation on purpose.")
    page.get_by_role("button", name="Publish despite blockers").click()
    page.wait_for_load_state("networkidle")
    assert AI_TEXT in str(ArticlePage.objects.get(pk=article.pk).body)
    assert IntegrityOverride.objects.get().reason.startswith("The piece quotes")
