"""Run the integrity checks on article files, or on every published article."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gazette.newsroom.checks import CheckContext, from_page, read_file, run_checks
from gazette.newsroom.checks.context import INLINE


class Command(BaseCommand):
    help = (
        "Check articles for integrity problems (pasted AI text, cut titles, signatures, "
        "glued boilerplate, …). Give text or HTML files of articles, or --all for every "
        "published article. Prints one finding a line: check id, severity, where, how to "
        "fix. Exits with status 1 when a blocker is found."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Text or HTML files, each one article.")
        parser.add_argument("--all", action="store_true", help="Check every published article.")
        parser.add_argument("--json", action="store_true", help="Print the findings as JSON.")
        parser.add_argument(
            "--no-database",
            action="store_true",
            help="Check files on their own, without looking up authors or the archive.",
        )

    def handle(self, *args, files, all, json: bool, no_database: bool, **options):
        if not files and not all:
            raise CommandError("Name one or more article files, or use --all.")
        context = CheckContext(
            use_database=not no_database, backfill=INLINE, progress=self._fingerprint_progress
        )
        results = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file. Give the path of a text or HTML file.")
            try:
                doc = read_file(path)
            except UnicodeDecodeError as exc:
                raise CommandError(
                    f"{name}: not UTF-8 text ({exc.reason}). Save it as UTF-8."
                ) from exc
            results.append((str(path), run_checks(doc, context)))
        if all:
            results.extend(self._published(context))
        self._print(results, as_json=json)
        if any(f.is_blocker for _label, findings in results for f in findings):
            sys.exit(1)

    def _fingerprint_progress(self, done: int, total: int) -> None:
        self.stderr.write(
            f"Fingerprinted {done}/{total} published articles for the duplicate checks…"
        )

    def _published(self, context):
        from gazette.news.models import ArticlePage

        pages = (
            ArticlePage.objects.live()
            .public()
            .select_related("locale", "translator")
            .prefetch_related("article_authors__author")
            .order_by("path")
        )
        total = pages.count()
        for n, page in enumerate(pages.iterator(chunk_size=100), start=1):
            if n % 50 == 0:
                self.stderr.write(f"Checked {n}/{total} articles…")
            yield page.url_path, run_checks(from_page(page), context)

    def _print(self, results, as_json: bool) -> None:
        if as_json:
            payload = [
                {"article": label, "findings": [f.as_dict() for f in findings]}
                for label, findings in results
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        blockers = warnings = 0
        for label, findings in results:
            for f in findings:
                self.stdout.write(f"{label}\t{f.as_line()}")
                blockers += f.is_blocker
                warnings += not f.is_blocker
        self.stderr.write(
            f"{len(results)} article(s) checked: {blockers} blocker(s), {warnings} warning(s)."
        )
