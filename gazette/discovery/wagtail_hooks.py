"""Admin wiring: article settings, the article's views page, the Most read report."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from gazette.discovery.actions import apply_editor_choices
from gazette.discovery.admin_views import ArticleDiscoveryView, PopularReportView
from gazette.discovery.models import ArticleDiscovery
from gazette.discovery.permissions import ArticleDiscoveryPermissionPolicy, can_publish_somewhere
from gazette.discovery.rollup import refresh_popular
from gazette.news.models import ArticlePage


class DiscoveryEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        apply_editor_choices(instance)  # pins and exclusions show at once, no recompute needed
        refresh_popular()
        return instance


class ArticleDiscoveryViewSet(ModelViewSet):
    model = ArticleDiscovery
    icon = "pick"
    menu_label = _("Article discovery")
    add_to_admin_menu = False
    edit_view_class = DiscoveryEditView
    list_display = ["article", "exclude_from_popular", "computed_at"]
    search_fields = None
    permission_policy = ArticleDiscoveryPermissionPolicy()


article_discovery_viewset = ArticleDiscoveryViewSet("discovery_settings")


@hooks.register("register_admin_viewset")
def register_viewset():
    return article_discovery_viewset


def article_settings(request, page_id: int):
    """Open an article's discovery settings, creating the row on first use."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    ArticleDiscovery.objects.get_or_create(article=article)
    return redirect(article_discovery_viewset.get_url_name("edit"), article.pk)


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "discovery/article/<int:page_id>/",
            ArticleDiscoveryView.as_view(),
            name="discovery_article",
        ),
        path(
            "discovery/article/<int:page_id>/settings/",
            article_settings,
            name="discovery_article_settings",
        ),
        path("discovery/most-read/", PopularReportView.as_view(), name="discovery_report"),
    ]


class MostReadMenuItem(MenuItem):
    def is_shown(self, request):
        return can_publish_somewhere(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MostReadMenuItem(
        _("Most read"), reverse("discovery_report"), icon_name="doc-full-inverse", order=50
    )


@hooks.register("register_settings_menu_item")
def register_settings_menu_item():
    return AdminOnlyMenuItem(
        _("Article discovery"),
        reverse(article_discovery_viewset.get_url_name("index")),
        icon_name="pick",
        order=900,
    )


def _article_button(page, priority):
    if page.specific_class is not ArticlePage or not page.pk:
        return None
    return Button(
        _("Views & related"),
        reverse("discovery_article", args=[page.pk]),
        icon_name="pick",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    if button := _article_button(page, 62):
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    if button := _article_button(page, 45):
        yield button
