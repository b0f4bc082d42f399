"""Subscriber CSV imports run in the task worker: progress, problem rows, resuming."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gazette.newsletter import importing
from gazette.newsletter.models import (
    ConsentRecord,
    ImportStatus,
    Subscriber,
    SubscriberImport,
    Suppression,
)
from gazette.newsletter.schedule import run_schedule
from gazette.newsletter.tests.helpers import make_newsletter, make_subscribers

SOURCE = "Print subscribers' form, 2024, box ticked"


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@gazette.example", "pw")
    client.force_login(user)
    return user


def upload(client, text: str, capture, **fields):
    data = {"file": SimpleUploadedFile("readers.csv", text.encode()), "source": SOURCE}
    data.update({"confirm": "on", **fields})
    with capture(execute=True):
        return client.post(reverse("newsletter_admin:import"), data)


def test_an_upload_is_imported_by_the_worker_and_every_row_is_accounted_for(
    client, editor, django_capture_on_commit_callbacks
):
    newsletter = make_newsletter()
    weekly = make_newsletter(name="Weekly", slug="weekly")
    [left] = make_subscribers(newsletter, 1, prefix="left")
    Subscriber.objects.filter(pk=left.pk).update(status="unsubscribed")
    Suppression.objects.create(email="blocked@example.com", reason="complaint")
    text = (
        "email,language,newsletters,frequency\n"
        "good@example.com,en,morning-opinion,daily\n"  # line 2
        "not-an-address,en,morning-opinion,daily\n"  # 3
        "other@example.com,fr,morning-opinion,daily\n"  # 4
        "third@example.com,en,no-such-list,weekly\n"  # 5
        "Good@Example.com,en,,daily\n"  # 6: the same address as line 2
        "\n"  # 7: blank, not a row
        "second+tag@bücher.example,en,weekly,weekly\n"  # 8
        "blocked@example.com,en,,daily\n"  # 9
        "left0@example.com,en,,daily\n"  # 10
    )

    response = upload(client, text, django_capture_on_commit_callbacks, newsletters=[weekly.pk])

    job = SubscriberImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter_admin:import_progress", args=[job.pk])
    assert job.status == ImportStatus.DONE
    assert job.total_rows == 8 and job.rows_done == 8
    assert (job.created, job.suppressed, job.opted_out, job.problems) == (2, 1, 1, 4)
    assert job.created + job.updated + job.suppressed + job.opted_out + job.problems == 8
    assert job.content == "", "the uploaded file is not kept once its rows are in"
    assert set(Subscriber.objects.filter(status="subscribed").values_list("email", flat=True)) == {
        "good@example.com",
        "second+tag@xn--bcher-kva.example",
    }
    good = Subscriber.objects.get(email="good@example.com")
    assert [n.slug for n in good.newsletters.all()] == ["morning-opinion"]
    assert good.source == SOURCE
    assert ConsentRecord.objects.filter(action="imported", source=SOURCE).count() == 2
    assert not Subscriber.objects.get(email="left0@example.com").is_subscribed

    page = client.get(response["Location"]).content.decode()
    assert "Finished" in page and "4 rows were not imported" in page
    for line, words in (
        (3, "not-an-address"),
        (4, "Unknown language"),
        (5, "no-such-list"),
        (6, "already appears on line 2"),
    ):
        assert f"<td>{line}</td>" in page and words in page

    export = client.get(reverse("newsletter_admin:import_problems", args=[job.pk]))
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [(r["line"], r["email"]) for r in rows] == [
        ("3", "not-an-address"),
        ("4", "other@example.com"),
        ("5", "third@example.com"),
        ("6", "Good@Example.com"),
    ]
    assert rows[1]["language"] == "fr" and "Unknown language" in rows[1]["problem"]


def test_a_file_that_is_not_a_subscriber_csv_is_refused_on_upload(
    client, editor, django_capture_on_commit_callbacks
):
    make_newsletter()
    response = upload(client, "name,phone\nLayla,123\n", django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "including “email”" in response.content.decode()
    data = {
        "file": SimpleUploadedFile("readers.csv", "email\nlayla@example.com\n".encode("utf-16")),
        "source": SOURCE,
        "confirm": "on",
    }
    response = client.post(reverse("newsletter_admin:import"), data)
    assert "not UTF-8" in response.content.decode()
    assert not SubscriberImport.objects.exists()


class WorkerKilled(BaseException):
    """Stands in for the worker process dying in the middle of an import."""


def test_an_import_cut_off_midway_carries_on_and_imports_every_row_once(
    client, editor, monkeypatch, django_capture_on_commit_callbacks
):
    make_newsletter()
    monkeypatch.setattr(importing, "CHUNK", 100)
    lines = ["email,newsletters"] + [f"reader{i}@example.com,morning-opinion" for i in range(450)]
    lines.append("reader7@example.com,morning-opinion")  # line 452 repeats line 9
    real_write = importing.write_chunk
    calls = {"n": 0}

    def write_then_die(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise WorkerKilled()
        return real_write(*args, **kwargs)

    monkeypatch.setattr(importing, "write_chunk", write_then_die)
    # The task backend records the dead task as failed; the import is left mid-file.
    with contextlib.suppress(WorkerKilled):
        upload(client, "\n".join(lines) + "\n", django_capture_on_commit_callbacks)
    job = SubscriberImport.objects.get()
    assert job.status == ImportStatus.RUNNING and job.rows_done == 200
    assert Subscriber.objects.count() == 200, "the chunk in hand was not half written"
    page = client.get(reverse("newsletter_admin:import_progress", args=[job.pk])).content.decode()
    assert "200 of 451 rows" in page

    monkeypatch.setattr(importing, "write_chunk", real_write)
    # A second run cannot take the file while the first one's lease is fresh...
    assert importing.run_import(job.pk).busy
    # ...but once the dead worker stays silent, the scheduler hands it to a new one.
    SubscriberImport.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - timedelta(minutes=10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert run_schedule(timezone.now())["imports_resumed"] == [job.pk]

    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.rows_done == 451
    assert Subscriber.objects.count() == 450
    assert ConsentRecord.objects.filter(action="imported").count() == 450
    assert job.created == 450 and job.problems == 1
    [problem] = job.problem_rows.all()
    assert problem.line == 452 and "already appears on line 9" in problem.reason


def test_a_long_import_hands_over_to_a_fresh_task_between_chunks(
    editor, monkeypatch, django_capture_on_commit_callbacks
):
    from gazette.newsletter import actions

    make_newsletter()
    monkeypatch.setattr(importing, "CHUNK", 10)
    text = "email,newsletters\n" + "".join(f"r{i}@example.com,morning-opinion\n" for i in range(35))
    job = actions.start_import(
        text=text,
        columns=["email", "newsletters"],
        filename="r.csv",
        source=SOURCE,
        newsletters=[],
        ip_hash="",
    )
    outcome = importing.run_import(job.pk, budget_seconds=0.000001)
    job.refresh_from_db()
    assert outcome.out_of_time and job.status == ImportStatus.QUEUED and job.rows_done == 10

    with django_capture_on_commit_callbacks(execute=True):
        actions.resume_import(job)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.created == 35
