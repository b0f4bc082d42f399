"""Draw subscriber growth as an inline SVG: no script, no outside host."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils.html import escape
from django.utils.translation import gettext as _

from gazette.newsletter import queries

WIDTH, HEIGHT = 720, 260
PAD_START, PAD_END, PAD_TOP, PAD_BOTTOM = 48, 16, 16, 36


def growth_series(days: int, today: date) -> list[tuple[date, int, int, int]]:
    """(day, joined, left, total at the end of the day) for each of the last `days` days."""
    start = today - timedelta(days=days - 1)
    per_day = {d: (j, gone) for d, j, gone in queries.daily_growth(start)}
    total = queries.subscribed_before(start)
    series = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        joined, left = per_day.get(day, (0, 0))
        total += joined - left
        series.append((day, joined, left, total))
    return series


def growth_svg(series: list[tuple[date, int, int, int]]) -> str:
    """A line of total subscribers over bars of daily sign-ups (up) and departures (down)."""
    if not series:
        return ""
    plot_w = WIDTH - PAD_START - PAD_END
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    top_total = max(max(t for *_, t in series), 1)
    top_daily = max(max(max(j, gone) for _d, j, gone, _t in series), 1)
    step = plot_w / max(len(series) - 1, 1)
    bar_w = max(step * 0.6, 1.0)
    baseline = PAD_TOP + plot_h

    def x(i: int) -> float:
        return PAD_START + i * step

    def y_total(value: int) -> float:
        return PAD_TOP + plot_h * (1 - value / top_total)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="growth-title growth-desc" class="newsletter-growth" '
        f'style="max-width:100%;height:auto;font:12px sans-serif">',
        f'<title id="growth-title">{escape(_("Subscribers over time"))}</title>',
        f'<desc id="growth-desc">{escape(_("From %(first)s to %(last)s: %(start)d to %(end)d subscribers.") % {"first": series[0][0].isoformat(), "last": series[-1][0].isoformat(), "start": series[0][3], "end": series[-1][3]})}</desc>',
        f'<line x1="{PAD_START}" y1="{baseline}" x2="{WIDTH - PAD_END}" y2="{baseline}" stroke="#999"/>',
    ]
    for i, (_day, joined, left, _total) in enumerate(series):
        if joined:
            h = plot_h * 0.35 * joined / top_daily
            parts.append(
                f'<rect x="{x(i) - bar_w / 2:.1f}" y="{baseline - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="#3b7a57" opacity="0.55"><title>+{joined}</title></rect>'
            )
        if left:
            h = plot_h * 0.35 * left / top_daily
            parts.append(
                f'<rect x="{x(i) - bar_w / 2:.1f}" y="{baseline - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="#9b1c1c" opacity="0.45" transform="translate({bar_w:.1f} 0)">'
                f"<title>-{left}</title></rect>"
            )
    points = " ".join(f"{x(i):.1f},{y_total(t):.1f}" for i, (*_, t) in enumerate(series))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#1d4ed8" stroke-width="2"/>')
    parts.append(
        f'<text x="{PAD_START - 6}" y="{PAD_TOP + 4}" text-anchor="end">{top_total}</text>'
    )
    parts.append(f'<text x="{PAD_START - 6}" y="{baseline}" text-anchor="end">0</text>')
    for i in (0, len(series) // 2, len(series) - 1):
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - 12}" text-anchor="middle">{series[i][0].isoformat()}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
