"""Load benchmark: the page cache against nginx serving the same bytes as a static file.

    python bench/load.py [--duration 10] [--postgres URL --redis URL] [--json out.json]

Builds a throwaway magazine (120 articles of reference-page length), starts granian with
the page cache on and another with it off, and nginx with the deploy profile in front of
the first plus a plain static server holding the article's exact HTML. Then, in one run,
wrk measures each row of the table below; finally memory per worker and 1 → 2 workers.
Bounded: about (12 runs × duration) + set-up; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import Stack, fetch, free_port  # noqa: E402

PORTS: set[int] = set()
while len(PORTS) < 6:
    PORTS.add(free_port())
APP, APP_OFF, FRONT, STATIC, PURGE, REFRESH = sorted(PORTS)

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def to_ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def wrk(url: str, connections: int, duration: int, threads: int = 2) -> dict:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    ).stdout
    result = {"url": url, "connections": connections}
    result["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    for pct in ("50", "99"):
        result[f"p{pct}_ms"] = to_ms(re.search(rf"\s{pct}%\s+(\S+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["requests"] = total
    result["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(g) for g in socket.groups()) if socket else 0
    )
    return result


CPU_PER_RENDER = """
import json, statistics, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
out = {}
for name, path in PAGES.items():
    client.get(path)
    samples = []
    for _ in range(15):
        began = time.process_time()
        assert client.get(path).status_code == 200
        samples.append((time.process_time() - began) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    out[name] = {"cpu_ms": round(statistics.median(samples), 1), "queries": len(queries)}
print(json.dumps(out))
"""


def cpu_per_render(stack: Stack, pages: dict, **env) -> dict:
    """CPU milliseconds and queries of one uncached render (unaffected by machine load)."""
    code = f"PAGES = {pages!r}\n" + CPU_PER_RENDER
    out = stack.manage("shell", "-c", code, extra_env={"GAZETTE_PAGE_CACHE": "off", **env})
    return json.loads(out.strip().splitlines()[-1])


def uptime_load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def warm(url: str) -> str:
    for _ in range(3):
        status, headers, _body = fetch(url)
        assert status == 200, (url, status)
    return headers.get("X-Cache") or headers.get("X-Cache-Status") or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--postgres", default="", help="DATABASE_URL of an empty database")
    parser.add_argument("--redis", default="", help="REDIS_URL for cache and page cache")
    parser.add_argument("--json", default="", help="write the results here too")
    parser.add_argument("--per-section", type=int, default=30)
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            print(f"load.py: skipped, {tool} is not installed (apt-get install -y wrk nginx)")
            return 0
    os.environ["PATH"] += ":/usr/sbin"
    d = args.duration
    stack = Stack(postgres_url=args.postgres, redis_url=args.redis)
    results: dict = {
        "load_before": uptime_load(),
        "rows": [],
        "profile": ("PostgreSQL + Redis" if args.postgres else "embedded (SQLite + SQLite cache)"),
    }
    try:
        print(f"Building the magazine in {stack.dir} …", flush=True)
        stack.build(args.per_section)
        stack.start_app("cached", APP, GAZETTE_PRERENDER_DIR=stack.var / "prerender")
        stack.start_app("uncached", APP_OFF, GAZETTE_PAGE_CACHE="off")
        stack.start_nginx(APP, FRONT, STATIC, PURGE, REFRESH)
        _s, _h, home = fetch(f"http://127.0.0.1:{APP_OFF}/")
        article = re.search(rb'href="(/opinion/[^"/]+/)"', home).group(1).decode()
        section = "/opinion/"
        _s, _h, article_html = fetch(f"http://127.0.0.1:{APP_OFF}{article}")
        (stack.dir / "static-ref" / "article.html").write_bytes(article_html)
        status, _h, same = fetch(f"http://127.0.0.1:{STATIC}/article.html")
        assert status == 200 and same == article_html, "the static reference is not served"
        results["article_bytes"] = len(article_html)
        pages = {"article": article, "front": "/", "section": section}
        results["cpu_ms_per_uncached_render"] = cpu_per_render(stack, pages)
        # The first reader after a publish also makes the rails and menu (fragment cache).
        results["cpu_ms_per_render_making_fragments"] = cpu_per_render(
            stack, pages, GAZETTE_FRAGMENT_CACHE="off"
        )
        print(f"Uncached render: {results['cpu_ms_per_uncached_render']}", flush=True)
        print(f"… making fragments: {results['cpu_ms_per_render_making_fragments']}", flush=True)
        for path in pages.values():
            warm(f"http://127.0.0.1:{APP}{path}")
            warm(f"http://127.0.0.1:{FRONT}{path}")

        plan = [
            ("static file (nginx), article bytes", f"http://127.0.0.1:{STATIC}/article.html", 64),
        ]
        for name, path in pages.items():
            plan.append(
                (
                    f"{name}, cached: nginx front (deploy profile)",
                    f"http://127.0.0.1:{FRONT}{path}",
                    64,
                )
            )
            plan.append(
                (f"{name}, cached: app (granian, page cache)", f"http://127.0.0.1:{APP}{path}", 64)
            )
        for name, path in pages.items():
            plan.append(
                (f"{name}, uncached (1 request at a time)", f"http://127.0.0.1:{APP_OFF}{path}", 1)
            )
            plan.append(
                (
                    f"{name}, uncached under load (16 connections)",
                    f"http://127.0.0.1:{APP_OFF}{path}",
                    16,
                )
            )
        for label, url, conns in plan:
            row = wrk(url, conns, d, threads=1 if conns == 1 else 2)
            row["label"] = label
            results["rows"].append(row)
            print(
                f"{label:55} {row['rps']:>9.0f} req/s  p50 {row['p50_ms']:7.2f} ms  "
                f"p99 {row['p99_ms']:7.2f} ms  errors {row['errors']}",
                flush=True,
            )

        results["rss_mb_per_worker"] = {
            name: [round(stack.rss_mb(pid), 1) for pid in stack.worker_pids(name)]
            for name in ("cached", "uncached")
        }
        # 1 → 2 workers, uncached article under load (the CPU-bound case).
        scaling = {}
        two = next(r for r in results["rows"] if r["label"].startswith("article, uncached under"))
        scaling[2] = two["rps"]
        stack.stop_app("uncached")
        stack.start_app("uncached", APP_OFF, workers=1, GAZETTE_PAGE_CACHE="off")
        warm(f"http://127.0.0.1:{APP_OFF}{article}")
        one = wrk(f"http://127.0.0.1:{APP_OFF}{article}", 16, d)
        scaling[1] = one["rps"]
        results["workers_scaling_uncached_article_rps"] = scaling
        print(f"uncached article, 1 worker: {one['rps']:.0f} req/s; 2 workers: {scaling[2]:.0f}")
        results["load_after"] = uptime_load()
    finally:
        stack.stop()
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2))
    return 0


def print_table(results: dict) -> None:
    rows = results["rows"]
    static = rows[0]["rps"]
    print(
        f"\nProfile: {results['profile']}; article HTML {results.get('article_bytes')} bytes; "
        f"load average before {results['load_before']}, after {results.get('load_after')}"
    )
    print(
        "\n| page | served by | conns | req/s | % of static | p50 ms | p99 ms | p99/p50 | errors |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        page, _, how = row["label"].partition(", ")
        ratio = row["p99_ms"] / row["p50_ms"] if row["p50_ms"] else 0
        print(
            f"| {page} | {how} | {row['connections']} | {row['rps']:.0f} | "
            f"{100 * row['rps'] / static:.0f}% | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} | "
            f"{ratio:.1f} | {row['errors']} |"
        )
    if "cpu_ms_per_uncached_render" in results:
        print(
            f"Uncached render, CPU ms (median of 15, in process) and queries: "
            f"{results['cpu_ms_per_uncached_render']}; making every fragment too: "
            f"{results.get('cpu_ms_per_render_making_fragments')}"
        )
    if "rss_mb_per_worker" in results:
        print(f"\nRSS per worker (MB): {results['rss_mb_per_worker']}")
    if "workers_scaling_uncached_article_rps" in results:
        s = results["workers_scaling_uncached_article_rps"]
        print(
            f"Uncached article req/s: 1 worker {s[1]:.0f}, 2 workers {s[2]:.0f} "
            f"(×{s[2] / s[1]:.2f})"
        )


if __name__ == "__main__":
    sys.exit(main())
