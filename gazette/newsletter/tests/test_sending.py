"""Sending an edition through a real SMTP server: resumable, exactly once, retried."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from gazette.newsletter import actions
from gazette.newsletter.models import Delivery, Edition, EditionStatus, Suppression
from gazette.newsletter.queries import edition_count
from gazette.newsletter.sending import claim_batch, prepare_recipients, run_sender
from gazette.newsletter.tests.conftest import serve_smtp
from gazette.newsletter.tests.helpers import html_part, make_newsletter, make_subscribers, text_part
from gazette.testing.factories import make_article


@pytest.fixture(params=[False, True], ids=["one-command-at-a-time", "pipelining"])
def smtp(request, settings):
    """Every sending test runs against a server without and with PIPELINING (RFC 2920),
    since the sender talks to the two differently."""
    yield from serve_smtp(settings, pipelining=request.param)


@pytest.fixture
def edition(magazine, writer):
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    make_article(opinion, title="Why the harbour needs a second berth", authors=[writer])
    edition = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    edition.refresh_from_db()
    return edition


class WorkerStopped(BaseException):
    """Stands in for a worker being shut down (SIGTERM) in the middle of a send."""


def stop_worker_after(monkeypatch, after: int) -> None:
    """Let the real sending path accept `after` messages, then stop the worker."""
    from gazette.newsletter import sending

    real_deliver = sending.deliver
    state = {"sent": 0}

    def deliver(connection, mail, recipient):
        if state["sent"] >= after:
            raise WorkerStopped()
        provider_id = real_deliver(connection, mail, recipient)
        state["sent"] += 1
        return provider_id

    monkeypatch.setattr(sending, "deliver", deliver)


def test_a_send_interrupted_halfway_resumes_and_delivers_exactly_once(
    edition, smtp, settings, monkeypatch
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.NEWSLETTER_RECORD_EVERY = 4
    subscribers = make_subscribers(edition.newsletter, 57)

    stop_worker_after(monkeypatch, 23)
    with pytest.raises(WorkerStopped):
        run_sender(edition.pk)
    monkeypatch.undo()
    assert smtp.count == 23
    assert Delivery.objects.filter(status="sent").count() == 23, "every accepted mail is recorded"
    assert not Delivery.objects.filter(status="claimed").exists(), "untried rows go back"

    outcome = run_sender(edition.pk)
    assert outcome.finished
    received = Counter(rcpt for rcpts, _msg in smtp.messages for rcpt in rcpts)
    assert received == Counter({s.email: 1 for s in subscribers})
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    assert edition_count(edition)["sent"] == 57


def test_rows_left_by_a_killed_worker_are_not_resent_until_an_editor_decides(
    edition, smtp, settings
):
    make_subscribers(edition.newsletter, 12)
    prepare_recipients(edition)
    # A worker claims five rows and dies without a trace (SIGKILL, power cut).
    lost = claim_batch(edition, "dead-worker", 5)
    Delivery.objects.filter(claimed_by="dead-worker").update(
        claimed_at=timezone.now() - timedelta(hours=1)
    )

    run_sender(edition.pk)
    assert smtp.count == 7
    assert edition_count(edition)["interrupted"] == 5
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT

    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    actions.requeue_interrupted(edition)
    run_sender(edition.pk)
    received = Counter(rcpt for rcpts, _msg in smtp.messages for rcpt in rcpts)
    assert sorted(received.values()) == [1] * 12
    assert {r.email for r in lost} <= set(received)


def test_two_workers_never_claim_the_same_reader(edition, smtp):
    make_subscribers(edition.newsletter, 30)
    prepare_recipients(edition)
    first = claim_batch(edition, "worker-a", 12)
    second = claim_batch(edition, "worker-b", 12)
    third = claim_batch(edition, "worker-c", 12)
    ids = [r.delivery_id for r in first + second + third]
    assert len(ids) == len(set(ids)) == 30


def test_temporary_smtp_failures_are_retried_with_backoff(edition, smtp, settings):
    subscribers = make_subscribers(edition.newsletter, 8)
    smtp.fail_rcpt = 3  # the server answers 451 to the first three recipients
    smtp.fail_data = 2  # and 451 to two messages after that

    outcome = run_sender(edition.pk)

    assert outcome.finished
    received = Counter(rcpt for rcpts, _msg in smtp.messages for rcpt in rcpts)
    assert received == Counter({s.email: 1 for s in subscribers})
    retried = Delivery.objects.filter(attempts__gt=1)
    assert retried.count() == 5
    assert all("451" in d.last_error or d.last_error == "" for d in retried)
    assert edition_count(edition)["failed"] == 0


def test_backoff_waits_before_retrying(edition, smtp, settings):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 600
    make_subscribers(edition.newsletter, 3)
    smtp.fail_rcpt = 1

    outcome = run_sender(edition.pk)

    assert not outcome.finished
    assert outcome.retry_at > timezone.now() + timedelta(minutes=8)
    waiting = Delivery.objects.get(status="pending")
    assert waiting.attempts == 1 and "451" in waiting.last_error
    assert smtp.count == 2


def test_a_refused_mailbox_bounces_and_is_suppressed(edition, smtp):
    make_subscribers(edition.newsletter, 3)
    smtp.refuse.add("reader1@example.com")

    run_sender(edition.pk)

    assert Delivery.objects.get(subscriber__email="reader1@example.com").status == "bounced"
    assert Suppression.objects.filter(email="reader1@example.com").exists()
    assert smtp.count == 2


def test_an_unreachable_server_leaves_everyone_waiting_for_a_retry(edition, settings, smtp):
    from gazette.newsletter.tests.smtp import free_port

    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    make_subscribers(edition.newsletter, 4)

    outcome = run_sender(edition.pk)

    assert outcome.retry_at is not None and not outcome.finished
    assert Delivery.objects.filter(status="pending", attempts=1).count() == 4


def test_readers_who_left_after_the_list_was_prepared_are_skipped(edition, smtp):
    subscribers = make_subscribers(edition.newsletter, 4)
    prepare_recipients(edition)
    actions.unsubscribe(subscribers[0], source="test")
    actions.suppress_address(subscribers[1].email, "manual")

    run_sender(edition.pk)

    assert smtp.count == 2
    assert edition_count(edition)["skipped"] == 2


def test_weekly_readers_get_only_the_weekly_round_up(magazine, writer, smtp):
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    make_article(opinion, authors=[writer])
    daily_readers = make_subscribers(newsletter, 2, prefix="daily")
    weekly_readers = make_subscribers(newsletter, 2, prefix="weekly", frequency="weekly")
    daily = actions.compose_edition(newsletter, cadence="daily")
    weekly = actions.compose_edition(newsletter, cadence="weekly")
    for edition in (daily, weekly):
        Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
        run_sender(edition.pk)
    got = {rcpt: msg["Subject"] for rcpts, msg in smtp.messages for rcpt in rcpts}
    assert {r.email for r in daily_readers} | {r.email for r in weekly_readers} == set(got)
    for reader in weekly_readers:
        assert got[reader.email] == weekly.subject
    for reader in daily_readers:
        assert got[reader.email] == daily.subject


def test_other_django_backends_send_the_same_mail(edition, settings, mailoutbox):
    """Providers' backends (django-anymail) get ordinary messages through send_messages()."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    [reader] = make_subscribers(edition.newsletter, 1)

    run_sender(edition.pk)

    [message] = mailoutbox
    assert message.to == [reader.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    assert unsubscribe in message.alternatives[0][0]
    flattened = message.message().as_bytes().decode()
    assert f"To: {reader.email}" in flattened and unsubscribe in flattened


def test_every_reader_gets_their_own_links_and_lines_starting_with_a_dot_survive(
    magazine, writer, smtp
):
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    make_article(
        opinion,
        title="Why the harbour needs a second berth",
        standfirst="...and why the old one will not do.",
        authors=[writer],
    )
    edition = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    readers = make_subscribers(newsletter, 3)

    run_sender(edition.pk)

    links = set()
    for reader in readers:
        [message] = smtp.to(reader.email)
        assert message["To"] == reader.email
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = str(message["List-Unsubscribe"]).strip("<>")
        text, html = text_part(message), html_part(message)
        assert unsubscribe in text and unsubscribe in html
        # A line starting with "." must be escaped on the wire, or the server drops a dot.
        assert "\n...and why the old one will not do." in text
        links.add(unsubscribe)
    assert len(links) == 3, "each reader's unsubscribe link is their own"


@pytest.mark.django_db(transaction=True)
def test_an_edition_is_shared_by_as_many_send_tasks_as_there_are_workers(smtp, settings):
    import threading

    from django.db import connections

    settings.NEWSLETTER_SEND_WORKERS = 2
    settings.NEWSLETTER_BATCH_SIZE = 10
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    newsletter = make_newsletter()
    readers = make_subscribers(newsletter, 120)
    edition = actions.compose_edition(newsletter)
    actions.start_sending(edition)
    queued = [r for r in default_task_backend.results if r.task.name == "send_edition"]
    assert len(queued) == 2

    def work(result) -> None:
        try:
            result.task.call(*result.args)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(r,)) for r in queued]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    received = Counter(rcpt for rcpts, _msg in smtp.messages for rcpt in rcpts)
    assert received == Counter({r.email: 1 for r in readers})
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_no_line_of_a_mail_passes_the_998_character_limit(magazine, writer, smtp, settings):
    """RFC 5322: servers may cut or refuse longer lines. The HTML is packed into long lines
    (fewer for every relay to handle); the per-reader links must still fit."""
    settings.SITE_URL = "https://www." + "long-newspaper-name" * 4 + ".example"
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    for i in range(12):
        make_article(
            opinion, title=f"Story {i}: " + "a headline that goes on " * 6, authors=[writer]
        )
    edition = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    [reader] = make_subscribers(newsletter, 1, prefix="x" * 60)

    run_sender(edition.pk)

    [raw] = smtp.raw
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    [message] = smtp.to(reader.email)
    html = html_part(message)
    assert html.count("\n") < 40, "the HTML part comes in a few long lines"
    assert str(message["List-Unsubscribe"]).strip("<>") in html
