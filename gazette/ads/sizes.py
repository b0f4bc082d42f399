"""Ad sizes, device classes, and the box a slot reserves on each device.

A slot reserves one box per device class, so the page never moves when a creative
arrives: the largest allowed size that fits the device's width.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdSize(models.TextChoices):
    LEADERBOARD = "728x90", _("Leaderboard (728×90)")
    LARGE_LEADERBOARD = "970x90", _("Large leaderboard (970×90)")
    BILLBOARD = "970x250", _("Billboard (970×250)")
    BANNER = "468x60", _("Banner (468×60)")
    MOBILE_BANNER = "320x50", _("Mobile banner (320×50)")
    LARGE_MOBILE_BANNER = "320x100", _("Large mobile banner (320×100)")
    MEDIUM_RECTANGLE = "300x250", _("Medium rectangle (300×250)")
    LARGE_RECTANGLE = "336x280", _("Large rectangle (336×280)")
    HALF_PAGE = "300x600", _("Half page (300×600)")
    SKYSCRAPER = "160x600", _("Wide skyscraper (160×600)")


class DeviceClass(models.TextChoices):
    MOBILE = "mobile", _("Phone")
    TABLET = "tablet", _("Tablet")
    DESKTOP = "desktop", _("Desktop")


# Widest creative each device class can show; ads.js uses the same viewport breakpoints
# (below 768 px a phone, below 1024 px a tablet).
DEVICE_MAX_WIDTH = {DeviceClass.MOBILE: 336, DeviceClass.TABLET: 728, DeviceClass.DESKTOP: 10_000}
# A phone screen is short: no half-page ad takes it over.
DEVICE_MAX_HEIGHT = {
    DeviceClass.MOBILE: 280,
    DeviceClass.TABLET: 10_000,
    DeviceClass.DESKTOP: 10_000,
}


def dimensions(size: str) -> tuple[int, int]:
    """Return (width, height) of a size such as "300x250"."""
    width, height = size.split("x")
    return int(width), int(height)


def box_for(sizes: list[str], device: str) -> str | None:
    """Return the size a slot reserves on `device`: the largest allowed one that fits it."""
    if not sizes:
        return None
    fitting = [
        s
        for s in sizes
        if dimensions(s)[0] <= DEVICE_MAX_WIDTH[device]
        and dimensions(s)[1] <= DEVICE_MAX_HEIGHT[device]
    ]
    if not fitting:  # nothing fits: take the narrowest, it is scaled down by CSS
        return min(sizes, key=lambda s: dimensions(s)[0])
    return max(fitting, key=lambda s: (dimensions(s)[0] * dimensions(s)[1], dimensions(s)[0]))


def fits(size: str, box: str) -> bool:
    """Can a creative of `size` show inside the reserved `box`?"""
    w, h = dimensions(size)
    bw, bh = dimensions(box)
    return w <= bw and h <= bh
