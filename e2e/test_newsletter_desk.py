"""An editor runs the newsletter from the admin in a real browser; a reader joins from a
page served by the full-page cache. Mail goes to a real SMTP server (aiosmtpd)."""

import re
from collections import Counter

import pytest

from gazette.newsletter.models import Edition, Newsletter, Subscriber
from gazette.newsroom.roles import EDITORS, ensure_roles
from gazette.newsroom.tests.conftest import make_user
from gazette.testing.factories import make_article, make_author, make_image, make_magazine

pytestmark = pytest.mark.browser


@pytest.fixture
def newsroom(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    magazine = make_magazine()
    groups = ensure_roles([magazine["home"], magazine["home_ar"]])
    make_user("editor", groups[EDITORS])
    writer = make_author("Layla Haddad")
    article = make_article(
        magazine["sections"]["opinion"],
        title="Why the harbour needs a second berth before the next season",
        authors=[writer],
        hero_image=make_image("Harbour", size=(800, 450)),
    )
    return live_server.url, article


def sign_in(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "gazette-editor")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_an_editor_defines_a_newsletter_imports_readers_tests_and_sends(
    newsroom, mail_server, desktop, tmp_path, screenshot, browser
):
    base, article = newsroom
    page = desktop
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, base)
    assert "Newsletter" in page.locator("#wagtail-sidebar").inner_text()

    # Define the newsletter.
    page.goto(f"{base}/admin/snippets/newsletter/newsletter/add/")
    page.fill("#id_name", "Morning Opinion")
    page.fill("#id_slug", "morning-opinion")
    page.fill("#id_description", "The day's columns, at seven.")
    page.select_option("#id_language", "en")
    page.get_by_label("Opinion (English)", exact=True).check()
    page.fill("#id_postal_address", "Gazette Media, 12 Harbour Street")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert "Daily at 07:00" in page.locator("table.listing").inner_text()
    screenshot(page, "newsletter-desk-1-newsletters", full_page=False)

    # Bring readers in from a CSV; a bad row is reported with its line.
    csv_file = tmp_path / "readers.csv"
    csv_file.write_text(
        "email,newsletters\n"
        "amal@example.com,morning-opinion\n"
        "not an address,morning-opinion\n"
        "omar+news@example.com,morning-opinion\n"
        "sara@example.com,morning-opinion\n"
    )
    page.goto(f"{base}/admin/newsletter/subscribers/import/")
    page.set_input_files("#id_file", str(csv_file))
    page.fill("#id_source", "Print subscription form, 2024, box ticked")
    page.get_by_label("These people gave their consent, and I can show how.").check()
    page.get_by_role("button", name="Upload and import").click()
    page.wait_for_load_state()
    page.reload()  # the task ran when the upload was committed
    body = page.locator("main").inner_text()
    assert "Finished" in body and "4 of 4 rows" in body
    assert "1 row was not imported" in body and "not an address" in body
    screenshot(page, "newsletter-desk-2-import", full_page=False)

    # Compose an edition: it gathers the article; the preview shows it.
    page.goto(f"{base}/admin/newsletter_editions/new/")
    page.select_option("#id_newsletter", label="Morning Opinion (English)")
    page.get_by_role("button", name="Create").click()
    page.wait_for_load_state()
    edition = Edition.objects.get()
    assert article.title in page.locator("main").inner_text()
    preview = page.frame_locator("iframe[title='Preview of the mail']")
    assert article.title in preview.locator("h2").first.inner_text()
    screenshot(page, "newsletter-desk-3-edition", full_page=False)

    # A test to the editor, then the real send to the three readers.
    page.get_by_role("button", name="Send a test to me").click()
    page.wait_for_load_state()
    [test_copy] = mail_server.to("editor@gazette.localhost")
    assert test_copy["Subject"].startswith("[TEST] ")
    page.reload()
    assert "Test copy handed to the mail server" in page.locator("main").inner_text()

    page.get_by_role("button", name="Send now to 3 readers").click()
    page.wait_for_load_state()
    assert "Sending started" in page.locator(".messages").inner_text()
    page.reload()
    counts = page.get_by_role("table", name="Delivery counts").inner_text()
    assert re.search(r"\b3\b", counts.splitlines()[-1].split("\t")[0])
    screenshot(page, "newsletter-desk-4-sent", full_page=False)
    edition.refresh_from_db()
    assert edition.status == "sent"
    readers = Counter(r for rcpts, _m in mail_server.messages for r in rcpts)
    assert readers == Counter(
        {
            "editor@gazette.localhost": 1,
            "amal@example.com": 1,
            "omar+news@example.com": 1,
            "sara@example.com": 1,
        }
    )

    # The mail as a phone's mail client in dark mode shows it.
    [mail] = mail_server.to("sara@example.com")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = mail.get_body(preferencelist=("html",)).get_content()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    client = phone.new_page()
    client.set_content(html)
    assert client.locator("a").first.inner_text() == "Gazette", "signed as the masthead is"
    assert client.locator("h2 a").first.inner_text() == article.title
    assert "12 Harbour Street" in client.locator("body").inner_text()
    screenshot(client, "newsletter-desk-5-mail-dark-phone")
    phone.close()


def test_a_reader_joins_from_the_box_on_a_cached_page(newsroom, mail_server, phone, screenshot):
    base, article = newsroom
    Newsletter.objects.create(
        name="Morning Opinion", slug="morning-opinion", language="en", offered_by_default=True
    )
    phone.goto(base + article.url)
    served = phone.goto(base + article.url)
    assert served.headers.get("x-cache") == "HIT", "the second visit comes from the page cache"
    assert phone.context.cookies() == [], "a cached page sets no cookie"

    box = phone.locator("section.newsletter-box")
    box.scroll_into_view_if_needed()
    box.get_by_label("Email address").fill("Reader+Berth@Example.com")
    box.get_by_role("button", name="Subscribe").click()
    box.locator("[role=status]").wait_for(state="visible")
    assert "confirmation link" in box.locator("[role=status]").inner_text()
    screenshot(phone, "newsletter-box-on-cached-page", full_page=False)

    [(rcpts, mail)] = mail_server.messages
    assert rcpts == ["reader+berth@example.com"]
    link = re.search(r"http\S+/newsletter/confirm/\S+", mail.get_body(("plain",)).get_content())
    phone.goto(link.group(0))
    assert Subscriber.objects.count() == 0, "opening the link subscribes nobody"
    phone.get_by_role("button", name="Yes, subscribe me").click()
    phone.wait_for_load_state()
    assert "Morning Opinion" in phone.locator("main").inner_text()
    assert Subscriber.objects.get().email == "reader+berth@example.com"
