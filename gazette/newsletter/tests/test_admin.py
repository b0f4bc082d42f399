"""Editors run the newsletter from the Wagtail admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from gazette.newsletter import actions
from gazette.newsletter.models import (
    Edition,
    Newsletter,
    Subscriber,
    Suppression,
)
from gazette.newsletter.schedule import run_schedule
from gazette.newsletter.tests.helpers import html_part, make_newsletter, make_subscribers, text_part
from gazette.testing.factories import make_article


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser(
        "chief", "chief@gazette.example", "pw", first_name="Chief"
    )
    client.force_login(user)
    return user


def test_an_editor_defines_a_newsletter(client, editor, magazine):
    opinion = magazine["sections"]["opinion"]
    assert client.get(reverse("wagtailsnippets_newsletter_newsletter:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_newsletter_newsletter:add"),
        {
            "name": "Weekly Opinion",
            "slug": "weekly-opinion",
            "description": "The week's columns.",
            "language": "en",
            "sections": [opinion.pk],
            "cadence": "weekly",
            "send_time": "08:30",
            "weekday": "4",
            "layout": "digest",
            "max_articles": "10",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    newsletter = Newsletter.objects.get(slug="weekly-opinion")
    assert list(newsletter.sections.all()) == [opinion.page_ptr.specific] or list(
        newsletter.sections.values_list("pk", flat=True)
    ) == [opinion.pk]
    assert newsletter.cadence == "weekly" and newsletter.weekday == 4


def test_compose_preview_test_and_send_an_edition(
    client, editor, magazine, writer, smtp, django_capture_on_commit_callbacks
):
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    article = make_article(opinion, title="A berth for the harbour", authors=[writer])
    readers = make_subscribers(newsletter, 5)

    response = client.post(
        reverse("newsletter_editions:add"),
        {"newsletter": newsletter.pk, "cadence": "daily", "subject": ""},
    )
    edition = Edition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter_admin:edition", args=[edition.pk])
    desk = client.get(response["Location"]).content.decode()
    assert article.title in desk
    assert "Send now to 5 readers" in desk

    preview = client.get(reverse("newsletter_admin:edition_preview", args=[edition.pk]))
    assert article.title in preview.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "test"]))
    [test_copy] = smtp.to("chief@gazette.example")
    assert test_copy["Subject"].startswith("[TEST]")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "send"]))
    assert {r.email for r in readers} <= {r for rcpts, _m in smtp.messages for r in rcpts}
    edition.refresh_from_db()
    assert edition.status == "sent"
    listing = client.get(reverse("newsletter_editions:index")).content.decode()
    assert edition.subject in listing
    desk = client.get(reverse("newsletter_admin:edition", args=[edition.pk])).content.decode()
    assert "<td>5</td>" in desk


def test_a_scheduled_edition_goes_out_when_its_time_comes(
    client, editor, magazine, writer, smtp, django_capture_on_commit_callbacks
):
    newsletter = make_newsletter()
    make_article(magazine["sections"]["news"], authors=[writer])
    make_subscribers(newsletter, 2)
    client.post(
        reverse("newsletter_editions:add"), {"newsletter": newsletter.pk, "cadence": "daily"}
    )
    edition = Edition.objects.get()
    when = timezone.localtime() + timedelta(hours=2)
    client.post(
        reverse("newsletter_admin:edition_action", args=[edition.pk, "schedule"]),
        {"when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    edition.refresh_from_db()
    assert edition.status == "scheduled"
    with django_capture_on_commit_callbacks(execute=True):
        run_schedule(timezone.now())
    assert smtp.count == 0
    with django_capture_on_commit_callbacks(execute=True):
        run_schedule(timezone.now() + timedelta(hours=3))
    assert smtp.count == 2


def test_the_daily_schedule_composes_one_edition_per_slot(
    magazine, writer, smtp, settings, django_capture_on_commit_callbacks
):
    newsletter = make_newsletter(send_time=timezone.localtime().time().replace(hour=0, minute=0))
    make_article(magazine["sections"]["news"], authors=[writer])
    make_subscribers(newsletter, 3)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        run_schedule(now)
    with django_capture_on_commit_callbacks(execute=True):
        run_schedule(now + timedelta(minutes=1))
    assert Edition.objects.filter(cadence="daily").count() == 1
    assert smtp.count == 3


def test_subscriber_listing_search_filter_and_csv_export(client, editor, db):
    newsletter = make_newsletter()
    make_subscribers(newsletter, 3)
    Subscriber.objects.filter(email="reader2@example.com").update(status="unsubscribed")
    index = reverse("newsletter_subscribers:index")
    found = client.get(index, {"q": "reader1"}).content.decode()
    assert "reader1@example.com" in found and "reader0@example.com" not in found
    filtered = client.get(index, {"status": "unsubscribed"}).content.decode()
    assert "reader2@example.com" in filtered and "reader1@example.com" not in filtered
    export = client.get(index, {"export": "csv"})
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "reader0@example.com" in body and "morning-opinion" in body


def test_growth_chart_and_manual_suppression(client, editor, db):
    newsletter = make_newsletter()
    make_subscribers(newsletter, 4)
    page = client.get(reverse("newsletter_admin:growth")).content.decode()
    assert "<svg" in page and "4 subscribed now" in page

    response = client.post(
        reverse("newsletter_suppressions:add"),
        {"email": "reader1@example.com", "reason": "manual", "note": "Asked by phone"},
    )
    assert response.status_code == 302
    assert Suppression.objects.filter(email="reader1@example.com").exists()


def test_sections_must_be_in_the_newsletters_language(client, editor, magazine):
    response = client.post(
        reverse("wagtailsnippets_newsletter_newsletter:add"),
        {
            "name": "النشرة",
            "slug": "ar-digest",
            "language": "ar",
            "sections": [magazine["sections"]["opinion"].pk],
            "cadence": "daily",
            "send_time": "07:00",
            "weekday": "4",
            "layout": "digest",
            "max_articles": "10",
        },
    )
    assert response.status_code == 200
    assert "not in the newsletter&#x27;s language" in response.content.decode()
    assert not Newsletter.objects.filter(slug="ar-digest").exists()
    form = client.get(reverse("wagtailsnippets_newsletter_newsletter:add")).content.decode()
    assert "Opinion (English)" in form and "رأي (Arabic)" in form


def test_the_edition_desk_guides_the_editor(
    client, editor, magazine, writer, smtp, django_capture_on_commit_callbacks
):
    newsletter = make_newsletter(postal_address="Gazette Media\n12 Harbour Street")
    make_article(magazine["sections"]["news"], title="Ferries run late", authors=[writer])
    edition = actions.compose_edition(newsletter)
    desk_url = reverse("newsletter_admin:edition", args=[edition.pk])

    desk = client.get(desk_url).content.decode()
    assert "Nobody receives this edition yet" in desk
    assert "Send now" not in desk

    # Two tests in a row both arrive: each has its own Message-ID.
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "test"]))
    first, second = smtp.to("chief@gazette.example")
    assert first["Message-ID"] != second["Message-ID"]
    assert "12 Harbour Street" in html_part(first) and "12 Harbour Street" in text_part(first)
    assert (
        "Test copy handed to the mail server for chief@gazette.example"
        in client.get(desk_url).content.decode()
    )

    edit_url = reverse("newsletter_editions:edit", args=[edition.pk])
    response = client.post(edit_url, {"subject": "Ferries, and why they are late"})
    assert response.status_code == 302 and response["Location"] == desk_url
    edition.refresh_from_db()
    assert edition.subject == "Ferries, and why they are late"

    make_subscribers(newsletter, 2)
    assert "Send now to 2 readers" in client.get(desk_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "send"]))
    assert smtp.count == 4
    response = client.post(edit_url, {"subject": "Too late"})
    assert response.status_code == 302 and response["Location"] == desk_url
    edition.refresh_from_db()
    assert edition.subject == "Ferries, and why they are late", "a sent edition stays as sent"


def test_a_failed_test_copy_is_reported_on_the_desk(
    client, editor, settings, django_capture_on_commit_callbacks
):
    from gazette.newsletter.tests.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    edition = actions.compose_edition(make_newsletter())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "test"]))
    desk = client.get(reverse("newsletter_admin:edition", args=[edition.pk])).content.decode()
    assert "was not sent" in desk and "ConnectionRefusedError" in desk
