"""Signing up: validation, abuse resistance, no enumeration, double opt-in."""

from __future__ import annotations

import pytest

from gazette.newsletter.models import ConsentText, Subscriber
from gazette.newsletter.tests.helpers import first_link, make_newsletter, path_of, text_part


@pytest.fixture
def newsletter(db):
    return make_newsletter(offered_by_default=True)


def sign_up(client, email, capture, **extra):
    data = {"email": email, **{k: v for k, v in extra.items() if not k.isupper()}}
    headers = {k: v for k, v in extra.items() if k.isupper()}
    with capture(execute=True):
        return client.post("/newsletter/subscribe/", data, **headers)


HOSTILE = [
    ("", "Enter an email address"),
    ("not-an-address", "exactly one @"),
    ("a@@example.com", "exactly one @"),
    ("reader@localhost", "needs a dot"),
    ("a@example.com\r\nBcc: victim@example.org", "line breaks"),
    ("<script>alert(1)</script>@example.com", "one address only"),
    ("a@example.com, b@example.com", "one address only"),
    ('"quoted name"@example.com', "one address only"),
    ("x" * 250 + "@example.com", "too long"),
    ("user@[127.0.0.1]", "one address only"),
    ("ünïcode@example.com", "Latin letters"),
    ("user@exa_mple.com", "not a valid domain"),
]


@pytest.mark.parametrize(("address", "explanation"), HOSTILE)
def test_invalid_and_hostile_addresses_get_a_clear_error_and_nothing_is_stored(
    client, newsletter, smtp, django_capture_on_commit_callbacks, address, explanation
):
    response = sign_up(client, address, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert explanation in response.content.decode()
    assert Subscriber.objects.count() == 0
    assert ConsentText.objects.count() == 0
    assert smtp.count == 0


def test_invalid_address_from_the_box_gets_a_json_error(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, "nobody", django_capture_on_commit_callbacks, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert "exactly one @" in response.json()["message"]


def test_idn_domain_is_stored_in_ascii_and_plus_addressing_is_kept(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    response = sign_up(client, "Reader+Gazette@Bücher.Example", django_capture_on_commit_callbacks)
    assert response.status_code == 200
    [confirmation] = smtp.to("reader+gazette@xn--bcher-kva.example")
    assert "reader+gazette@bücher.example" in text_part(confirmation)
    client.post(path_of(first_link(text_part(confirmation), "/newsletter/confirm/")))
    assert Subscriber.objects.get().email == "reader+gazette@xn--bcher-kva.example"


def test_the_honeypot_silently_drops_bots(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, "bot@example.com", django_capture_on_commit_callbacks, website="http://spam"
    )
    assert response.status_code == 200
    assert smtp.count == 0


def test_too_many_sign_ups_from_one_ip_are_refused(
    client, newsletter, smtp, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SIGNUPS_PER_IP = 3
    codes = [
        sign_up(client, f"reader{i}@example.com", django_capture_on_commit_callbacks).status_code
        for i in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert smtp.count == 3
    other_ip = sign_up(
        client, "neighbour@example.com", django_capture_on_commit_callbacks, REMOTE_ADDR="10.0.0.9"
    )
    assert other_ip.status_code == 200


def test_one_address_gets_few_mails_however_many_ips_ask(
    client, newsletter, smtp, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_MAILS_PER_ADDRESS = 2
    answers = {
        sign_up(
            client,
            "target@example.com",
            django_capture_on_commit_callbacks,
            REMOTE_ADDR=f"10.0.0.{i}",
        ).content
        for i in range(6)
    }
    assert len(answers) == 1, "the answer never changes, so it reveals nothing"
    assert len(smtp.to("target@example.com")) == 2


def test_the_answer_is_the_same_for_subscribed_and_unknown_addresses(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    known = Subscriber.objects.create(email="known@example.com", language="en")
    known.newsletters.add(newsletter)
    a = sign_up(client, "known@example.com", django_capture_on_commit_callbacks)
    b = sign_up(client, "unknown@example.com", django_capture_on_commit_callbacks)
    assert a.status_code == b.status_code == 200
    assert a.content == b.content
    [mail] = smtp.to("known@example.com")
    assert "already" in mail["Subject"]
    assert "/newsletter/preferences/" in text_part(mail)


def test_cross_site_form_posts_are_refused(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    response = sign_up(
        client,
        "reader@example.com",
        django_capture_on_commit_callbacks,
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403
    assert smtp.count == 0


def test_expired_and_tampered_links_subscribe_nobody(
    client, newsletter, smtp, settings, django_capture_on_commit_callbacks
):
    sign_up(client, "late@example.com", django_capture_on_commit_callbacks)
    link = path_of(first_link(text_part(smtp.messages[0][1]), "/newsletter/confirm/"))
    tampered = link.replace("/confirm/", "/confirm/x")
    assert client.post(tampered).status_code == 404
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    response = client.post(link)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_the_confirmation_page_needs_a_csrf_token(
    client, newsletter, smtp, django_capture_on_commit_callbacks
):
    from django.test import Client

    sign_up(client, "reader@example.com", django_capture_on_commit_callbacks)
    link = path_of(first_link(text_part(smtp.messages[0][1]), "/newsletter/confirm/"))
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(link).status_code == 403
    page = strict.get(link)
    token = page.cookies["csrftoken"].value
    assert strict.post(link, {"csrfmiddlewaretoken": token}).status_code == 200
    assert Subscriber.objects.get().is_subscribed


def test_arabic_sign_up_page_and_mail_are_right_to_left(
    client, magazine, smtp, django_capture_on_commit_callbacks
):
    make_newsletter(name="النشرة اليومية", slug="daily-ar", language="ar", offered_by_default=True)
    page = client.get("/ar/newsletter/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/newsletter/subscribe/", {"email": "qari@example.com", "language": "ar"})
    [mail] = smtp.to("qari@example.com")
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert 'dir="rtl"' in html
    assert "/ar/newsletter/confirm/" in text_part(mail)
    # Signed with the magazine's Arabic name, as its Arabic pages are, not “Gazette”.
    assert "غازيت" in mail["Subject"] and "Gazette" not in mail["Subject"]
    assert "غازيت" in html and 'href="http://testserver/ar/"' in html


def test_the_box_is_on_every_page_without_per_reader_state(client, article):
    make_newsletter(offered_by_default=True)
    first = client.get(article.url).content.decode()
    client.cookies.clear()
    second = client.get(article.url).content.decode()
    assert "Subscribe to our mailing list to get the new updates!" in first
    assert 'action="/newsletter/subscribe/"' in first
    assert "csrfmiddlewaretoken" not in first
    box = first[first.index('class="newsletter-box"') :]
    assert box[:2000] == second[second.index('class="newsletter-box"') :][:2000]


def test_a_confirmation_mail_goes_ahead_of_a_backlog_of_routine_tasks(
    client, newsletter, settings, django_capture_on_commit_callbacks
):
    """A reader waits for the link; index and rendition updates after a big publish can wait."""
    from django_tasks_db.models import DBTaskResult

    from gazette.newsletter import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for _ in range(3):
        tasks.run_newsletter_schedule.enqueue()  # stands in for any routine task

    sign_up(client, "waiting@example.com", django_capture_on_commit_callbacks)

    next_up = DBTaskResult.objects.ready().first()
    assert next_up.task_path == "gazette.newsletter.tasks.send_confirmation_mail"
    assert DBTaskResult.objects.ready().count() == 4
