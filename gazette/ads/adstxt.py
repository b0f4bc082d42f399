"""Check ads.txt / app-ads.txt text (IAB ads.txt 1.1) so a typo never reaches buyers."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

VARIABLES = {"contact", "subdomain", "inventorypartnerdomain", "ownerdomain", "managerdomain"}
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$", re.IGNORECASE)
RELATIONSHIPS = {"DIRECT", "RESELLER"}


def problems(text: str) -> list[str]:
    """Return one message per line that is not a valid record, variable or comment."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" in line and "," not in line:
            name = line.split("=", 1)[0].strip().lower()
            if name not in VARIABLES:
                found.append(
                    _("Line %(n)d: “%(name)s” is not an ads.txt variable (use one of %(known)s).")
                    % {"n": number, "name": name, "known": ", ".join(sorted(VARIABLES))}
                )
            continue
        fields = [f.strip() for f in line.split(",")]
        if len(fields) not in (3, 4):
            found.append(
                _(
                    "Line %(n)d: expected “domain, publisher ID, DIRECT or RESELLER” "
                    "(and optionally a certification ID), found %(count)d fields."
                )
                % {"n": number, "count": len(fields)}
            )
            continue
        domain, account, relationship = fields[:3]
        if not DOMAIN.match(domain):
            found.append(
                _("Line %(n)d: “%(domain)s” is not a domain name such as google.com.")
                % {"n": number, "domain": domain}
            )
        if not account:
            found.append(_("Line %(n)d: the publisher ID is missing.") % {"n": number})
        if relationship.upper() not in RELATIONSHIPS:
            found.append(
                _("Line %(n)d: the third field must be DIRECT or RESELLER, not “%(value)s”.")
                % {"n": number, "value": relationship}
            )
    return found


def validate_ads_txt(text: str) -> None:
    """Raise a ValidationError listing every bad line."""
    if found := problems(text):
        raise ValidationError(found)
