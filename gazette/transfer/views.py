"""Admin pages: upload a file to import, and follow an import while it runs."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gazette.transfer.actions import queue_import
from gazette.transfer.forms import ImportForm
from gazette.transfer.importer import start_run
from gazette.transfer.models import ImportRun, ImportStatus
from gazette.transfer.progress import totals

STALE_AFTER = timedelta(minutes=2)


def can_import(user) -> bool:
    return user.is_superuser or user.has_perm("transfer.add_importrun")


def _require(request):
    if not can_import(request.user):
        raise PermissionDenied


def _store_upload(upload, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (get_valid_filename(Path(upload.name).name) or "upload")
    with open(path, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return str(path)


def is_stale(run: ImportRun) -> bool:
    """A running import whose worker stopped reporting: it was interrupted."""
    if run.status == ImportStatus.INTERRUPTED:
        return True
    beat = run.heartbeat_at or run.started_at
    return run.status == ImportStatus.RUNNING and bool(beat) and timezone.now() - beat > STALE_AFTER


def index(request):
    """List imports and offer the upload form."""
    _require(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        folder = Path(settings.GAZETTE_IMPORT_DIR) / uuid.uuid4().hex
        source = _store_upload(form.cleaned_data["file"], folder)
        media = form.cleaned_data.get("media")
        section = form.cleaned_data.get("section")
        run = start_run(
            form.cleaned_data["kind"],
            source,
            media=_store_upload(media, folder / "media") if media else "",
            section=section.slug if section else "",
            dry_run=form.cleaned_data["dry_run"],
            user=request.user,
            name=form.cleaned_data["file"].name,
        )
        transaction.on_commit(lambda: queue_import(run))
        messages.success(request, _("Import queued. This page follows its progress."))
        return redirect("transfer_import", pk=run.pk)
    runs = list(ImportRun.objects.select_related("user")[:30])
    for run in runs:
        run.stale = is_stale(run)
    return TemplateResponse(request, "transfer/import_index.html", {"form": form, "runs": runs})


def detail(request, pk: int):
    """Show one import: progress, counts, and its report."""
    _require(request)
    run = get_object_or_404(ImportRun, pk=pk)
    events = run.events.all()
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "transfer/import_detail.html",
        {
            "run": run,
            "totals": totals(run),
            "page_obj": page,
            "action": action,
            "stale": is_stale(run),
            "actions": ["create", "update", "skip", "fail", "missing", "match", "note"],
        },
    )


def progress(request, pk: int):
    """Return an import's progress as JSON, for the page to poll."""
    _require(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return JsonResponse(
        {
            "status": run.status,
            "processed": run.processed,
            "total": run.total,
            "percent": run.percent,
            "rate": round(run.rate, 1),
            "totals": totals(run),
            "finished": run.is_finished,
            "error": run.error,
        }
    )


@require_POST
def resume(request, pk: int):
    """Queue an interrupted import again; it continues from its checkpoint."""
    _require(request)
    run = get_object_or_404(ImportRun, pk=pk)
    if run.is_finished:
        messages.info(request, _("This import has already finished."))
    else:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.QUEUED)
        transaction.on_commit(lambda: queue_import(run))
        messages.success(
            request,
            _("Import resumed from item %(n)d.") % {"n": run.checkpoint + 1},
        )
    return redirect("transfer_import", pk=run.pk)
