"""Benchmark: import a subscriber CSV of N rows the way the admin does, in the worker.

    .venv/bin/python bench/newsletter_import.py --rows 10000 100000

For each size: a fresh SQLite database in a temporary folder, two newsletters, a CSV of
N rows (one in a hundred has a problem: a bad address, an unknown language or a repeat),
stored through `actions.start_import` as the upload form does; then `run_import` runs in
a fresh process (what the task worker does) and the script reports the time, rows per
second and the importer's peak RSS, and checks that every row was imported or reported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHASE_TIMEOUT = 1800


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")
    import django

    django.setup()


def make_csv(rows: int) -> str:
    lines = ["email,language,newsletters,frequency"]
    for i in range(rows):
        if i % 100 == 17:
            lines.append(f"reader{i} at example.com,en,daily,daily")  # not an address
        elif i % 100 == 53:
            lines.append(f"reader{i}@example.com,fr,daily,daily")  # unknown language
        elif i % 100 == 71:
            lines.append(f"reader{i - 1}@example.com,en,daily,daily")  # a repeat
        else:
            lines.append(f"reader{i}@example.com,{'ar' if i % 7 == 0 else 'en'},daily;weekly,daily")
    return "\n".join(lines) + "\n"


def run_setup(rows: int) -> None:
    django_setup()
    from django.core.management import call_command

    from gazette.newsletter import actions
    from gazette.newsletter.csv_import import decode_upload
    from gazette.newsletter.models import Newsletter

    call_command("migrate", verbosity=0)
    Newsletter.objects.create(name="Daily", slug="daily", language="en")
    Newsletter.objects.create(name="Weekly", slug="weekly", language="en", cadence="weekly")
    text, columns = decode_upload(make_csv(rows).encode())
    job = actions.start_import(
        text=text,
        columns=columns,
        filename="readers.csv",
        source="Benchmark",
        newsletters=[],
        ip_hash="",
    )
    print(json.dumps({"import": job.pk}), flush=True)


def run_import_phase(import_id: int) -> None:
    django_setup()
    from gazette.newsletter.importing import run_import
    from gazette.newsletter.models import Subscriber, SubscriberImport

    started = time.perf_counter()
    outcome = run_import(import_id, budget_seconds=PHASE_TIMEOUT)
    elapsed = time.perf_counter() - started
    job = SubscriberImport.objects.get(pk=import_id)
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "finished": outcome.finished,
                "total": job.total_rows,
                "accounted": job.created
                + job.updated
                + job.suppressed
                + job.opted_out
                + job.problems,
                "created": job.created,
                "problems": job.problems,
                "subscribers": Subscriber.objects.count(),
                "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        ),
        flush=True,
    )


def phase(args: list[str], env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=PHASE_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"phase {args[1]} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(rows: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-import-") as tmp:
        env = {
            **os.environ,
            "GAZETTE_VAR_DIR": tmp,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "TASKS_BACKEND": "database",  # queued, not run: the import phase runs it
            "LOG_LEVEL": "WARNING",
        }
        setup = phase(["--phase", "setup", "--rows", str(rows)], env)
        return {"rows": rows, **phase(["--phase", "import", "--import", str(setup["import"])], env)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=["setup", "import"])
    parser.add_argument("--import", dest="import_id", type=int)
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    if args.phase == "setup":
        return run_setup(args.rows[0])
    if args.phase == "import":
        return run_import_phase(args.import_id)
    print(f"load before: {os.getloadavg()}")
    results = [measure(n) for n in args.rows]
    print(f"load after: {os.getloadavg()}")
    print()
    print("| rows | imported / problem rows | every row accounted for | time | rows/s | peak RSS |")
    print("| ---: | ---: | --- | ---: | ---: | ---: |")
    ok = True
    for r in results:
        accounted = r["accounted"] == r["total"] == r["rows"] and r["finished"]
        ok &= accounted
        print(
            f"| {r['rows']:,} | {r['created']:,} / {r['problems']:,} | "
            f"{'yes' if accounted else 'NO'} | {r['seconds']:.1f} s | "
            f"{r['rows'] / r['seconds']:,.0f} | {r['peak_rss_mib']:.0f} MiB |"
        )
    if not ok:
        raise SystemExit("Some rows were neither imported nor reported.")


if __name__ == "__main__":
    main()
