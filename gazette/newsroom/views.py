"""Admin views of the newsroom: translate, the translation desk, publish with override."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.models import Locale

from gazette.news.models import ArticlePage
from gazette.newsroom import queries
from gazette.newsroom.actions import can_override, publish_with_override, start_translation
from gazette.newsroom.forms import OverrideReasonForm, TranslateForm
from gazette.newsroom.guard import revision_blockers
from gazette.people.models import Author

DESK_PAGE_SIZE = 25


def can_translate(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("newsroom.translate_article"))


def translate(request, page_id: int):
    """Create a linked draft of an article in the other language, crediting its translator."""
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not can_translate(request.user):
        raise PermissionDenied
    taken = page.get_translations(inclusive=True).values_list("locale_id", flat=True)
    locales = Locale.objects.exclude(pk__in=taken)
    if not locales.exists():
        messages.warning(request, _("This article exists in every language already."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    target = locales.first()
    data = request.POST if request.method == "POST" else None
    chosen_locale = Locale.objects.filter(pk=(data or {}).get("locale")).first() or target
    # Translators first (their role is written in each language, so look at every version
    # of the author), then everyone else who might translate a piece.
    translator_keys = Author.objects.filter(role__iexact="translator").values("translation_key")
    translators = Author.objects.filter(locale=chosen_locale).order_by(
        Case(When(translation_key__in=translator_keys, then=0), default=1), "name"
    )
    # The account's own author record, in whichever language its name is written.
    own_keys = Author.objects.filter(name__iexact=request.user.get_full_name()).values(
        "translation_key"
    )
    mine = translators.filter(translation_key__in=own_keys).first()
    form = TranslateForm(
        data,
        locales=locales,
        translators=translators,
        initial_translator=mine,
        initial={"locale": target},
    )
    if request.method == "POST" and form.is_valid():
        draft = start_translation(
            page, form.cleaned_data["locale"], request.user, form.cleaned_data["translator"]
        )
        messages.success(
            request,
            _("Translation draft created in %(language)s, credited to %(name)s.")
            % {
                "language": draft.locale.get_display_name(),
                "name": form.cleaned_data["translator"].name,
            },
        )
        return redirect("wagtailadmin_pages:edit", draft.pk)
    return TemplateResponse(
        request, "newsroom/translate.html", {"page": page, "form": form, "title": _("Translate")}
    )


def translation_desk(request):
    """Articles awaiting translation, translations in progress and stale translations."""
    if not can_translate(request.user):
        raise PermissionDenied
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    direction = request.GET.get("from", "ar")
    if direction not in locales:
        direction = next(iter(locales), "en")
    source = locales.get(direction)
    target = next((loc for code, loc in locales.items() if code != direction), None)
    lists = {
        "stale": queries.stale_translations(),
        "in_progress": queries.translations_in_progress(),
        "awaiting": queries.awaiting_translation(source, target)
        if source and target
        else ArticlePage.objects.none(),
    }
    pages = {
        name: Paginator(queryset, DESK_PAGE_SIZE).get_page(request.GET.get(f"{name}_page"))
        for name, queryset in lists.items()
    }
    return TemplateResponse(
        request,
        "newsroom/translation_desk.html",
        {
            "title": _("Translation desk"),
            "pages": pages,
            "direction": direction,
            "locales": locales.values(),
            "target": target,
        },
    )


def override(request, page_id: int):
    """Publish the latest version despite blockers, with a recorded reason."""
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not (can_override(request.user) and page.permissions_for_user(request.user).can_publish()):
        raise PermissionDenied
    revision = page.get_latest_revision()
    blockers = revision_blockers(revision)
    form = OverrideReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not blockers:
            messages.info(request, _("The blockers are fixed; publish from the editor."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        publish_with_override(revision, request.user, form.cleaned_data["comment"])
        messages.success(
            request,
            ngettext(
                "“%(title)s” was published despite %(count)d blocker; your reason is on record.",
                "“%(title)s” was published despite %(count)d blockers; your reason is on record.",
                len(blockers),
            )
            % {"title": page.title, "count": len(blockers)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "newsroom/override.html",
        {
            "page": page,
            "revision": revision,
            "blockers": blockers,
            "form": form,
            "title": _("Publish despite blockers"),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
