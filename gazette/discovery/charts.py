"""A views-over-time bar chart drawn on the server as inline SVG.

No script, no stylesheet and no outside host: presentation attributes only, so it
survives a strict Content-Security-Policy.
"""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 720, 220
PAD_START, PAD_END, PAD_TOP, PAD_BOTTOM = 44, 8, 12, 28


def nice_ceiling(value: int) -> int:
    """A round number at or above `value` for the top of the axis."""
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def views_chart(series: list[tuple[date, int]]) -> SafeString:
    """Bars for (day, views) pairs, with a value axis, first/last day labels and tooltips."""
    top = nice_ceiling(max((v for _d, v in series), default=0))
    plot_w = WIDTH - PAD_START - PAD_END
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / max(len(series), 1)
    total = sum(v for _d, v in series)
    bars = []
    for i, (day, views) in enumerate(series):
        h = plot_h * views / top
        label = ngettext("%(day)s: %(n)d view", "%(day)s: %(n)d views", views) % {
            "day": date_format(day, "j M Y"),
            "n": views,
        }
        bars.append(
            (
                f"{PAD_START + i * slot + slot * 0.12:.1f}",
                f"{PAD_TOP + plot_h - h:.1f}",
                f"{slot * 0.76:.1f}",
                f"{h:.1f}",
                label,
            )
        )
    gridlines = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d0d4da" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="11" font-family="sans-serif" fill="#5c6370">{}</text>',
        (
            (
                PAD_START,
                WIDTH - PAD_END,
                f"{PAD_TOP + plot_h * (1 - f):.1f}",
                f"{PAD_TOP + plot_h * (1 - f):.1f}",
                PAD_START - 6,
                f"{PAD_TOP + plot_h * (1 - f) + 4:.1f}",
                int(top * f),
            )
            for f in (0, 0.5, 1)
        ),
    )
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#2e6f8e"><title>{}</title></rect>',
        bars,
    )
    first = date_format(series[0][0], "j M") if series else ""
    last = date_format(series[-1][0], "j M") if series else ""
    summary = _("Views per day, %(first)s to %(last)s: %(total)d in all") % {
        "first": first,
        "last": last,
        "total": total,
    }
    return format_html(
        '<svg class="views-chart" viewBox="0 0 {w} {h}" role="img" aria-label="{summary}" '
        'xmlns="http://www.w3.org/2000/svg">'
        "{grid}{rects}"
        '<text x="{x0}" y="{yl}" font-size="11" font-family="sans-serif" fill="#5c6370">{first}</text>'
        '<text x="{x1}" y="{yl}" text-anchor="end" font-size="11" font-family="sans-serif" fill="#5c6370">{last}</text></svg>',
        w=WIDTH,
        h=HEIGHT,
        summary=summary,
        grid=gridlines,
        rects=rects,
        x0=PAD_START,
        x1=WIDTH - PAD_END,
        yl=HEIGHT - 8,
        first=first,
        last=last,
    )
