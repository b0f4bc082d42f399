"""Read a single article page (plain text or HTML) through the plain-page parser."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.text import slugify
from django.utils.translation import gettext as _

from gazette.transfer.plain_page import PlainPage, parse_plain_page
from gazette.transfer.sources.base import SourceAuthor, SourceError, SourceInfo, SourcePost

MAX_BYTES = 5 * 1024 * 1024


def read(path: str) -> PlainPage:
    """Parse the page file; refuse what is not readable text."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(_("Cannot read the page file (%(detail)s).") % {"detail": exc})
    if len(raw) > MAX_BYTES:
        raise SourceError(_("The page file is over 5 MB: that is not a single article."))
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(_("The page file is binary, not text or HTML."))
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SourceError(
            _("The page file is not UTF-8 text. Save it as UTF-8 and import it again.")
        )
    page = parse_plain_page(text)
    if not page.title or not page.blocks:
        raise SourceError(
            _("No article found in the page: it needs a headline followed by paragraphs.")
        )
    return page


def scan(path: str) -> tuple[SourceInfo, PlainPage]:
    page = read(path)
    info = SourceInfo(key="page", title=page.title, version=page.format, total=1)
    for name in page.byline:
        info.authors[name] = SourceAuthor(key=name, name=name)
    return info, page


def items(page: PlainPage) -> Iterator[SourcePost]:
    date = None
    if page.date:
        date = datetime.datetime.combine(page.date, datetime.time(), tzinfo=datetime.UTC)
    yield SourcePost(
        source_id="page:" + slugify(page.title, allow_unicode=True)[:200],
        kind="post",
        title=page.title,
        slug=slugify(page.title, allow_unicode=True)[:80].rstrip("-"),
        blocks=page.blocks,
        status="draft",
        date=date,
        authors=list(page.byline),
    )
