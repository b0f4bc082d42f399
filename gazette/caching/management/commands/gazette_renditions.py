"""Pre-generate the image renditions the templates use, for every image."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from gazette.caching.renditions import generate, specs_for


class Command(BaseCommand):
    help = (
        "Make every image's renditions ahead of time (hero, figure and portrait sizes). "
        "Safe to stop and run again: images that have theirs are skipped quickly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from-id", type=int, default=0, help="Resume from this image id.")

    def handle(self, *args, from_id, **options):
        images = get_image_model().objects.filter(pk__gte=from_id).order_by("pk")
        total = images.count()
        made = failed = 0
        for done, image in enumerate(images.iterator(), start=1):
            try:
                made += generate(image, specs_for(image))
            except Exception as exc:  # noqa: BLE001 - one broken file must not stop the run
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.title}): {exc}. Skipped.")
            if done % 25 == 0 or done == total:
                self.stdout.write(f"{done}/{total} images (last id {image.pk})")
        self.stdout.write(
            self.style.SUCCESS(f"{made} renditions made, {failed} images failed, {total} checked.")
        )
