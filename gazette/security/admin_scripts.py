"""Let the Wagtail admin run under a policy that forbids inline scripts.

Wagtail 7.4 still starts some widgets with a small inline script of its own: every
chooser (`new ImageChooser("id_hero_image", {…});`), the date and time pickers
(`initDateChooser("id_updated_at", {…});`) and inline panels
(`(function() { var panel = new InlinePanel(JSON.parse("…")); })();`). Each has a fixed
shape whose only variable parts are data: JSON values, or a string escaped by `escapejs`.
Only scripts of exactly those shapes are given the response's nonce; any other inline
script in an admin page — one an attacker managed to inject, say — is not, and the
browser refuses to run it.

Choosers and panels also arrive inside modal dialogs, as HTML in a JSON answer that
Wagtail's JavaScript inserts into the page already open (jQuery runs the scripts, and
copies their nonce). So the admin nonce is the same for every answer within one signed-in
session: derived from the session cookie with the secret key, it changes at every sign-in.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets

from django.conf import settings

SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CHOOSER = re.compile(r"\s*new ([A-Z][A-Za-z]*Chooser)\((.*)\);\s*", re.S)
DATE_PICKER = re.compile(
    r"\s*(initDateChooser|initTimeChooser|initDateTimeChooser)\((.*)\);\s*", re.S
)
PANEL = re.compile(
    r"\s*\(function\(\)\s*\{\s*var panel = new (InlinePanel|MultipleChooserPanel)"
    r'\(JSON\.parse\("((?:[^"\\]|\\.)*)"\)\);\s*\}\)\(\);\s*',
    re.S,
)
_decoder = json.JSONDecoder()


def _json_arguments(text: str) -> bool:
    """True when `text` is one or more JSON values separated by commas, and nothing else."""
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        try:
            _value, position = _decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return False
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return True
        if text[position] != ",":
            return False
        position += 1


def is_wagtail_widget_script(body: str) -> bool:
    """Whether an inline script is one of Wagtail's widget starters, with data only."""
    for shape in (CHOOSER, DATE_PICKER):
        match = shape.fullmatch(body)
        if match:
            return _json_arguments(match.group(2))
    match = PANEL.fullmatch(body)
    if match:
        try:
            json.loads(f'"{match.group(2)}"')  # a plain string literal, nothing more
        except json.JSONDecodeError:
            return False
        return True
    return False


def add_nonce(html: str, nonce: str) -> str:
    """Give Wagtail's own widget scripts in `html` the nonce; leave every other script alone."""
    if "<script>" not in html:
        return html

    def replace(match: re.Match) -> str:
        if is_wagtail_widget_script(match.group(1)):
            return f'<script nonce="{nonce}">{match.group(1)}</script>'
        return match.group(0)

    return SCRIPT.sub(replace, html)


def add_nonce_to_json(data, nonce: str):
    """The same, for the HTML inside a JSON answer (Wagtail's modal dialogs)."""
    if isinstance(data, str):
        return add_nonce(data, nonce)
    if isinstance(data, list):
        return [add_nonce_to_json(item, nonce) for item in data]
    if isinstance(data, dict):
        return {key: add_nonce_to_json(value, nonce) for key, value in data.items()}
    return data


def admin_nonce(request) -> str:
    """One nonce per signed-in session (see above); a fresh one without a session."""
    session = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session:
        return secrets.token_urlsafe(16)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"csp-admin:" + session.encode(), hashlib.sha256
    )
    return digest.hexdigest()[:32]


def nonce_wagtail_scripts(response, nonce: str) -> None:
    """Add the nonce to Wagtail's widget scripts in an admin answer (HTML or JSON)."""
    if response.streaming or b"script" not in response.content:
        return
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        charset = response.charset or "utf-8"
        response.content = add_nonce(response.content.decode(charset), nonce).encode(charset)
    elif kind.startswith("application/json"):
        try:
            data = json.loads(response.content)
        except ValueError:
            return
        response.content = json.dumps(add_nonce_to_json(data, nonce)).encode()
    else:
        return
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
