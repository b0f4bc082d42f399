"""Deliver an edition: claim rows, send over one reused connection, record, retry.

Why it cannot send anyone the same edition twice:
- every recipient has one Delivery row (unique per edition and subscriber);
- a worker claims a batch in one transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL;
  SQLite's IMMEDIATE transactions serialise writers), and the claiming UPDATE only
  touches rows still pending, so two workers never hold the same row;
- sends are recorded every few messages and always in a `finally`, so an exception or
  a worker shutdown records exactly what the server accepted and hands the rest back;
- rows left claimed by a worker that died outright (SIGKILL, power loss) are marked
  INTERRUPTED, not resent: an editor sees them in the admin and may resend them.
"""

from __future__ import annotations

import contextlib
import logging
import random
import smtplib
import socket
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend
from django.db import OperationalError, transaction
from django.db import connection as db_connection
from django.db.models import F, Min, Q
from django.utils import timezone

from gazette.newsletter import queries
from gazette.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Subscriber,
    Suppression,
    SuppressionReason,
)
from gazette.newsletter.rendering import EditionMail
from gazette.newsletter.smtp_session import send_prepared

logger = logging.getLogger(__name__)

PREPARE_CHUNK = 2000
# Waits shorter than this are slept through inside the task; longer ones are deferred.
SHORT_WAIT_SECONDS = 5.0

TEMPORARY = "temporary"
PERMANENT = "permanent"
BOUNCE = "bounce"
CONNECTION = "connection"


def classify_error(exc: BaseException) -> str:
    """Is a sending error worth retrying (4xx, lost connection) or final (5xx)?"""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):
            return TEMPORARY
        return BOUNCE
    if isinstance(exc, smtplib.SMTPResponseException):
        return TEMPORARY if 400 <= exc.smtp_code < 500 else PERMANENT
    if isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError | socket.timeout | OSError):
        return CONNECTION
    status = getattr(exc, "status_code", None)  # anymail's API errors
    if status is not None:
        return TEMPORARY if status == 429 or status >= 500 else PERMANENT
    if exc.__class__.__name__ == "AnymailRecipientsRefused":
        return BOUNCE
    return PERMANENT


def retry_delay(attempts: int) -> float:
    """Exponential backoff with jitter: base, 2×base, 4×base… capped at six hours."""
    base = settings.NEWSLETTER_RETRY_BASE_SECONDS
    delay = min(base * (2 ** max(attempts - 1, 0)), 6 * 3600)
    return delay * random.uniform(0.8, 1.2)


# --- Recipients ---------------------------------------------------------------


def prepare_recipients(edition: Edition) -> int:
    """Create one pending Delivery per recipient, once, in short chunks.

    Keyset pages of subscriber ids keep memory flat, and each chunk is its own short
    transaction so other workers (and the web server, on SQLite) are never locked out
    for long. Chunks are idempotent (one row per reader and edition), so two workers
    preparing at once only waste a little work; the flag is set after the last chunk.
    """
    if edition.recipients_prepared:
        return 0
    if Edition.objects.filter(pk=edition.pk, recipients_prepared=True).exists():
        edition.recipients_prepared = True
        return 0
    created = 0
    last_id = 0
    recipients = queries.recipient_ids(edition)
    while True:
        ids = list(recipients.filter(pk__gt=last_id)[:PREPARE_CHUNK])
        if not ids:
            break
        retry_when_locked(lambda ids=ids: _insert_deliveries(edition.pk, ids))
        created += len(ids)
        last_id = ids[-1]
    Edition.objects.filter(pk=edition.pk).update(recipients_prepared=True)
    edition.recipients_prepared = True
    return created


def _insert_deliveries(edition_id: int, subscriber_ids: list[int]) -> None:
    """Insert pending rows, skipping readers who have one (another worker got there first).

    One prepared statement run per row (`executemany`) instead of `bulk_create`, which
    builds and inspects a model instance per row: 6 µs of CPU per reader instead of 34.
    """
    sql, defaults = _delivery_insert_statement()
    with transaction.atomic(), db_connection.cursor() as cursor:
        cursor.executemany(sql, [(edition_id, pk, *defaults) for pk in subscriber_ids])


def _delivery_insert_statement() -> tuple[str, list]:
    """INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL) with every other column's
    default taken from the model, so a new field cannot be left out."""
    quote = db_connection.ops.quote_name
    others = [
        f
        for f in Delivery._meta.concrete_fields
        if not f.primary_key and f.name not in ("edition", "subscriber")
    ]
    columns = ["edition_id", "subscriber_id", *(f.column for f in others)]
    defaults = [f.get_db_prep_save(f.get_default(), db_connection) for f in others]
    sql = (
        f"INSERT INTO {quote(Delivery._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) ON CONFLICT DO NOTHING"
    )
    return sql, defaults


def retry_when_locked(write, attempts: int = 8):
    """Run a short write again when SQLite's single writer lock stayed busy too long."""
    for attempt in range(attempts):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
    return None


def mark_interrupted_claims(edition_id: int, now: datetime | None = None) -> int:
    """Rows claimed by a worker that vanished: their fate is unknown, so do not resend."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_LEASE_SECONDS)
    stale_claims = Delivery.objects.filter(
        edition_id=edition_id, status=DeliveryStatus.CLAIMED, claimed_at__lt=stale
    )
    return retry_when_locked(
        lambda: stale_claims.update(
            status=DeliveryStatus.INTERRUPTED, last_error="The sending worker stopped."
        )
    )


@dataclass
class Recipient:
    delivery_id: int
    subscriber_id: int | None
    email: str | None
    link_key: str
    attempts: int
    status: str | None
    newsletter_ok: bool = True


def claim_batch(edition: Edition, worker: str, size: int) -> list[Recipient]:
    """Take up to `size` ready rows for this worker; no other worker can take them."""
    return retry_when_locked(lambda: _claim_batch(edition, worker, size)) or []


def _claim_batch(edition: Edition, worker: str, size: int) -> list[Recipient]:
    now = timezone.now()
    ready = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(ready, edition_id=edition.pk, status=DeliveryStatus.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.CLAIMED, claimed_by=worker, claimed_at=now
        )
    rows = list(
        Delivery.objects.filter(pk__in=ids, claimed_by=worker, status=DeliveryStatus.CLAIMED)
        .order_by("pk")
        .values_list(
            "pk",
            "subscriber_id",
            "subscriber__email",
            "subscriber__link_key",
            "attempts",
            "subscriber__status",
        )
    )
    recipients = [Recipient(*row) for row in rows]
    # Readers can leave or be suppressed after the list was prepared: check at send time.
    emails = [r.email for r in recipients if r.email]
    suppressed = set(Suppression.objects.filter(email__in=emails).values_list("email", flat=True))
    through = Subscriber.newsletters.through
    on_list = set(
        through.objects.filter(
            newsletter_id=edition.newsletter_id,
            subscriber_id__in=[r.subscriber_id for r in recipients if r.subscriber_id],
        ).values_list("subscriber_id", flat=True)
    )
    for r in recipients:
        r.newsletter_ok = (
            r.subscriber_id in on_list and r.status == "subscribed" and r.email not in suppressed
        )
    return recipients


# --- Sending ------------------------------------------------------------------


class Pacer:
    """Keep to at most `rate` messages a second (0 means as fast as the server takes them)."""

    def __init__(self, rate: int):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval


@dataclass
class BatchLedger:
    """What happened to each claimed row, written to the database in small groups."""

    worker: str
    sent: list[tuple[int, str]] = field(default_factory=list)
    retry: list[tuple[int, int, str]] = field(default_factory=list)
    failed: list[tuple[int, str, str]] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    done: set[int] = field(default_factory=set)
    total_sent: int = 0

    def flush(self) -> None:
        """Write what happened since the last flush, all at once (retried if SQLite is busy)."""
        retry_when_locked(self._write)
        self.total_sent += len(self.sent)
        self.sent, self.retry, self.failed, self.skipped = [], [], [], []

    @transaction.atomic
    def _write(self) -> None:
        now = timezone.now()
        if self.sent:
            plain = [pk for pk, provider_id in self.sent if not provider_id]
            Delivery.objects.filter(pk__in=plain).update(
                status=DeliveryStatus.SENT,
                sent_at=now,
                attempts=F("attempts") + 1,
                last_error="",
            )
            for pk, provider_id in self.sent:
                if provider_id:
                    Delivery.objects.filter(pk=pk).update(
                        status=DeliveryStatus.SENT,
                        sent_at=now,
                        attempts=F("attempts") + 1,
                        provider_message_id=provider_id[:200],
                    )
        for pk, attempts, error in self.retry:
            if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
                Delivery.objects.filter(pk=pk).update(
                    status=DeliveryStatus.FAILED, attempts=attempts, last_error=error[:300]
                )
            else:
                Delivery.objects.filter(pk=pk).update(
                    status=DeliveryStatus.PENDING,
                    attempts=attempts,
                    claimed_by="",
                    next_attempt_at=now + timedelta(seconds=retry_delay(attempts)),
                    last_error=error[:300],
                )
        for pk, status, error in self.failed:
            Delivery.objects.filter(pk=pk).update(
                status=status, attempts=F("attempts") + 1, last_error=error[:300]
            )
        if self.skipped:
            Delivery.objects.filter(pk__in=self.skipped).update(status=DeliveryStatus.SKIPPED)

    def release(self, batch: list[Recipient]) -> None:
        """Hand rows this worker never tried back to the queue."""
        untouched = [r.delivery_id for r in batch if r.delivery_id not in self.done]
        if untouched:
            mine = Delivery.objects.filter(
                pk__in=untouched, status=DeliveryStatus.CLAIMED, claimed_by=self.worker
            )
            retry_when_locked(lambda: mine.update(status=DeliveryStatus.PENDING, claimed_by=""))
        self.done = set()


def send_batch(
    batch: list[Recipient], mail: EditionMail, connection, ledger: BatchLedger, pacer: Pacer
) -> None:
    """Send one claimed batch over an open connection; the ledger records every outcome."""
    record_every = max(settings.NEWSLETTER_RECORD_EVERY, 1)
    try:
        for position, recipient in enumerate(batch):
            if recipient.delivery_id in ledger.done:
                continue  # put back for later when the connection failed
            if not recipient.newsletter_ok or not recipient.email:
                ledger.skipped.append(recipient.delivery_id)
                ledger.done.add(recipient.delivery_id)
                continue
            pacer.wait()
            try:
                provider_id = deliver(connection, mail, recipient)
            except Exception as exc:  # noqa: BLE001 - every error is classified and recorded
                kind = classify_error(exc)
                error = f"{exc.__class__.__name__}: {exc}"
                ledger.done.add(recipient.delivery_id)
                if kind in (TEMPORARY, CONNECTION):
                    ledger.retry.append((recipient.delivery_id, recipient.attempts + 1, error))
                elif kind == BOUNCE:
                    ledger.failed.append((recipient.delivery_id, DeliveryStatus.BOUNCED, error))
                    Suppression.objects.get_or_create(
                        email=recipient.email,
                        defaults={"reason": SuppressionReason.REJECTED, "note": error[:300]},
                    )
                else:
                    ledger.failed.append((recipient.delivery_id, DeliveryStatus.FAILED, error))
                if kind == CONNECTION:
                    # Reconnect; if the server is gone, the rest of the batch waits for later.
                    _reopen_or_defer(connection, batch[position + 1 :], ledger, error)
                continue
            ledger.done.add(recipient.delivery_id)
            ledger.sent.append((recipient.delivery_id, provider_id))
            if len(ledger.sent) >= record_every:
                ledger.flush()
    finally:
        ledger.flush()
        ledger.release(batch)


def deliver(connection, mail: EditionMail, recipient: Recipient) -> str:
    """Hand one reader's copy to the backend; return the provider's message id, if any.

    With Django's own SMTP backend (not a subclass, which may sign or alter messages in
    its `_send`) the recipient's bytes, cut from the edition flattened once, go straight
    to its open SMTP session (pipelined when the server allows): no message object is
    built and no address is parsed again. Every other backend (anymail's, console,
    file…) gets an ordinary message through `send_messages()`.
    """
    session = getattr(connection, "connection", None)
    if type(connection) is DjangoSMTPBackend and session is not None:
        data = mail.prepared_bytes(
            delivery_id=recipient.delivery_id,
            subscriber_id=recipient.subscriber_id,
            email=recipient.email,
            link_key=recipient.link_key,
        )
        if data is not None:
            send_prepared(session, mail.envelope_sender, recipient.email, data)
            return ""
    message = mail.message(
        delivery_id=recipient.delivery_id,
        subscriber_id=recipient.subscriber_id,
        email=recipient.email,
        link_key=recipient.link_key,
        connection=connection,
    )
    if not connection.send_messages([message]):
        raise smtplib.SMTPException("The mail backend did not accept the message.")
    status = getattr(message, "anymail_status", None)
    return getattr(status, "message_id", "") or ""


def _reopen_or_defer(connection, rest: list[Recipient], ledger: BatchLedger, error: str) -> None:
    with contextlib.suppress(Exception):  # the connection is already broken
        connection.close()
    try:
        connection.open()
        return
    except Exception as exc:  # noqa: BLE001
        error = f"{exc.__class__.__name__}: {exc}"
    for r in rest:
        if r.delivery_id not in ledger.done:
            ledger.retry.append((r.delivery_id, r.attempts + 1, error))
            ledger.done.add(r.delivery_id)


@dataclass
class SendOutcome:
    sent: int = 0
    finished: bool = False
    retry_at: datetime | None = None
    out_of_time: bool = False


def finish_if_done(edition: Edition) -> bool:
    """Mark the edition sent once every reader has a row and none is waiting or being sent."""
    if not Edition.objects.filter(pk=edition.pk, recipients_prepared=True).exists():
        return False
    busy = edition.deliveries.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED]
    ).exists()
    if busy:
        return False
    sending = Edition.objects.filter(pk=edition.pk, status=EditionStatus.SENDING)
    retry_when_locked(lambda: sending.update(status=EditionStatus.SENT, finished_at=timezone.now()))
    return True


def next_retry_at(edition: Edition) -> datetime | None:
    return edition.deliveries.filter(status=DeliveryStatus.PENDING).aggregate(
        at=Min("next_attempt_at")
    )["at"]


def run_sender(
    edition_id: int, budget_seconds: float | None = None, connection=None
) -> SendOutcome:
    """Send an edition until it is done, its retries must wait, or the time budget is spent."""
    outcome = SendOutcome()
    edition = Edition.objects.select_related("newsletter").get(pk=edition_id)
    if edition.status != EditionStatus.SENDING:
        outcome.finished = edition.status == EditionStatus.SENT
        return outcome
    prepare_recipients(edition)
    mark_interrupted_claims(edition.pk)
    budget = budget_seconds or settings.NEWSLETTER_TASK_BUDGET_SECONDS
    deadline = time.monotonic() + budget
    worker = uuid.uuid4().hex
    rate = settings.NEWSLETTER_SEND_RATE
    size = settings.NEWSLETTER_BATCH_SIZE
    if rate:
        # A claim must be sent well within its lease, even at a slow rate.
        size = max(1, min(size, rate * 60))
    pacer = Pacer(rate)
    mail = EditionMail(edition)
    connection = connection or get_connection()
    ledger = BatchLedger(worker=worker)
    opened = False
    try:
        while True:
            if time.monotonic() >= deadline:
                outcome.out_of_time = True
                break
            if Edition.objects.filter(pk=edition.pk, status=EditionStatus.CANCELLED).exists():
                break
            batch = claim_batch(edition, worker, size)
            if not batch:
                if finish_if_done(edition):
                    outcome.finished = True
                    break
                retry_at = next_retry_at(edition)
                if retry_at is None:
                    break  # other workers hold the remaining rows
                wait = (retry_at - timezone.now()).total_seconds()
                if wait > SHORT_WAIT_SECONDS or time.monotonic() + wait >= deadline:
                    outcome.retry_at = retry_at
                    break
                time.sleep(max(wait, 0.01))
                continue
            if not opened:
                try:
                    connection.open()
                    opened = True
                except Exception as exc:  # noqa: BLE001 - server down: retry the batch later
                    error = f"{exc.__class__.__name__}: {exc}"
                    for r in batch:
                        ledger.retry.append((r.delivery_id, r.attempts + 1, error))
                        ledger.done.add(r.delivery_id)
                    ledger.flush()
                    continue
            send_batch(batch, mail, connection, ledger, pacer)
    finally:
        ledger.flush()
        if opened:
            try:
                connection.close()
            except Exception:  # noqa: BLE001
                logger.warning("Closing the mail connection failed", exc_info=True)
    outcome.sent = ledger.total_sent
    return outcome


def send_test(edition: Edition, email: str) -> None:
    """Send one copy of the edition to an editor, marked as a test."""
    mail = EditionMail(edition)
    message = mail.message(delivery_id=0, subscriber_id=0, email=email, link_key="test")
    message.subject = f"[TEST] {message.subject}"
    # Each test its own Message-ID: mailboxes drop a message whose id they have seen, so
    # a second test after a correction would otherwise never show up.
    message.extra_headers["Message-ID"] = make_msgid(domain=mail.host)
    message.prepared = None  # the pre-built bytes carry the real subject and id
    message.send()
