"""Ads in the newsletter: chosen when the digest is rendered, since mail runs no script.

The newsletter app calls `{% newsletter_ad %}` (templatetags/gazette_ads.py) in a digest
template. The ad is drawn from the same index and by the same rules as on the site,
for a desktop-sized slot, and each rendered copy counts as one impression (mail clients
that block images make "seen" unknowable; a send is the honest unit).
"""

from __future__ import annotations

import random

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gazette.ads import actions
from gazette.ads.eligibility import choose, eligible, for_device, slot_for
from gazette.ads.index import load_index


def newsletter_ad(
    language: str, rng: random.Random | None = None, count: bool = True
) -> dict | None:
    """Draw the ad for one newsletter copy in `language`: image, alt text and click link."""
    index = load_index()
    slot = slot_for(index, "newsletter", language, None)
    if slot is None:
        return None
    found = eligible(index, slot, language=language, section_id=None, kind="", now=timezone.now())
    images = [c for c in for_device(found, slot, "desktop") if c["kind"] == "image"]
    creative = choose(images, rng)
    if creative is None:
        return None
    if count:
        actions.do_count_event(creative["id"], slot["key"], actions.IMPRESSION)
    site = settings.SITE_URL
    click = reverse("ads:click", args=[creative["id"]]) + f"?slot={slot['key']}"
    return {
        "id": creative["id"],
        "width": creative["w"],
        "height": creative["h"],
        "src": site + creative["img"]["src"],
        "alt": creative["img"]["alt"],
        "click": site + click,
    }
