"""The publisher sells a campaign in the admin and reads its report."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gazette.ads.models import Campaign, CreativeDailyStat, Slot
from gazette.ads.reports import daily_report, report_svg
from gazette.ads.tests.factories import make_campaign, make_creative, make_slot


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def sold(magazine):
    make_slot()
    campaign = make_campaign("Autumn crossings", impression_cap=10_000)
    first = make_creative(campaign, name="Leaderboard", size="300x250")
    second = make_creative(campaign, name="Square", size="300x250")
    today = timezone.localdate()
    for back, (i1, c1, i2, c2) in enumerate([(1000, 10, 500, 1), (800, 4, 0, 0), (0, 0, 0, 0)]):
        day = today - timedelta(days=back)
        if i1:
            CreativeDailyStat.objects.create(
                day=day, creative=first, slot_key="sidebar", impressions=i1, clicks=c1
            )
        if i2:
            CreativeDailyStat.objects.create(
                day=day, creative=second, slot_key="footer", impressions=i2, clicks=c2
            )
    return campaign, first, second


def test_the_menu_lists_campaigns_with_delivery(admin_client, sold):
    response = admin_client.get("/admin/ads/campaigns/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Autumn crossings" in html and ">2300<" in html.replace(" ", "").replace("\n", "")
    assert f"/admin/ads/campaigns/report/{sold[0].pk}/" in html


def test_the_campaign_report_shows_days_chart_and_creatives(admin_client, sold):
    campaign, first, second = sold
    response = admin_client.get(f"/admin/ads/campaigns/report/{campaign.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "<rect" in html and "<polyline" in html
    assert "2,300" in html and "15" in html  # totals: impressions, clicks
    assert "0.65%" in html  # CTR over the period: 15 / 2300
    assert f"/admin/ads/creatives/report/{first.pk}/" in html
    assert "Booked impressions" in html


def test_the_report_downloads_as_csv(admin_client, sold):
    campaign, first, _ = sold
    today = timezone.localdate()
    start = today - timedelta(days=2)
    response = admin_client.get(
        f"/admin/ads/campaigns/report/{campaign.pk}/?start={start}&end={today}&format=csv"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0] == "date,impressions,clicks,ctr_percent"
    assert lines[1:] == [
        f"{start},0,0,0.00",
        f"{today - timedelta(days=1)},800,4,0.50",
        f"{today},1500,11,0.73",
    ]
    creative_csv = admin_client.get(
        f"/admin/ads/creatives/report/{first.pk}/?start={today}&end={today}&format=csv"
    ).content.decode()
    assert creative_csv.strip().splitlines()[1] == f"{today},1000,10,1.00"


def test_a_bad_report_range_is_explained(admin_client, sold):
    html = admin_client.get(
        f"/admin/ads/campaigns/report/{sold[0].pk}/?start=yesterday"
    ).content.decode()
    assert "is not a date; write it as YYYY-MM-DD" in html


def test_readers_cannot_see_reports(client, sold):
    response = client.get(f"/admin/ads/campaigns/report/{sold[0].pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_chart_scales_bars_to_the_busiest_day():
    stats = CreativeDailyStat.objects.none()
    today = timezone.localdate()
    report = daily_report(stats, today - timedelta(days=6), today)
    assert len(report.rows) == 7 and report.impressions == 0
    assert report_svg(report).count("<rect") == 7


def test_selling_a_campaign_through_the_admin_form(admin_client, magazine):
    slot = make_slot()
    from gazette.ads.models import Advertiser

    advertiser = Advertiser.objects.create(name="Harbour Line")
    start = timezone.now().replace(microsecond=0)
    data = {
        "name": "Winter crossings",
        "advertiser": advertiser.pk,
        "active": "on",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        "priority": 20,
        "weight": 150,
        "impression_cap": "20000",
        "slots": [slot.pk],
        "target_languages": ["ar"],
        "target_devices": ["mobile", "tablet"],
        "target_kinds": ["opinion"],
    }
    response = admin_client.post("/admin/ads/campaigns/new/", data)
    assert response.status_code == 200  # the end is before the start: shown again
    assert "must end after it starts" in response.content.decode()
    assert not Campaign.objects.filter(name="Winter crossings").exists()
    data["ends_at"] = (start + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post("/admin/ads/campaigns/new/", data)
    assert response.status_code == 302
    campaign = Campaign.objects.get(name="Winter crossings")
    assert campaign.target_languages == ["ar"] and campaign.target_devices == ["mobile", "tablet"]
    assert list(campaign.slots.all()) == [slot] and campaign.weight == 150


def test_slot_and_creative_forms_open(admin_client, sold):
    assert admin_client.get("/admin/ads/slots/new/").status_code == 200
    assert admin_client.get(f"/admin/ads/slots/edit/{Slot.objects.first().pk}/").status_code == 200
    assert admin_client.get("/admin/ads/creatives/new/").status_code == 200
    assert admin_client.get(f"/admin/ads/creatives/edit/{sold[1].pk}/").status_code == 200
    assert admin_client.get("/admin/ads/advertisers/").status_code == 200
