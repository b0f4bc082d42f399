"""Show an import's progress on a terminal: a bar, counts and rate."""

from __future__ import annotations

import sys
import time

from gazette.transfer.models import ImportRun


def totals(run: ImportRun) -> dict[str, int]:
    """Sum the run's counts over kinds: {"create": n, "update": n, ...}."""
    summed: dict[str, int] = {}
    for actions in (run.counts or {}).values():
        for action, number in actions.items():
            summed[action] = summed.get(action, 0) + number
    return summed


class ProgressBar:
    """Redraw one line on a terminal; print a line every few seconds elsewhere."""

    def __init__(self, stream=None, width: int = 30, every_seconds: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.every = every_seconds
        self.last = 0.0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def line(self, run: ImportRun) -> str:
        done = int(self.width * run.percent / 100)
        counts = totals(run)
        parts = ", ".join(f"{action} {n}" for action, n in sorted(counts.items()))
        return (
            f"[{'#' * done}{' ' * (self.width - done)}] {run.processed}/{run.total} "
            f"{run.percent:3d}%  {run.rate:.1f} items/s  {parts}"
        )

    def __call__(self, run: ImportRun) -> None:
        now = time.monotonic()
        final = run.processed >= run.total
        if self.tty:
            if now - self.last >= 0.2 or final:
                self.stream.write("\r" + self.line(run))
                self.stream.flush()
                self.last = now
        elif now - self.last >= self.every or final:
            self.stream.write(self.line(run) + "\n")
            self.last = now

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
