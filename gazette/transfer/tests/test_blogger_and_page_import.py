"""Importing a Blogger backup and a single saved article page."""

import shutil
from pathlib import Path

import pytest
from django.test import Client

from gazette.news.models import ArticlePage
from gazette.people.models import Author
from gazette.transfer.actions import run_import_now
from gazette.transfer.importer import start_run
from gazette.transfer.models import ImportEvent, ImportStatus
from gazette.transfer.tests.conftest import FIXTURES, jpeg_bytes

SEED = Path("/work/shared/reference/seed-page.txt")


def run(kind, path, **options):
    return run_import_now(start_run(kind, str(path), **options))


@pytest.fixture
def blogger_file(tmp_path):
    target = tmp_path / "blog.xml"
    shutil.copy(FIXTURES / "blogger-export.xml", target)
    return target


def test_blogger_posts_labels_authors_dates_images(magazine, blogger_file, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    (media / "generator.jpg").write_bytes(jpeg_bytes())
    result = run("blogger", blogger_file, media=str(media))
    assert result.status == ImportStatus.DONE, result.error
    post = ArticlePage.objects.get(title="Generators on every corner")
    assert post.live
    assert set(post.tags.names()) == {"Beirut", "Electricity"}
    assert [a.name for a in post.byline] == ["Rania Khoury"]
    assert post.first_published_at.isoformat() == "2024-03-15T06:30:00+00:00"
    assert [b.block_type for b in post.body] == ["paragraph", "image", "subheading", "paragraph"]
    assert post.body[1].value["image"].contextual_alt_text == "A street generator"
    assert "script" not in str(post.body.raw_data)
    draft = ArticlePage.objects.get(title="مسودة عن الكهرباء")
    assert not draft.live
    assert Author.objects.filter(name="Sami Nasr").exists()
    assert result.summary["comments_skipped"] == 1
    assert ArticlePage.objects.get(title="About this blog").get_parent().slug == "pages"
    response = Client().get("/2024/03/generators-on-every-corner.html")
    assert response.status_code == 301 and response["Location"].endswith(post.url)
    again = run("blogger", blogger_file, media=str(media))
    assert ArticlePage.objects.filter(title="Generators on every corner").count() == 1
    assert "create" not in again.counts["post"]


def test_reference_page_imports_article_and_reports_furniture(magazine, tmp_path):
    if not SEED.exists():
        pytest.skip(f"the reference page {SEED} is not on this machine")
    result = run("page", SEED, section="opinion")
    assert result.status == ImportStatus.DONE, result.error
    page = ArticlePage.objects.get(title__startswith="Why are Assad Regime Officers Pardoned")
    assert page.get_parent().slug == "opinion"
    assert not page.live  # a pasted page lands as a draft for an editor to check
    assert [a.name for a in page.byline] == ["Natanya Muradchai"]
    text = str(page.body.raw_data)
    assert "Popular Posts" not in text and "BENEFIT" not in text and "Subscribe" not in text
    subheadings = [b.value for b in page.body if b.block_type == "subheading"]
    assert "Why does al-Julani resort to doing this?" in subheadings
    furniture = ImportEvent.objects.filter(run=result, kind="furniture")
    assert furniture.filter(title__startswith="BENEFIT Sponsors BuildHer").exists()
    assert {e.message.split(" ")[0] for e in furniture} >= {
        "related",
        "popular",
        "newsletter",
        "ad",
    }


def test_page_that_is_not_an_article_is_refused(magazine, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    result = run("page", empty)
    assert result.status == ImportStatus.FAILED
    assert "No article found" in result.error
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "binary" in run("page", binary).error
