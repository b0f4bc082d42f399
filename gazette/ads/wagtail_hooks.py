"""The Advertising menu: campaigns (with reports), creatives, slots, advertisers."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import ListingButton

from gazette.ads.admin_views import ReportView
from gazette.ads.models import Advertiser, Campaign, Creative, Slot


class ReportButtonIndexView(IndexView):
    """The listing, with a "Report" button on every row."""

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        report = reverse(self.report_url_name, args=[instance.pk])
        return [ListingButton(_("Report"), url=report, icon_name="history", priority=5), *buttons]

    report_url_name = None


class CampaignIndexView(ReportButtonIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_delivery().select_related("advertiser")


class CreativeIndexView(ReportButtonIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("campaign__advertiser")


class ReportingViewSet(ModelViewSet):
    index_view_class = ReportButtonIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    @property
    def report_view(self):
        return self.construct_view(
            ReportView,
            model=self.model,
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("index"),
            edit_url_name=self.get_url_name("edit"),
            report_url_name=self.get_url_name("report"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("report/<int:pk>/", self.report_view, name="report")
        ]


class CampaignViewSet(ReportingViewSet):
    model = Campaign
    index_view_class = CampaignIndexView
    name = "ads_campaigns"
    url_prefix = "ads/campaigns"
    icon = "calendar-alt"
    menu_label = _("Campaigns")
    list_display = [
        "name",
        "advertiser",
        "starts_at",
        "ends_at",
        Column("delivered_impressions", label=_("Impressions seen")),
        "impression_cap",
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["active", "is_house", "advertiser"]
    search_fields = ["name", "advertiser__name"]
    ordering = ["-starts_at"]


class CreativeViewSet(ReportingViewSet):
    model = Creative
    index_view_class = CreativeIndexView
    name = "ads_creatives"
    url_prefix = "ads/creatives"
    icon = "image"
    menu_label = _("Creatives")
    list_display = ["name", "campaign", "kind", "size", BooleanColumn("active", label=_("Active"))]
    list_filter = ["campaign", "kind", "size", "active"]
    search_fields = ["name", "campaign__name"]


class SlotViewSet(ModelViewSet):
    model = Slot
    name = "ads_slots"
    url_prefix = "ads/slots"
    icon = "placeholder"
    menu_label = _("Slots")
    list_display = ["name", "key", "placement", BooleanColumn("active", label=_("Active"))]
    list_filter = ["placement", "active"]


class AdvertiserViewSet(ModelViewSet):
    model = Advertiser
    name = "ads_advertisers"
    url_prefix = "ads/advertisers"
    icon = "group"
    menu_label = _("Advertisers")
    list_display = ["name", "contact_name", "contact_email"]
    search_fields = ["name", "contact_name", "contact_email"]


class AdvertisingGroup(ModelViewSetGroup):
    menu_label = _("Advertising")
    menu_icon = "tasks"
    menu_order = 250
    items = (CampaignViewSet, CreativeViewSet, SlotViewSet, AdvertiserViewSet)


@hooks.register("register_admin_viewset")
def register_advertising():
    return AdvertisingGroup()
