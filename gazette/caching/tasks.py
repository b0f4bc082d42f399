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


def _rq_worker_is_dead(connection, worker_name: str) -> bool:
    """A worker whose Redis key expired, or whose process on this machine is gone."""
    from rq.worker import Worker

    if not worker_name:
        return True
    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + worker_name, connection)
    if worker is None:
        return True  # no heartbeat for longer than its TTL: dead, wherever it ran
    return bool(_worker_is_dead(f"{worker.hostname}:{worker.pid}"))


def requeue_abandoned_rq() -> tuple[int, int]:
    """Put back RQ jobs whose worker died mid-job; fail those that died too often.

    Returns (requeued, failed). RQ itself would only mark such a job failed, after its
    whole timeout. The attempts are counted in the job's meta.
    """
    import django_rq
    from django_tasks_rq.backend import Job
    from rq.executions import Execution
    from rq.job import JobStatus
    from rq.registry import FailedJobRegistry

    requeued = failed = 0
    for name in settings.RQ_QUEUES:
        queue = django_rq.get_queue(name, job_class=Job)
        registry = queue.started_job_registry
        for job_id, execution_id in registry.get_job_and_execution_ids(cleanup=False):
            execution = Execution.fetch(execution_id, job_id, queue.connection)
            if not _rq_worker_is_dead(queue.connection, execution.worker_name):
                continue
            job = Job.fetch(job_id, connection=queue.connection)
            if job.get_status() != JobStatus.STARTED:
                continue
            attempts = job.meta.get("gazette_attempts", 1)
            with queue.connection.pipeline() as pipeline:
                execution.delete(job, pipeline)
                pipeline.zrem(registry.key, execution.composite_key)
                pipeline.execute()
            if attempts >= settings.GAZETTE_TASK_MAX_ATTEMPTS:
                job.set_status(JobStatus.FAILED)
                FailedJobRegistry(queue=queue).add(job, exc_string="worker died")
                failed += 1
                log.error(
                    "Task %s (%s) died %d times; marked failed.", job.id, job.func_name, attempts
                )
                continue
            job.meta["gazette_attempts"] = attempts + 1
            job.save_meta()
            queue.enqueue_job(job)
            requeued += 1
            log.warning(
                "Task %s (%s) lost its worker %s; queued again.",
                job.id,
                job.func_name,
                execution.worker_name,
            )
    return requeued, failed


@task()
def requeue_abandoned_tasks() -> None:
    """Periodic: recover tasks whose worker was killed mid-task."""
    if settings.TASKS_BACKEND == "database":
        requeue_abandoned()
    elif settings.TASKS_BACKEND == "rq":
        requeue_abandoned_rq()
