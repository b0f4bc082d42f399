"""Background work of the transfer app: imports and scheduled backups."""

from __future__ import annotations

from django_tasks import task

from gazette.transfer.models import ImportRun


@task()
def run_import(run_id: int) -> str:
    """Run or resume one import (queued from the admin)."""
    from gazette.transfer.actions import run_import_now

    run = ImportRun.objects.get(pk=run_id)
    if run.is_finished:
        return run.status
    return run_import_now(run).status


@task()
def scheduled_backup() -> str:
    """Write a dated site archive to GAZETTE_BACKUP_DIR and keep the newest few."""
    from gazette.transfer.backups import make_backup

    return str(make_backup())
