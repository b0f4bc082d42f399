"""Benchmark: precision@k of "You May Also Like" on the labelled set, against baselines.

Publishes the labelled series of gazette/discovery/evaluation.py (six English series,
three Arabic ones, five pieces each) into a throw-away SQLite magazine through Wagtail,
lets the publish signal compute every article's relatives, and reports precision@2 and
precision@4 for the stored lists, for "same section, most recent", and for the interim
"shared tags or section" query the app replaced.

    python bench/discovery_related_quality.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="gazette-bench-quality-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="gazette.settings",
        GAZETTE_VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'quality.sqlite3'}",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        REDIS_URL="",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from gazette.discovery.evaluation import (
        build_labelled_magazine,
        precision_at_k,
        same_section_most_recent,
    )
    from gazette.discovery.models import ArticleDiscovery
    from gazette.discovery.queries import recent_alike
    from gazette.news.models import ArticlePage
    from gazette.testing.factories import make_magazine

    call_command("migrate", verbosity=0)
    magazine = make_magazine()

    def stored(pk):
        return ArticleDiscovery.objects.get(article_id=pk).related_ids

    def interim(pk):
        return [a.pk for a in recent_alike(ArticlePage.objects.get(pk=pk), 4)]

    print("| language | articles | method | precision@2 | precision@4 |")
    print("| --- | --- | --- | --- | --- |")
    for language in ("en", "ar"):
        truth = build_labelled_magazine(magazine, language)
        for name, method in (
            ("Gazette related (stored)", stored),
            ("same section, most recent", same_section_most_recent),
            ("interim: shared tags or section", interim),
        ):
            p2 = precision_at_k(truth, method, 2)
            p4 = precision_at_k(truth, method, 4)
            print(f"| {language} | {len(truth)} | {name} | {p2:.2f} | {p4:.2f} |")


if __name__ == "__main__":
    main()
