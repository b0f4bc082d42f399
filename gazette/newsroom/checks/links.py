"""Links readers can follow safely."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import BLOCKER, Check, Finding

UNSAFE_SCHEMES = {"javascript", "vbscript", "data", "file", "jar", "livescript"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
# Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def link_scheme(href: str) -> str:
    cleaned = _IGNORED.sub("", unquote(href or ""))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


class UnsafeLinkCheck(Check):
    id = "unsafe-link"
    severity = BLOCKER
    title = _("Link with an unsafe scheme")
    fix = _("Link to an https:// address (or mailto:/tel:), or remove the link.")

    def run(self, doc, context) -> Iterator[Finding]:
        for link in doc.links:
            scheme = link_scheme(link.href)
            if scheme in UNSAFE_SCHEMES:
                yield self.finding(
                    link.where,
                    _("The link uses %(scheme)s:, which can run code or open local files.")
                    % {"scheme": scheme},
                )
