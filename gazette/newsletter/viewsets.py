"""The newsletter's admin: newsletters, editions, subscribers, suppressed addresses."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.forms import modelform_factory
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from gazette.newsletter import admin_views
from gazette.newsletter.admin_forms import NewsletterAdminForm
from gazette.newsletter.models import (
    Edition,
    EditionStatus,
    Newsletter,
    Subscriber,
    SubscriberStatus,
    Suppression,
)
from gazette.newsletter.queries import edition_counts


class NewsletterIndexView(SnippetIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                readers=Count(
                    "subscribers", filter=Q(subscribers__status=SubscriberStatus.SUBSCRIBED)
                )
            )
        )


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = _("Newsletters")
    list_filter = ["language", "cadence", "is_active"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    index_view_class = NewsletterIndexView
    edit_handler = ObjectList(Newsletter.panels, base_form_class=NewsletterAdminForm)

    @cached_property
    def list_display(self):
        return [
            "name",
            "language",
            Column("schedule_display", label=_("Schedule")),
            Column("readers", label=_("Subscribers")),
            BooleanColumn("is_active", label=_("Active")),
        ]


class CountColumn(Column):
    """One delivery count of an edition, read from counts fetched for the whole page."""

    def __init__(self, name, label):
        super().__init__(name, label=label)

    def get_value(self, instance):
        return getattr(instance, "counts", {}).get(self.name, 0)


class EditionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("newsletter")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editions = list(context["object_list"])
        counts = edition_counts([e.pk for e in editions])
        for edition in editions:
            edition.counts = counts.get(edition.pk, {})
        return context

    def get_edit_url(self, instance):
        return reverse("newsletter_admin:edition", args=[instance.pk])


class EditionCreateView(generic.CreateView):
    def save_instance(self):
        from gazette.newsletter.actions import compose_edition

        data = self.form.cleaned_data
        return compose_edition(
            data["newsletter"], cadence=data["cadence"], subject=data.get("subject") or ""
        )

    def get_success_url(self):
        return reverse("newsletter_admin:edition", args=[self.object.pk])


class EditionEditView(generic.EditView):
    """Only a subject can change, and only before the edition goes out."""

    def dispatch(self, request, *args, **kwargs):
        edition = Edition.objects.filter(pk=kwargs.get("pk")).first()
        if edition is not None and edition.status not in EDITABLE:
            messages.error(request, _("An edition that went out or was cancelled stays as it was."))
            return redirect("newsletter_admin:edition", pk=edition.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("newsletter_admin:edition", args=[self.object.pk])


EDITABLE = (EditionStatus.DRAFT, EditionStatus.SCHEDULED)


class EditionViewSet(ModelViewSet):
    model = Edition
    icon = "mail"
    menu_label = _("Editions")
    form_fields = ["newsletter", "cadence", "subject"]
    index_view_class = EditionIndexView
    add_view_class = EditionCreateView
    edit_view_class = EditionEditView
    list_filter = ["newsletter", "status"]
    search_fields = ["subject"]
    search_backend_name = None

    @cached_property
    def list_display(self):
        return [
            "subject",
            "newsletter",
            "status",
            "started_at",
            CountColumn("sent", _("Sent")),
            CountColumn("failed", _("Failed")),
            CountColumn("bounced", _("Bounced")),
            CountColumn("unsubscribed", _("Unsubscribed")),
            CountColumn("pending", _("Waiting")),
        ]

    def get_form_class(self, for_update=False):
        if for_update:
            # Its articles were gathered for this newsletter and readers: only words change.
            return modelform_factory(Edition, form=WagtailAdminModelForm, fields=["subject"])
        form_class = super().get_form_class(for_update)
        form_class.base_fields["subject"].required = False
        form_class.base_fields["subject"].help_text = _(
            "Leave empty for the newsletter's name and today's date."
        )
        return form_class


class SubscriberIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("newsletters")

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Import CSV"), url=reverse("newsletter_admin:import"), icon_name="upload"
            ),
            HeaderButton(_("Growth"), url=reverse("newsletter_admin:growth"), icon_name="history"),
        ]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    form_fields = ["email", "language", "frequency", "newsletters", "status", "source"]
    list_display = ["email", "language", "frequency", "status", "confirmed_at", "source"]
    list_filter = ["status", "language", "frequency", "newsletters", "confirmed_at"]
    list_export = [
        "email",
        "language",
        "frequency",
        "status",
        "newsletter_slugs",
        "source",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {"newsletter_slugs": _("newsletters")}
    export_filename = "subscribers"
    search_fields = ["email", "source"]
    search_backend_name = None


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "cross"
    menu_label = _("Suppressed addresses")
    form_fields = ["email", "reason", "note"]
    list_display = ["email", "reason", "note", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email", "note"]
    search_backend_name = None
    list_export = ["email", "reason", "note", "created_at"]
    export_filename = "suppressed-addresses"


class NewsletterAdminGroup(ViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 250
    items = (
        NewsletterViewSet(),
        EditionViewSet("newsletter_editions"),
        SubscriberViewSet("newsletter_subscribers"),
        SuppressionViewSet("newsletter_suppressions"),
    )


admin_urlpatterns = [
    path("editions/<int:pk>/", admin_views.EditionView.as_view(), name="edition"),
    path("editions/<int:pk>/preview/", admin_views.edition_preview, name="edition_preview"),
    path("editions/<int:pk>/<str:action>/", admin_views.edition_action, name="edition_action"),
    path("subscribers/import/", admin_views.ImportView.as_view(), name="import"),
    path(
        "subscribers/import/<int:pk>/",
        admin_views.ImportProgressView.as_view(),
        name="import_progress",
    ),
    path(
        "subscribers/import/<int:pk>/problems.csv",
        admin_views.import_problems_csv,
        name="import_problems",
    ),
    path("subscribers/import/<int:pk>/resume/", admin_views.import_resume, name="import_resume"),
    path("growth/", admin_views.GrowthView.as_view(), name="growth"),
]
