"""Which models a site archive holds.

By default every model of every installed app goes in: pages and their revisions,
authors, tags, images and documents, redirects, site settings, and whatever apps such as
the newsletter (subscribers, consent records, issues) add. An app leaves out data that is
rebuilt or meaningless elsewhere with `exclude_from_archive("app_label.model")` in its
AppConfig.ready(), or in settings.GAZETTE_ARCHIVE_EXCLUDE.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models

# Rebuilt after a restore, tied to one installation, or in-flight work.
_EXCLUDED = {
    "contenttypes.contenttype",  # recreated by migrate; references are remapped
    "auth.permission",  # idem
    "sessions.session",
    "admin.logentry",
    "wagtailimages.rendition",  # regenerated on demand from the original images
    "wagtailsearch.indexentry",  # the search index is rebuilt after a restore
    "wagtailsearch.sqliteftsindexentry",
    "wagtailcore.referenceindex",  # rebuilt after a restore
    "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession",
    "wagtailadmin.admin",
    "django_tasks_database.dbtaskresult",  # queued work belongs to the old installation
}


def exclude_from_archive(*labels: str) -> None:
    """Leave these models ("app_label.model") out of site archives."""
    _EXCLUDED.update(label.lower() for label in labels)


def excluded_labels() -> set[str]:
    extra = {label.lower() for label in getattr(settings, "GAZETTE_ARCHIVE_EXCLUDE", [])}
    return _EXCLUDED | extra


def archived_models() -> list[type[models.Model]]:
    """Return the concrete models whose rows an archive holds, in a stable order."""
    excluded = excluded_labels()
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label_lower not in excluded
        and not model._meta.label_lower.endswith("indexentry")
    ]
    return sorted(chosen, key=lambda model: model._meta.label_lower)


def rebuilt_models() -> list[type[models.Model]]:
    """Models an installation fills itself; a restore empties them before loading."""
    excluded = excluded_labels() - {"contenttypes.contenttype", "auth.permission"}
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and (model._meta.label_lower in excluded or model._meta.label_lower.endswith("indexentry"))
    ]
