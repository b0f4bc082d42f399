"""Read a subscriber CSV: the file's shape (checked on upload) and each row (in the task).

Nothing here writes to the database; `importing.py` does, in chunks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gazette.newsletter.addresses import normalise_email
from gazette.newsletter.models import Frequency, Newsletter

REQUIRED_COLUMNS = {"email"}
MAX_ROWS = 200_000


@dataclass
class ImportRow:
    line: int
    email: str
    language: str
    newsletter_ids: list[int]
    frequency: str


@dataclass
class Problem:
    line: int
    reason: str
    values: dict


def decode_upload(data: bytes) -> tuple[str, list[str]]:
    """The file's text and its column names, or a ValidationError saying how to fix it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        ) from None
    header = next(csv.reader(io.StringIO(text)), [])
    columns = [c.strip() for c in header]
    found = {c.lower() for c in columns if c}
    if not found >= REQUIRED_COLUMNS:
        raise ValidationError(
            _("The first row must name the columns, including “email”. Found: %(found)s.")
            % {"found": ", ".join(sorted(found)) or _("nothing")}
        )
    return text, columns


def records(text: str) -> Iterator[tuple[int, dict]]:
    """(first line of the row in the file, {column: value}) for every non-blank row."""
    reader = csv.reader(io.StringIO(text))
    header = [c.strip() for c in next(reader, [])]
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        if not any(cell.strip() for cell in cells):
            continue
        yield line, {name: cell for name, cell in zip(header, cells, strict=False) if name}


class RowChecker:
    """Validate rows in file order, remembering addresses already seen in the file."""

    def __init__(self, default_newsletters: list[Newsletter]):
        self.by_slug = {n.slug: n for n in Newsletter.objects.all()}
        self.defaults = default_newsletters
        self.languages = {code for code, _name in settings.LANGUAGES}
        self.frequencies = set(Frequency.values)
        self.seen: dict[str, int] = {}

    def check(self, line: int, values: dict) -> ImportRow | Problem:
        row = {k.strip().lower(): (v or "").strip() for k, v in values.items()}

        def problem(reason: str) -> Problem:
            return Problem(line, reason[:300], values)

        try:
            email = normalise_email(row.get("email", ""))
        except ValidationError as exc:
            return problem(f"{row.get('email', '')!r}: {' '.join(exc.messages)}")
        if email in self.seen:
            return problem(
                _("%(email)s already appears on line %(first)d.")
                % {"email": email, "first": self.seen[email]}
            )
        self.seen[email] = line
        language = row.get("language") or settings.LANGUAGE_CODE
        if language not in self.languages:
            return problem(
                _("Unknown language “%(value)s”; use one of %(known)s.")
                % {"value": language, "known": ", ".join(sorted(self.languages))}
            )
        frequency = row.get("frequency") or Frequency.DAILY
        if frequency not in self.frequencies:
            return problem(
                _("Unknown frequency “%(value)s”; use daily or weekly.") % {"value": frequency}
            )
        slugs = [
            s.strip() for s in row.get("newsletters", "").replace("|", ";").split(";") if s.strip()
        ]
        unknown = [s for s in slugs if s not in self.by_slug]
        if unknown:
            return problem(
                _("Unknown newsletter “%(slugs)s”; use the slugs shown in the admin.")
                % {"slugs": ", ".join(unknown)}
            )
        chosen = (
            [self.by_slug[s] for s in slugs]
            or [n for n in self.defaults if n.language == language]
            or self.defaults
        )
        if not chosen:
            return problem(_("No newsletter given and none chosen as the default."))
        return ImportRow(line, email, language, [n.pk for n in chosen], frequency)
