"""Two workers claiming at the same moment, each on its own database connection."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from gazette.newsletter import actions
from gazette.newsletter.models import Edition, EditionStatus
from gazette.newsletter.sending import claim_batch, prepare_recipients
from gazette.newsletter.tests.helpers import make_newsletter, make_subscribers


@pytest.mark.django_db(transaction=True)
def test_workers_claiming_at_once_never_share_a_row():
    """Runs on SQLite (IMMEDIATE transactions) and PostgreSQL (FOR UPDATE SKIP LOCKED)."""
    newsletter = make_newsletter()
    make_subscribers(newsletter, 400)
    edition = actions.compose_edition(newsletter)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    prepare_recipients(edition)
    claimed: dict[str, list[int]] = {}
    start = threading.Barrier(4)

    def work(name: str) -> None:
        mine = claimed.setdefault(name, [])
        start.wait()
        try:
            while batch := claim_batch(edition, name, 25):
                mine.extend(r.delivery_id for r in batch)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [pk for ids in claimed.values() for pk in ids]
    assert len(everything) == len(set(everything)) == 400
