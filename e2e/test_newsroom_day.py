"""A day at the desk in a real browser: a contributor writes and submits an opinion piece,
the editor comments on the headline and approves, legal approves, the piece goes out, and
the translator starts its Arabic version from the translation desk. Mail goes to a real
SMTP server."""

import pytest
from wagtail.models import Comment, Locale

from gazette.news.models import ArticlePage
from gazette.newsroom.roles import CONTRIBUTORS, EDITORS, LEGAL, TRANSLATORS, ensure_roles
from gazette.newsroom.tests.conftest import make_user, smtp_inbox  # noqa: F401 - fixture
from gazette.testing.factories import make_author, make_magazine

pytestmark = pytest.mark.browser

HEADLINE = "The harbour does not need another berth. It needs a timetable"


@pytest.fixture
def desk(transactional_db, live_server, smtp_inbox):  # noqa: F811 - the fixture above
    magazine = make_magazine()
    groups = ensure_roles([magazine["home"], magazine["home_ar"]])
    make_user("contributor", groups[CONTRIBUTORS])
    make_user("editor", groups[EDITORS])
    make_user("legal", groups[LEGAL])
    translator = make_user("translator", groups[TRANSLATORS])
    translator.first_name, translator.last_name = "Rania", "Saad"
    translator.save()
    make_author("Layla Haddad", photo=False)
    rania = make_author("Rania Saad", role="Translator", photo=False, slug="rania")
    rania_ar = rania.copy_for_translation(magazine["ar"])
    rania_ar.name, rania_ar.role, rania_ar.live = "رانيا سعد", "مترجمة", True
    rania_ar.save()
    return live_server.url, magazine, smtp_inbox


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"gazette-{username}")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def footer_action(page, name):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=name, exact=True).click()


def test_a_day_at_the_desk(desk, desktop, screenshot):
    base, magazine, inbox = desk
    page = desktop
    opinion = magazine["sections"]["opinion"]

    # The contributor writes: the slug follows the headline, the kind is the section's.
    sign_in(page, base, "contributor")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{opinion.pk}/")
    page.click("#id_title")
    page.keyboard.type(HEADLINE)
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Choose author").first.click()
    page.get_by_role("link", name="Layla Haddad").click()
    page.fill("#id_standfirst", "What the port lacks is a published timetable for its berths.")
    page.locator("[data-contentpath='body'] button").first.click()
    page.get_by_role("option", name="Paragraph").first.click()
    page.locator("[data-contentpath='body'] [contenteditable='true']").first.click()
    page.keyboard.type(
        "The ministry announced a third berth this week. Before we pour concrete, we should "
        "ask why the second berth sits idle for half of every week while ships wait outside."
    )
    assert page.locator("#id_kind").input_value() == "opinion"
    # Let autosave finish creating the draft, as it does while a writer reads it over.
    page.wait_for_url("**/edit/", timeout=15000)
    page.wait_for_load_state("networkidle")
    screenshot(page, "desk-contributor-draft", full_page=False)
    footer_action(page, "Submit to Newsroom review")
    page.wait_for_load_state("networkidle")
    assert "submitted for moderation" in page.locator(".messages").inner_text()
    article = ArticlePage.objects.get(title=HEADLINE)
    assert article.slug == "the-harbour-does-not-need-another-berth-it-needs-a-timetable"
    assert inbox.wait_for(1) and inbox.to("editor@gazette.localhost")

    # The editor comments on the headline, then approves with a note.
    sign_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle='comments']").first.click()
    page.locator("[data-contentpath='title'] .w-field__comment-button").first.click()
    page.locator(".comments-list textarea, [data-comments] textarea").first.fill(
        "Name the ministry in the standfirst?"
    )
    page.get_by_role("button", name="Comment", exact=True).first.click()
    screenshot(page, "desk-editor-comment", full_page=False)
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    footer_action(page, "Approve with comment")
    page.get_by_role("dialog").locator("textarea").first.fill("Legal: check the ministry claims.")
    page.get_by_role("dialog").get_by_role("button", name="Approve with comment").click()
    page.wait_for_load_state("networkidle")
    assert Comment.objects.get().text == "Name the ministry in the standfirst?"
    assert inbox.wait_for(3) and inbox.to("legal@gazette.localhost")
    assert not ArticlePage.objects.get(pk=article.pk).live, "opinion waits for legal"

    # Legal approves; the integrity gate finds nothing; the piece goes out.
    sign_in(page, base, "legal")
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    footer_action(page, "Approve")
    page.wait_for_load_state("networkidle")
    assert ArticlePage.objects.get(pk=article.pk).live
    contributor_mail = inbox.to("contributor@gazette.localhost")
    assert any(
        "Name the ministry" in m.get_body(("plain",)).get_content() for m in contributor_mail
    )

    # The translator starts the Arabic version from the desk, credited to themself.
    sign_in(page, base, "translator")
    page.goto(f"{base}/admin/newsroom/translations/?from=en")
    page.get_by_role("link", name="Translate").first.click()
    assert page.locator("#id_translator option:checked").inner_text() == "رانيا سعد"
    page.get_by_role("button", name="Create translation draft").click()
    page.wait_for_load_state("networkidle")
    screenshot(page, "desk-translation-draft", full_page=False)
    draft = ArticlePage.objects.get(
        translation_key=article.translation_key, locale=Locale.objects.get(language_code="ar")
    )
    assert draft.translator.name == "رانيا سعد" and not draft.live
