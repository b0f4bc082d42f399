"""The view beacon endpoint (readers' browsers post here after a page has loaded)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gazette.discovery.beacon import accept_beacon


@csrf_exempt  # no cookie is read or set; the body carries only a page id and a language
@require_POST
def view_beacon(request: HttpRequest) -> HttpResponse:
    """Count a page view; always answer 204 so the response tells nothing."""
    accept_beacon(request.META, request.body)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
