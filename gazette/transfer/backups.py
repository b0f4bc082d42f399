"""Scheduled backups: a dated archive in GAZETTE_BACKUP_DIR, the oldest rotated out."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import timezone

from gazette.transfer.archive import export_site

PREFIX = "gazette-backup-"
SUFFIX = ".tar.gz"


def backup_dir() -> Path:
    return Path(getattr(settings, "GAZETTE_BACKUP_DIR", Path(settings.VAR_DIR) / "backups"))


def existing_backups(directory: Path | None = None) -> list[Path]:
    """Return the backups in the directory, oldest first."""
    directory = directory or backup_dir()
    return sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))


def make_backup() -> Path:
    """Write a new backup and delete the oldest beyond GAZETTE_BACKUP_KEEP."""
    directory = backup_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    target = directory / f"{PREFIX}{stamp}{SUFFIX}"
    export_site(target, say=lambda _line: None)
    rotate(directory, max(1, int(getattr(settings, "GAZETTE_BACKUP_KEEP", 7))))
    return target


def rotate(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; return what was deleted."""
    backups = existing_backups(directory)
    doomed = backups[:-keep] if len(backups) > keep else []
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
