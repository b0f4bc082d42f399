"""Reader-facing ad endpoints: the slot list, the sandboxed frame, the impression beacon,
the click redirect, and ads.txt. None of them touches the database per request except
ads.txt (read from the site settings, then cached)."""

from __future__ import annotations

import re

from django.core.cache import cache
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Site

from gazette.ads import actions
from gazette.ads.bots import is_bot
from gazette.ads.eligibility import eligible
from gazette.ads.index import creative_by_id, load_index
from gazette.ads.sanitise import CLICK_PLACEHOLDER

SLOT_LIST_MAX_AGE = 60
FRAME_MAX_AGE = 300
KEY = re.compile(r"^[-a-zA-Z0-9_]{1,60}$")

# The frame that shows an HTML creative: nothing may run, load from or submit to anywhere
# but images; the sandbox gives it an opaque origin even when opened on its own.
FRAME_CSP = (
    "default-src 'none'; img-src https: http: 'self' data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
    "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
)


def _public_creative(creative: dict, slot_key: str) -> dict:
    click = reverse("ads:click", args=[creative["id"]]) + f"?slot={slot_key}"
    item = {
        "id": creative["id"],
        "w": creative["w"],
        "h": creative["h"],
        "size": creative["size"],
        "devices": creative["devices"],
        "priority": creative["priority"],
        "campaign": creative["campaign"],
        "weight": creative["weight"],
        "creative_weight": creative["creative_weight"],
        "kind": creative["kind"],
        "click": click,
    }
    if creative["kind"] == "image":
        item["img"] = creative["img"]
    else:
        item["frame"] = reverse("ads:frame", args=[creative["id"]]) + f"?slot={slot_key}"
    return item


@require_safe
def slot_creatives(request: HttpRequest, key: str) -> JsonResponse:
    """The creatives eligible for a slot on a page of this language, section and kind."""
    index = load_index()
    slot = (index or {}).get("slots", {}).get(key)
    if slot is None:
        raise Http404("No such ad slot.")
    section = request.GET.get("section", "")
    section_id = int(section) if section.isdigit() else None
    found = eligible(
        index,
        slot,
        language=request.GET.get("lang", "")[:10],
        section_id=section_id,
        kind=request.GET.get("kind", "")[:20],
        now=timezone.now(),
    )
    response = JsonResponse(
        {
            "slot": key,
            "boxes": slot["boxes"],
            "creatives": [_public_creative(c, key) for c in found],
        }
    )
    response["Cache-Control"] = f"public, max-age={SLOT_LIST_MAX_AGE}"
    return response


@require_safe
@xframe_options_sameorigin  # the site frames it; X_FRAME_OPTIONS is DENY everywhere else
def creative_frame(request: HttpRequest, creative_id: int) -> HttpResponse:
    """An HTML creative on its own, for a sandboxed iframe, under a strict CSP."""
    creative = creative_by_id(load_index(), creative_id)
    if creative is None or creative["kind"] != "html":
        raise Http404("No such ad.")
    slot_key = request.GET.get("slot", "")
    slot_key = slot_key if KEY.match(slot_key) else ""
    click = reverse("ads:click", args=[creative_id]) + (f"?slot={slot_key}" if slot_key else "")
    body = creative["html"].replace(f'href="{CLICK_PLACEHOLDER}"', f'href="{escape(click)}"')
    html = render_to_string(
        "ads/frame.html", {"body": body, "width": creative["w"], "height": creative["h"]}
    )
    response = HttpResponse(html)
    response["Content-Security-Policy"] = FRAME_CSP
    response["Cache-Control"] = f"public, max-age={FRAME_MAX_AGE}"
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # a beacon from a cached page carries no CSRF token; it only adds one count
@require_POST
def impression_beacon(request: HttpRequest) -> HttpResponse:
    """Count an impression the reader's browser saw (half the ad in view for a second)."""
    creative_id = request.POST.get("c", "")
    slot_key = request.POST.get("s", "")
    if not creative_id.isdigit() or not KEY.match(slot_key):
        return HttpResponseBadRequest("Send c=<creative id>&s=<slot key>.")
    index = load_index()
    known = creative_by_id(index, int(creative_id)) and slot_key in (index or {}).get("slots", {})
    if known and not is_bot(request):
        actions.do_count_event(int(creative_id), slot_key, actions.IMPRESSION)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def click_redirect(request: HttpRequest, creative_id: int) -> HttpResponse:
    """Count a click and send the reader to the creative's own address (and nowhere else)."""
    index = load_index()
    creative = creative_by_id(index, creative_id)
    if creative is None:
        raise Http404("This ad is no longer running.")
    slot_key = request.GET.get("slot", "")
    if not KEY.match(slot_key) or slot_key not in index["slots"]:
        slot_key = ""
    if not is_bot(request):
        actions.do_count_event(creative_id, slot_key, actions.CLICK)
    response = HttpResponseRedirect(creative["click_url"])
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _sellers_file(request: HttpRequest, field: str) -> HttpResponse:
    from gazette.ads.models import AdsTxtSettings

    site = Site.find_for_request(request)
    cache_key = f"gazette:ads:{field}:{site.pk if site else 0}"
    text = cache.get(cache_key)
    if text is None:
        text = getattr(AdsTxtSettings.for_site(site), field) if site else ""
        cache.set(cache_key, text, 300)
    if not text.strip():
        raise Http404("This site publishes no such file yet.")
    response = HttpResponse(text.strip() + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def ads_txt(request: HttpRequest) -> HttpResponse:
    return _sellers_file(request, "ads_txt")


@require_safe
def app_ads_txt(request: HttpRequest) -> HttpResponse:
    return _sellers_file(request, "app_ads_txt")
