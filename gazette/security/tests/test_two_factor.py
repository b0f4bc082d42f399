"""Two-factor sign-in when things go wrong: lost phones, guessed codes, locked accounts."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from gazette.security import totp
from gazette.security.models import RecoveryCode, SignInEvent, TwoFactorDevice

PASSWORD = "right-pass-1"


def sign_in(client):
    return client.post("/admin/login/", {"username": "desk", "password": PASSWORD})


def codes_on(page) -> list[str]:
    return re.findall(r"<li><code>([a-z0-9-]+)</code></li>", page.content.decode())


@pytest.fixture
def desk(db):
    return get_user_model().objects.create_superuser("desk", "desk@example.com", PASSWORD)


@pytest.fixture
def recovery_codes(client, desk):
    """Turn two-factor on as a staff member would, and keep the codes shown once."""
    sign_in(client)
    page = client.get("/admin/two-factor/").content.decode()
    secret = re.search(r"<code data-secret>([A-Z2-7]+)</code>", page).group(1)
    done = client.post("/admin/two-factor/", {"code": totp.now(secret)})
    assert done["Location"] == "/admin/two-factor/recovery-codes/"
    shown = client.get(done["Location"])
    codes = codes_on(shown)
    client.logout()
    return codes


def test_turning_on_shows_ten_recovery_codes_once_and_stores_none_in_the_clear(
    client, desk, recovery_codes
):
    assert len(recovery_codes) == 10 and len(set(recovery_codes)) == 10
    stored = " ".join(RecoveryCode.objects.values_list("digest", flat=True))
    assert not any(code.replace("-", "") in stored for code in recovery_codes)

    sign_in(client)
    client.post("/admin/two-factor/verify/", {"code": recovery_codes[0]})
    again = client.get("/admin/two-factor/recovery-codes/")
    assert codes_on(again) == []
    assert "9 unused recovery codes" in again.content.decode()


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(client, desk, recovery_codes):
    sign_in(client)
    ok = client.post(
        "/admin/two-factor/verify/", {"code": recovery_codes[3].upper(), "next": "/admin/"}
    )
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    home = client.get("/admin/", follow=True).content.decode()
    assert "recovery code; 9 are left" in home
    assert SignInEvent.objects.filter(username="desk", outcome="2fa_recovery").exists()

    client.logout()
    sign_in(client)
    reused = client.post("/admin/two-factor/verify/", {"code": recovery_codes[3]})
    assert reused.status_code == 200 and "wrong or was already used" in reused.content.decode()
    assert client.get("/admin/pages/").status_code == 302  # still at the code gate


def test_guessing_codes_locks_the_account_and_ends_the_session(client, desk, settings):
    settings.GAZETTE_LOGIN_MAX_FAILURES = 3
    TwoFactorDevice.objects.create(user=desk, secret=totp.new_secret())
    sign_in(client)
    for guess in ("000000", "111111"):
        assert client.post("/admin/two-factor/verify/", {"code": guess}).status_code == 200
    third = client.post("/admin/two-factor/verify/", {"code": "222222"})
    assert third.status_code == 302 and third["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/")["Location"].startswith("/admin/login/")
    again = sign_in(client)
    assert "Too many failed sign-in attempts" in again.content.decode()


def test_new_recovery_codes_need_a_current_app_code_and_replace_the_old(
    client, desk, recovery_codes
):
    sign_in(client)
    client.post("/admin/two-factor/verify/", {"code": recovery_codes[0]})
    refused = client.post("/admin/two-factor/recovery-codes/", {"code": "123456"})
    assert "your recovery codes are unchanged" in refused.content.decode()

    device = TwoFactorDevice.objects.get(user=desk)
    device.last_counter -= 1  # the code used at set-up can't be replayed; the phone's next one
    device.save()
    made = client.post("/admin/two-factor/recovery-codes/", {"code": totp.now(device.secret)})
    fresh = codes_on(client.get(made["Location"]))
    assert len(fresh) == 10 and not set(fresh) & set(recovery_codes)

    client.logout()
    sign_in(client)
    old = client.post("/admin/two-factor/verify/", {"code": recovery_codes[1]})
    assert old.status_code == 200
    assert client.post("/admin/two-factor/verify/", {"code": fresh[0]}).status_code == 302


def test_an_administrator_can_reset_two_factor_for_a_lost_phone(client, desk, recovery_codes):
    out = io.StringIO()
    call_command("gazette_unlock", "desk", "--reset-two-factor", stdout=out)
    assert "Two-factor authentication is off for desk" in out.getvalue()
    assert not TwoFactorDevice.objects.filter(user=desk).exists()
    assert not RecoveryCode.objects.filter(user=desk).exists()
    assert SignInEvent.objects.filter(username="desk", outcome="2fa_reset").exists()
    sign_in(client)
    assert client.get("/admin/pages/").status_code == 200
