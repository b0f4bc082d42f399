"""Benchmark: send one edition to N confirmed subscribers through a real local SMTP server.

    .venv/bin/python bench/newsletter_send.py --subscribers 10000 100000

For each size it builds a fresh SQLite database in a temporary folder (or uses
DATABASE_URL when --use-database-url is given), starts aiosmtpd processes on 127.0.0.1
(advertising PIPELINING unless --no-pipelining), then runs --workers sender processes
(what as many task workers do) and reports messages per second, the senders' peak RSS,
the time to finish and the CPU each message cost the senders and the SMTP servers. It checks that the server received exactly N
messages and that every Delivery row is marked sent. Only 127.0.0.1 is contacted; each
phase has a time limit.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PHASE_TIMEOUT = 900  # seconds; the target is 300 for 100,000


def run_smtp_server(port: int, pipelining: bool) -> None:
    """Phase: one aiosmtpd process counting messages; prints the count when told to stop.
    It advertises PIPELINING, as Postfix and Exim do, unless told not to."""
    import asyncio
    import socket

    sys.path.insert(0, str(ROOT))
    from aiosmtpd.smtp import SMTP

    from gazette.newsletter.tests.smtp import RecordingHandler

    handler = RecordingHandler(keep=False, pipelining=pipelining)
    # IPPROTO_TCP spelled out: asyncio sets TCP_NODELAY on accepted connections only when
    # the listening socket says TCP, and without it aiosmtpd's replies to pipelined
    # commands wait ~40 ms each for delayed ACKs (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(512)
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="bench.localhost"), sock=sock)
    )
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    print("ready", flush=True)
    loop.run_forever()
    server.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"received": handler.count, "cpu_s": cpu}), flush=True)


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    import django

    django.setup()


def run_setup(count: int) -> None:
    """Phase: migrate, build a small magazine, N confirmed subscribers, a composed edition."""
    django_setup()
    from django.core.management import call_command
    from django.utils import timezone

    from gazette.newsletter import actions
    from gazette.newsletter.models import Edition, EditionStatus, Newsletter, Subscriber
    from gazette.testing.factories import make_article, make_author, make_image, make_magazine

    call_command("migrate", verbosity=0)
    magazine = make_magazine()
    writer = make_author("Layla Haddad")
    for i in range(8):
        make_article(
            magazine["sections"]["opinion" if i % 2 else "news"],
            title=f"Benchmark story {i}: the harbour, the ministry and the importers who wait",
            authors=[writer],
            hero_image=make_image(f"Bench {i}"),
        )
    newsletter = Newsletter.objects.create(name="Daily Digest", slug="daily", language="en")
    now = timezone.now()
    through = Subscriber.newsletters.through
    chunk = 5000
    for start in range(0, count, chunk):
        created = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"reader{i}+news@example.com", language="en", confirmed_at=now)
                for i in range(start, min(start + chunk, count))
            ]
        )
        through.objects.bulk_create(
            [through(subscriber_id=s.pk, newsletter_id=newsletter.pk) for s in created]
        )
    edition = actions.compose_edition(newsletter, now=now + timezone.timedelta(seconds=1))
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    print(json.dumps({"edition": edition.pk, "articles": len(edition.article_ids)}), flush=True)


def run_send(edition_id: int) -> None:
    """Phase: deliver the edition in this process, report time and peak memory."""
    django_setup()
    from gazette.newsletter.models import Delivery
    from gazette.newsletter.sending import run_sender

    started_at = time.time()
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    outcome = run_sender(edition_id, budget_seconds=PHASE_TIMEOUT)
    after = resource.getrusage(resource.RUSAGE_SELF)
    elapsed = time.perf_counter() - started
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sent_rows = Delivery.objects.filter(edition_id=edition_id, status="sent").count()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "started_at": started_at,
                "cpu_s": cpu,
                "ended_at": started_at + elapsed,
                "sent": outcome.sent,
                "sent_rows": sent_rows,
                "finished": outcome.finished,
                "peak_rss_mib": peak_kib / 1024,
            }
        ),
        flush=True,
    )


def run_parallel_send(edition_id: int, workers: int, env: dict, ports: list[int]) -> dict:
    """Phase: K sender processes on one edition, as K task workers would run it. Sender i
    talks to server i (mod the number of servers): an MTA such as Postfix gives every
    connection its own smtpd process."""
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--phase", "send", "--edition", str(edition_id)],
            env={**env, "EMAIL_URL": f"smtp://127.0.0.1:{ports[i % len(ports)]}"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(workers)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=PHASE_TIMEOUT)
        if proc.returncode != 0:
            sys.stderr.write(err[-4000:])
            raise SystemExit("a sender process failed")
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall_with_startup = time.perf_counter() - started
    # From the first sender's first message to the last sender's end (process start-up,
    # which a running task worker does not pay, is reported apart).
    elapsed = max(r["ended_at"] for r in results) - min(r["started_at"] for r in results)
    return {
        "seconds": elapsed,
        "with_startup": wall_with_startup,
        "sender_cpu_s": sum(r["cpu_s"] for r in results),
        "sent": sum(r["sent"] for r in results),
        "sent_rows": max(r["sent_rows"] for r in results),
        "finished": any(r["finished"] for r in results),
        "peak_rss_mib": max(r["peak_rss_mib"] for r in results),
        "per_worker": [r["sent"] for r in results],
    }


def phase(args: list[str], env: dict, timeout: int = PHASE_TIMEOUT) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"phase {args[0]} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(
    count: int, use_database_url: bool, workers: int, servers: int, pipelining: bool
) -> dict:
    from gazette.newsletter.tests.smtp import free_port

    ports = [free_port() for _ in range(servers)]
    with tempfile.TemporaryDirectory(prefix="gazette-bench-nl-") as tmp:
        smtpd = [
            subprocess.Popen(
                [sys.executable, __file__, "--phase", "smtp", "--port", str(port)]
                + ([] if pipelining else ["--no-pipelining"]),
                stdout=subprocess.PIPE,
                text=True,
            )
            for port in ports
        ]
        try:
            for proc in smtpd:
                assert proc.stdout.readline().strip() == "ready"
            env = {
                **os.environ,
                "GAZETTE_VAR_DIR": tmp,
                "TASKS_BACKEND": "immediate",
                "SITE_URL": "https://gazette.example",
                "LOG_LEVEL": "WARNING",
            }
            if not use_database_url:
                env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
            setup_started = time.perf_counter()
            setup = phase(["--phase", "setup", "--count", str(count)], env)
            setup_seconds = time.perf_counter() - setup_started
            send = run_parallel_send(setup["edition"], workers, env, ports)
        finally:
            received, server_cpu = 0, 0.0
            for proc in smtpd:
                proc.send_signal(signal.SIGTERM)
                out, _err = proc.communicate(timeout=60)
                report = json.loads(out.strip().splitlines()[-1])
                received += report["received"]
                server_cpu += report["cpu_s"]
    return {
        "subscribers": count,
        "setup_s": setup_seconds,
        "articles": setup["articles"],
        **send,
        "received": received,
        "server_cpu_s": server_cpu,
        "per_second": send["sent"] / send["seconds"] if send["seconds"] else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=["smtp", "setup", "send"])
    parser.add_argument("--count", type=int)
    parser.add_argument("--edition", type=int)
    parser.add_argument("--subscribers", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--use-database-url", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="sender processes")
    parser.add_argument("--servers", type=int, default=2, help="aiosmtpd processes")
    parser.add_argument("--port", type=int)
    parser.add_argument(
        "--no-pipelining",
        action="store_true",
        help="the SMTP server does not advertise PIPELINING (senders wait after every command)",
    )
    args = parser.parse_args()
    if args.phase == "smtp":
        return run_smtp_server(args.port, not args.no_pipelining)
    if args.phase == "setup":
        return run_setup(args.count)
    if args.phase == "send":
        return run_send(args.edition)

    print(f"load before: {os.getloadavg()}")
    rows = [
        measure(n, args.use_database_url, args.workers, args.servers, not args.no_pipelining)
        for n in args.subscribers
    ]
    print(f"load after: {os.getloadavg()}")
    print()
    print(
        "| subscribers | sender workers | delivered (server / rows) | time to finish "
        "| messages/s | peak RSS per sender | CPU ms/message (sender + SMTP server) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ok = True
    for row in rows:
        print(
            f"| {row['subscribers']:,} | {len(row['per_worker'])} | "
            f"{row['received']:,} / {row['sent_rows']:,} | "
            f"{row['seconds']:.1f} s ({row['with_startup']:.0f} s with start-up) | "
            f"{row['per_second']:.0f} | {row['peak_rss_mib']:.0f} MiB | "
            f"{1000 * row['sender_cpu_s'] / row['subscribers']:.2f} + "
            f"{1000 * row['server_cpu_s'] / row['subscribers']:.2f} |"
        )
        ok &= row["received"] == row["subscribers"] == row["sent_rows"]
    if not ok:
        raise SystemExit("Not every subscriber received exactly one message.")


if __name__ == "__main__":
    main()
