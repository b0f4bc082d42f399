"""Restore a site archive into a new, empty installation."""

from django.core.management.base import BaseCommand, CommandError

from gazette.transfer.archive import ArchiveError, read_manifest, restore_site


class Command(BaseCommand):
    help = (
        "Restore ARCHIVE (made by gazette_export) into this installation. The database must "
        "be new and migrated (`manage.py migrate`), with no pages or users yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--check", action="store_true", help="Only verify the archive's checksums."
        )
        parser.add_argument(
            "--skip-indexes",
            action="store_true",
            help="Do not rebuild the search and reference indexes afterwards.",
        )

    def handle(self, *args, **options):
        try:
            if options["check"]:
                manifest = read_manifest(options["archive"])
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Archive OK: made {manifest['created_at']}, "
                        f"{len(manifest['files'])} files, checksums match."
                    )
                )
                return
            manifest = restore_site(
                options["archive"],
                say=self.stdout.write,
                rebuild_indexes=not options["skip_indexes"],
            )
        except ArchiveError as exc:
            raise CommandError(f"Nothing was restored. {exc}")
        rows = sum(entry["count"] for entry in manifest["models"])
        self.stdout.write(
            self.style.SUCCESS(f"Restored {rows} records and {len(manifest['media'])} media files.")
        )
