"""Fill an empty database with a magazine the size of a small publication, for benchmarks.

Run with the bench's environment: `python bench/_seed_magazine.py` (uses DJANGO_SETTINGS_MODULE,
GAZETTE_VAR_DIR / DATABASE_URL). Built with the test factories, with articles as long as
the reference page (about 1,200 words) and full-size hero images.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

import django  # noqa: E402

django.setup()

from wagtail.rich_text import RichText  # noqa: E402

from gazette.testing.factories import (  # noqa: E402
    make_article,
    make_author,
    make_image,
    make_magazine,
)

PARAGRAPH = (
    "<p>The harbour authority said on Tuesday that the second berth would open in spring, "
    "two years later than promised, and that importers who had waited four days for a slot "
    "this winter would see the queue shorten only when the dredging contract was signed. "
    "Officials declined to say what the delay had cost, but shipping agents in the port put "
    "the figure at several million a month in demurrage alone.</p>"
)


def body(words_target: int = 1200):
    blocks = []
    words = 0
    n = 0
    while words < words_target:
        n += 1
        blocks.append(("paragraph", RichText(PARAGRAPH)))
        words += len(PARAGRAPH.split())
        if n % 4 == 0:
            blocks.append(("subheading", f"What happens next, part {n // 4}?"))
    return blocks


def build(per_section: int = 30) -> None:
    magazine = make_magazine()
    authors = [make_author(f"Writer Number{i}", bio="Writes about ports.") for i in range(12)]
    heroes = [
        make_image(f"Hero {i}", size=(1600, 900), colour=f"#{i * 20 % 256:02x}5577")
        for i in range(8)
    ]
    count = 0
    articles = []
    for key, section in magazine["sections"].items():
        for i in range(per_section):
            article = make_article(
                section,
                title=(
                    "Why the Harbour Needs a Second Berth, What the Ministry Knows, and What It "
                    f"Will Cost the Importers Who Wait ({key} {i})"
                ),
                authors=authors[i % 12 : i % 12 + 1 + (i % 2)],
                tags=["ports", f"topic-{i % 7}", key],
                hero_image=heroes[i % len(heroes)],
                days_ago=i * 0.5,
                kind="caricature" if key == "caricature" else section.default_kind,
                body=body(),
            )
            articles.append(article)
            count += 1
    add_readers(articles)
    print(f"Seeded {count} articles in {len(magazine['sections'])} sections.")


def add_readers(articles) -> None:
    """Views on every fifth article over the last week, so Popular Posts has a ranking."""
    from datetime import UTC, datetime, timedelta

    from gazette.discovery.models import DailyViews, HourlyViews

    now = datetime.now(tz=UTC)
    hour = now.replace(minute=0, second=0, microsecond=0)
    for n, article in enumerate(articles[::5]):
        views = 500 - 17 * n
        HourlyViews.objects.create(article=article, hour=hour, views=views // 10)
        for day in range(7):
            DailyViews.objects.create(
                article=article, day=now.date() - timedelta(days=day), views=views
            )


if __name__ == "__main__":  # run by _stack.Stack.build, not by run_all.sh
    build(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
