"""Enqueue tasks so that a dead queue (Redis down) degrades to running them here."""

from __future__ import annotations

import logging

log = logging.getLogger("gazette.caching")


def enqueue_or_run(task, *args, **kwargs) -> None:
    """Enqueue `task`; if the queue cannot be reached, run it now instead of losing it."""
    try:
        task.enqueue(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the queue's own errors vary by backend
        log.warning("Could not enqueue %s (%s); running it in this process.", task.name, exc)
        try:
            task.call(*args, **kwargs)
        except Exception:  # noqa: BLE001 - the caller's change already happened
            log.exception("Running %s in process failed too.", task.name)
