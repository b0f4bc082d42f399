"""What a reader is shown when they subscribe, and how we remember who asked."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from gazette.newsletter.models import ConsentText


def client_ip(request: HttpRequest) -> str:
    """The reader's IP: the first X-Forwarded-For hop only behind a trusted proxy."""
    if settings.NEWSLETTER_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hash_ip(ip: str) -> str:
    """Keyed hash of an IP: lets us match records without keeping the address."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


def consent_wording(language: str, newsletter_names: Iterable[str], frequency_label: str) -> str:
    """The statement the reader agrees to, in their language."""
    from gazette.newsletter.rendering import magazine_name

    with translation.override(language):
        names = ", ".join(newsletter_names)
        return _(
            "I want to receive %(names)s (%(frequency)s) by email from %(site)s. I can "
            "unsubscribe with one click from any mail, and change or delete my data from "
            "the preferences link in every mail."
        ) % {"names": names, "frequency": frequency_label, "site": magazine_name(language)}


def store_wording(text: str) -> ConsentText:
    """Keep one copy of each distinct wording, shared by every reader who saw it."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    found, _created = ConsentText.objects.get_or_create(sha256=digest, defaults={"text": text})
    return found
