"""Background work of the discovery app: related lists and the view roll-up."""

from __future__ import annotations

import logging

from django_tasks import task

from gazette.discovery import actions, rollup

log = logging.getLogger(__name__)


@task()
def refresh_related(article_id: int) -> list[int]:
    """Re-index a published or edited article, store its relatives, and refresh theirs."""
    if not actions.reindex_article(article_id):
        return []
    related = actions.relate_article(article_id)
    # Its relatives and translations may now want it in their own lists: a bounded cascade.
    for neighbour in actions.neighbours_to_refresh(article_id, related):
        actions.relate_article(neighbour)
    return related


@task()
def forget_article(article_id: int) -> None:
    """Take an unpublished or deleted article out of the relatedness index."""
    actions.unindex_article(article_id)


@task()
def rollup_views() -> dict:
    """Move buffered view beacons into hourly and daily counts (scheduled every minute)."""
    report = rollup.rollup_views()
    if report.events:
        log.info("Rolled up %s", report)
    return {
        "events": report.events,
        "counted": report.counted,
        "duplicates": report.duplicates,
        "unknown": report.unknown,
        "seconds": round(report.seconds, 3),
    }
