"""Admin views: a campaign's or a creative's report (daily chart, table and CSV)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gazette.ads.models import Campaign, CreativeDailyStat
from gazette.ads.reports import daily_report, report_csv, report_svg

DEFAULT_DAYS = 30
MAX_DAYS = 731


def report_range(params) -> tuple[date, date, list[str]]:
    """Read ?start=&end= (YYYY-MM-DD); default to the last 30 days. Return errors to show."""
    today = timezone.localdate()
    errors = []
    end, start = today, today - timedelta(days=DEFAULT_DAYS - 1)
    for name in ("start", "end"):
        raw = params.get(name, "").strip()
        if not raw:
            continue
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            errors.append(
                _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. %(example)s.")
                % {"value": raw, "example": today.isoformat()}
            )
            continue
        if name == "start":
            start = value
        else:
            end = value
    if start > end:
        errors.append(_("The start date is after the end date; showing the end date only."))
        start = end
    if (end - start).days >= MAX_DAYS:
        errors.append(_("A report covers at most two years; showing the last two years."))
        start = end - timedelta(days=MAX_DAYS - 1)
    return start, end, errors


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """Impressions, clicks and CTR by day for one campaign or creative."""

    template_name = "ads/admin/report.html"
    header_icon = "history"
    model = None
    permission_policy = None
    index_url_name = None
    edit_url_name = None
    report_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def stats(self):
        if isinstance(self.object, Campaign):
            return CreativeDailyStat.objects.filter(creative__campaign=self.object)
        return CreativeDailyStat.objects.filter(creative=self.object)

    def get_page_title(self):
        return _("Report")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural},
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": _("Report: %(name)s") % {"name": self.object}},
        ]

    def get(self, request, *args, **kwargs):
        start, end, errors = report_range(request.GET)
        report = daily_report(self.stats(), start, end)
        if request.GET.get("format") == "csv":
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            name = f"{self.model._meta.model_name}-{self.object.pk}-{start}-{end}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = self.get_context_data(
            report=report,
            chart=mark_safe(report_svg(report)),  # built from numbers and escaped labels
            errors=errors,
            creatives=self.creative_rows(start, end),
            campaign=self.object if isinstance(self.object, Campaign) else self.object.campaign,
        )
        return self.render_to_response(context)

    def creative_rows(self, start, end):
        """For a campaign: each creative's totals over the period, with its report link."""
        if not isinstance(self.object, Campaign):
            return []
        rows = []
        for creative in self.object.creatives.all():
            report = daily_report(CreativeDailyStat.objects.filter(creative=creative), start, end)
            rows.append(
                {
                    "creative": creative,
                    "report": report,
                    "url": reverse("ads_creatives:report", args=[creative.pk]),
                }
            )
        return rows


ReportView.page_title = gettext_lazy("Report")
