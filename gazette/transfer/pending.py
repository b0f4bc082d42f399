"""What one batch of an import records at its end, in bulk: where each source item landed
(ImportedItem, the key of idempotent re-runs) and the old addresses that now redirect.

Items are looked up once per batch (`prefetch`), and what the batch remembers is visible
to later items of the same batch before it is written.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from gazette.transfer.models import ImportedItem

_NOT_LOOKED_UP = object()


class PendingWrites:
    def __init__(self, source: str) -> None:
        self.source = source
        self.looked_up: dict[str, ImportedItem | None] = {}
        self.items: dict[str, dict] = {}
        self.redirects: dict[str, int] = {}  # normalised old path → page id

    # -- reading ----------------------------------------------------------------
    def prefetch(self, source_ids: Iterable[str]) -> list[ImportedItem]:
        """Look up the mappings of a batch's items in one query."""
        wanted = [sid for sid in set(source_ids) if sid not in self.looked_up]
        found = {
            item.source_id: item
            for item in ImportedItem.objects.filter(source=self.source, source_id__in=wanted)
        }
        for source_id in wanted:
            self.looked_up[source_id] = found.get(source_id)
        return list(found.values())

    def mapped(self, source_id: str) -> ImportedItem | None:
        """Where an item landed: remembered in this batch, prefetched, or asked of the DB."""
        if source_id in self.items:
            return ImportedItem(source=self.source, source_id=source_id, **self.items[source_id])
        item = self.looked_up.get(source_id, _NOT_LOOKED_UP)
        if item is _NOT_LOOKED_UP:
            item = ImportedItem.objects.filter(source=self.source, source_id=source_id).first()
            self.looked_up[source_id] = item
        return item

    # -- recording --------------------------------------------------------------
    def remember(self, source_id, kind, object_id, checksum="", old_url="") -> None:
        self.items[source_id] = {
            "kind": kind,
            "object_id": object_id,
            "checksum": checksum,
            "old_url": old_url[:1000],
        }

    def redirect(self, old_path: str, page: Page) -> None:
        self.redirects[old_path] = page.pk

    def snapshot(self) -> tuple[dict, dict]:
        return dict(self.items), dict(self.redirects)

    def restore(self, snapshot: tuple[dict, dict]) -> None:
        """Undo what an item recorded before it failed (its savepoint was rolled back)."""
        self.items, self.redirects = dict(snapshot[0]), dict(snapshot[1])

    def forget(self) -> None:
        """Drop what is not written yet (its batch was rolled back)."""
        self.looked_up.clear()
        self.items.clear()
        self.redirects.clear()

    # -- writing ----------------------------------------------------------------
    def write(self) -> None:
        """Write the batch's mappings and redirects: one lookup and two writes each."""
        self._write_items()
        self._write_redirects()
        self.forget()

    def _write_items(self) -> None:
        if not self.items:
            return
        now = timezone.now()
        existing = {
            item.source_id: item
            for item in ImportedItem.objects.filter(source=self.source, source_id__in=self.items)
        }
        changed, new = [], []
        for source_id, values in self.items.items():
            item = existing.get(source_id) or ImportedItem(source=self.source, source_id=source_id)
            for name, value in values.items():
                setattr(item, name, value)
            item.imported_at = now  # auto_now is not applied by bulk_update
            (changed if item.pk else new).append(item)
        ImportedItem.objects.bulk_update(
            changed, ["kind", "object_id", "checksum", "old_url", "imported_at"]
        )
        ImportedItem.objects.bulk_create(new)

    def _write_redirects(self) -> None:
        if not self.redirects:
            return
        existing = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(site=None, old_path__in=self.redirects)
        }
        changed, new = [], []
        for old_path, page_id in self.redirects.items():
            redirect = existing.get(old_path) or Redirect(old_path=old_path, site=None)
            redirect.redirect_page_id = page_id
            redirect.is_permanent = True
            redirect.redirect_link = ""
            (changed if redirect.pk else new).append(redirect)
        Redirect.objects.bulk_update(changed, ["redirect_page", "is_permanent", "redirect_link"])
        Redirect.objects.bulk_create(new)
