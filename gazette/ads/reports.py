"""Campaign and creative reports: daily impressions, clicks and CTR, as rows, SVG and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet, Sum
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _


@dataclass
class DayRow:
    day: date
    impressions: int
    clicks: int

    @property
    def ctr(self) -> float:
        """Click-through rate in percent."""
        return 100.0 * self.clicks / self.impressions if self.impressions else 0.0


@dataclass
class Report:
    start: date
    end: date
    rows: list[DayRow]

    @property
    def impressions(self) -> int:
        return sum(r.impressions for r in self.rows)

    @property
    def clicks(self) -> int:
        return sum(r.clicks for r in self.rows)

    @property
    def ctr(self) -> float:
        return 100.0 * self.clicks / self.impressions if self.impressions else 0.0


def daily_report(stats: QuerySet, start: date, end: date) -> Report:
    """One row per day from `start` to `end` (days without traffic show zeros)."""
    totals = {
        row["day"]: row
        for row in stats.filter(day__gte=start, day__lte=end)
        .values("day")
        .annotate(i=Sum("impressions"), c=Sum("clicks"))
    }
    rows = []
    day = start
    while day <= end:
        found = totals.get(day)
        rows.append(DayRow(day, found["i"] if found else 0, found["c"] if found else 0))
        day += timedelta(days=1)
    return Report(start, end, rows)


def report_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "impressions", "clicks", "ctr_percent"])
    for row in report.rows:
        writer.writerow([row.day.isoformat(), row.impressions, row.clicks, f"{row.ctr:.2f}"])
    return out.getvalue()


def _nice_max(value: int) -> int:
    """A round axis maximum at or above `value`."""
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


def report_svg(report: Report, width: int = 760, height: int = 260) -> str:
    """Bars for daily impressions, a line for clicks (own scale), with axes and labels."""
    left, right, top, bottom = 56, 56, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(report.rows), 1)
    max_i = _nice_max(max((r.impressions for r in report.rows), default=0))
    max_c = _nice_max(max((r.clicks for r in report.rows), default=0))
    slot = plot_w / n
    bar = max(1.0, slot * 0.7)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="ads-chart" role="img" aria-labelledby="ads-chart-title">',
        f'<title id="ads-chart-title">{escape(_("Impressions (bars) and clicks (line) by day"))}'
        "</title>",
    ]
    for k in range(5):  # grid and both axes' labels
        y = top + plot_h - plot_h * k / 4
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#dcdfe3" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#2a6f97">{int(max_i * k / 4):,}</text>'
        )
        parts.append(
            f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}" font-size="11" '
            f'fill="#9b1c1c">{max_c * k / 4:g}</text>'
        )
    points = []
    for i, row in enumerate(report.rows):
        x = left + slot * i + (slot - bar) / 2
        h = plot_h * row.impressions / max_i
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="#2a6f97"><title>{escape(date_format(row.day, "j M"))}: '
            f"{row.impressions:,} {escape(_('impressions'))}, {row.clicks:,} "
            f"{escape(_('clicks'))}, {row.ctr:.2f}%</title></rect>"
        )
        cx = left + slot * i + slot / 2
        points.append(f"{cx:.1f},{top + plot_h - plot_h * row.clicks / max_c:.1f}")
    if points:
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#9b1c1c" stroke-width="2"/>'
        )
    every = max(1, n // 8)  # at most about eight date labels
    for i, row in enumerate(report.rows):
        if i % every == 0 or i == n - 1:
            cx = left + slot * i + slot / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{height - 18}" text-anchor="middle" font-size="11" '
                f'fill="#595e66">{escape(date_format(row.day, "j M"))}</text>'
            )
    parts.append(
        f'<text x="{left}" y="{height - 2}" font-size="11" fill="#2a6f97">'
        f"■ {escape(_('Impressions'))}</text>"
        f'<text x="{left + 120}" y="{height - 2}" font-size="11" fill="#9b1c1c">'
        f"― {escape(_('Clicks'))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
