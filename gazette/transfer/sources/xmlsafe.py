"""Stream XML safely: no entities, no DTDs, no network, with errors a publisher understands."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from gazette.transfer.sources.base import SourceError


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def iter_events(path: str, what: str) -> Iterator[tuple[str, Element]]:
    """Yield (event, element) for start and end tags; turn parser failures into SourceError."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            if head.startswith(b"PK\x03\x04"):
                raise SourceError(
                    _("%(what)s: this is a zip archive, not an XML export. Unzip it first.")
                    % {"what": what}
                )
            events = iterparse(
                handle, events=("start", "end"), forbid_dtd=True, forbid_entities=True
            )
            yield from events
    except DefusedXmlException as exc:
        raise SourceError(
            _(
                "%(what)s: the file declares a DTD or XML entities (%(detail)s). Real exports "
                "never do; it may be an XML bomb, so nothing was imported."
            )
            % {"what": what, "detail": exc.__class__.__name__}
        )
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        message = str(exc)
        if "no element found" in message or "unclosed" in message:
            hint = _("The file ends too early: it looks truncated. Download the export again.")
        elif "invalid token" in message or "encoding" in message:
            hint = _(
                "The text is not in the encoding the file declares (usually UTF-8). Export it "
                "again, or re-save it as UTF-8."
            )
        else:
            hint = _("The file is not well-formed XML. Export it again from the original site.")
        raise SourceError(
            _("%(what)s: %(hint)s (line %(line)s, column %(column)s: %(detail)s)")
            % {"what": what, "hint": hint, "line": line, "column": column, "detail": message}
        )
    except UnicodeDecodeError as exc:
        raise SourceError(
            _("%(what)s: the file is not in a text encoding XML allows (%(detail)s).")
            % {"what": what, "detail": exc}
        )
    except OSError as exc:
        raise SourceError(
            _("%(what)s: cannot read the file (%(detail)s).") % {"what": what, "detail": exc}
        )
