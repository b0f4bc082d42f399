"""Background work for the newsletter: mails to readers, edition sending, the schedule."""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import default_task_backend, task
from django_tasks.base import TASK_MAX_PRIORITY

from gazette.newsletter.addresses import display_email
from gazette.newsletter.models import Edition, Subscriber
from gazette.newsletter.rendering import (
    absolute,
    magazine_name,
    manage_url,
    transactional_mail,
)

logger = logging.getLogger(__name__)

# A reader waiting for a confirmation link, or an editor for a test copy, should not wait
# behind a backlog of index and rendition updates (a big publish queues thousands):
# these one-off mails go to the front of the queue (RQ honours only the maximum).
SOMEONE_IS_WAITING = TASK_MAX_PRIORITY
# Editions and imports are timely too, but long: ahead of routine work on the database
# queue, without jumping ahead of the one-off mails.
TIMELY = 50


@task(priority=SOMEONE_IS_WAITING)
def send_confirmation_mail(token: str) -> None:
    """Mail the double opt-in link for a sign-up request carried in `token`."""
    from django.urls import reverse
    from django.utils import translation

    from gazette.newsletter.tokens import read_confirmation_token

    payload = read_confirmation_token(token)
    with translation.override(payload["l"]):
        link = absolute(reverse("newsletter:confirm", args=[token]))
        subject = _("Confirm your subscription to %(site)s") % {"site": magazine_name(payload["l"])}
        message = transactional_mail(
            "confirm",
            to=payload["e"],
            language=payload["l"],
            subject=subject,
            context={
                "confirm_url": link,
                "email": display_email(payload["e"]),
                "valid_days": max(settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400, 1),
            },
        )
    message.send()


@task(priority=SOMEONE_IS_WAITING)
def send_already_subscribed_mail(subscriber_id: int) -> None:
    """Tell a current subscriber who signed up again where their preferences are."""
    from django.utils import translation

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    with translation.override(subscriber.language):
        subject = _("You already receive %(site)s's newsletter") % {
            "site": magazine_name(subscriber.language)
        }
        message = transactional_mail(
            "already",
            to=subscriber.email,
            language=subscriber.language,
            subject=subject,
            context={
                "preferences_url": manage_url(
                    subscriber.pk, subscriber.link_key, subscriber.language
                ),
                "email": display_email(subscriber.email),
            },
        )
    message.send()


def _enqueue_later(task_obj, when: datetime | None, *args) -> None:
    if when is not None and default_task_backend.supports_defer:
        task_obj.using(run_after=when).enqueue(*args)
    elif when is None:
        task_obj.enqueue(*args)
    # Without deferral (the inline backend) the scheduler's resume job picks it up.


@task(priority=TIMELY)
def send_edition(edition_id: int) -> dict:
    """Deliver an edition for one time budget, then hand over to a fresh task if needed."""
    from gazette.newsletter.sending import run_sender

    outcome = run_sender(edition_id)
    if outcome.out_of_time:
        _enqueue_later(send_edition, None, edition_id)
    elif outcome.retry_at is not None:
        _enqueue_later(send_edition, outcome.retry_at, edition_id)
    return {"sent": outcome.sent, "finished": outcome.finished}


@task(priority=SOMEONE_IS_WAITING)
def send_test_edition(edition_id: int, email: str) -> None:
    """Send an editor a test copy of an edition; the edition's desk shows how it went."""
    from gazette.newsletter.sending import send_test

    edition = Edition.objects.select_related("newsletter").get(pk=edition_id)
    try:
        send_test(edition, email)
    except Exception as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:300]
        Edition.objects.filter(pk=edition_id).update(
            test_sent_to=email, test_sent_at=timezone.now(), test_error=error
        )
        raise
    Edition.objects.filter(pk=edition_id).update(
        test_sent_to=email, test_sent_at=timezone.now(), test_error=""
    )


@task(priority=TIMELY)
def import_subscribers(import_id: int) -> dict:
    """Import a stored subscriber CSV for one time budget, then hand over if rows remain."""
    from gazette.newsletter.importing import run_import

    outcome = run_import(import_id)
    if outcome.out_of_time:
        import_subscribers.enqueue(import_id)
    return {"finished": outcome.finished, "busy": outcome.busy}


@task()
def run_newsletter_schedule() -> dict:
    """Compose editions whose time has come, start scheduled ones, resume stalled sends."""
    from gazette.newsletter.schedule import run_schedule

    return run_schedule(timezone.now())
