"""Malformed and hostile files get a clear error and change nothing; crashes resume."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from gazette.news.models import ArticlePage
from gazette.people.models import Author
from gazette.transfer import bulk_pages
from gazette.transfer import importer as importer_module
from gazette.transfer.actions import run_import_now
from gazette.transfer.importer import start_run
from gazette.transfer.models import ImportedItem, ImportRun, ImportStatus
from gazette.transfer.tests.conftest import FIXTURES

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol4;</title>
<wp:post_type>post</wp:post_type></item></channel></rss>"""


def attempt(kind, path):
    return run_import_now(start_run(kind, str(path)))


def snapshot():
    return (Page.objects.count(), Author.objects.count(), ImportedItem.objects.count())


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("bomb.xml", BOMB.encode(), "XML bomb"),
        ("truncated.xml", None, "truncated"),
        (
            "latin1.xml",
            (FIXTURES / "theme-unit-test.wxr")
            .read_text()
            .replace("Theme Buster", "Théâtre Buster")
            .encode("latin-1", errors="replace"),
            "encoding",
        ),
        ("blog.xml", (FIXTURES / "blogger-export.xml").read_bytes(), "not a WordPress export"),
        ("page.html", b"<html><body><p>Hello</p></body></html>", "not a WordPress export"),
        ("feed.xml", b"<rss><channel><item><title>x</title></item></channel></rss>", "feed"),
        ("empty.xml", b"", "truncated"),
        ("archive.zip", b"PK\x03\x04rest-of-zip", "zip archive"),
    ],
)
def test_bad_wxr_files_change_nothing(magazine, tmp_path, name, content, expected):
    path = tmp_path / name
    if content is None:
        full = (FIXTURES / "theme-unit-test.wxr").read_bytes()
        content = full[: len(full) * 2 // 3]  # cut mid-item, after several complete posts
    path.write_bytes(content)
    before = snapshot()
    result = attempt("wxr", path)
    assert result.status == ImportStatus.FAILED
    assert expected in result.error
    assert snapshot() == before


def test_bad_blogger_file_is_refused(magazine, tmp_path):
    path = tmp_path / "wp.xml"
    path.write_bytes((FIXTURES / "theme-unit-test.wxr").read_bytes())
    result = attempt("blogger", path)
    assert result.status == ImportStatus.FAILED
    assert "not a Blogger export" in result.error


def test_command_gives_clear_error(magazine, tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB)
    with pytest.raises(CommandError, match="Nothing was imported.*XML bomb"):
        call_command("gazette_import", "wxr", str(path))
    with pytest.raises(CommandError, match="no file"):
        call_command("gazette_import", "wxr", str(tmp_path / "nope.xml"))


def test_a_bad_item_is_reported_and_the_rest_continues(magazine, wxr_file, monkeypatch):
    # The database refuses one page: the batch's bulk write fails, the batch is written
    # again one post at a time, and only the bad post is left out and reported.
    original = bulk_pages.insert_articles

    def flaky(articles, tags):
        if any(article.page.title == "Sticky post" for article in articles):
            raise ValueError("disk on fire")
        return original(articles, tags)

    monkeypatch.setattr(bulk_pages, "insert_articles", flaky)
    result = attempt("wxr", wxr_file)
    assert result.status == ImportStatus.DONE
    failed = result.events.get(action="fail")
    assert failed.source_id == "post:1004" and "disk on fire" in failed.message
    assert not ArticlePage.objects.filter(title="Sticky post").exists()
    assert ArticlePage.objects.filter(title="Scheduled post").exists()
    assert ArticlePage.objects.count() == 10  # the eleven posts and pages but one
    assert result.counts["post"]["create"] + result.counts["page"]["create"] == 10
    assert Page.find_problems() == ([], [], [], [], [])


def test_resume_after_a_crash(magazine, wxr_file, monkeypatch):
    original = importer_module.ImportEngine.import_post
    calls = {"n": 0}

    def crashing(self, record):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt  # the process is stopped mid-run
        return original(self, record)

    monkeypatch.setattr(importer_module.ImportEngine, "import_post", crashing)
    monkeypatch.setattr(importer_module, "BATCH_SIZE", 2)  # commit every two items
    with pytest.raises(CommandError, match="interrupted"):
        call_command("gazette_import", "wxr", str(wxr_file))
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.INTERRUPTED
    stopped_at = run.checkpoint
    assert 0 < stopped_at < run.total
    imported_before = ArticlePage.objects.count()
    monkeypatch.setattr(importer_module.ImportEngine, "import_post", original)
    call_command("gazette_import", "wxr", str(wxr_file))
    run.refresh_from_db()
    assert ImportRun.objects.count() == 1  # the same run was resumed
    assert run.status == ImportStatus.DONE and run.checkpoint == run.total
    assert ArticlePage.objects.count() > imported_before
    # Nothing twice: every post and page exactly once.
    titles = list(ArticlePage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == 11
    # The resumed part did not redo the items before the checkpoint.
    assert not run.events.filter(source_id="post:1001", action="create").count() > 1
