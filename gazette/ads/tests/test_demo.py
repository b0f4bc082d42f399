"""The demo magazine rotates ads in both languages."""

from django.utils import timezone

from gazette.ads.demo import gazette_demo_ads
from gazette.ads.eligibility import eligible, for_device
from gazette.ads.index import load_index
from gazette.ads.models import Campaign, Creative, Slot


def test_demo_ads_fill_every_slot_in_both_languages(magazine):
    created = gazette_demo_ads(write=lambda _: None)
    assert created["campaigns"] >= 4 and created["ad slots"] == Slot.objects.count()
    index = load_index()
    now = timezone.now()
    opinion = {
        "en": magazine["sections"]["opinion"].pk,
        "ar": magazine["sections_ar"]["opinion"].pk,
    }
    for key, slot in index["slots"].items():
        for lang in ("en", "ar"):
            found = eligible(
                index, slot, language=lang, section_id=opinion[lang], kind="opinion", now=now
            )
            for device in ("mobile", "tablet", "desktop"):
                assert for_device(found, slot, device), (key, lang, device)
    # Paid campaigns outrank the house ads, so the sample campaign is what rotates.
    assert Campaign.objects.filter(is_house=False).count() >= 3
    assert Creative.objects.filter(kind="html").exists()


def test_demo_ads_run_twice_create_nothing_new(magazine):
    gazette_demo_ads(write=lambda _: None)
    counts = (Slot.objects.count(), Campaign.objects.count(), Creative.objects.count())
    again = gazette_demo_ads(write=lambda _: None)
    assert again == {"ad slots": 0, "campaigns": 0}
    assert (Slot.objects.count(), Campaign.objects.count(), Creative.objects.count()) == counts
