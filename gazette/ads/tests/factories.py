"""Ad objects for tests: real rows, saved through the models."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from gazette.ads.actions import do_publish_index
from gazette.ads.models import Advertiser, Campaign, Creative, CreativeKind, Slot
from gazette.testing.factories import make_image


def make_slot(key="sidebar", placement="sidebar", sizes=("300x250",), **fields) -> Slot:
    sections = fields.pop("sections", ())
    slot = Slot.objects.create(
        key=key,
        name=fields.pop("name", key.title()),
        placement=placement,
        sizes=list(sizes),
        **fields,
    )
    if sections:
        slot.sections.set(sections)
    return slot


def make_campaign(name="Autumn", advertiser="Harbour Line", **fields) -> Campaign:
    advertiser, _ = Advertiser.objects.get_or_create(name=advertiser)
    m2m = {k: fields.pop(k) for k in ("slots", "target_sections") if k in fields}
    fields.setdefault("starts_at", timezone.now() - timedelta(days=1))
    campaign = Campaign.objects.create(name=name, advertiser=advertiser, **fields)
    for key, values in m2m.items():
        getattr(campaign, key).set(values)
    return campaign


def make_creative(campaign, name=None, size="300x250", kind=CreativeKind.IMAGE, **fields):
    if kind == CreativeKind.IMAGE and "image" not in fields:
        w, h = (int(n) for n in size.split("x"))
        fields["image"] = make_image(f"Ad {campaign.pk} {size}", size=(w * 2, h * 2))
        fields.setdefault("alt_text", f"{campaign.name} advert")
    return Creative.objects.create(
        campaign=campaign,
        name=name or f"{campaign.name} {size}",
        size=size,
        kind=kind,
        click_url=fields.pop("click_url", "https://advertiser.example/landing"),
        **fields,
    )


def publish_index() -> dict:
    return do_publish_index()
