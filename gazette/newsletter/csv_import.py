"""Read a subscriber CSV completely, report every bad row, and import all or nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette.newsletter.addresses import normalise_email
from gazette.newsletter.models import (
    ConsentAction,
    ConsentRecord,
    Frequency,
    Newsletter,
    Subscriber,
    SubscriberStatus,
    Suppression,
)

REQUIRED_COLUMNS = {"email"}
KNOWN_COLUMNS = {"email", "language", "newsletters", "frequency"}
MAX_ROWS = 200_000


@dataclass
class ImportRow:
    line: int
    email: str
    language: str
    newsletter_ids: list[int]
    frequency: str


@dataclass
class ImportReport:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    suppressed: int = 0
    opted_out: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def read_csv(data: bytes, default_newsletters: list[Newsletter]) -> ImportReport:
    """Parse and validate every row; nothing is written here."""
    report = ImportReport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(
            (0, _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."))
        )
        return report
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip().lower() for c in (reader.fieldnames or []) if c}
    if not columns >= REQUIRED_COLUMNS:
        report.errors.append(
            (
                1,
                _("The first row must name the columns, including “email”. Found: %(found)s.")
                % {"found": ", ".join(sorted(columns)) or _("nothing")},
            )
        )
        return report
    by_slug = {n.slug: n for n in Newsletter.objects.all()}
    languages = {code for code, _name in settings.LANGUAGES}
    frequencies = set(Frequency.values)
    seen: dict[str, int] = {}
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            report.errors.append(
                (line, _("Files are limited to %(n)d rows; split it.") % {"n": MAX_ROWS})
            )
            break
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        try:
            email = normalise_email(row.get("email", ""))
        except ValidationError as exc:
            report.errors.append((line, f"{row.get('email', '')!r}: {' '.join(exc.messages)}"))
            continue
        if email in seen:
            report.errors.append(
                (
                    line,
                    _("%(email)s already appears on line %(first)d.")
                    % {"email": email, "first": seen[email]},
                )
            )
            continue
        seen[email] = line
        language = row.get("language") or settings.LANGUAGE_CODE
        if language not in languages:
            report.errors.append(
                (
                    line,
                    _("Unknown language “%(value)s”; use one of %(known)s.")
                    % {"value": language, "known": ", ".join(sorted(languages))},
                )
            )
            continue
        frequency = row.get("frequency") or Frequency.DAILY
        if frequency not in frequencies:
            report.errors.append(
                (
                    line,
                    _("Unknown frequency “%(value)s”; use daily or weekly.") % {"value": frequency},
                )
            )
            continue
        slugs = [
            s.strip() for s in row.get("newsletters", "").replace("|", ";").split(";") if s.strip()
        ]
        unknown = [s for s in slugs if s not in by_slug]
        if unknown:
            report.errors.append(
                (
                    line,
                    _("Unknown newsletter “%(slugs)s”; use the slugs shown in the admin.")
                    % {"slugs": ", ".join(unknown)},
                )
            )
            continue
        chosen = (
            [by_slug[s] for s in slugs]
            or [n for n in default_newsletters if n.language == language]
            or default_newsletters
        )
        if not chosen:
            report.errors.append((line, _("No newsletter given and none chosen as the default.")))
            continue
        report.rows.append(ImportRow(line, email, language, [n.pk for n in chosen], frequency))
    if not report.rows and not report.errors:
        report.errors.append((0, _("The file has no subscribers in it.")))
    return report


@transaction.atomic
def import_rows(report: ImportReport, source: str, ip_hash: str = "") -> ImportReport:
    """Write a fully valid report in one transaction: every row or none."""
    if not report.ok:
        raise ValueError("Refusing to import a file with errors.")
    now = timezone.now()
    emails = [r.email for r in report.rows]
    suppressed = set(Suppression.objects.filter(email__in=emails).values_list("email", flat=True))
    existing = {s.email: s for s in Subscriber.objects.filter(email__in=emails)}
    through = Subscriber.newsletters.through
    records = []
    for row in report.rows:
        if row.email in suppressed:
            report.suppressed += 1
            continue
        subscriber = existing.get(row.email)
        if subscriber is None:
            subscriber = Subscriber.objects.create(
                email=row.email,
                language=row.language,
                frequency=row.frequency,
                status=SubscriberStatus.SUBSCRIBED,
                source=source,
                confirmed_at=now,
            )
            report.created += 1
        elif not subscriber.is_subscribed:
            report.opted_out += 1  # an import never overrides a reader's unsubscribe
            continue
        else:
            report.updated += 1
        through.objects.bulk_create(
            [through(subscriber_id=subscriber.pk, newsletter_id=n) for n in row.newsletter_ids],
            ignore_conflicts=True,
        )
        records.append(
            ConsentRecord(
                subscriber=subscriber,
                action=ConsentAction.IMPORTED,
                at=now,
                source=source,
                ip_hash=ip_hash,
                details={"line": row.line, "newsletters": row.newsletter_ids},
            )
        )
    ConsentRecord.objects.bulk_create(records, batch_size=1000)
    return report
