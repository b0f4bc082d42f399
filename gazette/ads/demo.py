"""Ads for the demo magazine: slots, house ads and two sample campaigns in both languages.

Called from gazette/demo/builder.py. Idempotent: it looks up what it would create.
Pictures are drawn with Pillow (no downloads); counts for the last two weeks are
drawn from a seeded generator so the reports have something to show.
"""

from __future__ import annotations

import io
import random
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from gazette.ads.models import (
    Advertiser,
    Campaign,
    Creative,
    CreativeDailyStat,
    CreativeKind,
    Placement,
    Priority,
    Slot,
)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

SLOTS = [
    # key, name, placement, position, sizes
    ("section-header", "Section header leaderboard", Placement.HEADER, 1, ["728x90", "320x50"]),
    ("sidebar", "Sidebar", Placement.SIDEBAR, 1, ["300x250", "300x600"]),
    ("in-article", "In article", Placement.IN_ARTICLE, 3, ["300x250", "320x100"]),
    ("section-list", "Between section stories", Placement.LIST, 6, ["728x90", "320x100"]),
    ("footer", "Above the footer", Placement.FOOTER, 1, ["728x90", "320x50"]),
    ("newsletter", "Newsletter", Placement.NEWSLETTER, 1, ["468x60", "300x250"]),
]

HOUSE = {
    "en": {
        "headline": "The week, in your inbox",
        "line": "Subscribe to the Gazette newsletter",
        "cta": "Subscribe",
        "alt": "Gazette newsletter: the week in your inbox. Subscribe.",
    },
    "ar": {
        "headline": "الأسبوع في بريدك",
        "line": "اشترك في النشرة البريدية لغازيت",
        "cta": "اشترك",
        "alt": "نشرة غازيت: الأسبوع في بريدك. اشترك.",
    },
}
FERRY = {
    "en": {
        "headline": "Harbour Line Ferries",
        "line": "Cross the gulf in 90 minutes — autumn fares from 12",
        "cta": "Book now",
        "alt": "Harbour Line Ferries: cross the gulf in 90 minutes, autumn fares from 12. Book now.",
    },
    "ar": {
        "headline": "عبّارات خط الميناء",
        "line": "اعبر الخليج في ٩٠ دقيقة — أسعار الخريف من ١٢",
        "cta": "احجز الآن",
        "alt": "عبّارات خط الميناء: اعبر الخليج في ٩٠ دقيقة، أسعار الخريف من ١٢. احجز الآن.",
    },
}
BOOKS_HTML = (
    '<div style="display:block;padding:18px;background-color:#f4f1de;color:#3d405b;'
    'height:214px;text-align:start">'
    '<p style="font-size:13px;letter-spacing:1px;margin:0">MAKTABA BOOKS</p>'
    '<h2 style="font-size:24px;margin:8px 0">Read the argument in full</h2>'
    '<p style="font-size:15px;margin:0 0 14px">Essays and histories behind this week’s '
    "opinion pages, delivered in two days.</p>"
    '<a href="https://maktaba.example/opinion" style="background-color:#e07a5f;color:#fff;'
    'padding:8px 14px;text-decoration:none;font-weight:bold">Browse the shelf</a></div>'
)
PALETTE = {
    "house": ("#16171a", "#ffffff", "#9b1c1c"),
    "ferry": ("#0b3954", "#f5f1e3", "#ff5a5f"),
}


def _font(size: int, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size=size)


def _fit(draw, text, max_width, size, bold, direction):
    while size > 9:
        font = _font(size, bold)
        if draw.textlength(text, font=font, direction=direction) <= max_width:
            return font
        size -= 1
    return _font(size, bold)


def _wrap(draw, text, font, max_width, direction) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font, direction=direction) > max_width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def draw_ad(copy: dict, size: str, palette: tuple[str, str, str], rtl: bool) -> bytes:
    """Draw a banner at twice `size` (sharp on dense screens) with headline, line and button."""
    w, h = (int(n) * 2 for n in size.split("x"))
    back, ink, accent = palette
    img = Image.new("RGB", (w, h), back)
    d = ImageDraw.Draw(img)
    direction = "rtl" if rtl else "ltr"
    kwargs = {"direction": direction, "language": "ar"} if rtl else {}
    pad = max(8, min(w, h) // 10)
    align = "r" if rtl else "l"
    anchor_x = w - pad if rtl else pad
    if w / h > 3:  # leaderboards and banners: text and button side by side
        button_w = min(w // 3, 260)
        text_w = w - 3 * pad - button_w
        head = _fit(d, copy["headline"], text_w, h // 3, True, direction)
        line = _fit(d, copy["line"], text_w, h // 5, False, direction)
        d.text(
            (anchor_x, h * 0.38),
            copy["headline"],
            font=head,
            fill=ink,
            anchor=f"{align}m",
            **kwargs,
        )
        d.text(
            (anchor_x, h * 0.74), copy["line"], font=line, fill=ink, anchor=f"{align}m", **kwargs
        )
        bx0 = pad if rtl else w - pad - button_w
        box = (bx0, h * 0.2, bx0 + button_w, h * 0.8)
    else:  # rectangles and half pages: stacked, the line wrapped
        text_w = w - 2 * pad
        d.rectangle((0, 0, w, pad // 2), fill=accent)
        head = _fit(d, copy["headline"], text_w, min(w // 9, 64), True, direction)
        line = _font(max(18, min(w // 16, 36)))
        y = h * 0.22
        d.text((anchor_x, y), copy["headline"], font=head, fill=ink, anchor=f"{align}m", **kwargs)
        y += head.size * 1.6
        for text in _wrap(d, copy["line"], line, text_w, direction):
            d.text((anchor_x, y), text, font=line, fill=ink, anchor=f"{align}m", **kwargs)
            y += line.size * 1.35
        button_w, button_h = min(text_w, 320), max(44, h // 7)
        top = max(y + pad / 2, h - pad - button_h)
        box = ((w - button_w) / 2, top, (w + button_w) / 2, top + button_h)
    d.rounded_rectangle(box, radius=8, fill=accent)
    cta = _fit(d, copy["cta"], box[2] - box[0] - 16, int((box[3] - box[1]) * 0.45), True, direction)
    d.text(
        ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
        copy["cta"],
        font=cta,
        fill="#ffffff",
        anchor="mm",
        **kwargs,
    )
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _image(title: str, data: bytes, collection):
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image_(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=title.lower().replace(" ", "-")[:60] + ".png")
    image.save()
    return image


def _campaign(name: str, advertiser: Advertiser, **fields) -> tuple[Campaign, bool]:
    campaign = Campaign.objects.filter(name=name, advertiser=advertiser).first()
    if campaign:
        return campaign, False
    return Campaign.objects.create(name=name, advertiser=advertiser, **fields), True


def _image_creatives(campaign, copy, palette, rtl, sizes, click_url, collection, label):
    for size in sizes:
        name = f"{label} {size}"
        if campaign.creatives.filter(name=name).exists():
            continue
        image = _image(f"Ad: {name}", draw_ad(copy, size, palette, rtl), collection)
        Creative.objects.create(
            campaign=campaign,
            name=name,
            kind=CreativeKind.IMAGE,
            size=size,
            image=image,
            alt_text=copy["alt"],
            click_url=click_url,
        )


def _history(rng: random.Random, creatives, days: int = 14) -> int:
    """Plausible counts for the last `days` days, so the demo reports are not empty."""
    today = timezone.localdate()
    made = 0
    for creative in creatives:
        if CreativeDailyStat.objects.filter(creative=creative).exists():
            continue
        base = rng.randint(300, 1600)
        for back in range(days, 0, -1):
            seen = int(base * rng.uniform(0.6, 1.4) * (1.2 if back % 7 in (0, 1) else 1))
            CreativeDailyStat.objects.create(
                day=today - timedelta(days=back),
                creative=creative,
                slot_key="sidebar",
                impressions=seen,
                clicks=sum(1 for _ in range(seen) if rng.random() < 0.004),
            )
            made += 1
    return made


def gazette_demo_ads(seed: int = 2025, write=print, sections: dict | None = None) -> dict:
    """Create the demo slots, house ads and sample campaigns; rebuild the ad index."""
    from gazette.ads.actions import do_publish_index

    created = {"ad slots": 0, "campaigns": 0}
    rng = random.Random(seed)
    write("Ads: slots, house ads and sample campaigns…")
    with transaction.atomic():
        for key, name, placement, position, sizes in SLOTS:
            _, made = Slot.objects.get_or_create(
                key=key,
                defaults={
                    "name": name,
                    "placement": placement,
                    "position": position,
                    "sizes": sizes,
                },
            )
            created["ad slots"] += made
        collection = Collection.objects.filter(name="Demo ads").first()
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name="Demo ads")
        gazette, _ = Advertiser.objects.get_or_create(
            name="Gazette (house)", defaults={"notes": "The publisher's own promotions."}
        )
        ferries, _ = Advertiser.objects.get_or_create(
            name="Harbour Line Ferries",
            defaults={"contact_name": "Rana Aziz", "contact_email": "ads@harbourline.example"},
        )
        books, _ = Advertiser.objects.get_or_create(
            name="Maktaba Books", defaults={"website": "https://maktaba.example/"}
        )
        now = timezone.now()
        all_sizes = sorted({s for *_, sizes in SLOTS for s in sizes})
        for lang in ("en", "ar"):
            house, made = _campaign(
                f"House: newsletter ({lang})",
                gazette,
                is_house=True,
                starts_at=now - timedelta(days=30),
                target_languages=[lang],
            )
            created["campaigns"] += made
            _image_creatives(
                house, HOUSE[lang], PALETTE["house"], lang == "ar", all_sizes,
                f"https://gazette.example/{'ar/' if lang == 'ar' else ''}newsletter/",
                collection, f"Newsletter {lang}",
            )  # fmt: skip
            ferry, made = _campaign(
                f"Autumn crossings ({lang})",
                ferries,
                starts_at=now - timedelta(days=14),
                ends_at=now + timedelta(days=60),
                priority=Priority.STANDARD,
                weight=100,
                impression_cap=500_000,
                target_languages=[lang],
            )
            created["campaigns"] += made
            _image_creatives(
                ferry, FERRY[lang], PALETTE["ferry"], lang == "ar",
                ["728x90", "320x50", "300x250", "320x100", "300x600"],
                "https://harbourline.example/autumn", collection, f"Ferries {lang}",
            )  # fmt: skip
        shelf, made = _campaign(
            "Opinion shelf",
            books,
            starts_at=now - timedelta(days=10),
            ends_at=now + timedelta(days=45),
            priority=Priority.STANDARD,
            weight=60,
            target_languages=["en"],
            target_kinds=["opinion", "analysis"],
        )
        created["campaigns"] += made
        if not shelf.creatives.exists():
            Creative.objects.create(
                campaign=shelf,
                name="Opinion shelf 300x250 (HTML)",
                kind=CreativeKind.HTML,
                size="300x250",
                html=BOOKS_HTML,
                click_url="https://maktaba.example/opinion",
            )
        history = _history(rng, Creative.objects.filter(campaign__is_house=False))
    index = do_publish_index()
    write(
        f"Ads: {len(index['slots'])} slots, {len(index['creatives'])} creatives rotating"
        + (f", {history} days of sample counts." if history else ".")
    )
    return created
