"""Content-Security-Policy with a fresh nonce per response.

Public pages get a strict policy: scripts only from this site or carrying the nonce
(`<script nonce="{{ request.csp_nonce }}">`). The Wagtail admin, which ships its own
inline scripts, gets a policy that keeps framing, plugins and base-URI locked down.
The page cache swaps the nonce for a new one on every hit (gazette/caching/lookup.py).
"""

from __future__ import annotations

import secrets

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def policy(directives: dict[str, list[str]], nonce: str) -> str:
    parts = []
    for name, sources in directives.items():
        values = [s.replace("{nonce}", f"'nonce-{nonce}'") for s in sources]
        parts.append(" ".join([name, *values]).strip())
    return "; ".join(parts)


def public_policy(nonce: str) -> str:
    return policy(settings.GAZETTE_CSP, nonce)


def admin_policy(nonce: str) -> str:
    return policy(settings.GAZETTE_CSP_ADMIN, nonce)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if request.path.startswith(ADMIN_PREFIXES):
            response["Content-Security-Policy"] = admin_policy(request.csp_nonce)
        else:
            response["Content-Security-Policy"] = public_policy(request.csp_nonce)
        return response
