"""Export a site, restore it into a new database, and find everything equal."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText

from gazette.news.models import ArticleAuthor
from gazette.testing.factories import make_article, make_author, make_image
from gazette.transfer.archive import ArchiveError, export_site, read_manifest
from gazette.transfer.tests.site_snapshot import snapshot

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def full_site(magazine, writer, article):
    second = make_author("Omar Said", bio="عمر يكتب عن الاقتصاد.")
    make_article(
        magazine["sections"]["news"],
        title="Second story, with two bylines",
        authors=[writer, second],
        tags=["economy"],
        hero_image=make_image("Quay", colour="#335577"),
        body=[
            ("paragraph", RichText("<p>Body with a <b>bold</b> word.</p>")),
            ("pull_quote", {"quote": "Ships wait.", "attribution": "Harbour master"}),
        ],
    )
    # The factory leaves sort_order empty, and SQLite and PostgreSQL order NULL ties
    # differently; give bylines the order the admin would.
    for page_bylines in (
        article.article_authors.all(),
        ArticleAuthor.objects.exclude(page=article),
    ):
        for position, byline in enumerate(page_bylines.order_by("pk")):
            ArticleAuthor.objects.filter(pk=byline.pk).update(sort_order=position)
    arabic = article.copy_for_translation(magazine["ar"])
    arabic.title = "لماذا يحتاج الميناء إلى رصيف ثانٍ"
    arabic.translator = second
    arabic.save_revision().publish()
    # A draft change on top of the live version: the archive keeps both.
    article.title = article.title + " (draft edit)"
    article.save_revision()
    Redirect.add_redirect("/old/harbour/", article)
    return magazine


def subprocess_env(tmp_path: Path, database_url: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="gazette.settings",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        GAZETTE_VAR_DIR=str(tmp_path / "restored-var"),
        TASKS_BACKEND="immediate",
        STATIC_MANIFEST="0",
        SECRET_KEY="restore-test",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def restore_elsewhere(tmp_path, archive, database_url) -> dict:
    env = subprocess_env(tmp_path, database_url)
    manage(env, "migrate", "--noinput", "-v", "0")
    output = manage(env, "gazette_restore", str(archive))
    assert "Restored" in output
    out = tmp_path / "restored.json"
    result = subprocess.run(
        [sys.executable, "-m", "gazette.transfer.tests.site_snapshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    restored = json.loads(out.read_text())
    # A second restore into the now full installation is refused.
    refused = subprocess.run(
        [sys.executable, "manage.py", "gazette_restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refused.returncode != 0 and "not empty" in refused.stderr
    return restored


def _semantic(value):
    """JSON kept as text (StreamField) compares by meaning: PostgreSQL's jsonb reorders keys."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def assert_equal_sites(original, restored):
    assert set(original["rows"]) == set(restored["rows"])
    ct_original = original["content_types"]
    ct_restored = restored["content_types"]
    for label, rows in original["rows"].items():
        other = restored["rows"][label]
        assert set(rows) == set(other), f"{label}: different objects"
        for pk, fields in rows.items():
            theirs = other[pk]
            for name, value in fields.items():
                if name in {"content_type", "base_content_type"} and value is not None:
                    assert ct_original[str(value)] == ct_restored[str(theirs[name])]
                    continue
                if label == "wagtailcore.revision" and name == "content":
                    value = {k: v for k, v in value.items() if k != "content_type"}
                    theirs_value = {k: v for k, v in theirs[name].items() if k != "content_type"}
                    assert value == theirs_value, f"{label} {pk} {name}"
                    continue
                assert _semantic(value) == _semantic(theirs[name]), f"{label} {pk} {name}"
    assert original["pages"].keys() == restored["pages"].keys()
    for url, html in original["pages"].items():
        assert html == restored["pages"][url], f"rendered page differs: {url}"


def test_round_trip_into_new_sqlite_database(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("gazette_export", str(archive))
    original = snapshot()
    assert original["rows"]["news.articlepage"]
    assert len(original["rows"]["wagtailcore.revision"]) > len(original["rows"]["wagtailcore.page"])
    restored = restore_elsewhere(tmp_path, archive, f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    assert_equal_sites(original, restored)
    # Image files came along, byte for byte.
    manifest = read_manifest(archive)
    for name in manifest["media"]:
        assert (tmp_path / "restored-media" / name).read_bytes() == (
            Path(settings.MEDIA_ROOT) / name
        ).read_bytes()


def test_imported_site_round_trips(magazine, wxr_file, uploads, tmp_path):
    # Pages written in bulk by the importer archive and restore like any others.
    from gazette.transfer.actions import run_import_now
    from gazette.transfer.importer import start_run

    run = run_import_now(start_run("wxr", str(wxr_file), media=str(uploads)))
    assert run.counts["post"]["create"] == 10
    archive = tmp_path / "site.tar.gz"
    export_site(archive, say=lambda _line: None)
    original = snapshot()
    restored = restore_elsewhere(tmp_path, archive, f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    assert_equal_sites(original, restored)


def _postgres_url() -> str | None:
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=2):
            return "postgresql://postgres@127.0.0.1:5432/"
    except Exception:
        return None


@pytest.mark.postgres
def test_round_trip_into_new_postgresql_database(full_site, tmp_path):
    base = _postgres_url()
    if base is None:
        pytest.skip("PostgreSQL does not answer at 127.0.0.1:5432")
    import psycopg

    name = f"gazette_restore_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base + "postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        archive = tmp_path / "site.tar.gz"
        export_site(archive, say=lambda _line: None)
        original = snapshot()
        restored = restore_elsewhere(tmp_path, archive, base + name)
        assert_equal_sites(original, restored)
    finally:
        with psycopg.connect(base + "postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_manifest_and_checksums(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    manifest = export_site(archive, say=lambda _line: None)
    assert manifest["format"] == "gazette-archive" and manifest["version"] == 1
    labels = {entry["label"]: entry["count"] for entry in manifest["models"]}
    assert labels["news.articlepage"] == 3
    assert labels["people.author"] == 2
    assert labels["taggit.tag"] == 3
    assert labels["wagtailimages.image"] >= 3
    assert "wagtailimages.rendition" not in labels
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        sums = tar.extractfile("SHA256SUMS").read().decode()
    assert names[:2] == ["manifest.json", "SHA256SUMS"]
    assert "manifest.json" in sums and "data/news.articlepage.jsonl" in sums
    assert read_manifest(archive)["created_at"] == manifest["created_at"]


def test_damaged_or_foreign_archives_are_refused(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    export_site(archive, say=lambda _line: None)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "data/news.articlepage.jsonl":
                data = data.replace(b"harbour", b"HARBOUR")
                member.size = len(data)
            import io

            target.addfile(member, io.BytesIO(data))
    with pytest.raises(ArchiveError, match="damaged"):
        read_manifest(damaged)
    not_archive = tmp_path / "notes.txt"
    not_archive.write_text("hello")
    with pytest.raises(CommandError, match="Nothing was restored.*not a Gazette archive"):
        call_command("gazette_restore", str(not_archive))
    # Restoring into this (full) installation is refused and changes nothing.
    with pytest.raises(CommandError, match="not empty"):
        call_command("gazette_restore", str(archive))


def test_scheduled_backups_rotate(full_site, tmp_path, settings):
    from gazette.core.schedule import jobs
    from gazette.transfer.backups import existing_backups
    from gazette.transfer.tasks import scheduled_backup

    assert "gazette.transfer.tasks.scheduled_backup" in {job.task for job in jobs()}
    settings.GAZETTE_BACKUP_DIR = str(tmp_path / "backups")
    settings.GAZETTE_BACKUP_KEEP = 2
    made = [scheduled_backup.enqueue().return_value for _ in range(3)]
    kept = existing_backups(tmp_path / "backups")
    assert [str(p) for p in kept] == made[1:]
    assert read_manifest(kept[-1])["format"] == "gazette-archive"
