"""Signed links: confirmation (expiring), preferences and unsubscribe (revocable)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "gazette.newsletter.confirm"
MANAGE_SALT = "gazette.newsletter.manage"
UNSUBSCRIBE_SALT = "gazette.newsletter.unsubscribe"


class BadLink(Exception):
    """The link was altered, revoked or is not ours."""


class ExpiredLink(BadLink):
    """The link was ours but is too old."""


def make_confirmation_token(request_data: dict) -> str:
    return signing.dumps(request_data, salt=CONFIRM_SALT, compress=True)


def read_confirmation_token(token: str) -> dict:
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ExpiredLink() from exc
    except signing.BadSignature as exc:
        raise BadLink() from exc


_manage_signer = signing.Signer(salt=MANAGE_SALT)
_unsubscribe_signer = signing.Signer(salt=UNSUBSCRIBE_SALT)


def make_manage_token(subscriber_id: int, link_key: str) -> str:
    return _manage_signer.sign(f"{subscriber_id}.{link_key}")


def read_manage_token(token: str) -> tuple[int, str]:
    try:
        value = _manage_signer.unsign(token)
        subscriber_id, link_key = value.split(".", 1)
        return int(subscriber_id), link_key
    except (signing.BadSignature, ValueError) as exc:
        raise BadLink() from exc


@dataclass(frozen=True)
class UnsubscribeLink:
    subscriber_id: int
    link_key: str
    newsletter_id: int
    edition_id: int


def make_unsubscribe_token(
    subscriber_id: int, link_key: str, newsletter_id: int, edition_id: int = 0
) -> str:
    return _unsubscribe_signer.sign(f"{subscriber_id}.{newsletter_id}.{edition_id}.{link_key}")


def read_unsubscribe_token(token: str) -> UnsubscribeLink:
    try:
        value = _unsubscribe_signer.unsign(token)
        subscriber_id, newsletter_id, edition_id, link_key = value.split(".", 3)
        return UnsubscribeLink(int(subscriber_id), link_key, int(newsletter_id), int(edition_id))
    except (signing.BadSignature, ValueError) as exc:
        raise BadLink() from exc
