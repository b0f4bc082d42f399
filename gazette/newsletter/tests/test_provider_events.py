"""Bounces and complaints from the mail provider (django-anymail webhooks) suppress addresses."""

from __future__ import annotations

import base64
import json

from anymail.signals import AnymailTrackingEvent, tracking

from gazette.newsletter import actions
from gazette.newsletter.models import Delivery, Edition, EditionStatus, Suppression
from gazette.newsletter.sending import run_sender
from gazette.newsletter.tests.helpers import make_newsletter, make_subscribers


def auth(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def test_a_hard_bounce_posted_by_the_provider_suppresses_the_address(
    client, magazine, writer, smtp, settings
):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    newsletter = make_newsletter()
    make_subscribers(newsletter, 3)
    edition = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    run_sender(edition.pk)

    # Postmark's bounce webhook, as Postmark sends it.
    payload = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": "reader1@example.com",
        "BouncedAt": "2026-11-25T07:30:00Z",
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Inactive": True,
        "CanActivate": True,
        "Subject": edition.subject,
        "MessageStream": "outbound",
    }
    response = client.post(
        "/anymail/postmark/tracking/",
        data=json.dumps(payload),
        content_type="application/json",
        **auth("hook:s3cret"),
    )
    assert response.status_code == 200
    suppression = Suppression.objects.get(email="reader1@example.com")
    assert suppression.reason == "bounce"
    assert Delivery.objects.get(subscriber__email="reader1@example.com").status == "bounced"

    # The next edition skips the address.
    second = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=second.pk).update(status=EditionStatus.SENDING)
    smtp.messages.clear()
    run_sender(second.pk)
    assert {r for rcpts, _m in smtp.messages for r in rcpts} == {
        "reader0@example.com",
        "reader2@example.com",
    }


def test_webhooks_without_the_secret_are_refused(client, db, settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    response = client.post(
        "/anymail/postmark/tracking/",
        data=json.dumps({"RecordType": "Bounce", "Type": "HardBounce", "Email": "x@example.com"}),
        content_type="application/json",
        **auth("hook:wrong"),
    )
    assert response.status_code == 400
    assert not Suppression.objects.exists()


def test_a_complaint_suppresses_and_unsubscribes(db):
    newsletter = make_newsletter()
    [reader] = make_subscribers(newsletter, 1)
    event = AnymailTrackingEvent(
        event_type="complained", recipient="Reader0@Example.com", message_id="abc", esp_event={}
    )
    tracking.send(sender=object, event=event, esp_name="SendGrid")
    reader.refresh_from_db()
    assert not reader.is_subscribed
    assert Suppression.objects.get(email="reader0@example.com").reason == "complaint"


def test_deferred_mail_is_not_a_reason_to_suppress(db):
    event = AnymailTrackingEvent(event_type="deferred", recipient="slow@example.com", esp_event={})
    tracking.send(sender=object, event=event, esp_name="Mailgun")
    assert not Suppression.objects.exists()
