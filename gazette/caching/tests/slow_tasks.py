"""A task for the fault tests: does its effect once, then takes its time."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def mark_then_wait(token: str, path: str, seconds: float) -> str:
    """Append `token` to `path` unless it is there already (idempotent), then sleep."""
    marker = Path(path)
    done = marker.read_text().split() if marker.exists() else []
    if token in done:
        return "already done"
    with marker.open("a") as handle:
        handle.write(token + "\n")
    time.sleep(seconds)
    return "done"
