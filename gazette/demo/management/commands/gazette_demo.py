"""Load the demo magazine: `python manage.py gazette_demo [--seed N] [--if-empty]`."""

import logging
import time

from django.core.management.base import BaseCommand

from gazette.demo.builder import DEMO_USERS, build


class Command(BaseCommand):
    help = "Build a believable demo magazine (safe to run again: it only adds what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2025, help="Same seed, same magazine.")
        parser.add_argument("--articles", type=int, default=220, help="English articles to write.")
        parser.add_argument(
            "--arabic",
            type=int,
            default=24,
            help="Arabic articles, each with an English translation.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when articles already exist."
        )

    def handle(self, *args, seed, articles, arabic, if_empty, **options):
        from gazette.news.models import ArticlePage

        if if_empty and ArticlePage.objects.exists():
            self.stdout.write(
                "The database already has articles; the demo magazine was not loaded."
            )
            return
        if articles < 0 or arabic < 0:
            self.stderr.write("--articles and --arabic must be zero or more.")
            raise SystemExit(2)
        # Wagtail logs every page it creates; the progress lines say enough.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.monotonic()
        created = build(seed=seed, articles=articles, arabic=arabic, write=self.stdout.write)
        took = time.monotonic() - started
        summary = (
            ", ".join(f"{n} {what}" for what, n in created.items())
            or "nothing new (already loaded)"
        )
        self.stdout.write(self.style.SUCCESS(f"Demo magazine ready in {took:.1f}s: {summary}."))
        self.stdout.write("Logins: " + "; ".join(f"{u} / {p}" for u, p, *_ in DEMO_USERS))
