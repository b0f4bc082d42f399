"""Content-Security-Policy with a fresh nonce per response.

Public pages get a strict policy: scripts only from this site or carrying the nonce
(`<script nonce="{{ request.csp_nonce }}">`). The Wagtail admin gets the same rule for
scripts: Wagtail's own widget starters are given the nonce after their shape is checked
(`admin_scripts.py`); see GAZETTE_CSP_ADMIN in settings for what the admin still allows.
Pages without inline script get no nonce at all. For pages with one, the page cache swaps
the nonce for a new one on every hit (gazette/caching/lookup.py), and tells nginx not to
keep a copy (it would repeat the nonce).
"""

from __future__ import annotations

import secrets

from django.conf import settings

from gazette.security.admin_scripts import admin_nonce, nonce_wagtail_scripts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def policy(directives: dict[str, list[str]], nonce: str | None) -> str:
    """Render a policy; without a nonce the nonce sources are left out altogether."""
    parts = []
    for name, sources in directives.items():
        values = [
            s.replace("{nonce}", f"'nonce-{nonce}'") for s in sources if nonce or s != "{nonce}"
        ]
        parts.append(" ".join([name, *values]).strip())
    return "; ".join(parts)


def public_policy(nonce: str | None) -> str:
    return policy(settings.GAZETTE_CSP, nonce)


def admin_policy(nonce: str | None) -> str:
    return policy(settings.GAZETTE_CSP_ADMIN, nonce)


def uses_nonce(response, nonce: str) -> bool:
    """Whether the page carries the nonce (an inline script or style that needs it)."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return False
    return nonce.encode() in response.content


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = request.path.startswith(ADMIN_PREFIXES)
        request.csp_nonce = admin_nonce(request) if admin else secrets.token_urlsafe(16)
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if admin:
            nonce_wagtail_scripts(response, request.csp_nonce)
            response["Content-Security-Policy"] = admin_policy(request.csp_nonce)
            return response
        # A page with no inline script gets no nonce at all: stricter, and the same bytes
        # for every reader, so nginx or a CDN can keep it (gazette/caching).
        nonce = request.csp_nonce if uses_nonce(response, request.csp_nonce) else None
        response["Content-Security-Policy"] = public_policy(nonce)
        return response
