"""Render mails: an edition once, then cheap per-recipient messages with their own links."""

from __future__ import annotations

from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_bidi

from gazette.newsletter import queries
from gazette.newsletter.models import Edition, Newsletter
from gazette.newsletter.tokens import make_manage_token, make_unsubscribe_token

# Stand-ins for per-recipient links: rendered once, replaced per message.
UNSUBSCRIBE_MARK = "GZUNSUBSCRIBEMARK"
PREFERENCES_MARK = "GZPREFERENCESMARK"
EMAIL_RENDITION = "fill-560x315|format-jpeg|jpegquality-75"


def magazine_name(language: str) -> str:
    """The magazine's name in `language`, as the site's masthead shows it: the title of the
    default site's front page in that language (the Arabic one is «غازيت», not “Gazette”)."""
    from wagtail.models import Locale, Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    root = site.root_page
    locale = Locale.objects.filter(language_code=language).first()
    home = root.get_translation_or_none(locale) if locale else None
    return (home or root).title


def front_page_url(language: str) -> str:
    """The absolute address of the front page in `language` (`/ar/` for Arabic)."""
    with translation.override(language):
        path = reverse("wagtail_serve", args=[""])
    return absolute(path.rstrip("/"))


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def from_address() -> str:
    return settings.NEWSLETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


def list_id(newsletter: Newsletter) -> str:
    """RFC 2919 List-Id: a stable identifier per newsletter and language."""
    return formataddr((newsletter.name, f"{newsletter.slug}.{site_host()}"))


def manage_url(subscriber_id: int, link_key: str, language: str) -> str:
    with translation.override(language):
        path = reverse("newsletter:preferences", args=[make_manage_token(subscriber_id, link_key)])
    return absolute(path)


def unsubscribe_url(
    subscriber_id: int, link_key: str, newsletter_id: int, edition_id: int, language: str
) -> str:
    token = make_unsubscribe_token(subscriber_id, link_key, newsletter_id, edition_id)
    with translation.override(language):
        path = reverse("newsletter:unsubscribe", args=[token])
    return absolute(path)


PACKED_LINE = 900


def pack_lines(html: str, width: int = PACKED_LINE) -> str:
    """Join an HTML mail's lines, with spaces, into lines of up to `width` characters.

    Outside <pre> a line break in HTML is whitespace like a space, so mail clients show
    the same thing; but mail servers take a message line by line (the template's ~120
    short lines cost every relay on the way more than the bytes do). Lines holding a
    per-reader stand-in are left alone: the links that replace them are long, and no
    line may pass 998 characters (RFC 5322).
    """
    packed: list[str] = []
    current = ""
    for line in html.split("\n"):
        if UNSUBSCRIBE_MARK in line or PREFERENCES_MARK in line:
            packed += [current, line] if current else [line]
            current = ""
        elif not current:
            current = line
        elif len(current) + 1 + len(line) <= width:
            current = f"{current} {line}"
        else:
            packed.append(current)
            current = line
    if current:
        packed.append(current)
    return "\n".join(packed)


RECIPIENT_MARK = "gzrecipientmark@example.invalid"
DELIVERY_MARK = "GZDELIVERYMARK"


class PreparedMessage:
    """The flattened MIME bytes of one recipient's copy, for backends that call message()."""

    def __init__(self, data: bytes):
        self.data = data

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n", **kwargs) -> bytes:
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n", **kwargs) -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8")


class EditionEmail(EmailMultiAlternatives):
    """An ordinary Django message (any backend, including anymail's, can send it) whose
    MIME form is cut from the edition's pre-built bytes instead of being rebuilt."""

    prepared: bytes | None = None
    envelope_from: str = ""

    def message(self, *args, **kwargs):
        if self.prepared is not None:
            return PreparedMessage(self.prepared)
        return super().message(*args, **kwargs)


class EditionMail:
    """An edition rendered once; `message()` makes each recipient's copy."""

    def __init__(self, edition: Edition):
        self.edition = edition
        newsletter = edition.newsletter
        self.language = newsletter.language
        with translation.override(self.language):
            self.unsubscribe_prefix, self.unsubscribe_suffix = self._split_url(
                "newsletter:unsubscribe"
            )
            self.manage_prefix, self.manage_suffix = self._split_url("newsletter:preferences")
            context = self.context(
                unsubscribe_link=UNSUBSCRIBE_MARK, preferences_link=PREFERENCES_MARK
            )
            self.html = pack_lines(render_to_string("newsletter/email/edition.html", context))
            self.text = render_to_string("newsletter/email/edition.txt", context)
        self.from_email = from_address()
        self.list_id = list_id(newsletter)
        self.host = site_host()
        self.template_bytes = self._template_bytes()
        self.envelope_from = sanitize_address(self.from_email, settings.DEFAULT_CHARSET)
        # The bare address for MAIL FROM, as smtplib would extract it from envelope_from.
        self.envelope_sender = parseaddr(self.envelope_from)[1]

    def _template_bytes(self) -> bytes | None:
        """Flatten the message once with stand-ins; None if a part got re-encoded, since
        stand-ins inside quoted-printable or base64 could not be replaced safely."""
        message = self._build(
            delivery_id=DELIVERY_MARK,
            email=RECIPIENT_MARK,
            unsubscribe=UNSUBSCRIBE_MARK,
            body=self.text,
            html=self.html,
        )
        data = message.message().as_bytes(linesep="\r\n")
        lowered = data.lower()
        if b"quoted-printable" in lowered or b"content-transfer-encoding: base64" in lowered:
            return None
        if data.count(RECIPIENT_MARK.encode()) != 1:
            return None
        return data

    def _build(self, *, delivery_id, email, unsubscribe, body, html, connection=None):
        message = EditionEmail(
            subject=self.edition.subject,
            body=body,
            from_email=self.from_email,
            to=[email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": self.list_id,
                # The same id on a resend lets mailbox providers fold duplicates together.
                "Message-ID": f"<gazette.e{self.edition.pk}.d{delivery_id}@{self.host}>",
                "Precedence": "bulk",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(html, "text/html")
        return message

    @staticmethod
    def _split_url(name: str) -> tuple[str, str]:
        path = reverse(name, args=["TOKEN"])
        prefix, suffix = path.split("TOKEN")
        return absolute(prefix), suffix

    def context(self, **extra) -> dict:
        edition = self.edition
        articles = queries.edition_articles(edition)
        for article in articles:
            article.mail_url = absolute(article.url) if article.url else settings.SITE_URL
            if edition.newsletter.layout == "digest" and article.hero_image:
                rendition = article.hero_image.get_rendition(EMAIL_RENDITION)
                article.mail_image = (
                    absolute(rendition.url) if rendition.url.startswith("/") else rendition.url
                )
            else:
                article.mail_image = ""
        return {
            "edition": edition,
            "newsletter": edition.newsletter,
            "articles": articles,
            "site_name": magazine_name(self.language),
            "site_url": front_page_url(self.language),
            "rtl": get_language_bidi(),
            "language": self.language,
            "sent_on": timezone.localtime(edition.window_end or timezone.now()),
            **extra,
        }

    def links_for(self, subscriber_id: int, link_key: str) -> tuple[str, str]:
        unsubscribe = make_unsubscribe_token(
            subscriber_id, link_key, self.edition.newsletter_id, self.edition.pk
        )
        manage = make_manage_token(subscriber_id, link_key)
        return (
            f"{self.unsubscribe_prefix}{unsubscribe}{self.unsubscribe_suffix}",
            f"{self.manage_prefix}{manage}{self.manage_suffix}",
        )

    def prepared_bytes(
        self, *, delivery_id: int, subscriber_id: int, email: str, link_key: str
    ) -> bytes | None:
        """One recipient's whole message as CRLF bytes, cut from the flattened edition;
        None when the edition could not be flattened safely (see `_template_bytes`)."""
        if self.template_bytes is None:
            return None
        unsubscribe, manage = self.links_for(subscriber_id, link_key)
        return (
            self.template_bytes.replace(UNSUBSCRIBE_MARK.encode(), unsubscribe.encode())
            .replace(PREFERENCES_MARK.encode(), manage.encode())
            .replace(RECIPIENT_MARK.encode(), email.encode())
            .replace(DELIVERY_MARK.encode(), str(delivery_id).encode())
        )

    def message(
        self, *, delivery_id: int, subscriber_id: int, email: str, link_key: str, connection=None
    ) -> EditionEmail:
        """One recipient's copy as a Django message, for any email backend."""
        unsubscribe, manage = self.links_for(subscriber_id, link_key)
        body = self.text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, manage)
        html = self.html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, manage)
        message = self._build(
            delivery_id=delivery_id,
            email=email,
            unsubscribe=unsubscribe,
            body=body,
            html=html,
            connection=connection,
        )
        message.prepared = self.prepared_bytes(
            delivery_id=delivery_id, subscriber_id=subscriber_id, email=email, link_key=link_key
        )
        message.envelope_from = self.envelope_from
        return message

    def preview_html(self, subscriber_id: int = 0, link_key: str = "preview") -> str:
        unsubscribe, manage = self.links_for(subscriber_id, link_key)
        return self.html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, manage)

    def preview_text(self, subscriber_id: int = 0, link_key: str = "preview") -> str:
        unsubscribe, manage = self.links_for(subscriber_id, link_key)
        return self.text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, manage)


def transactional_mail(
    template: str, *, to: str, language: str, subject: str, context: dict
) -> EmailMultiAlternatives:
    """A one-off mail (confirmation, already subscribed) in the reader's language."""
    with translation.override(language):
        context = {
            "site_name": magazine_name(language),
            "site_url": front_page_url(language),
            "rtl": get_language_bidi(),
            "language": language,
            **context,
        }
        html = render_to_string(f"newsletter/email/{template}.html", context)
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        message = EmailMultiAlternatives(
            subject=str(subject), body=text, from_email=from_address(), to=[to]
        )
        message.attach_alternative(html, "text/html")
    return message
