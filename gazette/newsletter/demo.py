"""Newsletters for the demo magazine: a daily digest in each language and a weekly opinion.

Called from gazette/demo/builder.py. Idempotent: it looks newsletters up by slug. No
subscribers are made up; readers sign up in the box on every page.
"""

from __future__ import annotations

from datetime import time

from django.db import transaction
from wagtail.models import Locale

from gazette.news.models import SectionPage
from gazette.newsletter.models import Cadence, Layout, Newsletter, Weekday

POSTAL_ADDRESS = "Gazette Media\n12 Harbour Street\nPort City"
DEMO_NEWSLETTERS = [
    # slug, name, language, description, cadence, layout, opinion only, in the box
    (
        "daily",
        "Daily Digest",
        "en",
        "The day's stories, every morning.",
        Cadence.DAILY,
        Layout.DIGEST,
        False,
        True,
    ),
    (
        "opinion-weekly",
        "Opinion Weekly",
        "en",
        "The week's columns and debates, on Friday.",
        Cadence.WEEKLY,
        Layout.HEADLINES,
        True,
        False,
    ),
    (
        "daily-ar",
        "النشرة اليومية",
        "ar",
        "قصص اليوم، كل صباح.",
        Cadence.DAILY,
        Layout.DIGEST,
        False,
        True,
    ),
]


def gazette_demo_newsletters(write=print) -> dict:
    """Create the demo newsletters that are missing; return how many were made."""
    write("Newsletters…")
    made = 0
    with transaction.atomic():
        for slug, name, language, description, cadence, layout, opinion, boxed in DEMO_NEWSLETTERS:
            newsletter, created = Newsletter.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "language": language,
                    "description": description,
                    "cadence": cadence,
                    "layout": layout,
                    "send_time": time(7, 0),
                    "weekday": Weekday.FRIDAY,
                    "offered_by_default": boxed,
                    "postal_address": POSTAL_ADDRESS,
                },
            )
            if created and opinion:
                locale = Locale.objects.filter(language_code=language).first()
                newsletter.sections.set(
                    SectionPage.objects.filter(locale=locale, default_kind="opinion")
                )
            made += created
    return {"newsletters": made}
