"""Faults survived, on a real stack: granian workers, task workers, a SQLite file on disk.

Each test drives subprocesses the way production runs them and breaks something real.
"""

from __future__ import annotations

import json
import os
import signal
import time
import uuid

import pytest

from gazette.caching.tests.live import LiveSite, get

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(scope="module")
def site():
    live = LiveSite()
    live.build()
    yield live
    live.close()


def enqueue_marker(site, token: str, marker, *, wait: int, env: dict) -> str:
    """Queue the task that writes `token` to `marker` then waits; returns the task id."""
    return (
        site.shell(
            "from gazette.caching.tests.slow_tasks import mark_then_wait\n"
            f"print(mark_then_wait.enqueue({token!r}, {str(marker)!r}, {wait}).id)",
            env=env,
        )
        .strip()
        .splitlines()[-1]
    )


def test_publish_reaches_readers_of_every_worker_within_one_second(site):
    base, _server = site.serve(workers=2)
    url = f"{base}/opinion/harbour/"
    for _ in range(20):  # enough requests to land on both workers
        status, headers, _body = get(url)
        assert status == 200
    assert headers["X-Cache"] == "HIT"
    report = site.shell(
        f"""
import json, time, urllib.request
from gazette.news.models import ArticlePage
page = ArticlePage.objects.get(slug="harbour")
page.title = "The harbour column, corrected"
page.save_revision().publish()
published = time.monotonic()
seen, first = 0, None
while time.monotonic() - published < 5 and seen < 10:
    body = urllib.request.urlopen("{url}").read().decode()
    if "The harbour column, corrected" in body:
        first = first or time.monotonic() - published
        seen += 1
    else:
        seen, first = 0, None
print(json.dumps({{"first_seen": first, "seen": seen}}))
"""
    )
    result = json.loads(report.strip().splitlines()[-1])
    assert result["seen"] == 10, result  # then ten answers in a row, from either worker
    assert result["first_seen"] < 1.0, result
    status, _headers, body = get(f"{base}/opinion/")
    assert "The harbour column, corrected" in body


def test_database_outage_serves_cache_and_a_friendly_503_then_recovers(site):
    base, server = site.serve(workers=2, GAZETTE_PAGE_CACHE_TTL=2)
    cached, stale, never = f"{base}/", f"{base}/news/", f"{base}/authors/omar-said/"
    for url in (stale, stale):
        assert get(url)[0] == 200
    time.sleep(2.5)  # /news/ is past its freshness now: only a stale copy is left
    for url in (cached, cached):
        assert get(url)[0] == 200
    workers = site.children(server)

    away = site.db_dir.with_name("db-away")
    site.db_dir.rename(away)
    site.db_dir.write_text("the database disk is gone")  # opening the file now fails
    try:
        status, headers, _body = get(cached)
        assert status == 200 and headers["X-Cache"] == "HIT"
        status, headers, _body = get(stale)
        assert status == 200 and headers["X-Cache"] == "STALE"
        for _ in range(6):
            status, headers, body = get(never)
            assert status == 503, body[:300]
            assert headers["Retry-After"] == "30"
            assert "We will be back in a moment" in body and 'class="masthead' in body
        assert get(f"{base}/healthz")[0] == 503
        assert site.children(server) == workers and server.poll() is None  # nothing crashed
    finally:
        site.db_dir.unlink()
        away.rename(site.db_dir)
    status, _headers, body = get(never)
    assert status == 200 and "Omar Said" in body  # service resumed by itself
    assert get(f"{base}/healthz")[0] == 200
    site.stop(server)


def test_a_task_whose_worker_is_killed_is_run_again_and_its_effect_happens_once(site, tmp_path):
    marker = tmp_path / "effects.txt"
    token = uuid.uuid4().hex
    db_tasks = {"TASKS_BACKEND": "database"}
    enqueued = enqueue_marker(site, token, marker, wait=60, env=db_tasks)
    worker = site.spawn("gazette_worker", env=db_tasks)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.exists(), "the worker never started the task"
    os.killpg(worker.pid, signal.SIGKILL)  # mid-task: effect done, result not recorded
    worker.wait()
    status = site.shell(
        "from django_tasks_db.models import DBTaskResult\n"
        f"print(DBTaskResult.objects.get(pk={enqueued!r}).status)",
        env=db_tasks,
    )
    assert status.strip().endswith("RUNNING")

    # The scheduler's reaper finds the dead worker and puts the task back.
    reaped = site.shell(
        "from gazette.caching.tasks import requeue_abandoned\nprint(requeue_abandoned())",
        env=db_tasks,
    )
    assert reaped.strip().endswith("(1, 0)")
    worker = site.spawn("gazette_worker", env=db_tasks)
    code = (
        "from django_tasks_db.models import DBTaskResult\n"
        f"r = DBTaskResult.objects.get(pk={enqueued!r})\n"
        "print(r.status, len(r.worker_ids), r.return_value)"
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = site.shell(code, env=db_tasks).strip().splitlines()[-1]
        if state.startswith("SUCCESSFUL"):
            break
        time.sleep(0.5)
    site.stop(worker)
    assert state == "SUCCESSFUL 2 already done", state
    assert marker.read_text().split() == [token]  # the effect happened once


@pytest.mark.redis
def test_rq_worker_runs_tasks_from_redis_end_to_end(site, tmp_path, redis_url):
    marker = tmp_path / "rq.txt"
    token = uuid.uuid4().hex
    rq = {"TASKS_BACKEND": "rq", "REDIS_URL": redis_url, "GAZETTE_PAGE_CACHE": "off"}
    task_id = enqueue_marker(site, token, marker, wait=0, env=rq)
    worker = site.spawn("gazette_worker", env=rq)
    try:
        deadline = time.monotonic() + 60
        state = ""
        while time.monotonic() < deadline:
            state = (
                site.shell(
                    "from django_tasks import default_task_backend\n"
                    f"print(default_task_backend.get_result({task_id!r}).status)",
                    env=rq,
                )
                .strip()
                .splitlines()[-1]
            )
            if state == "SUCCESSFUL":
                break
            time.sleep(0.5)
    finally:
        site.stop(worker)
    assert state == "SUCCESSFUL"
    assert marker.read_text().split() == [token]


def forget_rq_jobs(redis_url: str) -> None:
    """Start from an empty RQ queue (jobs and workers of earlier runs), nothing else."""
    import redis

    connection = redis.Redis.from_url(redis_url)
    for key in connection.scan_iter("rq:*", count=500):
        connection.delete(key)


@pytest.mark.redis
def test_an_rq_task_whose_worker_is_killed_is_run_again_and_its_effect_happens_once(
    site, tmp_path, redis_url
):
    forget_rq_jobs(redis_url)
    marker = tmp_path / "rq-effects.txt"
    token = uuid.uuid4().hex
    rq = {"TASKS_BACKEND": "rq", "REDIS_URL": redis_url, "GAZETTE_PAGE_CACHE": "off"}
    task_id = enqueue_marker(site, token, marker, wait=60, env=rq)
    result = (
        "from django_tasks import default_task_backend\n"
        f"r = default_task_backend.get_result({task_id!r})\n"
        "print(r.status, r.return_value if r.status == 'SUCCESSFUL' else '-')"
    )
    worker = site.spawn("gazette_worker", env=rq)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.exists(), "the worker never started the task"
    os.killpg(worker.pid, signal.SIGKILL)  # mid-task: effect done, result not recorded
    worker.wait()
    assert site.shell(result, env=rq).strip().splitlines()[-1] == "RUNNING -"

    # The scheduler's reaper sees the worker's process is gone and puts the job back.
    reaped = site.shell(
        "from gazette.caching.tasks import requeue_abandoned_rq\nprint(requeue_abandoned_rq())",
        env=rq,
    )
    assert reaped.strip().endswith("(1, 0)")
    worker = site.spawn("gazette_worker", env=rq)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = site.shell(result, env=rq).strip().splitlines()[-1]
            if state.startswith("SUCCESSFUL"):
                break
            time.sleep(0.5)
    finally:
        site.stop(worker)
    assert state == "SUCCESSFUL already done", state
    assert marker.read_text().split() == [token]  # the effect happened once


@pytest.mark.redis
def test_an_rq_worker_restarted_after_a_crash_takes_up_its_job_again(site, tmp_path, redis_url):
    forget_rq_jobs(redis_url)
    marker = tmp_path / "rq-restart.txt"
    token = uuid.uuid4().hex
    rq = {"TASKS_BACKEND": "rq", "REDIS_URL": redis_url, "GAZETTE_PAGE_CACHE": "off"}
    task_id = enqueue_marker(site, token, marker, wait=60, env=rq)
    worker = site.spawn("gazette_worker", env=rq)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    # No reaper run: the new worker looks for its machine's dead workers' jobs as it starts.
    worker = site.spawn("gazette_worker", env=rq)
    status = (
        "from django_tasks import default_task_backend\n"
        f"print(default_task_backend.get_result({task_id!r}).status)"
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = site.shell(status, env=rq).strip().splitlines()[-1]
            if state == "SUCCESSFUL":
                break
            time.sleep(0.5)
    finally:
        site.stop(worker)
    assert state == "SUCCESSFUL"
    assert marker.read_text().split() == [token]
