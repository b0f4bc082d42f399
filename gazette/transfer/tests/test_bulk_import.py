"""A large import written in bulk gives the same Wagtail pages as editing them one by one."""

import json
from io import StringIO
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry

from gazette.news.models import ArticlePage, SectionPage
from gazette.testing.factories import make_article
from gazette.transfer import importer as importer_module
from gazette.transfer.actions import run_import_now
from gazette.transfer.importer import ImportInterrupted, start_run
from gazette.transfer.models import ImportedItem, ImportStatus
from gazette.transfer.tasks import index_imported

SECTIONS = ["news", "opinion", "world"]  # "world" does not exist yet: the import adds it


def write_export(path, posts: int) -> None:
    """A WXR of `posts` posts over three sections; every sixth repeats the slug of the post
    three before it, in the same section."""
    items = []
    for n in range(posts):
        section = SECTIONS[n % len(SECTIONS)]
        slug = f"story-{n - 3}" if n % 6 == 5 else f"story-{n}"
        status = "draft" if n % 7 == 3 else "publish"
        items.append(
            f"<item><title>Story {n}: the quay {escape('&')} the ministry</title>"
            f"<link>https://old.example/2024/05/{slug}-{n}/</link>"
            "<dc:creator><![CDATA[writer]]></dc:creator>"
            f"<content:encoded><![CDATA[<!-- wp:paragraph --><p>Quayside{n} report on the "
            "berth.</p><!-- /wp:paragraph --><h2>What next?</h2>]]></content:encoded>"
            f"<excerpt:encoded><![CDATA[Standfirst {n}.]]></excerpt:encoded>"
            f"<wp:post_id>{n + 1}</wp:post_id>"
            f"<wp:post_date_gmt>2024-05-{n % 28 + 1:02d} 09:00:00</wp:post_date_gmt>"
            f"<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>"
            "<wp:post_type>post</wp:post_type>"
            f'<category domain="category" nicename="{section}">{section.title()}</category>'
            f'<category domain="post_tag" nicename="t{n % 4}">Tag {n % 4}</category></item>'
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        "<channel><title>Old site</title><link>https://old.example</link>"
        "<wp:wxr_version>1.2</wp:wxr_version>"
        "<wp:author><wp:author_login>writer</wp:author_login>"
        "<wp:author_display_name>Rana Writer</wp:author_display_name></wp:author>"
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )


POSTS = 40


@pytest.fixture
def bulk_imported(magazine, tmp_path, monkeypatch):
    # Small batches, so sections, slugs and paths are shared across several batches.
    monkeypatch.setattr(importer_module, "BATCH_SIZE", 7)
    # An article an editor made earlier already holds one of the imported slugs.
    make_article(magazine["sections"]["news"], title="Older story", slug="story-0")
    export = tmp_path / "export.xml"
    write_export(export, POSTS)
    run = run_import_now(start_run("wxr", str(export)))
    assert run.status == ImportStatus.DONE, run.error
    return run


def imported_articles():
    return ArticlePage.objects.exclude(title="Older story").order_by("pk")


def test_tree_passes_treebeard_and_wagtail_checks(bulk_imported):
    assert Page.find_problems() == ([], [], [], [], [])
    out = StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    assert "No problems found" in out.getvalue()
    # Wagtail's own tree operations carry on from the imported pages.
    section = SectionPage.objects.get(slug="world", locale__language_code="en")
    later = make_article(section, title="Written after the import", slug="later")
    assert later.get_parent().specific == section
    assert Page.find_problems() == ([], [], [], [], [])


def test_pages_are_complete_wagtail_pages(bulk_imported):
    articles = list(imported_articles())
    assert len(articles) == POSTS
    keys = {article.translation_key for article in articles}
    assert len(keys) == POSTS and None not in keys
    for article in articles:
        parent = article.get_parent().specific
        assert isinstance(parent, SectionPage)
        assert article.url_path == f"{parent.url_path}{article.slug}/"
        assert article.locale_id == parent.locale_id
        assert article.revisions.count() == 1
        assert article.latest_revision_id == article.revisions.get().pk
        if article.live:
            assert article.live_revision_id == article.latest_revision_id
            assert not article.has_unpublished_changes and article.first_published_at
        else:
            assert article.live_revision_id is None and article.has_unpublished_changes
        # The revision holds what Wagtail itself would serialise for this page now.
        stored = article.latest_revision.content
        current = json.loads(json.dumps(article.serializable_data(), cls=DjangoJSONEncoder))
        for volatile in ("latest_revision", "live_revision", "latest_revision_created_at"):
            stored.pop(volatile, None)
            current.pop(volatile, None)
        # The body is JSON text; PostgreSQL's jsonb hands it back with its keys reordered.
        assert json.loads(stored.pop("body")) == json.loads(current.pop("body"))
        assert stored == current
        assert [a.name for a in article.byline] == ["Rana Writer"]
    drafts = [a for a in articles if not a.live]
    assert drafts and len(drafts) == len([n for n in range(POSTS) if n % 7 == 3])
    history = PageLogEntry.objects.filter(page__in=articles)
    assert history.filter(action="wagtail.create").count() == POSTS
    assert history.filter(action="wagtail.publish").count() == POSTS - len(drafts)


def test_slugs_stay_unique_among_siblings(bulk_imported, magazine):
    news = magazine["sections"]["news"]
    slugs = list(ArticlePage.objects.child_of(news).values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    # The editor's article kept its slug; the imported one moved aside.
    assert ArticlePage.objects.get(title="Older story").slug == "story-0"
    assert ArticlePage.objects.get(title__startswith="Story 0:").slug == "story-0-2"
    # Posts 5 and 23 repeat the slugs of posts 2 and 20: in the same batch, and across two.
    assert ArticlePage.objects.get(title__startswith="Story 2:").slug == "story-2"
    assert ArticlePage.objects.get(title__startswith="Story 5:").slug == "story-2-2"
    assert ArticlePage.objects.get(title__startswith="Story 20:").slug == "story-20"
    assert ArticlePage.objects.get(title__startswith="Story 23:").slug == "story-20-2"


def test_imported_site_renders_redirects_and_searches(bulk_imported, magazine):
    client = Client()
    live = imported_articles().filter(live=True)
    for article in live[:5]:
        response = client.get(article.url)
        assert response.status_code == 200
        assert article.title.replace("&", "&amp;") in response.content.decode()
    listing = client.get(live[0].get_parent().url)
    assert listing.status_code == 200 and "Story " in listing.content.decode()
    # Every old permalink is a 301 to its new page.
    assert Redirect.objects.filter(redirect_page__in=imported_articles()).count() == POSTS
    response = client.get("/2024/05/story-1-1/")
    assert response.status_code == 301
    assert response["Location"].endswith(ArticlePage.objects.get(title__startswith="Story 1:").url)
    # Search and reference indexing ran in the follow-up task, not per page.
    index_imported.call(bulk_imported.pk)
    found = client.get("/search/", {"q": "Quayside12"}).content.decode()
    assert "Story 12:" in found


def test_rerun_and_resume_keyed_by_source_id(bulk_imported, tmp_path):
    export = tmp_path / "export.xml"
    pages = Page.objects.count()
    again = run_import_now(start_run("wxr", str(export)))
    assert again.counts["post"] == {"skip": POSTS}
    assert Page.objects.count() == pages
    assert ImportedItem.objects.filter(kind="post").count() == POSTS
    assert Page.find_problems() == ([], [], [], [], [])


def test_interrupted_import_resumes_after_the_last_committed_batch(magazine, tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "BATCH_SIZE", 7)
    export = tmp_path / "export.xml"
    write_export(export, POSTS)
    run = start_run("wxr", str(export))

    def stop_mid_batch(run):
        if run.processed == 17:
            raise ImportInterrupted

    with pytest.raises(ImportInterrupted):
        run_import_now(run, progress=stop_mid_batch)
    run.refresh_from_db()
    # Two batches of seven were committed; the third, cut short, left nothing behind.
    assert run.status == ImportStatus.INTERRUPTED and run.checkpoint == 14
    assert ArticlePage.objects.count() == 14 == ImportedItem.objects.filter(kind="post").count()
    assert Page.find_problems() == ([], [], [], [], [])
    run = run_import_now(run)
    assert run.status == ImportStatus.DONE and run.checkpoint == POSTS
    titles = list(ArticlePage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == POSTS
    assert not run.events.filter(source_id="post:1", action="create").count() > 1
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_address_too_long_to_redirect_is_reported_not_fatal(magazine, tmp_path):
    export = tmp_path / "export.xml"
    write_export(export, 10)
    long_link = "https://old.example/2024/05/" + "very-long-slug-" * 20 + "/"
    export.write_text(
        export.read_text().replace("https://old.example/2024/05/story-7-7/", long_link)
    )
    run = run_import_now(start_run("wxr", str(export)))
    assert run.status == ImportStatus.DONE, run.error
    assert ArticlePage.objects.count() == 10
    story = ArticlePage.objects.get(title__startswith="Story 7:")
    assert not Redirect.objects.filter(redirect_page=story).exists()
    assert Redirect.objects.filter(redirect_page__in=ArticlePage.objects.all()).count() == 9
    event = run.events.get(source_id="post:8")
    assert event.action == "create" and "longer than 255 characters" in event.message


def test_cached_listings_show_the_imported_articles(magazine, tmp_path, client):
    # Readers had the section, front page and feed cached before the import.
    news = magazine["sections"]["news"]
    for url in (news.url, magazine["home"].url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT"
    export = tmp_path / "export.xml"
    write_export(export, 6)
    run_import_now(start_run("wxr", str(export)))
    listing = client.get(news.url)
    assert listing["X-Cache"] == "MISS"
    assert "Story 0:" in listing.content.decode()
    assert client.get(magazine["home"].url)["X-Cache"] == "MISS"
