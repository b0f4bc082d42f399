"""The sign-in log, for administrators."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from gazette.security.models import SignInEvent


def sign_in_log(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    events = SignInEvent.objects.select_related("user")
    if username := request.GET.get("username", "").strip():
        events = events.filter(username__iexact=username)
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    return render(request, "security/sign_in_log.html", {"page_obj": page, "username": username})
