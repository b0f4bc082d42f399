"""Admin pages beyond the generic listings: an edition's desk, CSV import, growth chart."""

from __future__ import annotations

import csv
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gazette.newsletter import actions, queries
from gazette.newsletter.charts import growth_series, growth_svg
from gazette.newsletter.consent import client_ip, hash_ip
from gazette.newsletter.csv_import import decode_upload
from gazette.newsletter.importing import STALE_AFTER
from gazette.newsletter.models import (
    Edition,
    EditionStatus,
    ImportStatus,
    Newsletter,
    SubscriberImport,
)
from gazette.newsletter.rendering import EditionMail


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future, or use “Send now”."))
        return when


class EditionView(WagtailAdminTemplateMixin, TemplateView):
    """An edition's desk: its articles, a preview, counts and the send buttons."""

    template_name = "newsletter/admin/edition.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "newsletter.view_edition")
        self.edition = get_object_or_404(
            Edition.objects.select_related("newsletter"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.edition.subject

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsletter_editions:index"), "label": _("Editions")},
            {"url": "", "label": self.edition.subject},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = self.edition
        context.update(
            edition=edition,
            counts=queries.edition_count(edition),
            articles=queries.edition_articles(edition),
            recipients=queries.recipient_ids(edition).count(),
            schedule_form=kwargs.get("schedule_form") or ScheduleForm(),
            can_send=edition.status in (EditionStatus.DRAFT, EditionStatus.SCHEDULED),
            can_change=self.request.user.has_perm("newsletter.change_edition"),
            preview_url=reverse("newsletter_admin:edition_preview", args=[edition.pk]),
        )
        return context


def edition_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The edition as a reader's mail client shows it (HTML, or text with ?part=text)."""
    _require(request, "newsletter.view_edition")
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    mail = EditionMail(edition)
    if request.GET.get("part") == "text":
        return HttpResponse(mail.preview_text(), content_type="text/plain; charset=utf-8")
    response = HttpResponse(mail.preview_html())
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@require_POST
def edition_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Send a test, send now, schedule, refresh articles, cancel or resend interrupted."""
    from gazette.newsletter import tasks

    _require(request, "newsletter.change_edition")
    edition = get_object_or_404(Edition, pk=pk)
    desk = reverse("newsletter_admin:edition", args=[pk])
    try:
        if action == "test":
            if not request.user.email:
                messages.error(request, _("Add an email address to your account to get tests."))
            else:
                tasks.send_test_edition.enqueue(edition.pk, request.user.email)
                messages.success(
                    request, _("A test is on its way to %(email)s.") % {"email": request.user.email}
                )
        elif action == "send":
            actions.start_sending(edition)
            messages.success(request, _("Sending started. Counts below update as it goes."))
        elif action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("when", []):
                    messages.error(request, error)
                return redirect(desk)
            actions.schedule_edition(edition, form.cleaned_data["when"])
            messages.success(request, _("Scheduled."))
        elif action == "refresh":
            actions.refresh_edition_articles(edition)
            messages.success(request, _("Articles gathered again, up to now."))
        elif action == "cancel":
            actions.cancel_edition(edition)
            messages.success(request, _("Edition cancelled."))
        elif action == "resend-interrupted":
            count = actions.requeue_interrupted(edition)
            messages.success(request, _("%(count)d deliveries queued again.") % {"count": count})
        else:
            messages.error(request, _("Unknown action."))
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect(desk)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 CSV with a header row. Columns: email (required), language (en/ar), "
            "newsletters (slugs separated by ;), frequency (daily/weekly)."
        ),
    )
    source = forms.CharField(
        label=gettext_lazy("Consent source"),
        max_length=200,
        help_text=gettext_lazy(
            "Where and how these readers agreed to receive mail, e.g. “Print subscription "
            "form, 2024, box ticked”. Stored with every imported subscriber."
        ),
    )
    newsletters = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Newsletters for rows that name none"),
        queryset=Newsletter.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("These people gave their consent, and I can show how."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it."))
        # Only the file's shape is checked here; its rows are checked by the import task.
        self.text, self.columns = decode_upload(upload.read())
        return upload


MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a subscriber CSV; the import itself runs in the task worker."""

    template_name = "newsletter/admin/import.html"
    form_class = ImportForm
    header_icon = "upload"
    page_title = gettext_lazy("Import subscribers")

    def dispatch(self, request, *args, **kwargs):
        _require(request, "newsletter.add_subscriber")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsletter_subscribers:index"), "label": _("Subscribers")},
            {"url": "", "label": _("Import")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = SubscriberImport.objects.defer("content")[:10]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        job = actions.start_import(
            text=form.text,
            columns=form.columns,
            filename=data["file"].name,
            source=data["source"],
            newsletters=data["newsletters"],
            ip_hash=hash_ip(client_ip(self.request)),
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("The file is queued for import. This page shows how far it has got."),
        )
        return redirect("newsletter_admin:import_progress", pk=job.pk)


class ImportProgressView(WagtailAdminTemplateMixin, TemplateView):
    """How far an import has got, what it did, and every row it could not take."""

    template_name = "newsletter/admin/import_progress.html"
    header_icon = "upload"
    SHOWN_PROBLEMS = 200

    def dispatch(self, request, *args, **kwargs):
        _require(request, "newsletter.add_subscriber")
        self.job = get_object_or_404(SubscriberImport.objects.defer("content"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import of %(file)s") % {"file": self.job.filename}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsletter_subscribers:index"), "label": _("Subscribers")},
            {"url": reverse("newsletter_admin:import"), "label": _("Import")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        stalled = job.status == ImportStatus.RUNNING and (
            job.heartbeat_at is None or job.heartbeat_at < timezone.now() - STALE_AFTER
        )
        context.update(
            job=job,
            problems=job.problem_rows.all()[: self.SHOWN_PROBLEMS],
            shown_problems=self.SHOWN_PROBLEMS,
            stalled=stalled,
            can_resume=job.status == ImportStatus.FAILED
            or stalled
            or (
                job.status == ImportStatus.QUEUED and job.created_at < timezone.now() - STALE_AFTER
            ),
        )
        return context


def import_problems_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The rows an import could not take, as CSV with their line and problem, to fix."""
    _require(request, "newsletter.add_subscriber")
    job = get_object_or_404(SubscriberImport.objects.defer("content"), pk=pk)
    columns = [c for c in job.columns if c] or ["email"]

    class Echo:
        def write(self, value):
            return value

    writer = csv.writer(Echo())

    def rows():
        yield writer.writerow([*columns, _("line"), _("problem")])
        for problem in job.problem_rows.iterator(chunk_size=2000):
            values = problem.values
            yield writer.writerow(
                [*(values.get(c, "") for c in columns), problem.line, problem.reason]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stem = job.filename.rsplit(".", 1)[0] or "import"
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}-problems.csv")
    return response


@require_POST
def import_resume(request: HttpRequest, pk: int) -> HttpResponse:
    """Carry on an import that stopped, from the last row it saved."""
    _require(request, "newsletter.add_subscriber")
    job = get_object_or_404(SubscriberImport.objects.defer("content"), pk=pk)
    try:
        actions.resume_import(job)
        messages.success(
            request, _("The import carries on from row %(n)d.") % {"n": job.rows_done + 1}
        )
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect("newsletter_admin:import_progress", pk=pk)


class GrowthView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/growth.html"
    header_icon = "history"
    page_title = gettext_lazy("Subscriber growth")

    def dispatch(self, request, *args, **kwargs):
        _require(request, "newsletter.view_subscriber")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            days = min(max(int(self.request.GET.get("days", 90)), 7), 730)
        except ValueError:
            days = 90
        series = growth_series(days, timezone.localdate())
        context.update(
            days=days,
            chart=mark_safe(growth_svg(series)),  # built from numbers and escaped labels
            joined=sum(j for _d, j, _l, _t in series),
            left=sum(gone for _d, _j, gone, _t in series),
            total=series[-1][3] if series else 0,
            week_ago=timezone.localdate() - timedelta(days=7),
        )
        return context
