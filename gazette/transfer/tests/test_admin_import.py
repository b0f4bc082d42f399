"""The admin import page: upload, queue as a task, follow progress, resume."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gazette.news.models import ArticlePage
from gazette.transfer.models import ImportRun, ImportStatus
from gazette.transfer.tests.conftest import FIXTURES


@pytest.fixture
def admin_client(client, magazine):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def upload(client, dry_run, **extra):
    data = {
        "kind": "wxr",
        "file": SimpleUploadedFile("export.xml", (FIXTURES / "theme-unit-test.wxr").read_bytes()),
        **extra,
    }
    if dry_run:
        data["dry_run"] = "on"
    return client.post(reverse("transfer_imports"), data)


def test_upload_runs_the_import_as_a_task_and_shows_the_report(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, dry_run=True)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/imports/{run.pk}/")
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE and run.dry_run
    assert not ArticlePage.objects.filter(title="Hello world!").exists()
    page = admin_client.get(response["Location"])
    html = page.content.decode()
    assert "Dry run" in html and "Password-protected" in html and "post:1006" in html
    progress = admin_client.get(reverse("transfer_import_progress", args=[run.pk])).json()
    assert progress["finished"] and progress["percent"] == 100
    assert progress["totals"]["create"] > 0

    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, dry_run=False)
    assert ArticlePage.objects.filter(title="Hello world!").exists()
    listing = admin_client.get(reverse("transfer_imports")).content.decode()
    assert listing.count("export.xml") == 2


def test_bad_upload_is_reported(admin_client, django_capture_on_commit_callbacks):
    data = {"kind": "wxr", "file": SimpleUploadedFile("bad.xml", b"<rss><channel>")}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("transfer_imports"), data)
    html = admin_client.get(response["Location"]).content.decode()
    assert "Nothing was imported." in html and "truncated" in html
    media = {
        "kind": "wxr",
        "file": SimpleUploadedFile("a.xml", b"x"),
        "media": SimpleUploadedFile("m.rar", b"x"),
    }
    response = admin_client.post(reverse("transfer_imports"), media)
    assert response.status_code == 200 and "zip" in response.content.decode()


def test_interrupted_import_can_be_resumed(
    admin_client, django_capture_on_commit_callbacks, tmp_path
):
    source = tmp_path / "export.xml"
    source.write_bytes((FIXTURES / "theme-unit-test.wxr").read_bytes())
    run = ImportRun.objects.create(
        kind="wxr",
        source_path=str(source),
        source_name="export.xml",
        status=ImportStatus.INTERRUPTED,
        checkpoint=3,
        processed=3,
        total=18,
    )
    html = admin_client.get(reverse("transfer_import", args=[run.pk])).content.decode()
    assert "Resume from item 4" in html
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("transfer_import_resume", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE and run.processed == run.total
    # Items before the checkpoint were not processed by the resumed run.
    assert not run.events.filter(source_id="post:1001").exists()
    assert not ArticlePage.objects.filter(title="Hello world!").exists()
    assert ArticlePage.objects.filter(title="Sticky post").exists()


def test_editors_without_permission_cannot_import(client, magazine):
    user = get_user_model().objects.create_user("ed", "ed@example.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("transfer_imports")).status_code in {302, 403}
