"""State changes of the transfer app: start, run and resume imports."""

from __future__ import annotations

from gazette.transfer.importer import ImportEngine, Progress
from gazette.transfer.models import ImportRun


def run_import_now(run: ImportRun, progress: Progress | None = None) -> ImportRun:
    """Run (or resume) an import in this process and return the finished run."""
    return ImportEngine(run, progress).execute()


def queue_import(run: ImportRun) -> None:
    """Hand an import to the task worker."""
    from gazette.transfer.tasks import run_import

    run_import.enqueue(run.pk)
