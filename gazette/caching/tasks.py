"""Background work for caching: CDN purge, warming, renditions, abandoned-task recovery."""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

log = logging.getLogger("gazette.caching")


@task()
def after_purge(urls: list[str]) -> None:
    """Purge the CDN/front cache for `urls`, then render the busiest ones again."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    backends = get_backends()
    for name, backend in backends.items():
        log.info("[%s] purging %d URLs", name, len(urls))
        backend.purge_batch(urls)
    if settings.GAZETTE_WARM_AFTER_PURGE:
        warm(urls[: settings.GAZETTE_WARM_LIMIT])


def warm(urls: list[str]) -> int:
    """Request `urls` through the app so the cache (and pre-rendered files) hold them again."""
    from urllib.parse import urlsplit

    from django.test import Client

    client = Client(raise_request_exception=False)
    warmed = 0
    for url in urls:
        parts = urlsplit(url)
        host = parts.netloc or "localhost"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        secure = parts.scheme == "https"
        response = client.get(path, HTTP_HOST=host, secure=secure)
        warmed += response.status_code == 200
    return warmed


@task()
def generate_renditions(image_id: int, specs: list[str] | None = None) -> int:
    """Make the renditions an image is shown at (idempotent: existing ones are kept)."""
    from wagtail.images import get_image_model

    from gazette.caching.renditions import generate, specs_for

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return generate(image, tuple(specs) if specs else specs_for(image))


@task()
def generate_article_renditions(page_id: int) -> int:
    """Make the renditions of an article's hero, body figures and byline photos."""
    from wagtail.images import get_image_model

    from gazette.caching.renditions import generate, images_of_article
    from gazette.news.models import ArticlePage

    article = ArticlePage.objects.filter(pk=page_id).first()
    if article is None:
        return 0
    made = 0
    for image_id, specs in images_of_article(article).items():
        image = get_image_model().objects.filter(pk=image_id).first()
        if image is not None:
            made += generate(image, specs)
    return made


def this_worker_id() -> str:
    """host:pid, so the reaper can tell a dead worker from a busy one."""
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def _worker_is_dead(worker_id: str) -> bool | None:
    host, _, pid = worker_id.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return None  # another machine's worker: only its age can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def requeue_abandoned() -> tuple[int, int]:
    """Put back RUNNING tasks whose worker died; fail those that died too often.

    Returns (requeued, failed). A task is abandoned when its worker's process is gone
    (same machine) or it has run longer than GAZETTE_TASK_STALE_AFTER (any machine).
    """
    from django_tasks_db.models import DBTaskResult

    stale_before = timezone.now() - timedelta(seconds=settings.GAZETTE_TASK_STALE_AFTER)
    requeued = failed = 0
    for result in DBTaskResult.objects.running():
        worker = result.worker_ids[-1] if result.worker_ids else ""
        dead = _worker_is_dead(worker) if worker else None
        if dead is None:
            dead = result.started_at is not None and result.started_at < stale_before
        if not dead:
            continue
        if len(result.worker_ids) >= settings.GAZETTE_TASK_MAX_ATTEMPTS:
            DBTaskResult.objects.filter(pk=result.pk, status="RUNNING").update(
                status="FAILED", finished_at=timezone.now()
            )
            failed += 1
            log.error(
                "Task %s (%s) died %d times; marked failed.",
                result.pk,
                result.task_path,
                len(result.worker_ids),
            )
            continue
        requeued += DBTaskResult.objects.filter(pk=result.pk, status="RUNNING").update(
            status="READY", started_at=None
        )
        log.warning(
            "Task %s (%s) lost its worker %s; queued again.", result.pk, result.task_path, worker
        )
    return requeued, failed


@task()
def requeue_abandoned_tasks() -> None:
    """Periodic: recover tasks whose database worker was killed mid-task."""
    if settings.TASKS_BACKEND == "database":
        requeue_abandoned()
