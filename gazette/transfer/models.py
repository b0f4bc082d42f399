"""What the importers remember: each run's progress and report, and what came from where."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    WXR = "wxr", _("WordPress export (WXR)")
    BLOGGER = "blogger", _("Blogger export (Atom)")
    PAGE = "page", _("Single page (text or HTML)")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")
    INTERRUPTED = "interrupted", _("Interrupted")


class ImportRun(models.Model):
    """One import of one file: its options, progress, checkpoint and report."""

    kind = models.CharField(_("format"), max_length=10, choices=ImportKind.choices)
    source_path = models.CharField(_("file"), max_length=500)
    source_name = models.CharField(_("file name"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    media_path = models.CharField(_("media folder or archive"), max_length=500, blank=True)
    section_slug = models.SlugField(_("default section"), max_length=255, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    total = models.PositiveIntegerField(_("items in file"), default=0)
    processed = models.PositiveIntegerField(_("items processed"), default=0)
    # Index of the next item to process: a resumed run starts here.
    checkpoint = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    # Source-level facts for the report: site title and address, format version, comments skipped.
    summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("import")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.source_name or self.source_path}"

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportStatus.DONE, ImportStatus.FAILED}

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))

    @property
    def rate(self) -> float:
        """Items per second since the run started."""
        if not self.started_at:
            return 0.0
        end = self.finished_at or timezone.now()
        seconds = max((end - self.started_at).total_seconds(), 0.001)
        return self.processed / seconds


class ImportedItem(models.Model):
    """Where one source item (post, author, category, attachment…) landed in Gazette.

    Keyed by the source (site address or file identity) and the item's id there, so an
    item imported twice updates what it made the first time instead of duplicating it.
    """

    source = models.CharField(max_length=255)
    source_id = models.CharField(max_length=255)
    kind = models.CharField(max_length=20)  # post, page, author, section, image
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField(max_length=64, blank=True)
    old_url = models.CharField(max_length=1000, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="imported_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.source_id} → {self.kind} {self.object_id}"


class ImportEvent(models.Model):
    """One line of an import's report: what happened to one source item, and why."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="events")
    source_id = models.CharField(_("source id"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    action = models.CharField(_("action"), max_length=20)  # create, update, skip, fail, note
    title = models.CharField(_("title"), max_length=300, blank=True)
    message = models.TextField(_("message"), blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("import report line")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.kind} {self.source_id}"
