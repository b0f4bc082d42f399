"""`manage.py gazette_lint`: the checks from the command line, for files and the archive."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.rich_text import RichText

from gazette.testing.factories import make_article

SEED_PAGE = Path("/work/shared/reference/seed-page.txt")
REQUIRED = {"ai-boilerplate", "cut-title", "signature", "glued-text"}

CLEAN_TEXT = """A Second Berth for the Harbour
By Layla Haddad
The harbour authority said on Tuesday that the new berth would open in spring, after two years of work on the quay.
Ships have waited up to four days for a berth this year, according to the port’s own figures, and importers have paid for every hour.
What changes for importers
The new berth doubles the number of container ships the port can unload at once.
"""


def lint(*args):
    """Run gazette_lint and return (exit status, stdout)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("gazette_lint", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, out.getvalue()


@pytest.mark.django_db
@pytest.mark.skipif(not SEED_PAGE.exists(), reason="the reference page is not on this machine")
def test_reference_page_fails_with_the_four_checks():
    status, out = lint(str(SEED_PAGE))
    assert status == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(row) == 5 and row[0] == str(SEED_PAGE) for row in rows)
    assert {row[1] for row in rows} >= REQUIRED
    by_id = {row[1]: row for row in rows}
    assert by_id["cut-title"][3] == "social title"
    assert by_id["signature"][2] == "blocker"
    assert "professional translation" in by_id["ai-boilerplate"][4]


@pytest.mark.django_db
@pytest.mark.skipif(not SEED_PAGE.exists(), reason="the reference page is not on this machine")
def test_reference_page_as_json():
    status, out = lint(str(SEED_PAGE), "--json")
    assert status == 1
    [result] = json.loads(out)
    assert result["article"] == str(SEED_PAGE)
    assert {f["check_id"] for f in result["findings"]} >= REQUIRED
    assert set(result["findings"][0]) == {"check_id", "severity", "where", "message", "fix"}


@pytest.mark.django_db
def test_clean_file_passes(tmp_path, writer):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN_TEXT, encoding="utf-8")
    assert lint(str(path)) == (0, "")


@pytest.mark.django_db
def test_html_file_with_unsafe_link_and_missing_alt(tmp_path, writer):
    path = tmp_path / "story.html"
    path.write_text(
        "<html><body><article><h1>A Second Berth for the Harbour</h1><p>By Layla Haddad</p>"
        "<p>The harbour authority said on Tuesday that the new berth would open in spring.</p>"
        '<p>Read <a href="javascript:alert(1)">the plan</a> for the quay and the cranes.</p>'
        '<img src="/media/quay.jpg"></article></body></html>',
        encoding="utf-8",
    )
    status, out = lint(str(path))
    assert status == 1
    assert {line.split("\t")[1] for line in out.splitlines()} == {"unsafe-link", "image-alt"}


@pytest.mark.django_db
def test_all_sweeps_published_articles(magazine, writer, article):
    bad = make_article(
        magazine["sections"]["news"],
        title="Port reopens",
        authors=[writer],
        body=[
            ("paragraph", RichText("<p>The port reopened on Monday after the storm.</p>")),
            ("paragraph", RichText("<p>Layla Haddad</p>")),
        ],
    )
    status, out = lint("--all")
    assert status == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert [row[1] for row in rows if row[0] == bad.url_path] == ["signature"]
    assert all(row[2] != "blocker" for row in rows if row[0] == article.url_path)


@pytest.mark.django_db
def test_bad_input_is_explained(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("gazette_lint", str(tmp_path / "missing.txt"))
    with pytest.raises(CommandError, match="--all"):
        call_command("gazette_lint")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("gazette_lint", str(latin1))
