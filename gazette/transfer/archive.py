"""Write the whole site to one versioned archive, and restore it into an empty installation.

An archive is a gzipped tar file:

    manifest.json       format and version, software versions, applied migrations,
                        the models (file, row count) and media files it holds, and the
                        SHA-256 of every other member
    SHA256SUMS          the same checksums (and the manifest's), `sha256sum -c` style
    data/<model>.jsonl  every row of every archived model (Django's JSON-lines format)
    media/<path>        original files of images, documents and other file fields
    settings.json       the configuration it was made with, for reference

Content types and permissions are written by name and remapped on restore, so an archive
restores into a fresh installation on SQLite or PostgreSQL whatever ids migrate gave them.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import platform
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette.transfer.registry import archived_models, rebuilt_models

FORMAT = "gazette-archive"
VERSION = 1
Say = Callable[[str], None]


class ArchiveError(Exception):
    """The archive cannot be written or restored; the message says why and what to do."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return {}
    applied: dict[str, list[str]] = {}
    for app_label, name in recorder.migration_qs.values_list("app", "name"):
        applied.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _file_fields(model) -> list[str]:
    return [f.name for f in model._meta.local_fields if isinstance(f, models.FileField)]


# -- export ---------------------------------------------------------------------------


def export_site(target: str | os.PathLike, using: str = DEFAULT_DB_ALIAS, say: Say = print) -> dict:
    """Write every archived model and media file to `target`; return the manifest."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gazette-export-", dir=target.parent) as work:
        work_dir = Path(work)
        (work_dir / "data").mkdir()
        manifest: dict = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "software": {
                "gazette": _gazette_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "python": platform.python_version(),
            },
            "database": connections[using].vendor,
            "migrations": applied_migrations(using),
            "contenttypes": {
                str(ct.pk): [ct.app_label, ct.model]
                for ct in ContentType.objects.using(using).order_by("pk")
            },
            "permissions": {
                str(p.pk): [p.content_type.app_label, p.codename]
                for p in Permission.objects.using(using).select_related("content_type")
            },
            "models": [],
            "media": [],
            "files": {},
        }
        media_names: set[str] = set()
        for model in archived_models():
            label = model._meta.label_lower
            name = f"data/{label}.jsonl"
            queryset = model._base_manager.using(using).order_by("pk")
            count = 0
            with open(work_dir / name, "w", encoding="utf-8") as handle:
                for chunk in _chunks(queryset.iterator(chunk_size=1000), 1000):
                    for row in serializers.serialize("python", chunk):
                        handle.write(json.dumps(row, cls=ExactJSONEncoder, ensure_ascii=False))
                        handle.write("\n")
                    count += len(chunk)
            manifest["models"].append({"label": label, "file": name, "count": count})
            for field in _file_fields(model):
                for value in queryset.values_list(field, flat=True):
                    if value:
                        media_names.add(value)
            if count:
                say(f"  {label}: {count}")
        missing = []
        for media_name in sorted(media_names):
            if not default_storage.exists(media_name):
                missing.append(media_name)
                continue
            destination = work_dir / "media" / media_name
            destination.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(media_name, "rb") as source, open(destination, "wb") as out:
                for chunk in iter(lambda: source.read(1 << 20), b""):
                    out.write(chunk)
            manifest["media"].append(media_name)
        manifest["missing_media"] = missing
        (work_dir / "settings.json").write_text(json.dumps(_settings_snapshot(), indent=2))
        for path in sorted(work_dir.rglob("*")):
            if path.is_file():
                manifest["files"][path.relative_to(work_dir).as_posix()] = _sha256_file(path)
        (work_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
        sums = {**manifest["files"], "manifest.json": _sha256_file(work_dir / "manifest.json")}
        (work_dir / "SHA256SUMS").write_text(
            "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items()))
        )
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            for first in ("manifest.json", "SHA256SUMS"):
                archive.add(work_dir / first, arcname=first)
            for name in sorted(manifest["files"]):
                archive.add(work_dir / name, arcname=name)
        os.replace(partial, target)  # a half-written archive never takes the final name
    if missing:
        say(_("Warning: %(n)d media files were missing from storage.") % {"n": len(missing)})
    return manifest


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _gazette_version() -> str:
    try:
        from importlib.metadata import version

        return version("gazette")
    except Exception:
        return "0.1.0"


def _settings_snapshot() -> dict:
    keys = [
        "SITE_URL",
        "TIME_ZONE",
        "LANGUAGE_CODE",
        "WAGTAIL_SITE_NAME",
        "DEFAULT_FROM_EMAIL",
        "GAZETTE_PAGE_SIZE",
    ]
    snapshot = {key: getattr(settings, key, None) for key in keys}
    snapshot["LANGUAGES"] = [code for code, _name in settings.LANGUAGES]
    snapshot["INSTALLED_APPS"] = list(settings.INSTALLED_APPS)
    return json.loads(json.dumps(snapshot, default=str))


# -- restore --------------------------------------------------------------------------


def read_manifest(archive_path: str | os.PathLike) -> dict:
    """Open the archive, check its format and every checksum; return the manifest."""
    try:
        archive = tarfile.open(archive_path, "r:*")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as exc:
        raise ArchiveError(
            _("%(path)s is not a Gazette archive (%(detail)s).")
            % {"path": archive_path, "detail": exc}
        )
    with archive:
        try:
            manifest = json.loads(archive.extractfile("manifest.json").read())
        except (KeyError, AttributeError, ValueError):
            raise ArchiveError(
                _("The archive has no readable manifest.json: it is not a Gazette archive.")
            )
        if manifest.get("format") != FORMAT:
            raise ArchiveError(_("The archive is not a Gazette site archive."))
        if int(manifest.get("version", 0)) > VERSION:
            raise ArchiveError(
                _(
                    "The archive is format version %(v)s; this Gazette reads up to %(max)s. Upgrade Gazette first."
                )
                % {"v": manifest.get("version"), "max": VERSION}
            )
        expected = dict(manifest.get("files", {}))
        for member in archive:
            if member.name in {"manifest.json", "SHA256SUMS"} or not member.isfile():
                continue
            _check_member_name(member.name)
            if member.name not in expected:
                raise ArchiveError(
                    _("The archive holds an unexpected file: %(n)s.") % {"n": member.name}
                )
            digest = hashlib.sha256()
            source = archive.extractfile(member)
            while chunk := source.read(1 << 20):
                digest.update(chunk)
            if digest.hexdigest() != expected.pop(member.name):
                raise ArchiveError(
                    _("%(n)s is damaged (checksum mismatch). Use another copy of the archive.")
                    % {"n": member.name}
                )
        if expected:
            raise ArchiveError(
                _("The archive is incomplete: %(n)s is missing.") % {"n": sorted(expected)[0]}
            )
    return manifest


def _check_member_name(name: str) -> None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise ArchiveError(_("The archive holds an unsafe path: %(n)s.") % {"n": name})


def _content_in_target(using: str) -> list[str]:
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from gazette.people.models import Author

    found = []
    pages = Page.objects.using(using).filter(depth__gt=2).count()
    if pages:
        found.append(_("%(n)d pages") % {"n": pages})
    if Author.objects.using(using).exists():
        found.append(_("authors"))
    if get_image_model().objects.using(using).exists():
        found.append(_("images"))
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if user_model.objects.using(using).exists():
        found.append(_("user accounts"))
    return found


def restore_site(
    archive_path: str | os.PathLike,
    using: str = DEFAULT_DB_ALIAS,
    say: Say = print,
    rebuild_indexes: bool = True,
) -> dict:
    """Restore an archive into an empty, migrated installation; return its manifest."""
    manifest = read_manifest(archive_path)
    applied = applied_migrations(using)
    if not applied:
        raise ArchiveError(
            _("This database has no tables yet. Run `manage.py migrate` first, then restore.")
        )
    installed = {config.label for config in apps.get_app_configs()}
    for app_label, names in manifest["migrations"].items():
        missing = sorted(set(names) - set(applied.get(app_label, [])))
        if missing and app_label in installed:
            raise ArchiveError(
                _(
                    "The archive was made by a newer Gazette: migration %(app)s.%(name)s is not "
                    "applied here. Install the same or a newer version, run migrate, then restore."
                )
                % {"app": app_label, "name": missing[0]}
            )
    if found := _content_in_target(using):
        raise ArchiveError(
            _(
                "This installation is not empty (it has %(what)s). Restore only into a new "
                "database: create it, run `manage.py migrate`, and restore before creating any "
                "user or page."
            )
            % {"what": ", ".join(found)}
        )
    models_by_label = {m._meta.label_lower: m for m in archived_models()}
    unknown = [
        entry["label"]
        for entry in manifest["models"]
        if entry["count"] and entry["label"] not in models_by_label
    ]
    if unknown:
        raise ArchiveError(
            _(
                "The archive holds data of apps not installed here (%(labels)s). Install them "
                "(INSTALLED_APPS) and run migrate, then restore."
            )
            % {"labels": ", ".join(unknown)}
        )
    remap = _Remapper(manifest, using)
    written: list[str] = []
    try:
        with tarfile.open(archive_path, "r:*") as archive, transaction.atomic(using=using):
            _empty_tables(using)
            loaded = []
            for entry in manifest["models"]:
                model = models_by_label.get(entry["label"])
                if model is None or not entry["count"]:
                    continue
                source = io.TextIOWrapper(archive.extractfile(entry["file"]), "utf-8")
                count = _load_rows(source, model, remap, using)
                loaded.append(model)
                say(f"  {entry['label']}: {count}")
            _reset_sequences(loaded, using)
            for name in manifest["media"]:
                data = archive.extractfile(f"media/{name}").read()
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, ContentFile(data))
                written.append(saved)
                if saved != name:
                    raise ArchiveError(
                        _("Media file %(n)s could not be written under its own name.") % {"n": name}
                    )
    except Exception:
        for name in written:
            default_storage.delete(name)
        raise
    if rebuild_indexes:
        from django.core.management import call_command

        say(_("Rebuilding the reference and search indexes…"))
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
    return manifest


def _empty_tables(using: str) -> None:
    """Remove what `migrate` put in (root page, default site, locale, groups…)."""
    for model in [*archived_models(), *rebuilt_models()]:
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                through._base_manager.using(using).all()._raw_delete(using)
        model._base_manager.using(using).all()._raw_delete(using)


def _reset_sequences(loaded: list, using: str) -> None:
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), loaded)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


class _Remapper:
    """Translate content type and permission ids of the archive into this database's ids."""

    def __init__(self, manifest: dict, using: str) -> None:
        here = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.using(using).all()}
        self.content_types = {}
        for old, (app_label, model) in manifest["contenttypes"].items():
            if (app_label, model) not in here:
                ct = ContentType.objects.db_manager(using).get_or_create(
                    app_label=app_label, model=model
                )[0]
                here[(app_label, model)] = ct.pk
            self.content_types[int(old)] = here[(app_label, model)]
        permissions = {
            (p.content_type.app_label, p.codename): p.pk
            for p in Permission.objects.using(using).select_related("content_type")
        }
        self.permissions = {
            int(old): permissions[tuple(key)]
            for old, key in manifest["permissions"].items()
            if tuple(key) in permissions
        }
        self.fields_cache: dict = {}

    def fields(self, model):
        if model not in self.fields_cache:
            ct_fields = [
                f.name
                for f in model._meta.local_fields
                if f.is_relation and f.related_model is ContentType
            ]
            perm_fields = [
                f.name for f in model._meta.local_many_to_many if f.related_model is Permission
            ]
            self.fields_cache[model] = (ct_fields, perm_fields)
        return self.fields_cache[model]

    def apply(self, model, row: dict) -> dict:
        ct_fields, perm_fields = self.fields(model)
        values = row["fields"]
        for name in ct_fields:
            if values.get(name) is not None:
                values[name] = self.content_types[int(values[name])]
        for name in perm_fields:
            values[name] = [
                self.permissions[int(pk)]
                for pk in values.get(name, [])
                if int(pk) in self.permissions
            ]
        if model._meta.label_lower == "wagtailcore.revision" and isinstance(
            values.get("content"), dict
        ):
            content = values["content"]
            if isinstance(content.get("content_type"), int):
                content["content_type"] = self.content_types.get(
                    content["content_type"], content["content_type"]
                )
        return row


def _load_rows(source, model, remap: _Remapper, using: str) -> int:
    count = 0
    batch = []
    for line in source:
        if not line.strip():
            continue
        batch.append(remap.apply(model, json.loads(line)))
        if len(batch) >= 500:
            count += _save_batch(batch, using)
            batch = []
    if batch:
        count += _save_batch(batch, using)
    return count


def _save_batch(rows: list[dict], using: str) -> int:
    for obj in serializers.deserialize("python", rows, using=using):
        obj.save(using=using)
    return len(rows)
