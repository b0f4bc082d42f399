"""Newsroom fixtures: the roles on a real magazine, users in them, a real SMTP server."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from django.contrib.auth import get_user_model

from gazette.newsroom.roles import (
    AUTHORS,
    CONTRIBUTORS,
    EDITORS,
    LEGAL,
    TRANSLATORS,
    ensure_roles,
)


@pytest.fixture
def roles(magazine):
    return ensure_roles([magazine["home"], magazine["home_ar"]])


def make_user(username: str, group=None, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@gazette.localhost",
        password=f"gazette-{username}",
        first_name=username.title(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def editor(roles):
    return make_user("editor", roles[EDITORS])


@pytest.fixture
def legal(roles):
    return make_user("legal", roles[LEGAL])


@pytest.fixture
def contributor(roles):
    return make_user("contributor", roles[CONTRIBUTORS])


@pytest.fixture
def author_user(roles):
    return make_user("columnist", roles[AUTHORS])


@pytest.fixture
def translator_user(roles):
    return make_user("translator", roles[TRANSLATORS])


@pytest.fixture
def admin_user_(magazine):
    return make_user("admin", superuser=True)


class Inbox:
    """Messages a real SMTP server (aiosmtpd) received."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        with self._lock:
            self.messages.append(
                (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default))
            )
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        return list(self.messages)

    def to(self, address: str):
        return [message for rcpts, message in self.messages if address in rcpts]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on 127.0.0.1; Django's mail settings come from EMAIL_URL as in production."""
    from aiosmtpd.controller import Controller

    from gazette.env import email_settings

    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in email_settings(f"smtp://127.0.0.1:{port}", "/nonexistent").items():
        setattr(settings, key, value)
    try:
        yield inbox
    finally:
        controller.stop()


def draft_article(section, owner, authors, title="A second berth for the harbour", paragraphs=None):
    """An article as a writer leaves it: saved as a draft, never published."""
    from wagtail.rich_text import RichText

    from gazette.news.models import ArticleAuthor, ArticlePage

    paragraphs = paragraphs or [
        "The harbour authority said on Tuesday that the new berth would open in spring.",
        "Ships have waited up to four days for a berth this year.",
    ]
    page = ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-")[:50],
        standfirst="What the new berth means for importers.",
        kind=section.default_kind,
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs],
        owner=owner,
        live=False,
        locale=section.locale,
    )
    for author in authors:
        page.article_authors.add(ArticleAuthor(author=author))
    section.add_child(instance=page)
    page.save_revision(user=owner)
    return page
