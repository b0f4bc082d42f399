"""Soak test: mixed reader traffic at 80% of the measured peak, for ten minutes.

    python bench/soak.py [--minutes 10] [--threads 24] [--json out.json]

Starts a throwaway Gazette (granian, 2 workers, page cache on, embedded profile), finds
which endpoints exist (pages always; search, view beacons and newsletter sign-ups when
their URLs are installed), measures the peak rate of the mix for 15 s, then holds 80% of
it for the given time. Reports errors (5xx, timeouts, refused) and the latency drift
minute by minute, plus worker memory at start and end. Bounded: minutes + ~3 min set-up.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stack import Stack, fetch, free_port  # noqa: E402

PORT = free_port()
DISCOVER = """
import json
from django.urls import get_resolver
names = []
def walk(patterns, prefix=""):
    for p in patterns:
        if hasattr(p, "url_patterns"):
            walk(p.url_patterns, prefix + (p.namespace + ":" if p.namespace else ""))
        elif p.name:
            names.append(prefix + p.name)
walk(get_resolver().url_patterns)
from django.urls import reverse
found = {}
for kind, words in {"search": ["search"], "beacon": ["beacon", "pageview", "view_count"],
                    "signup": ["subscribe", "signup", "sign_up", "newsletter"]}.items():
    for name in names:
        if "admin" in name or name.startswith("wagtail"):
            continue  # the editors' tools are not reader traffic
        if any(w in name.lower() for w in words):
            try:
                found[kind] = reverse(name)
                break
            except Exception:
                continue
print(json.dumps(found))
"""


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


class Traffic:
    """The request mix, and a client per thread on a kept-alive connection."""

    def __init__(self, paths: dict, endpoints: dict):
        self.paths = paths
        self.endpoints = endpoints

    def pick(self) -> tuple[str, str, str, bytes | None, dict]:
        roll = random.random()
        if roll < 0.60:
            path = random.choice(self.paths["articles"])
            if "beacon" in self.endpoints and random.random() < 0.5:
                body = json.dumps({"url": path}).encode()
                return (
                    "beacon",
                    "POST",
                    self.endpoints["beacon"],
                    body,
                    {"Content-Type": "application/json"},
                )
            return "article", "GET", path, None, {}
        if roll < 0.75:
            return "front", "GET", random.choice(["/", "/ar/"]), None, {}
        if roll < 0.87:
            return "section", "GET", random.choice(self.paths["sections"]), None, {}
        if roll < 0.93:
            return "author/tag", "GET", random.choice(self.paths["others"]), None, {}
        if roll < 0.98 and "search" in self.endpoints:
            query = urllib.parse.urlencode({"q": random.choice(["harbour", "berth", "ports"])})
            return "search", "GET", f"{self.endpoints['search']}?{query}", None, {}
        if "signup" in self.endpoints:
            email = f"soak{random.randrange(10**9)}@example.com"
            body = urllib.parse.urlencode({"email": email}).encode()
            return (
                "signup",
                "POST",
                self.endpoints["signup"],
                body,
                {"Content-Type": "application/x-www-form-urlencoded"},
            )
        return "article", "GET", random.choice(self.paths["articles"]), None, {}


def run(traffic: Traffic, seconds: float, threads: int, rate: float | None) -> list[tuple]:
    """Send the mix for `seconds`; `rate` requests/s in total, or as fast as possible."""
    records: list[tuple] = []  # (t, kind, status, latency_ms)
    lock = threading.Lock()
    start = time.monotonic()
    interval = threads / rate if rate else 0.0

    def worker(index: int):
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        next_at = start + random.random() * interval
        local = []
        while True:
            now = time.monotonic()
            if now - start >= seconds:
                break
            if interval:
                if now < next_at:
                    time.sleep(next_at - now)
                next_at += interval
            kind, method, path, body, headers = traffic.pick()
            began = time.monotonic()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except Exception:  # noqa: BLE001 - refused/reset/timeout all count as errors
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
            local.append((began - start, kind, status, (time.monotonic() - began) * 1000))
        with lock:
            records.extend(local)

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return records


def summarise(records: list[tuple], minutes: int) -> list[dict]:
    rows = []
    for minute in range(minutes):
        window = [r for r in records if minute * 60 <= r[0] < (minute + 1) * 60]
        latencies = [r[3] for r in window if r[2]]
        rows.append(
            {
                "minute": minute + 1,
                "requests": len(window),
                "rps": round(len(window) / 60, 1),
                "errors": sum(1 for r in window if r[2] == 0 or r[2] >= 500),
                "client_4xx": sum(1 for r in window if 400 <= r[2] < 500),
                "p50_ms": round(percentile(latencies, 50), 1),
                "p99_ms": round(percentile(latencies, 99), 1),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    stack = Stack()
    result: dict = {"load_before": Path("/proc/loadavg").read_text().split()[:3]}
    try:
        print(f"Building the magazine in {stack.dir} …", flush=True)
        stack.build(30)
        stack.start_app("soak", PORT, workers=2, threads=8)
        endpoints = json.loads(stack.manage("shell", "-c", DISCOVER).strip().splitlines()[-1])
        _s, _h, home = fetch(f"http://127.0.0.1:{PORT}/")
        hrefs = sorted(set(re.findall(rb'href="(/[a-z-]+/[a-z0-9-]+/)"', home)))
        articles = [h.decode() for h in hrefs if not h.startswith((b"/authors/", b"/tags/"))]
        paths = {
            "articles": articles,
            "sections": ["/news/", "/opinion/", "/report/", "/caricature/"],
            "others": [h.decode() for h in hrefs if h.startswith((b"/authors/", b"/tags/"))]
            or ["/tags/ports/"],
        }
        result["endpoints"] = endpoints
        missing = [k for k in ("search", "beacon", "signup") if k not in endpoints]
        print(
            f"Endpoints found: {endpoints or 'pages only'}; skipped (not installed): "
            f"{', '.join(missing) or 'none'}",
            flush=True,
        )
        traffic = Traffic(paths, endpoints)
        for path in paths["articles"] + paths["sections"] + paths["others"] + ["/", "/ar/"]:
            fetch(f"http://127.0.0.1:{PORT}{path}")  # a shared article is cached once read
        rss_start = [round(stack.rss_mb(p), 1) for p in stack.worker_pids("soak")]
        peak_records = run(traffic, 15, args.threads, None)
        peak = len(peak_records) / 15
        target = 0.8 * peak
        print(
            f"Peak of the mix: {peak:.0f} req/s; soaking at {target:.0f} req/s for "
            f"{args.minutes} min",
            flush=True,
        )
        records = run(traffic, args.minutes * 60, args.threads, target)
        rows = summarise(records, args.minutes)
        rss_end = [round(stack.rss_mb(p), 1) for p in stack.worker_pids("soak")]
        result.update(
            {
                "peak_rps": round(peak, 1),
                "target_rps": round(target, 1),
                "minutes": rows,
                "total_requests": len(records),
                "total_errors": sum(r["errors"] for r in rows),
                "by_kind": {
                    k: sum(1 for r in records if r[1] == k) for k in {r[1] for r in records}
                },
                "rss_mb_start": rss_start,
                "rss_mb_end": rss_end,
                "load_after": Path("/proc/loadavg").read_text().split()[:3],
            }
        )
    finally:
        stack.stop()
    print("\n| minute | req/s | errors | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |")
    for row in result.get("minutes", []):
        print(
            f"| {row['minute']} | {row['rps']} | {row['errors']} | {row['p50_ms']} | "
            f"{row['p99_ms']} |"
        )
    rows = result.get("minutes") or [{}]
    if rows and rows[0].get("p50_ms"):
        drift = rows[-1]["p50_ms"] / rows[0]["p50_ms"] if rows[0]["p50_ms"] else 0
        result["p50_drift"] = round(drift, 2)
        print(
            f"\nTotal {result['total_requests']} requests, {result['total_errors']} errors; "
            f"p50 last/first minute ×{drift:.2f}; worker RSS {result['rss_mb_start']} → "
            f"{result['rss_mb_end']} MB; mix {result['by_kind']}"
        )
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2)
    (out / f"soak-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(text)
    if args.json:
        Path(args.json).write_text(text)
    return 0 if result.get("total_errors", 1) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
