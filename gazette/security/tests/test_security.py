"""The security baseline as a visitor, an attacker and a staff member meet it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from gazette.security import totp
from gazette.security.models import SignInEvent, TwoFactorDevice

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("editor", "ed@example.com", "right-pass-1")


def sign_in(client, password="right-pass-1", username="editor"):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_public_pages_without_inline_script_allow_no_inline_script_at_all(client, article):
    for response in (client.get(article.url), client.get(article.url)):
        policy = response["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "nonce-" not in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Cache"] == "HIT" and "X-Accel-Expires" not in response


def test_nonced_inline_script_gets_a_fresh_nonce_on_every_cache_hit(rf, magazine):
    from django.http import HttpResponse

    from gazette.caching.middleware import PageCacheMiddleware
    from gazette.security.csp import ContentSecurityPolicyMiddleware

    def view(request):
        request.gazette_page = magazine["home"]
        html = f'<script nonce="{request.csp_nonce}">window.ok = 1</script>'
        return HttpResponse(html, content_type="text/html")

    stack = PageCacheMiddleware(ContentSecurityPolicyMiddleware(view))
    first = stack(rf.get("/nonce-page/"))
    nonces = []
    for response in (first, stack(rf.get("/nonce-page/")), stack(rf.get("/nonce-page/"))):
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'<script nonce="{nonce}">' in response.content.decode()
        assert response["X-Accel-Expires"] == "0"  # nginx must not repeat one nonce
        nonces.append(nonce)
    assert response["X-Cache"] == "HIT" and len(set(nonces)) == 3


def test_security_headers_on_public_pages(client, article):
    response = client.get(article.url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_pages_get_an_admin_compatible_policy(client, staff):
    sign_in(client)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gazette.settings",
        "SITE_URL": "https://gazette.example",
        "ALLOWED_HOSTS": "gazette.example",
        "DEBUG": "0",
        "SECRET_KEY": "x9!" + "k" * 20 + "Qz-7" + "m4" * 20 + "Ab#c",
        "GAZETTE_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    # Browser tests allow sync ORM calls inside Playwright's loop; production never does.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_admin_sign_in_locks_after_repeated_failures_and_logs_them(client, staff, settings):
    settings.GAZETTE_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        response = sign_in(client, password="wrong")
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    # Now even the right password is refused, with a clear reason.
    response = sign_in(client)
    assert "_auth_user_id" not in client.session
    assert "Too many failed sign-in attempts" in response.content.decode()
    outcomes = list(SignInEvent.objects.order_by("at").values_list("outcome", flat=True))
    assert outcomes.count("failure") == 3 and "locked" in outcomes
    event = SignInEvent.objects.filter(outcome="failure").first()
    assert event.username == "editor" and event.ip == "127.0.0.1"


def test_unlock_command_lets_the_account_back_in(client, staff, settings):
    from django.core.management import call_command

    settings.GAZETTE_LOGIN_MAX_FAILURES = 2
    sign_in(client, password="wrong")
    sign_in(client, password="wrong")
    call_command("gazette_unlock", "editor", stdout=open(os.devnull, "w"))  # noqa: SIM115
    sign_in(client)
    assert client.session.get("_auth_user_id") == str(staff.pk)
    assert SignInEvent.objects.filter(outcome="success", user=staff).exists()


def test_sign_in_log_is_for_administrators(client, staff):
    sign_in(client, password="wrong")
    sign_in(client)
    page = client.get("/admin/sign-in-log/")
    assert page.status_code == 200
    assert "Wrong password" in page.content.decode()


def test_totp_matches_rfc_6238_test_vector():
    # RFC 6238 appendix B, SHA-1, T = 59 s → 94287082 (8 digits); we use the last 6.
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890"
    assert totp.hotp(secret, 59 // 30) == "287082"


def test_staff_can_turn_on_two_factor_and_then_need_a_code(client, staff):
    sign_in(client)
    setup = client.get("/admin/two-factor/")
    assert setup.status_code == 200 and "<svg" in setup.content.decode()
    secret = re.search(r"<code data-secret>([A-Z2-7]+)</code>", setup.content.decode()).group(1)
    bad = client.post("/admin/two-factor/", {"code": "000000"})
    assert "does not match" in bad.content.decode()
    done = client.post("/admin/two-factor/", {"code": totp.now(secret)})
    assert done.status_code == 302 and TwoFactorDevice.objects.filter(user=staff).exists()

    client.logout()
    sign_in(client)
    gate = client.get("/admin/pages/")
    assert gate.status_code == 302 and gate["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/"})
    assert "wrong or was already used" in wrong.content.decode()
    # A code already used to switch it on cannot be replayed.
    replay = client.post("/admin/two-factor/verify/", {"code": totp.now(secret)})
    assert replay.status_code == 200
    device = TwoFactorDevice.objects.get(user=staff)
    device.last_counter -= 1  # the next step's code, as the phone would show 30 s later
    device.save()
    ok = client.post("/admin/two-factor/verify/", {"code": totp.now(secret), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert client.get("/admin/pages/").status_code == 200
    assert SignInEvent.objects.filter(outcome="2fa_failure").exists()


def test_admin_sessions_expire(client, staff, settings):
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    assert 0 < client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_embedded_video_keeps_its_shape_without_a_style_attribute(client, magazine):
    from wagtail.embeds.blocks import EmbedValue
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from gazette.testing.factories import make_article

    url = "https://www.youtube.com/watch?v=harbour"
    Embed.objects.create(  # as the oEmbed finder stored it: no network needed
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/harbour" width="480" height="270"></iframe>',
        width=480,
        height=270,
    )
    story = make_article(magazine["sections"]["news"], body=[("embed", EmbedValue(url))])
    response = client.get(story.url)
    html = response.content.decode()
    assert 'class="embed-frame embed-frame--r16x9"' in html and "youtube-nocookie.com/embed" in html
    assert "style=" not in html.split("<body", 1)[1]
    policy = response["Content-Security-Policy"]
    assert (
        "unsafe-inline" not in policy
        and "frame-src 'self' https://www.youtube-nocookie.com" in policy
    )
