"""Importing a WordPress export in the theme-unit-test style."""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from gazette.news.models import ArticlePage, SectionPage
from gazette.people.models import Author
from gazette.transfer.actions import run_import_now
from gazette.transfer.importer import start_run
from gazette.transfer.models import ImportEvent, ImportStatus


def import_wxr(path, **options):
    run = start_run("wxr", str(path), **options)
    return run_import_now(run)


def article(title_start):
    return ArticlePage.objects.get(title__startswith=title_start)


def body_types(page):
    return [block.block_type for block in page.body]


@pytest.fixture
def imported(magazine, wxr_file, uploads):
    run = import_wxr(wxr_file, media=str(uploads))
    assert run.status == ImportStatus.DONE, run.error
    return run


def test_posts_pages_authors_and_sections(imported, magazine):
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert {"Hello world!", "Gutenberg blocks in the Levant", "Sticky post", "About"} <= titles
    # Password-protected and trashed posts are not imported; the report says why.
    assert "Protected post" not in titles and "Trashed post" not in titles
    protected = ImportEvent.objects.get(run=imported, source_id="post:1006")
    assert protected.action == "skip" and "Password-protected" in protected.message
    # Authors, matched by login, with their display names (Arabic too).
    names = set(Author.objects.values_list("name", flat=True))
    assert {"Theme Buster", "ليلى حداد", "Omar Said"} <= names
    hello = article("Hello world!")
    assert [a.name for a in hello.byline] == ["Theme Buster"]
    # Top-level categories are sections; nested ones land in their top-level section as tags.
    levant = article("Gutenberg blocks")
    assert levant.get_parent().slug == "world"
    assert {"Middle East", "Levant"} <= set(levant.tags.names())
    # An existing section is reused, not duplicated.
    assert SectionPage.objects.filter(slug="opinion").count() == 2  # English + Arabic
    rtl = article("لماذا يتأخر الميناء؟")
    assert rtl.get_parent().specific == magazine["sections"]["opinion"]
    assert rtl.slug == "لماذا"
    # Uncategorized posts go to the default section; pages to a Pages section off the front page.
    assert hello.get_parent().slug == "news"
    about = article("About")
    assert about.get_parent().slug == "pages"
    assert not about.get_parent().specific.show_in_front_page


def test_statuses_dates_and_excerpts(imported):
    hello = article("Hello world!")
    assert hello.live and not hello.has_unpublished_changes
    assert hello.first_published_at.isoformat() == "2024-03-01T10:00:00+00:00"
    assert hello.last_published_at.isoformat() == "2024-03-10T10:00:00+00:00"
    assert hello.updated_at is not None
    assert hello.standfirst == "The first post, written in the classic editor."
    assert hello.live_revision_id == hello.latest_revision_id
    draft = article("Draft post")
    assert not draft.live and draft.latest_revision_id
    private = article("Private post")
    assert not private.live
    assert "Private in the source" in ImportEvent.objects.get(source_id="post:1005").message
    scheduled = article("Scheduled post")
    assert not scheduled.live
    assert scheduled.go_live_at.year == 2099
    assert scheduled.latest_revision.approved_go_live_at.year == 2099
    sticky = ImportEvent.objects.get(source_id="post:1004")
    assert "Sticky" in sticky.message
    hello_event = ImportEvent.objects.get(source_id="post:1001")
    assert "2 comments skipped" in hello_event.message
    assert imported.summary["comments_skipped"] == 2


def test_classic_and_gutenberg_bodies_become_blocks(imported):
    hello = article("Hello world!")
    assert body_types(hello) == ["paragraph", "paragraph", "subheading", "paragraph", "embed"]
    assert "<b>classic editor</b>" in hello.body[0].value.source
    assert "<br/>" in hello.body[1].value.source or "<br>" in hello.body[1].value.source
    assert hello.body[2].value == "What happens next?"
    assert hello.body[4].value.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    # The featured image came from the uploads folder, with its alt text.
    assert hello.hero_image.title == "Harbour photo"
    assert hello.hero_alt == "Container ships waiting at the harbour"

    levant = article("Gutenberg blocks")
    assert body_types(levant) == [
        "paragraph",
        "subheading",
        "image",
        "pull_quote",
        "embed",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    figure = levant.body[2].value
    assert figure["image"].pk == hello.hero_image.pk  # resized copy maps to the attachment
    assert figure["caption"] == "The quay at dawn"
    assert levant.body[3].value["quote"] == "Ships wait four days."
    assert levant.body[3].value["attribution"] == "The harbour master"
    assert "<ul><li>First point</li>" in levant.body[5].value.source
    assert "steal" not in str(levant.body.raw_data) and "document.write" not in str(
        levant.body.raw_data
    )
    assert levant.body[7].value.source == "<p>Inside a column.</p>"
    # One image file for the attachment, however many times posts use it.
    assert get_image_model().objects.filter(title="Harbour photo").count() == 1


def test_shortcodes(imported):
    page = article("Shortcodes galore")
    kinds = body_types(page)
    assert kinds == ["paragraph", "image", "image", "embed", "embed", "paragraph"]
    assert page.body[1].value["caption"] == "The harbour from the north pier"
    assert page.body[3].value.url == "https://vimeo.com/22439234"
    assert page.body[4].value.url == "https://youtu.be/xyz987"
    assert "[1]" in page.body[5].value.source
    event = ImportEvent.objects.get(source_id="post:1009")
    assert "[contact-form-7]" in event.message
    assert "missing.jpg" in event.message or "2002" in event.message
    # Two categories: the first is the section, the other a tag.
    assert page.get_parent().slug == "world"
    assert "Opinion" in set(page.tags.names())


def test_hostile_content_never_gets_in(imported):
    page = article("Injected")
    assert page.title == "Injected title"
    raw = str(page.body.raw_data)
    for needle in ("script", "onclick", "javascript:", "evil.example", "onerror", "style=", "svg"):
        assert needle not in raw, needle
    assert page.standfirst == "A safe standfirst."
    assert set(page.tags.names()) == {"Security"}
    embeds = [block.value.url for block in page.body if block.block_type == "embed"]
    assert embeds == ["https://www.youtube.com/watch?v=okVideo1"]
    # The author name with a script is reduced to nothing: no author is created from it.
    assert not Author.objects.filter(name__icontains="script").exists()
    html = Client().get(page.url).content.decode()
    assert "alert(" not in html


def test_missing_images_are_reported_never_fatal(imported):
    missing = ImportEvent.objects.get(source_id="attachment:2002", action="missing")
    assert "missing.jpg" in missing.message
    assert imported.counts["image"]["missing"] >= 1


def test_old_permalinks_redirect_to_new_pages(imported):
    client = Client()
    hello = article("Hello world!")
    response = client.get("/2024/03/hello-world/")
    assert response.status_code == 301
    assert response["Location"].endswith(hello.url)
    rtl = article("لماذا يتأخر")
    response = client.get("/2024/03/%d9%84%d9%85%d8%a7%d8%b0%d8%a7/")
    assert response.status_code == 301
    assert Redirect.objects.filter(redirect_page=rtl).exists()
    assert client.get("/category/world/").status_code == 301
    assert client.get(hello.url).status_code == 200


def test_media_from_zip(magazine, wxr_file, uploads_zip):
    run = import_wxr(wxr_file, media=str(uploads_zip))
    assert run.status == ImportStatus.DONE
    assert article("Hello world!").hero_image is not None


def test_without_media_images_are_reported(magazine, wxr_file):
    run = import_wxr(wxr_file)
    assert run.status == ImportStatus.DONE
    assert article("Hello world!").hero_image is None
    missing = ImportEvent.objects.filter(run=run, action="missing")
    assert missing.exists()
    assert "--media" in missing.first().message


def test_dry_run_reports_and_changes_nothing(magazine, wxr_file, uploads):
    pages_before = Page.objects.count()
    run = import_wxr(wxr_file, media=str(uploads), dry_run=True)
    assert run.status == ImportStatus.DONE
    assert Page.objects.count() == pages_before
    assert not Author.objects.filter(name="Omar Said").exists()
    assert not get_image_model().objects.filter(title="Harbour photo").exists()
    assert run.counts["post"]["create"] == 10
    assert run.counts["post"]["skip"] == 2  # protected, trashed
    assert run.counts["page"]["create"] == 1
    assert run.counts["section"]["create"] == 2  # world, pages
    assert run.counts["author"]["create"] == 3


def test_rerun_is_idempotent_and_updates(magazine, wxr_file, uploads):
    import_wxr(wxr_file, media=str(uploads))
    pages = Page.objects.count()
    authors = Author.objects.count()
    images = get_image_model().objects.count()
    redirects = Redirect.objects.count()
    second = import_wxr(wxr_file, media=str(uploads))
    assert (Page.objects.count(), Author.objects.count()) == (pages, authors)
    assert get_image_model().objects.count() == images
    assert Redirect.objects.count() == redirects
    assert "create" not in second.counts.get("post", {})
    assert second.counts["post"]["skip"] == 12
    # A changed post updates the page it made the first time.
    wxr_file.write_text(wxr_file.read_text().replace("This post is sticky.", "Still sticky."))
    third = import_wxr(wxr_file, media=str(uploads))
    assert third.counts["post"]["update"] == 1
    sticky = article("Sticky post")
    assert sticky.body[0].value.source == "<p>Still sticky.</p>"
    assert sticky.live and sticky.revisions.count() == 2
    assert Page.objects.count() == pages


def test_command_prints_progress_and_report(magazine, wxr_file, uploads, capsys):
    call_command("gazette_import", "wxr", str(wxr_file), "--media", str(uploads))
    out, err = capsys.readouterr()
    assert "items/s" in err and "100%" in err
    assert "Password-protected" in out
    assert "Done:" in out
