"""Import a WordPress export, a Blogger export or a single article page."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from gazette.transfer.actions import run_import_now
from gazette.transfer.importer import resumable_run, start_run
from gazette.transfer.models import ImportStatus
from gazette.transfer.progress import ProgressBar, totals
from gazette.transfer.report import report_lines


class Command(BaseCommand):
    help = (
        "Import content: `wxr` (WordPress export), `blogger` (Blogger backup) or `page` "
        "(one article as text or HTML). Re-running updates what was imported before; an "
        "interrupted import of the same file resumes where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=["wxr", "blogger", "page"])
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )
        parser.add_argument(
            "--media", default="", help="wp-content/uploads folder, or a zip of it, for images."
        )
        parser.add_argument(
            "--section", default="", help="Slug of the section for posts without a category."
        )
        parser.add_argument(
            "--restart",
            action="store_true",
            help="Start from the first item even if an earlier run of this file was interrupted.",
        )
        parser.add_argument(
            "--report", type=int, default=50, help="How many report lines to print (0: none)."
        )

    def handle(self, *args, **options):
        path = options["file"]
        if not os.path.isfile(path):
            raise CommandError(f"There is no file at {path}.")
        media = options["media"]
        if media and not os.path.exists(media):
            raise CommandError(f"The media folder or archive {media} does not exist.")
        run = None
        if not options["dry_run"] and not options["restart"]:
            run = resumable_run(options["format"], path)
            if run is not None:
                self.stdout.write(
                    f"Resuming import #{run.pk} of this file from item {run.checkpoint + 1}."
                )
                run.media_path = media or run.media_path
                run.section_slug = options["section"] or run.section_slug
                run.save(update_fields=["media_path", "section_slug"])
        if run is None:
            run = start_run(
                options["format"],
                os.path.abspath(path),
                media=os.path.abspath(media) if media else "",
                section=options["section"],
                dry_run=options["dry_run"],
            )
        bar = ProgressBar(self.stderr._out if hasattr(self.stderr, "_out") else None)
        try:
            run = run_import_now(run, progress=bar)
        except KeyboardInterrupt:
            bar.close()
            raise CommandError(
                f"Import #{run.pk} interrupted at item {run.checkpoint}. Run the same "
                "command again to resume."
            )
        bar.close()
        if run.status == ImportStatus.FAILED:
            raise CommandError(f"Nothing was imported. {run.error}")
        for line in report_lines(run, limit=options["report"]):
            self.stdout.write(line)
        summary = ", ".join(f"{n} {action}" for action, n in sorted(totals(run).items()))
        prefix = "Dry run — would do" if run.dry_run else "Done"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {summary or 'nothing to do'}."))
