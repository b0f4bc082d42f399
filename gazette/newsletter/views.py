"""Reader-facing pages: sign-up, confirmation, preferences, unsubscribe.

The sign-up endpoint is CSRF-exempt on purpose. The box that posts to it sits on pages
served from the full-page cache, which must not carry a per-reader CSRF token. CSRF
protects actions taken with a visitor's cookies; signing up uses none: a forged
cross-site post can do no more than anyone can do directly, which is to ask for a
confirmation mail. That is limited by the honeypot, the per-IP and per-address rate
limits, a refusal of browsers' cross-site posts (Sec-Fetch-Site), and above all by
double opt-in: nobody is subscribed until the mailbox owner opens the link and presses
the button, and that confirmation form is CSRF-protected as usual.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from gazette.newsletter import actions
from gazette.newsletter.addresses import display_email
from gazette.newsletter.consent import client_ip, hash_ip
from gazette.newsletter.forms import PreferencesForm, SignupForm
from gazette.newsletter.models import Newsletter, Subscriber
from gazette.newsletter.ratelimit import hit
from gazette.newsletter.tokens import (
    BadLink,
    ExpiredLink,
    read_confirmation_token,
    read_manage_token,
    read_unsubscribe_token,
)


def _private(response: HttpResponse) -> HttpResponse:
    """Token pages: never indexed, never leak the token to another site in a Referer.

    `same-origin`, not `no-referrer`: with no-referrer browsers send `Origin: null` on the
    page's own form posts, and CSRF protection then refuses the confirm button.
    """
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@never_cache
def signup_page(request: HttpRequest) -> HttpResponse:
    form = SignupForm(language=translation.get_language())
    return render(request, "newsletter/signup.html", {"form": form})


def _signup_answer(request, status: int, message: str, form=None) -> HttpResponse:
    if _wants_json(request):
        payload = {"ok": status == 200, "message": message}
        if form is not None and form.errors:
            payload["errors"] = {k: [str(e) for e in v] for k, v in form.errors.items()}
        return JsonResponse(payload, status=status)
    template = "newsletter/check_inbox.html" if status == 200 else "newsletter/signup.html"
    context = {"form": form or SignupForm(language=translation.get_language()), "message": message}
    return render(request, template, context, status=status)


@csrf_exempt  # see the module docstring: the box lives on cached pages
@never_cache
@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return _signup_answer(
            request, 403, _("Sign up on our own site: forms on other sites cannot do it for you.")
        )
    ip = client_ip(request)
    if not hit(
        "ip",
        ip,
        settings.NEWSLETTER_SIGNUPS_PER_IP,
        settings.NEWSLETTER_SIGNUP_IP_WINDOW,
    ):
        return _signup_answer(
            request,
            429,
            _(
                "Too many sign-ups came from your network in a short time. Please try "
                "again in an hour."
            ),
        )
    form = SignupForm(request.POST, language=translation.get_language())
    done = _(
        "Thank you. If the address can receive our mail, a message with a confirmation link "
        "is on its way. Open it and press the button to start your subscription."
    )
    if form.is_bot:
        return _signup_answer(request, 200, done)  # tell a bot nothing useful
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _signup_answer(request, 400, message, form)
    data = form.cleaned_data
    newsletters = list(data["newsletters"]) or actions.default_newsletters(data["language"])
    if not newsletters:
        return _signup_answer(
            request, 400, _("There is no newsletter to subscribe to yet. Please come back soon.")
        )
    # The per-address limit answers like success: it must not reveal anything.
    if hit(
        "address",
        data["email"],
        settings.NEWSLETTER_MAILS_PER_ADDRESS,
        settings.NEWSLETTER_ADDRESS_WINDOW,
    ):
        actions.request_subscription(
            email=data["email"],
            language=data["language"],
            newsletters=newsletters,
            frequency=data["frequency"],
            source=f"signup:{data.get('source') or 'page'}",
            ip_hash=hash_ip(ip),
        )
    return _signup_answer(request, 200, done)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST it sends subscribes (mail scanners only GET)."""
    try:
        payload = read_confirmation_token(token)
    except ExpiredLink:
        return _private(render(request, "newsletter/link_expired.html", status=410))
    except BadLink:
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    newsletters = Newsletter.objects.filter(pk__in=payload.get("n", []))
    context = {
        "email": display_email(payload["e"]),
        "newsletters": newsletters,
        "token": token,
    }
    if request.method == "POST":
        subscriber = actions.confirm_subscription(payload, hash_ip(client_ip(request)))
        from gazette.newsletter.rendering import manage_url

        context["preferences_url"] = manage_url(
            subscriber.pk, subscriber.link_key, translation.get_language()
        )
        context["newsletters"] = list(subscriber.newsletters.all())
        context["frequency"] = subscriber.get_frequency_display()
        return _private(render(request, "newsletter/confirmed.html", context))
    return _private(render(request, "newsletter/confirm.html", context))


def _subscriber_from_manage_token(token: str) -> Subscriber | None:
    try:
        subscriber_id, link_key = read_manage_token(token)
    except BadLink:
        return None
    return Subscriber.objects.filter(pk=subscriber_id, link_key=link_key).first()


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = _subscriber_from_manage_token(token)
    if subscriber is None:
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            actions.update_preferences(
                subscriber,
                language=form.cleaned_data["language"],
                frequency=form.cleaned_data["frequency"],
                newsletters=form.cleaned_data["newsletters"],
                ip_hash=hash_ip(client_ip(request)),
            )
            saved = True
    else:
        form = PreferencesForm(
            initial={
                "language": subscriber.language,
                "frequency": subscriber.frequency,
                "newsletters": list(subscriber.newsletters.values_list("pk", flat=True)),
            }
        )
    context = {
        "form": form,
        "subscriber": subscriber,
        "email": display_email(subscriber.email),
        "token": token,
        "saved": saved,
    }
    return _private(render(request, "newsletter/preferences.html", context))


@never_cache
def export_data(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = _subscriber_from_manage_token(token)
    if subscriber is None:
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    data = actions.export_subscriber_data(subscriber)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="newsletter-data.json"'
    return _private(response)


@never_cache
@require_http_methods(["GET", "POST"])
def delete_data(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = _subscriber_from_manage_token(token)
    if subscriber is None:
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    if request.method == "POST":
        actions.delete_subscriber(subscriber)
        return _private(render(request, "newsletter/deleted.html"))
    context = {"email": display_email(subscriber.email), "token": token}
    return _private(render(request, "newsletter/delete.html", context))


@csrf_exempt  # RFC 8058: mail providers POST here with no cookie and no form token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = read_unsubscribe_token(token)
    except BadLink:
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    subscriber = Subscriber.objects.filter(pk=link.subscriber_id, link_key=link.link_key).first()
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    if subscriber is None:
        if request.method == "POST" and one_click:
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return _private(render(request, "newsletter/link_invalid.html", status=404))
    newsletter = Newsletter.objects.filter(pk=link.newsletter_id).first()
    from gazette.newsletter.rendering import manage_url

    context = {
        "email": display_email(subscriber.email),
        "newsletter": newsletter,
        "token": token,
        "preferences_url": manage_url(subscriber.pk, subscriber.link_key, subscriber.language),
    }
    if request.method == "POST":
        actions.unsubscribe(
            subscriber,
            newsletter_id=link.newsletter_id or None,
            edition_id=link.edition_id or None,
            source="one-click" if one_click else "unsubscribe page",
            ip_hash=hash_ip(client_ip(request)),
        )
        if one_click:
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return _private(render(request, "newsletter/unsubscribed.html", context))
    return _private(render(request, "newsletter/unsubscribe.html", context))
