"""Put an import's report into words, for the terminal and the admin."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gazette.transfer.models import ImportRun


def report_lines(run: ImportRun, limit: int = 50) -> list[str]:
    """Return a per-kind count table then the first `limit` notable report lines."""
    lines = []
    summary = run.summary or {}
    if summary.get("site"):
        lines.append(
            _("Source: %(site)s (%(source)s, format %(version)s)")
            % {
                "site": summary.get("site"),
                "source": summary.get("source"),
                "version": summary.get("version"),
            }
        )
    for kind, actions in sorted((run.counts or {}).items()):
        counted = ", ".join(f"{action} {n}" for action, n in sorted(actions.items()))
        lines.append(f"  {kind:<12} {counted}")
    if limit:
        notable = run.events.exclude(action__in=["skip"], message="").exclude(
            action="create", message=""
        )[:limit]
        for event in notable:
            lines.append(
                f"  {event.action:<8} {event.kind:<10} {event.source_id:<18} "
                f"{event.title[:50]}  {event.message}".rstrip()
            )
    return lines
