"""Which newsletters are due now, and keeping sends moving after a crash or a wait."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from gazette.newsletter import actions
from gazette.newsletter.models import (
    Cadence,
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Newsletter,
)
from gazette.newsletter.sending import mark_interrupted_claims


def due_slots(newsletter: Newsletter, now: datetime) -> list[str]:
    """The cadences of `newsletter` whose slot for today has come (daily and/or weekly)."""
    local = timezone.localtime(now)
    if local.time() < newsletter.send_time:
        return []
    on_weekday = local.weekday() == newsletter.weekday
    if newsletter.cadence == Cadence.WEEKLY:
        return [Cadence.WEEKLY] if on_weekday else []
    # A daily newsletter also makes a weekly round-up for readers who asked for one.
    return [Cadence.DAILY, Cadence.WEEKLY] if on_weekday else [Cadence.DAILY]


def compose_due_editions(now: datetime) -> list[Edition]:
    """Compose and start today's automatic editions, once per slot."""
    started = []
    today = timezone.localtime(now).date()
    for newsletter in Newsletter.objects.filter(is_active=True):
        for cadence in due_slots(newsletter, now):
            if Edition.objects.filter(newsletter=newsletter, cadence=cadence, slot=today).exists():
                continue
            try:
                with transaction.atomic():
                    edition = actions.compose_edition(
                        newsletter, cadence=cadence, slot=today, now=now
                    )
            except IntegrityError:
                continue  # another scheduler filled the slot first
            if not edition.article_ids:
                # Nothing new: keep the slot (so it is not retried) but send nothing.
                Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.CANCELLED)
                continue
            started.append(actions.start_sending(edition))
    return started


def start_scheduled_editions(now: datetime) -> list[Edition]:
    started = []
    for edition in Edition.objects.filter(
        status=EditionStatus.SCHEDULED, scheduled_for__lte=now
    ).select_related("newsletter"):
        actions.refresh_edition_articles(edition, now)
        started.append(actions.start_sending(edition))
    return started


def resume_stalled_sends(now: datetime, skip: set[int] = frozenset()) -> list[int]:
    """Restart sending editions nobody is working on (worker restart, waiting retries)."""
    from gazette.newsletter import tasks

    resumed = []
    for edition in Edition.objects.filter(status=EditionStatus.SENDING).exclude(pk__in=skip):
        mark_interrupted_claims(edition.pk, now)
        active = Delivery.objects.filter(
            edition=edition,
            status=DeliveryStatus.CLAIMED,
            claimed_at__gte=now - timedelta(minutes=2),
        ).exists()
        ready = Delivery.objects.filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            edition=edition,
            status=DeliveryStatus.PENDING,
        ).exists()
        if (ready or not edition.recipients_prepared) and not active:
            tasks.send_edition.enqueue(edition.pk)
            resumed.append(edition.pk)
        elif not ready and not active:
            from gazette.newsletter.sending import finish_if_done

            finish_if_done(edition)
    return resumed


def resume_stalled_imports(now: datetime) -> list[int]:
    """Carry on subscriber imports whose worker died mid-file."""
    from gazette.newsletter.importing import stalled_imports

    resumed = []
    for job in stalled_imports(now):
        actions.resume_import(job)
        resumed.append(job.pk)
    return resumed


def run_schedule(now: datetime) -> dict:
    composed = compose_due_editions(now)
    scheduled = start_scheduled_editions(now)
    resumed = resume_stalled_sends(now, {e.pk for e in [*composed, *scheduled]})
    return {
        "composed": [e.pk for e in composed],
        "scheduled": [e.pk for e in scheduled],
        "resumed": resumed,
        "imports_resumed": resume_stalled_imports(now),
    }
