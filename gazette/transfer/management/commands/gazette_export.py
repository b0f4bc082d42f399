"""Write the whole site (content, people, images, settings) to one archive."""

from django.core.management.base import BaseCommand, CommandError

from gazette.transfer.archive import ArchiveError, export_site


class Command(BaseCommand):
    help = "Export the whole site to ARCHIVE (a .tar.gz with a manifest and checksums)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write the archive, e.g. site.tar.gz")

    def handle(self, *args, **options):
        try:
            manifest = export_site(options["archive"], say=self.stdout.write)
        except (ArchiveError, OSError) as exc:
            raise CommandError(str(exc))
        rows = sum(entry["count"] for entry in manifest["models"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {options['archive']}: {rows} records, {len(manifest['media'])} media files."
            )
        )
