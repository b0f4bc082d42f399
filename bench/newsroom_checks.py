"""How long the integrity checks take as the archive grows.

Builds a throwaway SQLite magazine of N articles (default 200 and 800) with distinct
bodies, then times: storing every article's fingerprint and shingle-index rows (what the
worker does on each publish, here all at once, as for an archive imported without the
worker), the first check of an article, a second check, a check after one more article
is published, and `gazette_lint --all` over everything; and counts the index rows.

    .venv/bin/python bench/newsroom_checks.py [N ...]
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GAZETTE_VAR_DIR", tempfile.mkdtemp(prefix="gazette-bench-checks-"))
os.environ["TASKS_BACKEND"] = "immediate"
os.environ["DATABASE_URL"] = f"sqlite:///{os.environ['GAZETTE_VAR_DIR']}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

WORDS = [
    "harbour",
    "berth",
    "ministry",
    "importers",
    "cranes",
    "quay",
    "ships",
    "cargo",
    "port",
    "authority",
    "spring",
    "budget",
    "council",
    "drivers",
    "road",
    "tariff",
    "customs",
    "week",
    "minister",
    "report",
    "figures",
    "delay",
    "storm",
    "fishermen",
    "market",
    "prices",
    "container",
    "terminal",
    "shipping",
    "trade",
    "agreement",
    "coast",
    "city",
    "water",
    "power",
]


def body(rng: random.Random, paragraphs: int = 8) -> list:
    return [
        ("paragraph", RichText("<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>"))
        for _ in range(paragraphs)
    ]


def build(n: int):
    from gazette.news.models import ArticleAuthor, ArticlePage
    from gazette.testing.factories import make_author, make_magazine

    call_command("migrate", verbosity=0)
    magazine = make_magazine()
    writer = make_author("Layla Haddad", photo=False)
    section = magazine["sections"]["news"]
    rng = random.Random(n)
    for i in range(n):
        page = ArticlePage(
            title=f"Story {i} about the harbour", slug=f"story-{i}", body=body(rng), live=True
        )
        page.article_authors.add(ArticleAuthor(author=writer))
        section.add_child(instance=page)
    return section, writer, rng


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    from django.db import connection

    from gazette.news.models import ArticlePage
    from gazette.newsroom.checks import check_page
    from gazette.newsroom.checks.context import INLINE, published_archive
    from gazette.newsroom.models import ArticleShingle
    from gazette.testing.factories import make_article

    print(
        "| articles | store all fingerprints | index rows | first check | next check "
        "| after one publish | lint --all | per article |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        connection.close()
        db = Path(os.environ["GAZETTE_VAR_DIR"]) / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        section, writer, rng = build(n)
        page = ArticlePage.objects.live().order_by("-pk").first()
        backfill = timed(lambda: published_archive(INLINE))
        rows = ArticleShingle.objects.count()
        first = timed(lambda page=page: check_page(page))
        warm = timed(lambda page=page: check_page(page))
        make_article(section, title="One more", slug="one-more", authors=[writer], body=body(rng))
        after = timed(lambda page=page: check_page(page))
        with open(os.devnull, "w") as devnull:
            lint = timed(lambda: _lint(devnull))
        print(
            f"| {n} | {backfill:.1f} s | {rows:,} | {first * 1000:.0f} ms | {warm * 1000:.0f} ms | {after * 1000:.0f} ms "
            f"| {lint:.1f} s | {lint / (n + 1) * 1000:.1f} ms |"
        )


def _lint(out) -> None:
    with contextlib.suppress(SystemExit):
        call_command("gazette_lint", "--all", stdout=out, stderr=out)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [200, 800])
