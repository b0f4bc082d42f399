"""Benchmark: view beacons absorbed per second by granian, with zero database writes.

Builds a throw-away SQLite magazine under a temporary directory, starts the production
server (granian, 2 workers) on 127.0.0.1, drives POST /beacon/view with wrk and a Lua
script, then checks:
  - every 204 answered became one buffered event (spool lines or Redis counters),
  - the main database file and its WAL are byte-for-byte unchanged (zero writes),
and times the roll-up of everything buffered into daily/hourly counts.

    python bench/discovery_beacons.py [--seconds 10] [--connections 64] [--redis]

Bounded: each wrk run lasts --seconds; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))
from gazette.core.serving import server_command, server_env  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def digest(path: Path) -> str:
    if not path.exists():
        return "absent"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def database_fingerprint(db: Path) -> dict:
    return {p.name: digest(p) for p in (db, Path(f"{db}-wal"))}


def setup_magazine(env: dict, articles: int) -> list[int]:
    code = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from gazette.testing.factories import make_magazine, make_article, make_author
m = make_magazine()
w = make_author("Bench Writer", photo=False)
ids = [make_article(m["sections"]["news"], authors=[w]).pk for _ in range({articles})]
print(",".join(map(str, ids)))
"""
    out = subprocess.run(
        [PYTHON, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return [int(x) for x in out.stdout.strip().splitlines()[-1].split(",")]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"granian did not start on port {port}")


def run_wrk(port: int, seconds: int, connections: int, ids: list[int]) -> dict:
    env = {**os.environ, "ARTICLE_IDS": ",".join(map(str, ids))}
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(ROOT / "bench" / "beacon.lua"),
            f"http://127.0.0.1:{port}/beacon/view",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": re.search(r"50%\s+(\S+)", out).group(1),
        "p99": re.search(r"99%\s+(\S+)", out).group(1),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "none",
    }


def buffered_events(env: dict, redis: bool) -> int:
    spool = Path(env["GAZETTE_DISCOVERY_DIR"]) / "spool"
    lines = sum(p.read_bytes().count(b"\n") for p in spool.glob("*.spool"))
    if redis:
        import redis as redis_lib

        client = redis_lib.Redis.from_url(env["REDIS_URL"])
        lines += sum(int(v) for v in client.hvals("gazette:discovery:pending"))
    return lines


def roll_up(env: dict) -> str:
    code = """
import time, django; django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from gazette.discovery.rollup import rollup_views
with CaptureQueriesContext(connection) as ctx:
    r = rollup_views(now=time.time() + 60)
print(f"{r.events} {r.counted} {r.duplicates} {r.rows_written} {r.seconds:.3f} {len(ctx.captured_queries)}")
"""
    out = subprocess.run(
        [PYTHON, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def granian_env(args, port: int, app: str) -> dict[str, str]:
    # Served as deploy/granian.sh serves production, with the benchmark's worker counts.
    return server_env(
        port, workers=args.workers, threads=args.threads, log_level="warning", app=app
    )


def reference_run(args, ids: list[int]) -> dict:
    """The same load against an empty WSGI app: what granian itself costs right now."""
    port = free_port()
    server = subprocess.Popen(
        server_command(),
        env={**os.environ, **granian_env(args, port, "bench.empty_wsgi:application")},
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        wait_for(port)
        run_wrk(port, 2, 16, ids)
        return run_wrk(port, args.seconds, args.connections, ids)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--threads", type=int, default=4, help="granian blocking threads (Procfile: 4)"
    )
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--redis", action="store_true", help="buffer in Redis (127.0.0.1:6379/14)")
    parser.add_argument(
        "--through-django",
        action="store_true",
        help="send beacons through Django's middleware instead of the WSGI fast path",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    tmp = Path(tempfile.mkdtemp(prefix="gazette-bench-beacons-"))
    db = tmp / "gazette.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gazette.settings",
        "GAZETTE_VAR_DIR": str(tmp),
        "GAZETTE_DISCOVERY_DIR": str(tmp / "discovery"),
        "DATABASE_URL": f"sqlite:///{db}",
        "TASKS_BACKEND": "immediate",
        "STATIC_MANIFEST": "false",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "redis://127.0.0.1:6379/14" if args.redis else "",
        "GAZETTE_BEACON_FAST_PATH": "0" if args.through_django else "1",
    }
    if args.redis:
        import redis as redis_lib

        redis_lib.Redis.from_url(env["REDIS_URL"]).flushdb()
    print(f"load before: {os.getloadavg()}")
    ids = setup_magazine(env, args.articles)
    before = database_fingerprint(db)
    port = free_port()
    server = subprocess.Popen(
        server_command(),
        env={**env, **granian_env(args, port, "gazette.wsgi:application")},
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        wait_for(port)
        run_wrk(port, 2, 16, ids)  # warm-up: imports, salts, connections
        warm = buffered_events(env, args.redis)
        result = run_wrk(port, args.seconds, args.connections, ids)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    reference = reference_run(args, ids)
    after = database_fingerprint(db)
    events = buffered_events(env, args.redis) - warm
    rollup = roll_up(env).split()
    mode = "redis" if args.redis else "spool"
    print(f"load after: {os.getloadavg()}")
    print(
        f"mode={mode} workers={args.workers} threads={args.threads} "
        f"connections={args.connections} seconds={args.seconds}"
    )
    print(f"wrk: {result}")
    print(f"reference (empty WSGI app answering 204 on the same granian): {reference}")
    print(f"buffered events during the run: {events} (wrk counted {result['requests']} requests)")
    print(
        f"database before {before} after {after} -> {'UNCHANGED' if before == after else 'CHANGED'}"
    )
    print(
        f"roll-up: {rollup[0]} events, {rollup[1]} counted, {rollup[2]} duplicates, "
        f"{rollup[3]} rows written, {rollup[4]} s, {rollup[5]} queries"
    )
    assert before == after, "the beacon path wrote to the main database"
    assert result["non2xx"] == 0, "some beacons were refused"
    # wrk may count a few requests cut off at the end of the run; every answered one is kept.
    assert events >= result["requests"] - args.connections, "beacons were lost"
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
