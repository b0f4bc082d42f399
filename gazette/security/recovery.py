"""Recovery codes: ten single-use codes, shown once, for a staff member who lost the phone.

They are random (50 bits each), so a salted SHA-256 is enough to keep the database from
holding them in the clear; a slow password hash would make every sign-in check ten of them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from gazette.security.models import RecoveryCode

COUNT = 10
# No 0/O, 1/l/I: codes are read off paper and typed by hand.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _digest(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def normalise(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch in ALPHABET)


def looks_like_recovery_code(code: str) -> bool:
    return any(ch.isalpha() for ch in code)


def issue(user) -> list[str]:
    """Replace the user's codes with ten new ones; returns them for showing once."""
    codes = []
    rows = []
    for _ in range(COUNT):
        raw = "".join(secrets.choice(ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        salt = secrets.token_hex(8)
        rows.append(RecoveryCode(user=user, digest=f"{salt}${_digest(raw, salt)}"))
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(rows)
    return codes


def use(user, code: str) -> bool:
    """Accept an unused code once; it can never be used again."""
    raw = normalise(code)
    if len(raw) != 10:
        return False
    with transaction.atomic():
        for row in RecoveryCode.objects.select_for_update().filter(user=user, used_at=None):
            salt, _, expected = row.digest.partition("$")
            if hmac.compare_digest(_digest(raw, salt), expected):
                row.used_at = timezone.now()
                row.save(update_fields=["used_at"])
                return True
    return False


def remaining(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at=None).count()


def discard(user) -> None:
    RecoveryCode.objects.filter(user=user).delete()
