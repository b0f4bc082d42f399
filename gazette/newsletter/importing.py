"""Run a subscriber import in the background: in chunks, with progress, resumable.

A chunk's subscribers, consent records and problem rows are written in one transaction
together with the import's progress (`rows_done`), so a crash loses nothing: the next
run carries on after the last chunk that was committed, and no row is imported twice.
A lease (a token and a heartbeat) keeps two workers from importing one file at once.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette.newsletter.csv_import import MAX_ROWS, ImportRow, Problem, RowChecker, records
from gazette.newsletter.models import (
    ConsentAction,
    ConsentRecord,
    ImportProblem,
    ImportStatus,
    Subscriber,
    SubscriberImport,
    SubscriberStatus,
    Suppression,
)
from gazette.newsletter.sending import retry_when_locked

CHUNK = 500
# A running import whose worker has not written for this long is taken to be dead.
STALE_AFTER = timedelta(minutes=5)


class LeaseLost(Exception):
    """Another worker took the import over (this one was thought dead)."""


@dataclass
class ImportOutcome:
    finished: bool = False
    out_of_time: bool = False
    busy: bool = False


@dataclass
class ChunkCounts:
    created: int = 0
    updated: int = 0
    suppressed: int = 0
    opted_out: int = 0
    links: list[tuple[int, ImportRow]] = field(default_factory=list)


def take_lease(import_id: int, token: str, now: datetime) -> bool:
    """Claim a waiting import, or one whose worker stopped showing signs of life."""
    stale = now - STALE_AFTER
    claimable = Q(status=ImportStatus.QUEUED) | Q(
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True), status=ImportStatus.RUNNING
    )
    return bool(
        SubscriberImport.objects.filter(claimable, pk=import_id).update(
            status=ImportStatus.RUNNING, lease=token, heartbeat_at=now
        )
    )


def run_import(import_id: int, budget_seconds: float | None = None) -> ImportOutcome:
    """Import rows from where the last run stopped until the file or the time budget ends."""
    token = uuid.uuid4().hex
    if not retry_when_locked(lambda: take_lease(import_id, token, timezone.now())):
        return ImportOutcome(busy=True)
    deadline = time.monotonic() + (budget_seconds or settings.NEWSLETTER_TASK_BUDGET_SECONDS)
    job = SubscriberImport.objects.get(pk=import_id)
    mine = SubscriberImport.objects.filter(pk=import_id, lease=token)
    try:
        if job.started_at is None:
            mine.update(started_at=timezone.now())
        if job.total_rows is None:
            total = sum(1 for _row in records(job.content))
            if not total or total > MAX_ROWS:
                message = (
                    _("The file has no subscribers in it.")
                    if not total
                    else _("Files are limited to %(n)d rows; split it.") % {"n": MAX_ROWS}
                )
                mine.update(status=ImportStatus.FAILED, error=message, lease="")
                return ImportOutcome()
            mine.update(total_rows=total)
            job.total_rows = total
        checker = RowChecker(list(job.newsletters.all()))
        rows = records(job.content)
        # Rows an earlier run committed are only checked again, to remember their addresses
        # (so a later duplicate is still reported); nothing is written for them.
        for line, values in islice(rows, job.rows_done):
            checker.check(line, values)
        done = job.rows_done
        while chunk := list(islice(rows, CHUNK)):
            outcomes = [checker.check(line, values) for line, values in chunk]
            done += len(chunk)
            retry_when_locked(
                lambda outcomes=outcomes, done=done: write_chunk(job, token, outcomes, done)
            )
            if done < job.total_rows and time.monotonic() >= deadline:
                # Hand over to a fresh task so other work gets the worker in between.
                mine.update(status=ImportStatus.QUEUED, lease="")
                return ImportOutcome(out_of_time=True)
        mine.update(
            status=ImportStatus.DONE,
            finished_at=timezone.now(),
            content="",  # the rows are in the database now; problem rows are kept apart
            lease="",
        )
        return ImportOutcome(finished=True)
    except LeaseLost:
        return ImportOutcome(busy=True)
    except Exception as exc:
        mine.update(
            status=ImportStatus.FAILED,
            error=f"{exc.__class__.__name__}: {exc}"[:300],
            lease="",
        )
        raise


def write_chunk(
    job: SubscriberImport, token: str, outcomes: list[ImportRow | Problem], rows_done: int
) -> None:
    """Write one chunk and the progress it makes, all or nothing."""
    rows = [o for o in outcomes if isinstance(o, ImportRow)]
    problems = [o for o in outcomes if isinstance(o, Problem)]
    for attempt in range(2):
        try:
            with transaction.atomic():
                counts = _write_subscribers(job, rows)
                ImportProblem.objects.bulk_create(
                    ImportProblem(
                        subscriber_import=job, line=p.line, reason=p.reason, values=p.values
                    )
                    for p in problems
                )
                moved = SubscriberImport.objects.filter(pk=job.pk, lease=token).update(
                    rows_done=rows_done,
                    heartbeat_at=timezone.now(),
                    created=F("created") + counts.created,
                    updated=F("updated") + counts.updated,
                    suppressed=F("suppressed") + counts.suppressed,
                    opted_out=F("opted_out") + counts.opted_out,
                    problems=F("problems") + len(problems),
                )
                if not moved:
                    raise LeaseLost()
            return
        except IntegrityError:
            # A reader confirmed a sign-up for one of these addresses meanwhile: read again.
            if attempt:
                raise


def _write_subscribers(job: SubscriberImport, rows: list[ImportRow]) -> ChunkCounts:
    now = timezone.now()
    counts = ChunkCounts()
    emails = [r.email for r in rows]
    suppressed = set(Suppression.objects.filter(email__in=emails).values_list("email", flat=True))
    existing = {
        s.email: s
        for s in Subscriber.objects.filter(email__in=emails).only("pk", "email", "status")
    }
    new: list[tuple[ImportRow, Subscriber]] = []
    for row in rows:
        subscriber = existing.get(row.email)
        if row.email in suppressed:
            counts.suppressed += 1
        elif subscriber is None:
            new.append(
                (
                    row,
                    Subscriber(
                        email=row.email,
                        language=row.language,
                        frequency=row.frequency,
                        status=SubscriberStatus.SUBSCRIBED,
                        source=job.source,
                        confirmed_at=now,
                    ),
                )
            )
        elif not subscriber.is_subscribed:
            counts.opted_out += 1  # an import never overrides a reader's unsubscribe
        else:
            counts.updated += 1
            counts.links.append((subscriber.pk, row))
    Subscriber.objects.bulk_create([s for _row, s in new])
    counts.created = len(new)
    counts.links += [(s.pk, row) for row, s in new]
    through = Subscriber.newsletters.through
    through.objects.bulk_create(
        [
            through(subscriber_id=pk, newsletter_id=newsletter_id)
            for pk, row in counts.links
            for newsletter_id in row.newsletter_ids
        ],
        ignore_conflicts=True,
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            subscriber_id=pk,
            action=ConsentAction.IMPORTED,
            at=now,
            source=job.source,
            ip_hash=job.ip_hash,
            details={"line": row.line, "newsletters": row.newsletter_ids, "import": job.pk},
        )
        for pk, row in counts.links
    )
    return counts


def stalled_imports(now: datetime):
    """Running imports whose worker stopped writing (killed, machine restarted)."""
    return SubscriberImport.objects.filter(
        status=ImportStatus.RUNNING, heartbeat_at__lt=now - STALE_AFTER
    )
