"""Wire the newsroom into Wagtail's admin: guard publishing, enforce roles, add the desk."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem

from gazette.newsroom import admin_urls
from gazette.newsroom.actions import can_override
from gazette.newsroom.guard import is_article, page_blockers, revision_blockers
from gazette.newsroom.permissions import is_translator_only, translation_restricted
from gazette.newsroom.translation import is_translation
from gazette.newsroom.views import can_translate


@hooks.register("before_publish_page")
def stop_publication_on_blockers(request, page):
    """Keep the article as a draft when the checks find a blocker; say why and what next."""
    blockers = page_blockers(page)
    if not blockers:
        return None
    items = format_html_join(
        "",
        "<li><code>{}</code> {}: {} {}</li>",
        ((f.check_id, f.where, f.message, f.fix) for f in blockers),
    )
    message = format_html(
        "{} <ul>{}</ul>",
        ngettext(
            "Not published: your changes are saved as a draft, but the integrity checks "
            "found %(count)d blocker. Fix it and publish again.",
            "Not published: your changes are saved as a draft, but the integrity checks "
            "found %(count)d blockers. Fix them and publish again.",
            len(blockers),
        )
        % {"count": len(blockers)},
        items,
    )
    buttons = []
    if can_override(request.user):
        buttons.append(
            messages.button(
                reverse("newsroom:override", args=[page.pk]), _("Publish despite blockers…")
            )
        )
    messages.error(request, message, buttons=buttons)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_edit_page")
def translators_edit_translations_only(request, page):
    """Sections, front pages and originals are out of a translator's reach."""
    user = request.user
    if not translation_restricted(user):
        return None
    specific = page.specific
    if is_article(specific) and specific.permissions_for_user(user).can_edit():
        return None
    return permission_denied(request)


@hooks.register("before_create_page")
def translators_do_not_create_pages(request, parent_page, page_class):
    if is_translator_only(request.user):
        return permission_denied(request)
    return None


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [path("newsroom/", include(admin_urls, namespace="newsroom"))]


class TranslationDeskMenuItem(MenuItem):
    def is_shown(self, request):
        return can_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_desk():
    return TranslationDeskMenuItem(
        gettext_lazy("Translation desk"),
        reverse("newsroom:translation_desk"),
        icon_name="globe",
        order=250,
    )


@hooks.register("register_permissions")
def register_newsroom_permissions():
    return Permission.objects.filter(
        content_type__app_label="newsroom",
        codename__in=["override_integrity_blockers", "translate_article"],
    )


def _translate_button(page, user, priority: int):
    if not is_article(page.specific) or not can_translate(user):
        return None
    if page.get_translations().exists() or is_translation(page.specific):
        return None
    return wagtailadmin_widgets.Button(
        _("Translate article"),
        reverse("newsroom:translate", args=[page.pk]),
        icon_name="globe",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def translate_header_button(page, user, view_name=None, next_url=None):
    if button := _translate_button(page, user, 70):
        yield button


@hooks.register("register_page_listing_more_buttons")
def translate_listing_button(page, user, next_url=None):
    if button := _translate_button(page, user, 55):
        yield button


@hooks.register("register_admin_viewset")
def register_override_log():
    from gazette.newsroom.viewsets import IntegrityOverrideViewSet

    return IntegrityOverrideViewSet("integrity_overrides")


@hooks.register("before_bulk_action")
def stop_bulk_publication_on_blockers(request, action_type, objects, action_class_instance):
    """Bulk "Publish" in the page listing passes through the same integrity checks."""
    if action_type != "publish":
        return None
    blocked = []
    for page in objects:
        revision = page.get_latest_revision()
        if is_article(page.specific) and revision_blockers(revision):
            blocked.append(page)
    if not blocked:
        return None
    titles = ", ".join(f"“{page.title}”" for page in blocked[:5])
    messages.error(
        request,
        ngettext(
            "Nothing was published: %(count)d of the chosen articles has blocking integrity "
            "findings (%(titles)s). Open it to see what to fix, or publish the others on "
            "their own.",
            "Nothing was published: %(count)d of the chosen articles have blocking integrity "
            "findings (%(titles)s). Open each one to see what to fix, or publish the others "
            "on their own.",
            len(blocked),
        )
        % {"count": len(blocked), "titles": titles},
    )
    return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
