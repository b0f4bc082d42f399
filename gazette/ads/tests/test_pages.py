"""What readers get: placeholders that reserve space, a cached creative list, ads.txt."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site
from wagtail.rich_text import RichText

from gazette.ads.models import AdsTxtSettings
from gazette.ads.tests.factories import make_campaign, make_creative, make_slot, publish_index
from gazette.testing.factories import make_article


def paragraphs(n):
    body = []
    for i in range(1, n + 1):
        body.append(("paragraph", RichText(f"<p>Paragraph number {i} of the story.</p>")))
        if i == 2:
            body.append(("subheading", "A subheading between"))
    return body


@pytest.fixture
def ads(magazine):
    make_slot("article-sidebar", "sidebar", ["300x250", "300x600"])
    make_slot("in-article", "in_article", ["300x250", "320x100"], position=3)
    make_slot("section-header", "header", ["728x90", "320x50"])
    make_slot("section-list", "list", ["728x90", "320x100"], position=2)
    make_creative(make_campaign("House", is_house=True))
    publish_index()


def test_an_article_carries_placeholders_not_ads(client, ads, article):
    html = client.get(article.url).content.decode()
    assert html.count('class="ad-slot ') == 1  # two paragraphs: no in-article slot (after 3)
    assert 'data-ad-slot="article-sidebar"' in html
    assert "ad-m-300x250 ad-t-300x600 ad-d-300x600" in html  # the box reserved per device
    assert (
        f"/ads/slot/article-sidebar.json?lang=en&amp;section={article.get_parent().pk}&amp;kind=opinion"
        in html
    )
    assert ">Advertisement</p>" in html
    assert "advertiser.example" not in html  # the creative is chosen in the browser
    assert "/static/js/ads.js" in html and "<script>" not in html


def test_the_in_article_slot_follows_the_chosen_paragraph(client, ads, magazine, writer):
    story = make_article(magazine["sections"]["news"], authors=[writer], body=paragraphs(5))
    html = client.get(story.url).content.decode()
    slot_at = html.index('data-ad-slot="in-article"')
    assert html.index("Paragraph number 3") < slot_at < html.index("Paragraph number 4")
    assert html.count('data-ad-slot="in-article"') == 1
    short = make_article(magazine["sections"]["news"], authors=[writer], body=paragraphs(2))
    assert 'data-ad-slot="in-article"' not in client.get(short.url).content.decode()


def test_section_pages_get_the_header_and_between_items_slots(client, ads, magazine, writer):
    section = magazine["sections"]["news"]
    for _ in range(3):
        make_article(section, authors=[writer])
    html = client.get(section.url).content.decode()
    assert 'data-ad-slot="section-header"' in html and "data-ad-eager" in html
    assert html.count('data-ad-slot="section-list"') == 1


def test_the_arabic_page_asks_for_arabic_ads(client, ads, magazine, writer):
    from gazette.people.models import Author

    story = make_article(magazine["sections_ar"]["opinion"], authors=[Author.objects.first()])
    html = client.get(story.url).content.decode()
    assert story.url.startswith("/ar/")
    assert "lang=ar" in html and 'data-ad-slot="article-sidebar"' in html
    with translation.override("ar"):
        label = translation.gettext("Advertisement")
    assert f">{label}</p>" in html  # the label is the translated string, set on the server


def test_ads_add_no_queries_to_a_page(client, magazine, article, settings):
    settings.GAZETTE_PAGE_CACHE = "off"  # count rendering, not the page cache's answer
    client.get(article.url)
    with CaptureQueriesContext(connection) as without:
        client.get(article.url)
    make_slot("article-sidebar", "sidebar", ["300x250"])
    make_creative(make_campaign("House", is_house=True))
    publish_index()
    client.get(article.url)
    with CaptureQueriesContext(connection) as with_ads:
        html = client.get(article.url).content.decode()
    assert 'data-ad-slot="article-sidebar"' in html
    assert len(with_ads.captured_queries) == len(without.captured_queries)


def test_the_creative_list_is_cached_and_needs_no_database(
    client, ads, article, django_assert_num_queries
):
    section = article.get_parent().pk
    with django_assert_num_queries(0):
        response = client.get(
            f"/ads/slot/article-sidebar.json?lang=en&section={section}&kind=opinion"
        )
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    data = response.json()
    assert data["boxes"] == {"mobile": "300x250", "tablet": "300x600", "desktop": "300x600"}
    (creative,) = data["creatives"]
    assert creative["click"].startswith(f"/ads/click/{creative['id']}/")
    assert creative["img"]["srcset"].count(" 1x") == 1 and " 2x" in creative["img"]["srcset"]
    assert "click_url" not in creative and "advertiser.example" not in response.content.decode()
    assert client.get("/ads/slot/no-such-slot.json").status_code == 404


def test_without_a_built_index_pages_still_render(client, article, settings, tmp_path):
    settings.GAZETTE_ADS_DIR = str(tmp_path / "empty")
    html = client.get(article.url).content.decode()
    assert "ad-slot" not in html


@pytest.mark.parametrize("path,field", [("/ads.txt", "ads_txt"), ("/app-ads.txt", "app_ads_txt")])
def test_ads_txt_is_served_at_the_site_root(client, magazine, path, field):
    assert client.get(path).status_code == 404  # nothing published yet
    setting = AdsTxtSettings.for_site(Site.objects.get(is_default_site=True))
    setattr(
        setting,
        field,
        "# Gazette sellers\ngoogle.com, pub-1234567890, DIRECT, f08c47fec0942fa0\ncontact=ads@gazette.example\n",
    )
    setting.full_clean()
    setting.save()
    from django.core.cache import cache

    cache.clear()
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith(
        "# Gazette sellers\ngoogle.com, pub-1234567890, DIRECT"
    )
    assert client.get(f"/ar{path}").status_code == 404  # only at the root


def test_a_bad_ads_txt_line_is_explained(magazine):
    from django.core.exceptions import ValidationError

    setting = AdsTxtSettings.for_site(Site.objects.get(is_default_site=True))
    setting.ads_txt = "google.com, pub-1, DIRECT\ngoogle com, pub-2, SOMETIMES\nowner=x\n"
    with translation.override("en"), pytest.raises(ValidationError) as error:
        setting.full_clean()  # (a test before may have left the thread in Arabic)
    messages = " ".join(error.value.message_dict["ads_txt"])
    assert "Line 2" in messages and "DIRECT or RESELLER" in messages and "domain name" in messages
    assert "Line 3" in messages and "Line 1" not in messages


def test_the_newsletter_gets_an_image_ad_with_absolute_links(magazine, settings):
    from django.template import Context, Template

    from gazette.ads.actions import do_flush_counters
    from gazette.ads.models import CreativeDailyStat

    settings.SITE_URL = "https://gazette.example"
    make_slot("newsletter", "newsletter", ["468x60", "300x250"])
    creative = make_creative(make_campaign("Ferries", target_languages=["ar"]))
    make_creative(make_campaign("Books"), kind="html", html="<p>Books</p>")  # no HTML in mail
    publish_index()
    html = Template("{% load gazette_ads %}{% newsletter_ad 'ar' %}").render(Context({}))
    assert f'href="https://gazette.example/ads/click/{creative.pk}/?slot=newsletter"' in html
    assert 'src="https://gazette.example/media/' in html and "<script" not in html
    assert "<img" not in Template("{% load gazette_ads %}{% newsletter_ad 'en' %}").render(
        Context({})
    )
    do_flush_counters()
    assert CreativeDailyStat.objects.get(creative=creative).impressions == 1  # one copy rendered
