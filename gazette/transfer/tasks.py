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


@task()
def index_imported(run_id: int) -> int:
    """Search-index and reference-index what one import created or changed."""
    from wagtail.images import get_image_model

    from gazette.news.models import ArticlePage, SectionPage
    from gazette.people.models import Author
    from gazette.transfer.indexing import index_objects

    run = ImportRun.objects.get(pk=run_id)
    events = run.events.filter(action__in=["create", "update"], object_id__isnull=False)
    models = {
        ("post", "page"): ArticlePage,
        ("section",): SectionPage,
        ("author",): Author,
        ("image",): get_image_model(),
    }
    # Byline names are searched: fetch each batch's authors with it, not one by one.
    prefetch = {ArticlePage: ("article_authors__author",)}
    done = 0
    for kinds, model in models.items():
        pks = list(events.filter(kind__in=kinds).values_list("object_id", flat=True))
        done += index_objects(model, pks, prefetch.get(model, ()))
    return done
