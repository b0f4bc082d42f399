"""Turn what a reader typed into one canonical, deliverable email address, or say why not."""

from __future__ import annotations

import re

import idna
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 254
# Dot-atom local parts only: quoted strings and comments are legal but abused, and
# mail clients display them inconsistently.
LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_django_validator = EmailValidator(allowlist=[])


def normalise_email(raw: str) -> str:
    """Return the canonical form of `raw` (lower case, ASCII domain) or raise ValidationError.

    Plus-addressing (`name+news@example.com`) is kept: readers use it to filter mail.
    """
    if not isinstance(raw, str):
        raise ValidationError(_("Enter an email address."), code="required")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in raw):
        raise ValidationError(
            _("The address contains line breaks or control characters; type it on one line."),
            code="control",
        )
    value = raw.strip()
    if not value:
        raise ValidationError(_("Enter an email address."), code="required")
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            _("That address is too long to be real (more than 254 characters)."), code="length"
        )
    if any(ch in value for ch in ' ,;<>"()[]\\'):
        raise ValidationError(
            _("Enter one address only, like name@example.com, without spaces or names."),
            code="shape",
        )
    if value.count("@") != 1:
        raise ValidationError(
            _("An email address has exactly one @, like name@example.com."), code="shape"
        )
    local, domain = value.rsplit("@", 1)
    if not local or not domain:
        raise ValidationError(_("Enter the whole address, like name@example.com."), code="shape")
    if not LOCAL_PART.match(local) or len(local) > 64:
        raise ValidationError(
            _(
                "The part before the @ can only use Latin letters, digits and . _ + - "
                "(up to 64 characters)."
            ),
            code="local",
        )
    domain = domain.rstrip(".")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise ValidationError(_("The part after the @ is not a valid domain name."), code="domain")
    if "." not in ascii_domain:
        raise ValidationError(_("The domain needs a dot, like example.com."), code="domain")
    address = f"{local.lower()}@{ascii_domain.lower()}"
    if len(address) > MAX_LENGTH:
        raise ValidationError(
            _("That address is too long to be real (more than 254 characters)."), code="length"
        )
    try:
        _django_validator(address)
    except ValidationError:
        raise ValidationError(
            _("That does not look like an email address; check it for typos."), code="invalid"
        )
    return address


def display_email(address: str) -> str:
    """Show an IDN domain the way the reader typed it (Unicode), for pages and mails."""
    local, _sep, domain = address.partition("@")
    try:
        return f"{local}@{idna.decode(domain)}"
    except idna.IDNAError:
        return address
