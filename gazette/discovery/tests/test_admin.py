"""Editors see views over time, the most-read report, and set pins and exclusions."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from gazette.discovery.models import ArticleDiscovery, DailyViews
from gazette.testing.factories import make_article


def newsroom_user(magazine, name: str, page_permissions: list[str]):
    """A user in a group with these page permissions on both front pages."""
    group = Group.objects.create(name=f"{name} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for home in (magazine["home"], magazine["home_ar"]):
        for code in page_permissions:
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(codename=code)
            )
    user = get_user_model().objects.create_user(name, f"{name}@example.com", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(magazine):
    return newsroom_user(magazine, "eve", ["add_page", "change_page", "publish_page"])


@pytest.fixture
def contributor(magazine):
    return newsroom_user(magazine, "carl", ["add_page", "change_page"])


def test_article_views_chart_is_drawn_on_the_server(client, editor, article):
    today = datetime.now(tz=UTC).date()
    DailyViews.objects.create(article=article, day=today, views=12)
    DailyViews.objects.create(article=article, day=today - timedelta(days=2), views=5)
    client.force_login(editor)
    html = client.get(f"/admin/discovery/article/{article.pk}/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert html.count("<rect") == 30  # one bar per day, zero days included
    assert "12 views" in html and "17 in all" in html
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    ninety = client.get(f"/admin/discovery/article/{article.pk}/?days=90").content.decode()
    assert ninety.count("<rect") == 90


def test_most_read_report_per_period_section_and_author(client, editor, magazine, writer):
    news = make_article(magazine["sections"]["news"], title="Busy story", authors=[writer])
    column = make_article(magazine["sections"]["opinion"], title="Quiet column", authors=[writer])
    today = datetime.now(tz=UTC).date()
    DailyViews.objects.create(article=news, day=today, views=40)
    DailyViews.objects.create(article=column, day=today - timedelta(days=20), views=7)
    client.force_login(editor)

    week = client.get("/admin/discovery/most-read/?period=7d").content.decode()
    assert "Busy story" in week and "Quiet column" not in week
    month = client.get("/admin/discovery/most-read/?period=30d").content.decode()
    assert month.index("Busy story") < month.index("Quiet column")
    assert "Layla Haddad" in month and ">47<" in month  # the author's total
    opinion_only = client.get(
        f"/admin/discovery/most-read/?period=30d&section={magazine['sections']['opinion'].pk}"
    ).content.decode()
    top_table = opinion_only.split("Per section")[0]
    assert "Quiet column" in top_table and "Busy story" not in top_table


def test_editor_pins_excludes_and_hides_from_popular(client, editor, magazine, article):
    other = make_article(magazine["sections"]["news"], title="Pinned piece")
    banned = make_article(magazine["sections"]["news"], title="Banned piece")
    client.force_login(editor)
    response = client.get(f"/admin/discovery/article/{article.pk}/settings/")
    assert response.status_code == 302
    edit_url = response["Location"]
    form = {
        "exclude_from_popular": "on",
        "pins-TOTAL_FORMS": "1",
        "pins-INITIAL_FORMS": "0",
        "pins-MIN_NUM_FORMS": "0",
        "pins-MAX_NUM_FORMS": "1000",
        "pins-0-target": str(other.pk),
        "pins-0-ORDER": "1",
        "pins-0-id": "",
        "pins-0-DELETE": "",
        "exclusions-TOTAL_FORMS": "1",
        "exclusions-INITIAL_FORMS": "0",
        "exclusions-MIN_NUM_FORMS": "0",
        "exclusions-MAX_NUM_FORMS": "1000",
        "exclusions-0-target": str(banned.pk),
        "exclusions-0-ORDER": "1",
        "exclusions-0-id": "",
        "exclusions-0-DELETE": "",
    }
    response = client.post(edit_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    discovery = ArticleDiscovery.objects.get(article=article)
    assert discovery.exclude_from_popular
    assert discovery.related_ids[0] == other.pk
    assert banned.pk not in discovery.related_ids

    page = client.get(article.url).content.decode()
    also_like = page.split('class="also-like"')[1]
    assert "Pinned piece" in also_like and "Banned piece" not in also_like


def test_the_article_editor_links_to_views_and_related(client, editor, article):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/discovery/article/{article.pk}/" in html


def test_contributors_cannot_see_reports_or_change_settings(client, contributor, article):
    client.force_login(contributor)
    assert client.get("/admin/discovery/most-read/").status_code in {302, 403}
    ArticleDiscovery.objects.get_or_create(article=article)
    assert client.get(f"/admin/discovery_settings/edit/{article.pk}/").status_code in {302, 403}
