"""Draw the demo magazine's pictures: author portraits, hero illustrations, cartoons.

Everything is drawn with Pillow from a seeded random generator, so the demo needs
no downloads and the same seed gives the same pictures.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SKIN = ["#f1c7a5", "#e0ac83", "#c68863", "#a86b4c", "#8a5a3b", "#6b4430"]
HAIR = ["#1f1a17", "#3b2a20", "#5a3b25", "#8c6239", "#b9b3ad", "#2d2d2d"]
CLOTHES = ["#264653", "#2a4d69", "#6d2e46", "#3d5a40", "#4a4e69", "#7f5539", "#1d3557"]
BACKDROPS = ["#e9d8a6", "#cde3e0", "#f2d0c4", "#d8e2dc", "#e5e5f0", "#f4e1c1", "#dfe7f2"]
PALETTES = [
    ("#0b3954", "#087e8b", "#f5f1e3", "#ff5a5f"),
    ("#2b2d42", "#8d99ae", "#edf2f4", "#ef233c"),
    ("#3d405b", "#81b29a", "#f4f1de", "#e07a5f"),
    ("#264653", "#2a9d8f", "#e9c46a", "#f4a261"),
    ("#22223b", "#4a4e69", "#c9ada7", "#f2e9e4"),
    ("#1b4332", "#40916c", "#d8f3dc", "#ffb703"),
]


def _jpeg(image: Image.Image, quality: int = 82) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def portrait(rng: random.Random, size: int = 480) -> bytes:
    """A flat, friendly head-and-shoulders portrait."""
    img = Image.new("RGB", (size, size), rng.choice(BACKDROPS))
    d = ImageDraw.Draw(img)
    s = size / 480
    skin, hair, cloth = rng.choice(SKIN), rng.choice(HAIR), rng.choice(CLOTHES)
    # shoulders and neck
    d.ellipse([60 * s, 330 * s, 420 * s, 620 * s], fill=cloth)
    d.rectangle([205 * s, 270 * s, 275 * s, 350 * s], fill=skin)
    if rng.random() < 0.5:  # collar
        d.polygon([(200 * s, 335 * s), (240 * s, 380 * s), (280 * s, 335 * s)], fill="#f8f8f8")
    # head, with one of a few hair styles
    style = rng.randrange(4)
    if style == 1:  # long hair behind the head
        d.rounded_rectangle([140 * s, 110 * s, 340 * s, 360 * s], radius=90 * s, fill=hair)
    if style == 3:  # headscarf
        d.ellipse([128 * s, 92 * s, 352 * s, 360 * s], fill=rng.choice(CLOTHES))
    d.ellipse([160 * s, 120 * s, 320 * s, 300 * s], fill=skin)
    if style in (0, 1):
        d.chord([155 * s, 100 * s, 325 * s, 240 * s], 180, 360, fill=hair)
    elif style == 2:  # short crop and beard
        d.chord([160 * s, 105 * s, 320 * s, 220 * s], 180, 360, fill=hair)
        d.chord([170 * s, 200 * s, 310 * s, 310 * s], 0, 180, fill=hair)
    # eyes and a small smile
    for x in (210, 270):
        d.ellipse([(x - 7) * s, 200 * s, (x + 7) * s, 214 * s], fill="#1f1f1f")
    d.arc([215 * s, 225 * s, 265 * s, 262 * s], 20, 160, fill="#5a2e2e", width=max(2, int(4 * s)))
    if rng.random() < 0.3:  # glasses
        for x in (210, 270):
            d.ellipse(
                [(x - 20) * s, 188 * s, (x + 20) * s, 226 * s], outline="#222", width=int(4 * s)
            )
        d.line([230 * s, 205 * s, 250 * s, 205 * s], fill="#222", width=int(4 * s))
    return _jpeg(img)


def hero(rng: random.Random, subject: str, width: int = 1600, height: int = 900) -> bytes:
    """An editorial illustration: a layered landscape or cityscape in one palette."""
    deep, mid, light, pop = rng.choice(PALETTES)
    img = Image.new("RGB", (width, height), light)
    d = ImageDraw.Draw(img)
    # sky gradient
    top = Image.new("RGB", (1, 2))
    top.putpixel((0, 0), Image.new("RGB", (1, 1), light).getpixel((0, 0)))
    top.putpixel((0, 1), Image.new("RGB", (1, 1), mid).getpixel((0, 0)))
    img.paste(top.resize((width, int(height * 0.7)), Image.BILINEAR), (0, 0))
    # sun or moon
    r = rng.randint(60, 140)
    cx, cy = rng.randint(r, width - r), rng.randint(r, int(height * 0.35))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=pop)
    horizon = int(height * rng.uniform(0.55, 0.7))
    words = subject.lower()
    if any(w in words for w in ("sea", "port", "water", "desalination", "coast", "ship")):
        d.rectangle([0, horizon, width, height], fill=deep)
        for i in range(18):
            y = horizon + 20 + i * 26
            x0 = rng.randint(-200, width)
            d.arc([x0, y, x0 + rng.randint(120, 320), y + 30], 200, 340, fill=light, width=3)
        hx = rng.randint(100, width - 500)
        d.polygon(
            [
                (hx, horizon - 10),
                (hx + 420, horizon - 10),
                (hx + 380, horizon + 40),
                (hx + 40, horizon + 40),
            ],
            fill=mid,
        )
        for k in range(rng.randint(2, 5)):
            bx = hx + 40 + k * 80
            d.rectangle(
                [bx, horizon - 70, bx + 60, horizon - 10], fill=rng.choice((pop, light, mid))
            )
    else:
        d.rectangle([0, horizon, width, height], fill=deep)
        x = 0
        while x < width:  # skyline
            w = rng.randint(60, 180)
            h = rng.randint(80, int(height * 0.45))
            colour = rng.choice((deep, mid))
            d.rectangle([x, horizon - h, x + w, horizon + 5], fill=colour)
            for wy in range(horizon - h + 20, horizon - 10, 34):
                for wx in range(x + 12, x + w - 20, 30):
                    if rng.random() < 0.45:
                        d.rectangle([wx, wy, wx + 14, wy + 18], fill=light)
            if rng.random() < 0.15:  # dome
                d.pieslice(
                    [x, horizon - h - w // 2, x + w, horizon - h + w // 2], 180, 360, fill=colour
                )
            x += w + rng.randint(0, 30)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return _jpeg(img)


CARTOON_SCENES = ("queue", "podium", "desk", "boat")


def cartoon(rng: random.Random, caption: str, width: int = 1200, height: int = 900) -> bytes:
    """A pen-and-ink style cartoon with a labelled scene."""
    img = Image.new("RGB", (width, height), "#fbf8f1")
    d = ImageDraw.Draw(img)
    ink, wash = "#1c1c1c", rng.choice(("#f4d35e", "#ee964b", "#a3c4f3", "#b5e48c", "#f28482"))
    ground = int(height * 0.78)
    d.line([40, ground, width - 40, ground], fill=ink, width=5)
    scene = rng.choice(CARTOON_SCENES)

    def figure(x: int, scale: float = 1.0, big_head: bool = False) -> None:
        head = int((70 if big_head else 40) * scale)
        body = int(130 * scale)
        top = ground - body - head * 2 - int(90 * scale)
        d.ellipse([x - head, top, x + head, top + head * 2], outline=ink, width=5, fill="#fff")
        d.ellipse([x - head // 3 - 4, top + head - 6, x - head // 3 + 6, top + head + 4], fill=ink)
        d.ellipse([x + head // 3 - 4, top + head - 6, x + head // 3 + 6, top + head + 4], fill=ink)
        neck = top + head * 2
        d.line([x, neck, x, neck + body], fill=ink, width=6)
        d.line([x, neck + 30, x - 45 * scale, neck + 90 * scale], fill=ink, width=5)
        d.line([x, neck + 30, x + 45 * scale, neck + 90 * scale], fill=ink, width=5)
        d.line([x, neck + body, x - 35 * scale, ground], fill=ink, width=5)
        d.line([x, neck + body, x + 35 * scale, ground], fill=ink, width=5)

    if scene == "queue":
        d.rectangle([width - 360, 180, width - 80, ground], outline=ink, width=6, fill=wash)
        d.rectangle(
            [width - 260, ground - 160, width - 180, ground], outline=ink, width=5, fill="#fff"
        )
        d.text((width - 335, 200), "MINISTRY", font=_font(44), fill=ink)
        for i in range(rng.randint(4, 7)):
            figure(120 + i * 110, scale=rng.uniform(0.8, 1.0))
    elif scene == "podium":
        d.rectangle(
            [width // 2 - 140, ground - 220, width // 2 + 140, ground],
            outline=ink,
            width=6,
            fill=wash,
        )
        figure(width // 2, scale=1.1, big_head=True)
        for i in range(4):
            d.line([120 + i * 60, ground - 40, 150 + i * 70, ground - 260], fill=ink, width=4)
            d.ellipse(
                [140 + i * 70, ground - 290, 170 + i * 70, ground - 250], outline=ink, width=4
            )
    elif scene == "desk":
        d.rectangle([200, ground - 170, width - 200, ground - 140], outline=ink, width=6, fill=wash)
        for k in range(rng.randint(4, 9)):
            d.rectangle(
                [260 + k * 18, ground - 170 - (k + 1) * 24, 420 + k * 18, ground - 170 - k * 24],
                outline=ink,
                width=4,
                fill="#fff",
            )
        figure(width - 330, scale=1.0, big_head=True)
    else:
        d.rectangle([0, ground, width, height], fill=wash)
        d.polygon(
            [(300, ground - 60), (900, ground - 60), (820, ground + 30), (380, ground + 30)],
            outline=ink,
            fill="#fff",
            width=6,
        )
        for i in range(5):
            figure(400 + i * 90, scale=0.6)
    # speech bubble
    bx, by = rng.randint(60, 200), 60
    d.rounded_rectangle([bx, by, bx + 560, by + 150], radius=40, outline=ink, width=5, fill="#fff")
    d.polygon(
        [(bx + 120, by + 150), (bx + 170, by + 150), (bx + 110, by + 220)], fill="#fff", outline=ink
    )
    text = caption if len(caption) <= 60 else caption[:57].rsplit(" ", 1)[0] + "…"
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) > 26:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    for i, ln in enumerate(lines[:3]):
        d.text((bx + 30, by + 25 + i * 38), ln, font=_font(32), fill=ink)
    return _jpeg(img, quality=85)
