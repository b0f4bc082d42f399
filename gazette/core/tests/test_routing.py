"""Pages are found the short way, exactly where Wagtail would find them."""

from __future__ import annotations

import pytest
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from gazette.core import sites
from gazette.testing.factories import make_article


def test_front_section_and_article_in_both_languages(client, magazine, article):
    arabic = make_article(magazine["sections_ar"]["opinion"], title="مقال في الرأي")
    for url, text in [
        ("/", "Gazette"),
        ("/ar/", "غازيت"),
        (magazine["sections"]["opinion"].url, "Opinion"),
        (magazine["sections_ar"]["opinion"].url, "رأي"),
        (article.url, article.title),
        (arabic.url, "مقال في الرأي"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_addresses_that_are_not_pages_are_not_found(client, magazine, article):
    section = magazine["sections"]["opinion"].url
    draft = make_article(magazine["sections"]["opinion"], title="Not yet")
    draft.unpublish()
    for url in (
        f"{section}no-such-article/",
        f"{article.url}extra/",
        "/no-such-section/",
        draft.url if draft.url else f"{section}{draft.slug}/",
        f"/ar{article.url}",  # the English article is not under the Arabic front page
    ):
        assert client.get(url).status_code == 404, url


def test_wagtail_own_addresses_still_answer(client, magazine):
    assert client.get("/_util/login/").status_code == 200


@pytest.mark.django_db
def test_sites_are_matched_as_wagtail_matches_them(magazine):
    home = magazine["home"]
    Site.objects.create(hostname="magazine.example", port=80, root_page=home)
    Site.objects.create(hostname="magazine.example", port=8080, root_page=magazine["home_ar"])
    Site.objects.create(hostname="solo.example", port=443, root_page=home)
    cases = [
        ("localhost", 80),
        ("localhost", 8000),
        ("magazine.example", 80),
        ("magazine.example", 8080),
        ("magazine.example", 9999),
        ("solo.example", 80),
        ("unknown.example", 80),
    ]
    cached = sites.all_sites()
    for hostname, port in cases:
        expected = get_site_for_hostname(hostname, port)
        assert sites.match(cached, hostname, port).pk == expected.pk, (hostname, port)


def test_a_changed_site_is_seen_at_once(rf, magazine):
    request = rf.get("/", HTTP_HOST="news.example")
    assert sites.site_for(request).hostname == "localhost"  # the default site
    Site.objects.create(hostname="news.example", port=80, root_page=magazine["home_ar"])
    assert sites.site_for(rf.get("/", HTTP_HOST="news.example")).hostname == "news.example"
