"""The page cache as readers and editors see it: hits, who is never cached, exact purge."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from gazette.caching.store import get_store
from gazette.testing.factories import make_article, make_author


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def warm(client, *urls):
    for url in urls:
        get(client, url)
        assert get(client, url)["X-Cache"] == "HIT", url


def test_anonymous_article_is_served_from_the_cache_with_cdn_headers(client, article):
    first = get(client, article.url)
    assert first["X-Cache"] == "MISS"
    second = get(client, article.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=600" in control
    assert "stale-while-revalidate=60" in control and "max-age=0" in control
    keys = second["Surrogate-Key"].split()
    assert f"page-{article.pk}" in keys and "all" in keys
    assert second["Cache-Tag"].split(",") == keys
    assert "Cookie" not in second.get("Vary", "")


def test_a_reader_who_has_the_page_gets_304(client, article):
    etag = get(client, article.url)["ETag"]
    again = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_signed_in_editors_are_never_served_or_stored(client, article):
    user = get_user_model().objects.create_user("ed", password="pw-123456", is_staff=True)
    warm(client, article.url)
    client.force_login(user)
    response = get(client, article.url)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert get_store().count() == 1  # only the anonymous copy


def test_post_search_and_messages_bypass_the_cache(client, article):
    warm(client, article.url)
    assert "X-Cache" not in client.post(article.url, {"x": "1"})
    assert "X-Cache" not in client.get(article.url, {"q": "harbour"})
    client.cookies["messages"] = "pending"
    assert "X-Cache" not in get(client, article.url)


def test_tracking_parameters_share_the_cached_page(client, article):
    warm(client, article.url)
    assert get(client, article.url, data={"utm_source": "x"})["X-Cache"] == "HIT"


def test_a_response_that_sets_a_cookie_is_not_stored(rf, magazine):
    from django.http import HttpResponse

    from gazette.caching.middleware import PageCacheMiddleware

    def view(request):
        request.gazette_page = magazine["home"]
        response = HttpResponse("<p>hi</p>", content_type="text/html")
        response.set_cookie("reader", "1")
        return response

    response = PageCacheMiddleware(view)(rf.get("/with-cookie/"))
    assert "X-Cache" not in response and "private" in response["Cache-Control"]
    assert get_store().count() == 0


def test_publishing_an_edit_purges_exactly_the_pages_that_show_it(
    client, magazine, article, writer, edit_and_publish
):
    other_writer = make_author("Omar Said")
    unrelated = make_article(magazine["sections"]["news"], authors=[other_writer], tags=["oil"])
    shows_it = [
        "/",
        magazine["sections"]["opinion"].url,
        article.url,
        writer.url,
        "/tags/ports/",
        "/tags/trade/",
    ]
    does_not = [magazine["sections"]["news"].url, unrelated.url, other_writer.url, "/tags/oil/"]
    warm(client, *shows_it, *does_not)

    edit_and_publish(article, title="Harbour berth approved")

    for url in shows_it:
        response = get(client, url)
        assert response["X-Cache"] == "MISS", url
        assert "Harbour berth approved" in response.content.decode(), url
    for url in does_not:
        assert get(client, url)["X-Cache"] == "HIT", url


def test_a_new_article_reaches_its_listings_at_once(client, magazine, writer):
    section = magazine["sections"]["report"]
    make_article(magazine["sections"]["news"], authors=[writer], tags=["fresh"], days_ago=3)
    warm(client, "/", section.url, writer.url, "/tags/fresh/")
    make_article(section, title="Fresh report on fisheries", authors=[writer], tags=["fresh"])
    for url in ("/", section.url, writer.url, "/tags/fresh/"):
        assert "Fresh report on fisheries" in get(client, url).content.decode(), url


def test_unpublishing_takes_the_article_off_every_page(client, magazine, article, writer):
    warm(client, article.url, magazine["sections"]["opinion"].url, writer.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in get(client, magazine["sections"]["opinion"].url).content.decode()
    assert article.title not in get(client, writer.url).content.decode()


def test_publishing_a_translation_updates_the_original(client, magazine, article):
    warm(client, article.url)
    arabic = article.copy_for_translation(magazine["ar"], copy_parents=True)
    arabic.title = "لماذا يحتاج الميناء إلى رصيف ثانٍ"
    arabic.save_revision().publish()
    page = get(client, article.url).content.decode()
    assert f'href="{arabic.url}" hreflang="ar"' in page


def test_a_scheduled_article_appears_when_its_time_comes(client, magazine, writer):
    from gazette.news.models import ArticlePage

    section = magazine["sections"]["news"]
    warm(client, "/", section.url)
    page = ArticlePage(
        title="Embargoed budget story", slug="embargo", locale=section.locale, live=False
    )
    section.add_child(instance=page)
    page.go_live_at = timezone.now() + timezone.timedelta(seconds=1.5)
    page.save_revision().publish()  # scheduled: not live yet
    assert "Embargoed budget story" not in get(client, section.url).content.decode()
    time.sleep(1.6)  # the embargo lifts; the scheduler's job publishes it
    call_command("publish_scheduled", verbosity=0)
    for url in ("/", section.url):
        assert "Embargoed budget story" in get(client, url).content.decode(), url


def test_renaming_an_author_purges_their_bylines(client, article, writer):
    warm(client, article.url, writer.url)
    writer.name = "Layla H. Haddad"
    writer.save_revision().publish()
    assert "Layla H. Haddad" in get(client, article.url).content.decode()
    assert "Layla H. Haddad" in get(client, writer.url).content.decode()


def test_cache_hits_are_answered_by_the_wsgi_front_without_django(client, article):
    from io import BytesIO

    from gazette.wsgi import application

    warm(client, article.url)
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": article.url,
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.input": BytesIO(),
        "wsgi.url_scheme": "http",
    }
    body = b"".join(application(environ, start_response))
    assert seen["status"] == "200 OK" and seen["headers"]["X-Cache"] == "HIT"
    assert article.title.encode() in body


def test_cache_can_be_turned_off(client, article, settings):
    settings.GAZETTE_PAGE_CACHE = "off"
    get(client, article.url)
    assert "X-Cache" not in get(client, article.url)


@pytest.mark.django_db(transaction=True)
def test_purge_reaches_the_cdn_through_wagtail_frontend_cache(client, settings):
    """An HTTP purge backend (nginx in the deploy profile) gets PURGE for each page."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from gazette.testing.factories import make_magazine

    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        magazine = make_magazine()
        writer = make_author("Layla Haddad")
        received.clear()
        article = make_article(magazine["sections"]["opinion"], authors=[writer], slug="berth")
    finally:
        server.shutdown()
    paths = {path for _host, path in received}
    assert {"/opinion/berth/", "/opinion/"} <= paths, received
    assert article.url == "/opinion/berth/"


def test_publishing_generates_the_renditions_templates_use(
    magazine, writer, django_capture_on_commit_callbacks
):
    from gazette.caching.renditions import HERO_RENDITIONS, PORTRAIT_RENDITIONS
    from gazette.testing.factories import make_image

    hero = make_image("Quay")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(magazine["sections"]["news"], authors=[writer], hero_image=hero)
    assert set(HERO_RENDITIONS) <= set(hero.renditions.values_list("filter_spec", flat=True))
    photo_specs = set(writer.photo.renditions.values_list("filter_spec", flat=True))
    assert set(PORTRAIT_RENDITIONS) <= photo_specs


def test_the_renditions_command_fills_every_image_and_can_run_again(magazine, writer):
    from io import StringIO

    from gazette.caching.renditions import HERO_RENDITIONS
    from gazette.testing.factories import make_image

    hero = make_image("Quay")
    make_article(magazine["sections"]["news"], authors=[writer], hero_image=hero)
    hero.renditions.all().delete()
    out = StringIO()
    call_command("gazette_renditions", stdout=out)
    assert set(HERO_RENDITIONS) <= set(hero.renditions.values_list("filter_spec", flat=True))
    again = StringIO()
    call_command("gazette_renditions", stdout=again)
    assert "0 renditions made" in again.getvalue()
