"""Admin pages: views over time for one article, and the most-read report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from gazette.discovery import queries
from gazette.discovery.charts import views_chart
from gazette.discovery.models import ArticleDiscovery
from gazette.discovery.permissions import can_publish_somewhere
from gazette.news.models import ArticlePage, SectionPage

CHART_DAYS = {"30": 30, "90": 90, "365": 365}


class ArticleDiscoveryView(WagtailAdminTemplateMixin, TemplateView):
    """One article: its views per day, its stored relatives, and a link to its settings."""

    template_name = "discovery/admin/article.html"
    header_icon = "pick"

    def dispatch(self, request, page_id: int):
        self.article = get_object_or_404(ArticlePage, pk=page_id)
        if not self.article.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Views and related articles")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
                "label": self.article.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return self.article.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = CHART_DAYS.get(self.request.GET.get("days", ""), 30)
        series = queries.views_by_day(self.article.pk, days)
        discovery = ArticleDiscovery.objects.filter(article=self.article).first()
        related_ids = discovery.related_ids if discovery else []
        related = {
            a.pk: a for a in ArticlePage.objects.filter(pk__in=related_ids).select_related("locale")
        }
        context.update(
            article=self.article,
            chart=views_chart(series),
            days=days,
            day_choices=CHART_DAYS,
            total=sum(v for _d, v in series),
            discovery=discovery,
            related=[related[pk] for pk in related_ids if pk in related],
            pinned_ids=set(discovery.pins.values_list("target_id", flat=True))
            if discovery
            else set(),
            settings_url=reverse("discovery_article_settings", args=[self.article.pk]),
        )
        return context


class PopularReportView(WagtailAdminTemplateMixin, TemplateView):
    """Most-read articles for a period, and totals per section and per author."""

    template_name = "discovery/admin/report.html"
    page_title = _("Most read")
    header_icon = "doc-full-inverse"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_publish_somewhere(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.request.GET.get("period")
        period = period if period in queries.PERIODS else "7d"
        languages = dict(Locale.objects.values_list("language_code", "language_code"))
        language = self.request.GET.get("language") or None
        if language not in languages:
            language = None
        section_id = self.request.GET.get("section") or ""
        section_id = int(section_id) if section_id.isdigit() else None
        context.update(
            periods=queries.PERIODS,
            period=period,
            languages=[(code, Locale(language_code=code).get_display_name()) for code in languages],
            language=language,
            sections=SectionPage.objects.select_related("locale").order_by("locale_id", "path"),
            section_id=section_id,
            top=queries.top_articles(period, language, section_id),
            per_section=queries.views_per_section(period, language),
            per_author=queries.views_per_author(period, language),
        )
        return context
