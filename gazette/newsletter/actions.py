"""Every change of newsletter state: one function per change, each in a transaction.

Views, admin views, tasks and signal handlers call these; side effects (mail, sending)
are queued on commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from gazette.newsletter import queries
from gazette.newsletter.consent import consent_wording, store_wording
from gazette.newsletter.models import (
    Cadence,
    ConsentAction,
    ConsentRecord,
    ConsentText,
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Frequency,
    ImportStatus,
    Newsletter,
    Subscriber,
    SubscriberImport,
    SubscriberStatus,
    Suppression,
    SuppressionReason,
)
from gazette.newsletter.tokens import make_confirmation_token

# --- Sign-up -----------------------------------------------------------------


def offered_newsletters(language: str | None = None):
    qs = Newsletter.objects.filter(is_active=True)
    if language:
        qs = qs.filter(language=language)
    return qs


def default_newsletters(language: str) -> list[Newsletter]:
    """What the one-field box subscribes to: pre-selected lists, else every list, in `language`."""
    offered = list(offered_newsletters(language))
    chosen = [n for n in offered if n.offered_by_default]
    return chosen or offered


def request_subscription(
    *,
    email: str,
    language: str,
    newsletters: Iterable[Newsletter],
    frequency: str,
    source: str,
    ip_hash: str,
) -> None:
    """Mail a confirmation link (or, to a current subscriber, their preferences link).

    Stores nothing about the reader: the request travels inside the signed link, so an
    address nobody confirms never enters the database.
    """
    from gazette.newsletter import tasks

    newsletters = list(newsletters)
    if Suppression.objects.filter(email=email).exists():
        return
    frequency_label = str(Frequency(frequency).label)
    with translation.override(language):
        wording = consent_wording(language, [n.name for n in newsletters], frequency_label)
    text = store_wording(wording)
    existing = Subscriber.objects.filter(email=email, status=SubscriberStatus.SUBSCRIBED).first()
    payload = {
        "e": email,
        "l": language,
        "n": [n.pk for n in newsletters],
        "f": frequency,
        "s": source[:200],
        "c": text.pk,
        "t": timezone.now().isoformat(),
        "i": ip_hash,
    }
    token = make_confirmation_token(payload)
    if existing is not None and set(payload["n"]) <= set(
        existing.newsletters.values_list("pk", flat=True)
    ):
        transaction.on_commit(lambda: tasks.send_already_subscribed_mail.enqueue(existing.pk))
    else:
        transaction.on_commit(lambda: tasks.send_confirmation_mail.enqueue(token))


@transaction.atomic
def confirm_subscription(payload: dict, ip_hash: str) -> Subscriber:
    """Turn a confirmed sign-up request into a subscriber (idempotent)."""
    now = timezone.now()
    email = payload["e"]
    newsletter_ids = list(
        Newsletter.objects.filter(pk__in=payload.get("n", []), is_active=True).values_list(
            "pk", flat=True
        )
    )
    # Clicking the link proves the mailbox works, so an old bounce no longer applies.
    Suppression.objects.filter(email=email, reason=SuppressionReason.BOUNCE).delete()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    was_subscribed = subscriber is not None and subscriber.is_subscribed
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.language = payload["l"]
    subscriber.frequency = payload["f"]
    subscriber.source = payload.get("s", "")
    if not was_subscribed:
        subscriber.status = SubscriberStatus.SUBSCRIBED
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
    subscriber.save()
    if was_subscribed:
        subscriber.newsletters.add(*newsletter_ids)
    else:
        subscriber.newsletters.set(newsletter_ids)
    requested_at = datetime.fromisoformat(payload["t"])
    text = ConsentText.objects.filter(pk=payload.get("c")).first()
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                subscriber=subscriber,
                action=ConsentAction.REQUESTED,
                at=requested_at,
                text=text,
                source=subscriber.source,
                ip_hash=payload.get("i", ""),
                details={"newsletters": newsletter_ids, "frequency": payload["f"]},
            ),
            ConsentRecord(
                subscriber=subscriber,
                action=ConsentAction.CONFIRMED,
                at=now,
                text=text,
                source=subscriber.source,
                ip_hash=ip_hash,
            ),
        ]
    )
    return subscriber


# --- Preferences -------------------------------------------------------------


@transaction.atomic
def update_preferences(
    subscriber: Subscriber,
    *,
    language: str,
    frequency: str,
    newsletters: Iterable[Newsletter],
    ip_hash: str,
) -> Subscriber:
    """Change what a subscriber receives; choosing no newsletter unsubscribes them."""
    ids = [n.pk for n in newsletters]
    subscriber.language = language
    subscriber.frequency = frequency
    if ids and not subscriber.is_subscribed:
        subscriber.status = SubscriberStatus.SUBSCRIBED
        subscriber.unsubscribed_at = None
    elif not ids and subscriber.is_subscribed:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
    subscriber.save()
    subscriber.newsletters.set(ids)
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentAction.CHANGED if ids else ConsentAction.UNSUBSCRIBED,
        at=timezone.now(),
        source="preferences",
        ip_hash=ip_hash,
        details={"newsletters": ids, "language": language, "frequency": frequency},
    )
    return subscriber


@transaction.atomic
def unsubscribe(
    subscriber: Subscriber,
    *,
    newsletter_id: int | None = None,
    edition_id: int | None = None,
    source: str,
    ip_hash: str = "",
) -> Subscriber:
    """Take a subscriber off one newsletter (or all); nothing left means unsubscribed."""
    now = timezone.now()
    if newsletter_id:
        subscriber.newsletters.remove(newsletter_id)
    else:
        subscriber.newsletters.clear()
    if not subscriber.newsletters.exists() and subscriber.is_subscribed:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = now
        subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
    if edition_id:
        Delivery.objects.filter(
            edition_id=edition_id, subscriber=subscriber, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=now)
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentAction.UNSUBSCRIBED,
        at=now,
        source=source,
        ip_hash=ip_hash,
        details={"newsletter": newsletter_id, "edition": edition_id},
    )
    return subscriber


def export_subscriber_data(subscriber: Subscriber) -> dict:
    """Everything we hold about one subscriber, for them to download."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "frequency": subscriber.frequency,
        "status": subscriber.status,
        "newsletters": [
            {"slug": n.slug, "name": n.name} for n in subscriber.newsletters.order_by("pk")
        ],
        "source": subscriber.source,
        "confirmed_at": _iso(subscriber.confirmed_at),
        "unsubscribed_at": _iso(subscriber.unsubscribed_at),
        "created_at": _iso(subscriber.created_at),
        "consent_records": [
            {
                "action": record.action,
                "at": _iso(record.at),
                "shown": record.text.text if record.text else "",
                "source": record.source,
                "ip_hash": record.ip_hash,
                "details": record.details,
            }
            for record in subscriber.consent_records.select_related("text")
        ],
        "deliveries": [
            {"edition": subject, "status": status, "sent_at": _iso(sent_at)}
            for subject, status, sent_at in subscriber.deliveries.order_by("pk").values_list(
                "edition__subject", "status", "sent_at"
            )
        ],
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def delete_subscriber(subscriber: Subscriber) -> None:
    """Erase a subscriber and their consent records; deliveries stay, anonymous, for counts."""
    subscriber.delete()


# --- Suppression and provider events ----------------------------------------


@transaction.atomic
def suppress_address(email: str, reason: str, note: str = "") -> Suppression:
    """Never mail `email` again; a complaint also unsubscribes them."""
    suppression, created = Suppression.objects.get_or_create(
        email=email, defaults={"reason": reason, "note": note[:300]}
    )
    if not created and suppression.reason != reason and reason == SuppressionReason.COMPLAINT:
        suppression.reason = reason
        suppression.save(update_fields=["reason"])
    if reason == SuppressionReason.COMPLAINT:
        for subscriber in Subscriber.objects.filter(email=email, status="subscribed"):
            unsubscribe(subscriber, source="complaint")
    return suppression


@transaction.atomic
def record_provider_event(
    *,
    event_type: str,
    recipient: str,
    message_id: str = "",
    description: str = "",
    esp_name: str = "",
) -> None:
    """Act on a bounce, complaint, rejection or unsubscribe reported by the mail provider."""
    from gazette.newsletter.addresses import normalise_email

    try:
        email = normalise_email(recipient or "")
    except Exception:
        return
    reason = {
        "bounced": SuppressionReason.BOUNCE,
        "complained": SuppressionReason.COMPLAINT,
        "rejected": SuppressionReason.REJECTED,
    }.get(event_type)
    note = f"{esp_name}: {description}".strip(": ")
    if reason is not None:
        suppress_address(email, reason, note)
        deliveries = Delivery.objects.filter(subscriber__email=email, status=DeliveryStatus.SENT)
        if message_id:
            matched = deliveries.filter(provider_message_id=message_id)
            if matched.exists():
                deliveries = matched
        latest = deliveries.order_by("-sent_at").values_list("pk", flat=True)[:1]
        Delivery.objects.filter(pk__in=list(latest)).update(status=DeliveryStatus.BOUNCED)
    elif event_type == "unsubscribed":
        for subscriber in Subscriber.objects.filter(email=email, status="subscribed"):
            unsubscribe(subscriber, source=f"provider:{esp_name}")


# --- Editions ----------------------------------------------------------------


def default_subject(newsletter: Newsletter, cadence: str, when: datetime) -> str:
    with translation.override(newsletter.language):
        day = format_date(timezone.localtime(when), "j F Y")
        if cadence == Cadence.WEEKLY and newsletter.cadence == Cadence.DAILY:
            return _("%(name)s — the week to %(day)s") % {"name": newsletter.name, "day": day}
        return _("%(name)s — %(day)s") % {"name": newsletter.name, "day": day}


@transaction.atomic
def compose_edition(
    newsletter: Newsletter,
    *,
    cadence: str | None = None,
    slot=None,
    now: datetime | None = None,
    subject: str = "",
) -> Edition:
    """Gather the articles published since the last edition into a new draft edition."""
    now = now or timezone.now()
    cadence = cadence or newsletter.cadence
    previous = queries.last_edition(newsletter, cadence)
    span = timedelta(days=7 if cadence == Cadence.WEEKLY else 1)
    since = previous.window_end if previous else now - span
    articles = list(queries.digest_articles(newsletter, since, now).values_list("pk", flat=True))
    return Edition.objects.create(
        newsletter=newsletter,
        cadence=cadence,
        subject=subject or default_subject(newsletter, cadence, now),
        slot=slot,
        article_ids=articles,
        window_start=since,
        window_end=now,
    )


@transaction.atomic
def refresh_edition_articles(edition: Edition, now: datetime | None = None) -> Edition:
    """Re-gather a draft's articles up to now (an editor waited before sending)."""
    now = now or timezone.now()
    edition.article_ids = list(
        queries.digest_articles(edition.newsletter, edition.window_start, now).values_list(
            "pk", flat=True
        )
    )
    edition.window_end = now
    edition.save(update_fields=["article_ids", "window_end"])
    return edition


@transaction.atomic
def schedule_edition(edition: Edition, when: datetime) -> Edition:
    """Send the edition at `when` (the scheduler starts it)."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status not in (EditionStatus.DRAFT, EditionStatus.SCHEDULED):
        raise ValueError(_("Only a draft edition can be scheduled."))
    edition.status = EditionStatus.SCHEDULED
    edition.scheduled_for = when
    edition.save(update_fields=["status", "scheduled_for"])
    return edition


@transaction.atomic
def start_sending(edition: Edition) -> Edition:
    """Mark the edition as sending and queue the workers that deliver it."""
    from gazette.newsletter import tasks

    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status in (EditionStatus.SENT, EditionStatus.CANCELLED):
        raise ValueError(_("This edition was already sent or cancelled."))
    if edition.status != EditionStatus.SENDING:
        edition.status = EditionStatus.SENDING
        edition.started_at = timezone.now()
        edition.save(update_fields=["status", "started_at"])
    # One task per sending worker: each claims its own batches, so they share the list.
    workers = max(settings.NEWSLETTER_SEND_WORKERS, 1)
    for _worker in range(workers):
        transaction.on_commit(lambda: tasks.send_edition.enqueue(edition.pk))
    return edition


@transaction.atomic
def cancel_edition(edition: Edition) -> Edition:
    """Stop an edition: whatever was not yet sent is skipped."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status == EditionStatus.SENT:
        raise ValueError(_("This edition was already sent."))
    edition.status = EditionStatus.CANCELLED
    edition.save(update_fields=["status"])
    edition.deliveries.filter(status=DeliveryStatus.PENDING).update(status=DeliveryStatus.SKIPPED)
    return edition


@transaction.atomic
def requeue_interrupted(edition: Edition) -> int:
    """Send again to readers whose delivery was cut off by a crash (an editor's decision)."""
    count = edition.deliveries.filter(status=DeliveryStatus.INTERRUPTED).update(
        status=DeliveryStatus.PENDING, next_attempt_at=None, claimed_by=""
    )
    if count:
        start_sending(edition)
    return count


# --- Subscriber imports ------------------------------------------------------


@transaction.atomic
def start_import(
    *,
    text: str,
    columns: list[str],
    filename: str,
    source: str,
    newsletters: Iterable[Newsletter],
    ip_hash: str,
    user=None,
) -> SubscriberImport:
    """Store an uploaded CSV and queue the task that imports it."""
    from gazette.newsletter import tasks

    job = SubscriberImport.objects.create(
        filename=filename[:255],
        content=text,
        columns=columns,
        source=source,
        ip_hash=ip_hash,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    job.newsletters.set(list(newsletters))
    transaction.on_commit(lambda: tasks.import_subscribers.enqueue(job.pk))
    return job


@transaction.atomic
def resume_import(job: SubscriberImport) -> SubscriberImport:
    """Carry on an import that stopped (an error, or a worker that died) where it was."""
    from gazette.newsletter import tasks

    job = SubscriberImport.objects.select_for_update().get(pk=job.pk)
    if job.status == ImportStatus.DONE:
        raise ValueError(_("This import has finished."))
    job.status = ImportStatus.QUEUED
    job.lease = ""
    job.error = ""
    job.save(update_fields=["status", "lease", "error"])
    transaction.on_commit(lambda: tasks.import_subscribers.enqueue(job.pk))
    return job
