"""A month of readers for the demo magazine, counted the way real readers are counted.

The demo replays 30 days of page views through the real beacon path (robot and prefetch
filter, anonymous daily reader key, view buffer) and then the real roll-up, so Popular
Posts and the admin's view charts show measured figures, never numbers written straight
into the tables. Who reads what follows a newsroom's usual shape: each article has an
appeal drawn from a heavy-tailed (log-normal) distribution, most of its readers come in
the day or two after it appears, older pieces keep a trickle (the long tail), and more
people read by day than at night. Some requests come from crawlers and prefetches, and
some readers open the same article twice in a day: the real filters drop those.

The reader addresses are from the documentation ranges (RFC 5737, RFC 3849): nothing is
ever sent to them, they only feed the anonymous key.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass

from gazette.discovery.beacon import accept_beacon
from gazette.discovery.buffer import view_buffer
from gazette.discovery.rollup import rollup_views

DAYS = 30
VIEWS_PER_ARTICLE = 150  # a month's average; the busiest pieces get many times that
MAX_VIEWS = 80_000  # keeps a very large demo build quick
FRESH_HOURS = 30.0  # a new article's readership halves roughly every day
EVERGREEN = 0.012  # the long tail: what an old article keeps of its first hours
ROBOT_SHARE = 0.08
PREFETCH_SHARE = 0.02
READERS = 6_000
# Share of the day's reading by hour (UTC), low at night, peaks morning and evening.
DIURNAL = [
    0.25, 0.18, 0.14, 0.12, 0.15, 0.3, 0.6, 0.95, 1.2, 1.25, 1.15, 1.1,
    1.1, 1.05, 1.0, 1.0, 1.05, 1.15, 1.3, 1.4, 1.35, 1.1, 0.75, 0.45,
]  # fmt: skip
SECTION_APPEAL = {"news": 1.0, "opinion": 1.25, "report": 0.9, "caricature": 0.8}
BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.51",
]
ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
]


@dataclass(frozen=True)
class DemoArticle:
    pk: int
    language: str
    section: str
    published: float  # Unix time


@dataclass
class ReadingReport:
    beacons: int = 0
    filtered: int = 0  # robots and prefetches
    counted: int = 0
    seconds: float = 0.0

    @property
    def repeats(self) -> int:
        return self.beacons - self.filtered - self.counted


def reader(index: int) -> tuple[str, str]:
    """A reader's (address, browser): documentation addresses, one browser each."""
    if index < 3 * 254:
        prefix = ("192.0.2", "198.51.100", "203.0.113")[index // 254]
        address = f"{prefix}.{index % 254 + 1}"
    else:
        address = f"2001:db8:{index >> 16:x}:{index & 0xFFFF:x}::1"
    return address, BROWSERS[index * 7 % len(BROWSERS)]


def reading_plan(
    articles: list[DemoArticle], rng: random.Random, now: float
) -> list[tuple[float, DemoArticle]]:
    """(time, article) of every view in the last DAYS days, oldest first."""
    last_hour = int(now // 3600)
    first_hour = last_hour - DAYS * 24 + 1
    appeal = {
        a.pk: rng.lognormvariate(0.0, 1.0) * SECTION_APPEAL.get(a.section, 1.0) for a in articles
    }
    cells: list[tuple[int, DemoArticle]] = []
    cumulative: list[float] = []
    total = 0.0
    for article in articles:
        start = max(first_hour, math.ceil(article.published / 3600))
        for hour in range(start, last_hour + 1):
            age = hour - article.published / 3600
            weight = appeal[article.pk] * (math.exp(-age / FRESH_HOURS) + EVERGREEN)
            total += weight * DIURNAL[hour % 24]
            cells.append((hour, article))
            cumulative.append(total)
    if not cells:
        return []
    views = min(MAX_VIEWS, VIEWS_PER_ARTICLE * len(articles))
    plan = []
    for hour, article in rng.choices(cells, cum_weights=cumulative, k=views):
        earliest = max(hour * 3600.0, article.published)
        latest = min(hour * 3600.0 + 3599.0, now)
        plan.append((rng.uniform(earliest, max(earliest, latest)), article))
    plan.sort(key=lambda item: item[0])
    return plan


def replay_readers(articles: list[DemoArticle], seed: int, now: float | None = None):
    """Send a month of view beacons for `articles`, then roll them up; return a report."""
    started = time.perf_counter()
    now = now if now is not None else time.time()
    rng = random.Random(seed)
    report = ReadingReport()
    for when, article in reading_plan(articles, rng, now):
        roll = rng.random()  # now and then a robot or a prefetch comes along too
        if roll < ROBOT_SHARE:
            send(article, when, "198.51.100.250", rng.choice(ROBOTS), report)
        elif roll < ROBOT_SHARE + PREFETCH_SHARE:
            address, browser = reader(rng.randrange(READERS))
            send(article, when, address, browser, report, prefetch=True)
        address, browser = reader(rng.randrange(READERS))
        send(article, when, address, browser, report)
    view_buffer().seal()
    report.counted = rollup_views().counted
    report.seconds = time.perf_counter() - started
    return report


def send(article, when, address, browser, report, prefetch=False) -> None:
    meta = {"REMOTE_ADDR": address, "HTTP_USER_AGENT": browser}
    if prefetch:
        meta["HTTP_SEC_PURPOSE"] = "prefetch"
    report.beacons += 1
    body = f"p={article.pk}&l={article.language}".encode()
    if not accept_beacon(meta, body, now=when):
        report.filtered += 1
