"""The admin's policy forbids inline scripts; only Wagtail's own widget starters run."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model

from gazette.security.admin_scripts import add_nonce, add_nonce_to_json, is_wagtail_widget_script

WAGTAIL_STARTERS = [
    'new ImageChooser("id_hero_image", {"modalUrl": "/admin/images/chooser/"});',
    'new SnippetChooser("id_translator", {"modalUrl": "/admin/snippets/choose/people/author/"});',
    'initDateTimeChooser("id_updated_at", {"dayOfWeekStart": 0, "format": "Y-m-d H:i"});',
    'initDateChooser("id_day\\u002Dfrom", {"dayOfWeekStart": 1});',
    """
        (function() {
            var panel = new MultipleChooserPanel(JSON.parse("{\\u0022type\\u0022: \\u0022x\\u0022}"));
        })();
    """,
]
INJECTED = [
    "alert(document.cookie)",
    'new ImageChooser("id", {}); alert(1);',
    'new ImageChooser("id", alert(1));',
    'new ImageChooser("id", {"a": 1}) + fetch("//evil.example");',
    'initDateChooser("id", {}, (() => alert(1))());',
    'new Chooser("id", {});',
    '(function() { var panel = new InlinePanel(JSON.parse("x"), alert(1)); })();',
    '(function() { var panel = new InlinePanel(JSON.parse("x" + alert(1) + "")); })();',
]


@pytest.mark.parametrize("body", WAGTAIL_STARTERS)
def test_wagtail_widget_starters_get_the_nonce(body):
    assert is_wagtail_widget_script(body)
    assert add_nonce(f"<p>x</p><script>{body}</script>", "N") == (
        f'<p>x</p><script nonce="N">{body}</script>'
    )


@pytest.mark.parametrize("body", INJECTED)
def test_any_other_inline_script_does_not(body):
    assert not is_wagtail_widget_script(body)
    html = f"<p>x</p><script>{body}</script>"
    assert add_nonce(html, "N") == html


def test_scripts_in_a_modal_answer_get_the_nonce_too():
    answer = {"html": f"<form><script>{WAGTAIL_STARTERS[0]}</script></form>", "step": "chooser"}
    assert 'nonce="N"' in add_nonce_to_json(answer, "N")["html"]


@pytest.fixture
def editor_client(client, db):
    get_user_model().objects.create_superuser("editor", "ed@example.com", "right-pass-1")
    client.post("/admin/login/", {"username": "editor", "password": "right-pass-1"})
    return client


def admin_nonce_of(response) -> str:
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    return re.search(r"'nonce-([^']+)'", script_src).group(1)


def test_the_article_editor_runs_its_widgets_and_nothing_else(editor_client, article):
    response = editor_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    nonce = admin_nonce_of(response)
    html = response.content.decode()
    started = re.findall(
        r'<script nonce="([^"]+)">\s*(new \w+|initDateTimeChooser|\(function)', html
    )
    kinds = {kind for _nonce, kind in started}
    assert {"new ImageChooser", "initDateTimeChooser", "(function"} <= kinds, kinds
    assert {n for n, _kind in started} == {nonce}
    # Every inline script left without the nonce would be refused: there is none.
    assert re.findall(r"<script>(?!\s*</script>)", html) == []


def test_a_modal_answer_shares_the_page_nonce(editor_client, article):
    page = editor_client.get(f"/admin/pages/{article.pk}/edit/")
    modal = editor_client.get("/admin/snippets/choose/people/author/")  # the byline chooser
    assert modal.status_code == 200 and modal["Content-Type"].startswith("application/json")
    assert admin_nonce_of(modal) == admin_nonce_of(page)
    json.loads(modal.content)  # still valid JSON


def test_the_nonce_changes_with_the_session(client, db, article):
    get_user_model().objects.create_superuser("editor", "ed@example.com", "right-pass-1")
    login = client.get("/admin/login/")
    assert admin_nonce_of(login) != admin_nonce_of(client.get("/admin/login/"))  # no session
    client.post("/admin/login/", {"username": "editor", "password": "right-pass-1"})
    first = admin_nonce_of(client.get("/admin/"))
    assert admin_nonce_of(client.get("/admin/")) == first
    client.logout()
    client.post("/admin/login/", {"username": "editor", "password": "right-pass-1"})
    assert admin_nonce_of(client.get("/admin/")) != first
