"""A reader signs up from the newsletter box at the foot of an article, in a real browser."""

import re

import pytest

from gazette.newsletter.models import Newsletter, Subscriber
from gazette.testing.factories import make_article, make_author, make_magazine

pytestmark = pytest.mark.browser


@pytest.fixture
def article_url(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    magazine = make_magazine()
    writer = make_author("Layla Haddad")
    Newsletter.objects.create(
        name="Morning Opinion", slug="morning-opinion", language="en", offered_by_default=True
    )
    article = make_article(
        magazine["sections"]["opinion"], title="A second berth", authors=[writer]
    )
    return live_server.url + article.url


def test_signing_up_from_the_box_on_an_article(article_url, mail_server, phone, screenshot):
    phone.goto(article_url)
    box = phone.locator("section.newsletter-box")
    box.scroll_into_view_if_needed()
    assert "Subscribe to our mailing list to get the new updates!" in box.inner_text()

    box.get_by_label("Email address").fill("not an address")
    box.get_by_role("button", name="Subscribe").click()
    # The browser's own check stops a malformed address before it is sent.
    assert phone.evaluate("document.querySelector('#newsletter-box-email').validity.valid") is False

    box.get_by_label("Email address").fill("Reader+Berth@Example.com")
    box.get_by_role("button", name="Subscribe").click()
    status = box.locator("[role=status]")
    status.wait_for(state="visible")
    assert "confirmation link" in status.inner_text()
    assert phone.url == article_url, "the reader stays on the article"
    screenshot(phone, "newsletter-box-signed-up", full_page=False)

    [(rcpts, mail)] = mail_server.messages
    assert rcpts == ["reader+berth@example.com"]
    link = re.search(r"http\S+/newsletter/confirm/\S+", mail.get_body(("plain",)).get_content())
    phone.goto(link.group(0))
    assert Subscriber.objects.count() == 0
    phone.get_by_role("button", name="Yes, subscribe me").click()
    phone.wait_for_load_state()
    assert "You are subscribed" in phone.locator("h1").inner_text()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader+berth@example.com"
    assert [n.slug for n in subscriber.newsletters.all()] == ["morning-opinion"]
