"""The import engine: source records in, Gazette pages, authors, sections and images out.

One engine serves every format. It reads the file once to validate it (a malformed file
changes nothing), then imports the items in batches, one transaction per batch with the
checkpoint in it, so an interrupted run resumes after the last committed batch. Within a
batch each item is read and converted on its own (a bad item is reported with its source
id and reason and the rest continues); the batch's new articles are then written together
(`bulk_pages`), as are its source-id mappings and redirects (`pending`). Items are keyed
by source id (ImportedItem), so re-runs update instead of duplicating.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from gazette.home.models import HomePage
from gazette.news.models import ArticleAuthor, ArticlePage, SectionPage
from gazette.people.models import Author
from gazette.transfer import bulk_pages
from gazette.transfer.bulk_pages import TagNames
from gazette.transfer.html_blocks import Conversion, ImageRef, html_to_blocks
from gazette.transfer.indexing import deferred_indexing
from gazette.transfer.listings import ChangedListings
from gazette.transfer.media import MediaSource
from gazette.transfer.models import ImportedItem, ImportEvent, ImportRun, ImportStatus
from gazette.transfer.pending import PendingWrites
from gazette.transfer.sanitize import clean_rich_text, clean_text
from gazette.transfer.sources import blogger, page, wxr
from gazette.transfer.sources.base import (
    SourceAuthor,
    SourceError,
    SourceImage,
    SourceInfo,
    SourcePost,
)

logger = logging.getLogger(__name__)

CHECKPOINT_EVERY_SECONDS = 1.0
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
DRY_PK = -1  # stands for "would be created" in a dry run


# Items per transaction: large enough that the bulk writes pay off, small enough that an
# interrupted run loses little and memory stays flat.
BATCH_SIZE = 200


def _batches(records: Iterator[SourcePost], start: int, size: int):
    """Yield lists of (index, record) after the checkpoint `start`, `size` at a time."""
    batch: list[tuple[int, SourcePost]] = []
    for index, record in enumerate(records):
        if index < start:
            continue
        batch.append((index, record))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class _ConvertedPost:
    """A post converted and checked: new ones wait for their batch's bulk write."""

    record: SourcePost
    section: SectionPage
    fields: dict
    checksum: str
    title: str
    message: str


class ImportInterrupted(Exception):
    """Raised by a progress callback to stop a run; it can be resumed later."""


Progress = Callable[[ImportRun], None]


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ImportEngine:
    """Run one ImportRun to the end (or to its next interruption)."""

    def __init__(self, run: ImportRun, progress: Progress | None = None) -> None:
        self.run = run
        self.progress = progress
        self.dry = run.dry_run
        self.events: list[ImportEvent] = []
        self.cache_authors: dict[str, int] = {}
        self.cache_sections: dict[str, SectionPage] = {}
        self.cache_images: dict[str, ImageRef | None] = {}
        self.planned: set[str] = set()  # dry run: what this run would already have created
        self.last_flush = 0.0
        self.new_posts: list[_ConvertedPost] = []
        self.listings = ChangedListings()
        self.existing_pages: set[int] = set()
        self.tags = TagNames()

    # -- running ----------------------------------------------------------------
    def execute(self) -> ImportRun:
        run = self.run
        try:
            info, records = self._open()
        except SourceError as exc:
            return self._fail(str(exc))
        run.total = info.total
        run.summary = {
            "site": info.title,
            "source": info.key,
            "version": info.version,
            "comments_skipped": info.comments,
            "types": info.counts,
            "media": run.media_path or "",
        }
        run.status = ImportStatus.RUNNING
        run.started_at = run.started_at or timezone.now()
        run.error = ""
        run.save()
        try:
            self.info = info
            self.source = info.key
            self.pending = PendingWrites(info.key)
            self.media = MediaSource(run.media_path)
            self.home = self._home()
            self.default_section = self._default_section()
        except SourceError as exc:
            return self._fail(str(exc))
        if info.comments and run.checkpoint == 0:
            message = _("%(n)d comments skipped.") % {"n": info.comments}
            self._event("comments", "comment", "skip", "", message, count=info.comments)
        if self.run.kind == "page" and run.checkpoint == 0:
            for item in self.plain_page.furniture:
                self._event(
                    f"line:{item.line}",
                    "furniture",
                    "note",
                    item.text.splitlines()[0],
                    _("%(kind)s at line %(line)d: site furniture, not imported.")
                    % {"kind": item.kind, "line": item.line},
                )
        with transaction.atomic():
            for author in info.authors.values():
                self._guard(
                    f"author:{author.key}", "author", author.name, self.author_for, author.key
                )
            self.pending.write()
        try:
            with deferred_indexing():
                for batch in _batches(records, run.checkpoint, BATCH_SIZE):
                    # One transaction per batch, the checkpoint in it: a crash loses at most
                    # the batch under way, and a resumed run starts after the last one.
                    with transaction.atomic():
                        self._import_batch(batch)
                        self._save_progress(ImportStatus.RUNNING)
        except SourceError as exc:
            # The first pass validated the file, so this only happens if it changed meanwhile.
            self._forget_batch()
            return self._fail(str(exc))
        except (ImportInterrupted, KeyboardInterrupt):
            self._forget_batch()
            self._reload_checkpoint()
            self._save_progress(ImportStatus.INTERRUPTED)
            self._queue_indexing()
            self.listings.purge()
            raise
        self._save_progress(ImportStatus.DONE)
        self._queue_indexing()
        self.listings.purge()
        return run

    def _import_batch(self, batch: list[tuple[int, SourcePost]]) -> None:
        """Convert each item of the batch, then write what it created, all at once."""
        self._prefetch([record for _index, record in batch])
        for index, record in batch:
            if any(post.record.source_id == record.source_id for post in self.new_posts):
                self._write_new_posts()  # the same item twice: the second updates the first
            self._guard(record.source_id, record.kind, record.title, self.import_record, record)
            self.run.processed = self.run.checkpoint = index + 1
            self._tick()
        self._write_new_posts()
        self.pending.write()

    def _prefetch(self, records: list[SourcePost]) -> None:
        """Look up in two queries what the batch imported before, and which pages still exist."""
        wanted = {record.source_id for record in records}
        wanted |= {f"attachment:{r.featured_image}" for r in records if r.featured_image}
        found = self.pending.prefetch(wanted)
        page_ids = [item.object_id for item in found if item.kind in {"post", "page"}]
        self.existing_pages = set(
            ArticlePage.objects.filter(pk__in=page_ids).values_list("pk", flat=True)
        )

    def _forget_batch(self) -> None:
        """The batch's transaction was rolled back: drop what pointed into it."""
        self.new_posts = []
        self.pending.forget()
        self._forget_cached_rows()

    def _forget_cached_rows(self) -> None:
        """Rows made in a rolled-back transaction are gone: look them up again."""
        self.cache_authors.clear()
        self.cache_sections.clear()
        self.cache_images.clear()
        self.tags = TagNames()

    def _reload_checkpoint(self) -> None:
        """After a rolled-back batch, the last committed checkpoint is the truth."""
        committed = ImportRun.objects.filter(pk=self.run.pk).values("checkpoint", "counts").get()
        self.run.checkpoint = self.run.processed = committed["checkpoint"]
        self.run.counts = committed["counts"]
        self.events = []

    def _queue_indexing(self) -> None:
        if self.dry:
            return
        from gazette.transfer.tasks import index_imported

        transaction.on_commit(lambda: index_imported.enqueue(self.run.pk))

    def _open(self) -> tuple[SourceInfo, Iterator[SourcePost]]:
        path = self.run.source_path
        if self.run.kind == "wxr":
            info = wxr.scan(path)
            return info, wxr.items(path)
        if self.run.kind == "blogger":
            info = blogger.scan(path)
            return info, blogger.items(path)
        if self.run.kind == "page":
            info, parsed = page.scan(path)
            self.plain_page = parsed
            return info, page.items(parsed)
        raise SourceError(_("Unknown import format %(kind)s.") % {"kind": self.run.kind})

    def _fail(self, message: str) -> ImportRun:
        self.run.status = ImportStatus.FAILED
        self.run.error = message
        self.run.finished_at = timezone.now()
        self.run.save()
        self._flush_events()
        return self.run

    def _guard(self, source_id: str, kind: str, title: str, handler, *args) -> None:
        """Run one item in its own transaction; a failure is reported and the run goes on."""
        before = self.pending.snapshot()
        try:
            with transaction.atomic():
                handler(*args)
        except (ImportInterrupted, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bad item must not stop the others
            logger.warning("Import item %s failed", source_id, exc_info=True)
            self.pending.restore(before)
            self._forget_cached_rows()
            self._event(source_id, kind, "fail", title, f"{exc.__class__.__name__}: {exc}")

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last_flush >= CHECKPOINT_EVERY_SECONDS:
            self._save_progress(ImportStatus.RUNNING)
            self.last_flush = now
        if self.progress:
            self.progress(self.run)

    def _save_progress(self, status: str) -> None:
        self._flush_events()
        run = self.run
        run.status = status
        run.heartbeat_at = timezone.now()
        if status in {ImportStatus.DONE, ImportStatus.FAILED}:
            run.finished_at = timezone.now()
        ImportRun.objects.filter(pk=run.pk).update(
            status=run.status,
            processed=run.processed,
            checkpoint=run.checkpoint,
            counts=run.counts,
            heartbeat_at=run.heartbeat_at,
            finished_at=run.finished_at,
        )

    def _event(
        self, source_id, kind, action, title="", message="", object_id=None, count=1
    ) -> None:
        counts = self.run.counts.setdefault(kind, {})
        counts[action] = counts.get(action, 0) + count
        self.events.append(
            ImportEvent(
                run=self.run,
                source_id=str(source_id)[:255],
                kind=kind,
                action=action,
                title=(title or "")[:300],
                message=message,
                object_id=object_id if object_id and object_id > 0 else None,
            )
        )
        if len(self.events) >= 500:
            self._flush_events()

    def _flush_events(self) -> None:
        if self.events:
            ImportEvent.objects.bulk_create(self.events)
            self.events = []

    # -- mapping ----------------------------------------------------------------
    def _mapped(self, source_id: str) -> ImportedItem | None:
        return self.pending.mapped(source_id)

    def _remember(self, source_id, kind, object_id, checksum="", old_url="") -> None:
        self.pending.remember(source_id, kind, object_id, checksum, old_url)

    # -- where things go --------------------------------------------------------
    def _home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise SourceError(
                _(
                    "There is no magazine to import into: the default site has no Gazette "
                    "front page. Run `manage.py gazette_demo` or create the front page first."
                )
            )
        self.site = site
        self.locale = home.locale
        return home

    def _section_by_slug(self, slug: str) -> SectionPage | None:
        return SectionPage.objects.child_of(self.home).filter(slug=slug).first()

    def _default_section(self) -> SectionPage:
        slug = self.run.section_slug
        if slug:
            section = self._section_by_slug(slug)
            if section is None:
                raise SourceError(
                    _(
                        "There is no section with the slug “%(slug)s” on the front page. "
                        "Choose one of: %(slugs)s."
                    )
                    % {
                        "slug": slug,
                        "slugs": ", ".join(
                            SectionPage.objects.child_of(self.home).values_list("slug", flat=True)
                        ),
                    }
                )
            return section
        return (
            self._section_by_slug("news")
            or SectionPage.objects.child_of(self.home).first()
            or self._ensure_section("news", _("News"))
        )

    def _ensure_section(self, slug: str, title: str, in_front_page: bool = True):
        slug = slugify(slug, allow_unicode=True)[:255] or "imported"
        if slug in self.cache_sections:
            return self.cache_sections[slug]
        section = self._section_by_slug(slug)
        if section is None:
            title = clean_text(title)[:255] or slug
            if self.dry:
                self.planned.add(f"section:{slug}")
                self._event(f"category:{slug}", "section", "create", title)
                section = SectionPage(title=title, slug=slug, pk=DRY_PK)
            else:
                section = SectionPage(
                    title=title,
                    slug=slug,
                    show_in_front_page=in_front_page,
                    show_in_menus=in_front_page,
                )
                self.home.add_child(instance=section)
                section.save_revision().publish()
                self._event(f"category:{slug}", "section", "create", title, object_id=section.pk)
                if self.run.kind == "wxr":
                    self._redirect(f"/category/{slug}/", section)
        self.cache_sections[slug] = section
        return section

    def section_for(self, record: SourcePost) -> tuple[SectionPage, list[str]]:
        """Return the section a post goes in and the category names kept as tags.

        Top-level categories become sections; a post in a nested category goes in its
        top-level ancestor's section and keeps the nested names as tags.
        """
        if record.kind == "page":
            return self._ensure_section("pages", _("Pages"), in_front_page=False), []
        categories = [c for c in record.categories if c and c != "uncategorized"]
        if not categories:
            return self.default_section, []
        top = categories[0]
        chain = [top]
        while (category := self.info.categories.get(top)) and category.parent:
            if category.parent in chain:
                break  # a loop in the category tree: stop climbing
            top = category.parent
            chain.append(top)
        names = {key: cat.name for key, cat in self.info.categories.items()}
        section = self._ensure_section(top, names.get(top, top))
        # The nested path under the section, then the post's other categories, as tags.
        extra = [names.get(c, c) for c in [*reversed(chain[:-1]), *categories[1:]] if c != top]
        return section, extra

    def author_for(self, key: str) -> int | None:
        """Return the pk of the Gazette author for a source author (matching or creating)."""
        if key in self.cache_authors:
            return self.cache_authors[key]
        source = self.info.authors.get(key) or SourceAuthor(key=key, name=key, login=key)
        name = clean_text(source.name)[:120] or clean_text(source.login)[:120]
        if not name:
            return None
        source_id = f"author:{key}"
        mapped = self._mapped(source_id)
        author = Author.objects.filter(pk=mapped.object_id).first() if mapped else None
        action = "skip"
        if author is None:
            match = Q(name__iexact=name)
            if source.login:
                match |= Q(slug=slugify(source.login, allow_unicode=True))
            if source.email:
                match |= Q(email__iexact=source.email)
            author = Author.objects.filter(match, locale=self.locale).first()
            action = "match" if author else "create"
        if author is None:
            if self.dry:
                self._event(source_id, "author", "create", name)
                self.cache_authors[key] = DRY_PK
                return DRY_PK
            author = Author(
                name=name,
                slug=self._free_author_slug(source.login or name),
                locale=self.locale,
                live=True,
            )
            author.save()
        if not self.dry:
            self._remember(source_id, "author", author.pk)
        if action != "skip":
            self._event(source_id, "author", action, name, object_id=author.pk)
        self.cache_authors[key] = author.pk
        return author.pk

    def _free_author_slug(self, text: str) -> str:
        base = slugify(text, allow_unicode=True)[:110] or "author"
        slug, n = base, 1
        while Author.objects.filter(locale=self.locale, slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    # -- images -----------------------------------------------------------------
    def image_for(self, key: str, announce: bool = False) -> ImageRef | None:
        """Return the library image of an attachment, importing its file if needed."""
        if not key:
            return None
        if key in self.cache_images:
            return self.cache_images[key]
        source = self.info.images.get(key)
        source_id = f"attachment:{key}"
        mapped = self._mapped(source_id)
        Image = get_image_model()
        if mapped:
            image = Image.objects.filter(pk=mapped.object_id).first()
            if image is not None:
                ref = ImageRef(image.pk, image.description or image.title)
                self.cache_images[key] = ref
                if announce:
                    self._event(source_id, "image", "skip", image.title, _("Already imported."))
                return ref
        if source is None:
            self.cache_images[key] = None
            return None
        ref = self._import_image_file(source_id, source)
        self.cache_images[key] = ref
        return ref

    def _import_image_file(self, source_id: str, source: SourceImage) -> ImageRef | None:
        path = source.path or wxr.upload_path(source.url) or PurePosixPath(source.url).name
        title = clean_text(source.title) or PurePosixPath(path).stem or source_id
        data = self.media.read(path) if self.media.available else None
        if data is None:
            reason = (
                _("No media folder or archive was given; import again with --media.")
                if not self.media.available
                else _("Not found in the media folder or archive.")
            )
            self._event(source_id, "image", "missing", title, f"{reason} ({source.url or path})")
            return None
        try:
            with PILImage.open(BytesIO(data)) as probe:
                probe.verify()
        except Exception:
            self._event(source_id, "image", "fail", title, _("The file is not a readable image."))
            return None
        alt = clean_text(source.alt)[:250]
        if self.dry:
            self._event(source_id, "image", "create", title)
            return ImageRef(DRY_PK, alt or title)
        image = get_image_model()(title=title[:255], description=alt)
        image.file = ImageFile(BytesIO(data), name=PurePosixPath(path).name)
        image.save()
        self._remember(source_id, "image", image.pk, old_url=source.url)
        self._event(source_id, "image", "create", title, object_id=image.pk)
        return ImageRef(image.pk, alt or title)

    def resolve_image(self, src: str, attachment_id: str) -> ImageRef | None:
        """Find the library image for an <img> in a post body."""
        if attachment_id and attachment_id in self.info.images:
            return self.image_for(attachment_id)
        path = wxr.original_path(wxr.upload_path(src))
        if path and path in self.info.images_by_path:
            return self.image_for(self.info.images_by_path[path])
        if not src or src.startswith("data:"):
            return None
        key = "file:" + (path or PurePosixPath(src.split("?")[0]).name)
        if key in self.cache_images:
            return self.cache_images[key]
        self.info.images[key] = SourceImage(key=key, url=src, path=path)
        return self.image_for(key)

    # -- items ------------------------------------------------------------------
    def import_record(self, record: SourcePost) -> None:
        if record.kind == "skip":
            self._event(record.source_id, "other", "skip", record.title, record.skip_reason)
        elif record.kind == "attachment":
            ref = self.image_for(record.image.key, announce=True)
            if ref is None and record.image.key in self.cache_images:
                pass  # reported as missing or failed by image_for
        else:
            self.import_post(record)

    def import_post(self, record: SourcePost) -> None:
        kind = record.kind
        title = clean_text(record.title)
        if record.password:
            self._event(
                record.source_id,
                kind,
                "skip",
                title,
                _(
                    "Password-protected in the source: not imported, so its text is not "
                    "published openly. Remove the password there, or copy it by hand."
                ),
            )
            return
        if record.status in SKIPPED_STATUSES:
            self._event(
                record.source_id, kind, "skip", title, _("Status “%(s)s”.") % {"s": record.status}
            )
            return
        notes: list[str] = []
        if not title:
            title = _("(untitled)")
            notes.append(_("The post had no title."))
        if len(title) > 255:
            notes.append(_("The title was cut to 255 characters."))
            title = title[:254] + "…"
        section, category_tags = self.section_for(record)
        author_ids = [pk for pk in (self.author_for(key) for key in record.authors) if pk]
        hero = self.image_for(record.featured_image) if record.featured_image else None
        if record.featured_image and hero is None:
            notes.append(_("The featured image could not be imported."))
        conversion = self._body(record)
        notes.extend(conversion.notes)
        tags = []
        for name in [*record.tags, *category_tags]:
            clean = clean_text(name)[:100]
            if clean and clean.lower() not in {t.lower() for t in tags}:
                tags.append(clean)
        live, go_live_at = self._publication(record, notes)
        if record.comments:
            notes.append(_("%(n)d comments skipped.") % {"n": record.comments})
        if record.sticky:
            notes.append(_("Sticky in the source: consider featuring it on the front page."))
        if record.post_format and record.post_format != "standard":
            notes.append(_("Post format: %(f)s.") % {"f": record.post_format})
        fields = {
            "title": title,
            "standfirst": clean_text(record.excerpt)[:400],
            "body": conversion.blocks,
            "hero_image_id": hero.pk if hero else None,
            "hero_alt": (hero.alt if hero else "")[:250],
            "tags": tags,
            "authors": author_ids,
            "section": section.pk,
            "live": live,
            "go_live_at": go_live_at.isoformat() if go_live_at else None,
            "date": record.date.isoformat() if record.date else None,
            "modified": record.modified.isoformat() if record.modified else None,
        }
        checksum = hashlib.sha256(
            json.dumps(fields, sort_keys=True, default=str).encode()
        ).hexdigest()
        mapped = self._mapped(record.source_id)
        existing_id = mapped.object_id if mapped and self._page_exists(mapped.object_id) else None
        if existing_id is not None and mapped.checksum == checksum:
            self._event(record.source_id, kind, "skip", title, _("Unchanged."), existing_id)
            return
        action = "update" if existing_id is not None else "create"
        message = " ".join(notes)
        if self.dry:
            self._event(record.source_id, kind, action, title, message)
            return
        post = _ConvertedPost(record, section, fields, checksum, title, message)
        if existing_id is None:
            # Written with the rest of the batch's new posts (`_write_new_posts`).
            self.new_posts.append(post)
            return
        article = ArticlePage.objects.get(pk=existing_id)
        article = self._save_article(article, section, record, fields)
        self._post_saved(post, action, article)

    def _page_exists(self, page_id: int) -> bool:
        if page_id in self.existing_pages:
            return True
        return ArticlePage.objects.filter(pk=page_id).exists()

    def _post_saved(self, post: _ConvertedPost, action: str, article: ArticlePage) -> None:
        """Record where a post landed, redirect its old address, and report it."""
        record = post.record
        self._remember(record.source_id, record.kind, article.pk, post.checksum, record.link)
        note = self._redirect(record.link, article) if record.link else ""
        message = " ".join(filter(None, [post.message, note]))
        self._event(record.source_id, record.kind, action, post.title, message, article.pk)
        self.listings.note(post.section, post.fields["authors"], post.fields["tags"])

    def _body(self, record: SourcePost) -> Conversion:
        seed = f"{self.source}|{record.source_id}"
        if record.blocks is not None:
            conversion = Conversion()
            for index, (block_kind, text) in enumerate(record.blocks):
                value = (
                    clean_rich_text("<p>" + _escape(text) + "</p>")
                    if block_kind == "paragraph"
                    else clean_text(text)[:250]
                )
                if value:
                    conversion.blocks.append(
                        {"type": block_kind, "value": value, "id": _block_id(seed, index)}
                    )
            return conversion
        return html_to_blocks(record.content, self.resolve_image, seed)

    def _publication(self, record: SourcePost, notes: list[str]):
        """Return (live, go_live_at): published stays live, scheduled stays scheduled."""
        if record.status == "publish":
            return True, None
        if record.status == "future":
            if record.date and record.date > timezone.now():
                return False, record.date
            notes.append(_("Was scheduled for a time that has passed: imported as published."))
            return True, None
        if record.status == "private":
            notes.append(_("Private in the source: imported as a draft."))
        return False, None

    # -- writing articles -------------------------------------------------------
    def _write_new_posts(self) -> None:
        """Create the batch's new posts together; if that fails, one by one, to find the bad one."""
        posts, self.new_posts = self.new_posts, []
        if not posts:
            return
        try:
            with transaction.atomic():
                articles = self._create_articles(posts)
        except Exception:
            logger.warning("Writing %d new posts at once failed; one by one now", len(posts))
            self._forget_cached_rows()
            for post in posts:
                self._guard(
                    post.record.source_id, post.record.kind, post.title, self._create_one, post
                )
            return
        for post, article in zip(posts, articles, strict=True):
            self._post_saved(post, "create", article)

    def _create_one(self, post: _ConvertedPost) -> None:
        (article,) = self._create_articles([post])
        self._post_saved(post, "create", article)

    def _create_articles(self, posts: list[_ConvertedPost]) -> list[ArticlePage]:
        new = [self._new_article(post) for post in posts]
        bulk_pages.insert_articles(new, self.tags)
        return [item.page for item in new]

    def _new_article(self, post: _ConvertedPost) -> bulk_pages.NewArticle:
        section, record, fields = post.section, post.record, post.fields
        article = ArticlePage(locale_id=section.locale_id, kind=section.default_kind)
        self._apply_fields(article, record, fields)
        published = record.date or timezone.now()
        article.has_unpublished_changes = not fields["live"]
        article.first_published_at = published if fields["live"] else None
        if fields["live"]:
            article.last_published_at = record.modified or published
        base = slugify(record.slug or fields["title"], allow_unicode=True)[:80].strip("-")
        return bulk_pages.NewArticle(
            page=article,
            section=section,
            slug_base=base or "article",
            author_ids=fields["authors"],
            tag_names=fields["tags"],
        )

    def _apply_fields(self, article: ArticlePage, record: SourcePost, fields: dict) -> None:
        """Set the imported content on a new or existing article (not saved)."""
        article.title = fields["title"]
        article.draft_title = fields["title"]
        article.standfirst = fields["standfirst"]
        article.body = fields["body"]
        article.hero_image_id = fields["hero_image_id"]
        article.hero_alt = fields["hero_alt"]
        article.search_description = fields["standfirst"][:255]
        article.live = fields["live"]
        article.go_live_at = record.date if not fields["live"] and fields["go_live_at"] else None
        if (
            record.modified
            and record.date
            and record.modified - record.date > datetime.timedelta(days=1)
        ):
            article.updated_at = record.modified

    def _save_article(self, article, section, record, fields) -> ArticlePage:
        """Update an article imported before: new content, a new revision, same page."""
        self._apply_fields(article, record, fields)
        article.article_authors = [
            ArticleAuthor(author_id=pk, sort_order=position)
            for position, pk in enumerate(fields["authors"])
        ]
        article.tags.set(fields["tags"])
        article.save(clean=False)
        revision = Revision.objects.create(
            content_object=article,
            base_content_type=article.get_base_content_type(),
            approved_go_live_at=article.go_live_at,
            content=article.serializable_data(),
            object_str=str(article),
        )
        published = record.date or timezone.now()
        stamps = {
            "latest_revision": revision,
            "latest_revision_created_at": revision.created_at,
            "draft_title": article.title,
            "has_unpublished_changes": not fields["live"],
            "first_published_at": published if fields["live"] else None,
        }
        if fields["live"]:
            stamps.update(live_revision=revision, last_published_at=record.modified or published)
        Page.objects.filter(pk=article.pk).update(**stamps)
        return article

    def _redirect(self, old_url: str, page: Page) -> str:
        """Queue a 301 from the old address to the page; return a note if there can be none."""
        old_path = Redirect.normalise_path(old_url)
        if old_path in {"", "/"}:
            return ""
        # The page's address under the front page (the default site's root).
        new_url = "/" + page.url_path[len(self.home.url_path) :]
        if Redirect.normalise_path(new_url) == old_path:
            return ""  # the new address is the old one: nothing to redirect
        limit = Redirect._meta.get_field("old_path").max_length
        if len(old_path) > limit:
            # Refused here, it cannot fail the whole batch's redirects at the end.
            return _(
                "The old address is longer than %(n)d characters, so it cannot redirect; "
                "add a shorter redirect by hand if it is linked from elsewhere."
            ) % {"n": limit}
        self.pending.redirect(old_path, page)
        return ""


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _block_id(seed: str, index: int) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{seed}#{index}"))


def resumable_run(kind: str, path: str) -> ImportRun | None:
    """Return the unfinished run of this same file, if an earlier one was interrupted."""
    return (
        ImportRun.objects.filter(
            kind=kind,
            source_sha256=file_sha256(path),
            dry_run=False,
            status__in=[ImportStatus.RUNNING, ImportStatus.INTERRUPTED],
        )
        .order_by("-created_at")
        .first()
    )


def start_run(
    kind: str,
    path: str,
    *,
    media: str = "",
    section: str = "",
    dry_run: bool = False,
    user=None,
    name: str = "",
) -> ImportRun:
    """Record a new import of `path` (nothing is imported until it is executed)."""
    return ImportRun.objects.create(
        kind=kind,
        source_path=path,
        source_name=name or PurePosixPath(path).name,
        source_sha256=file_sha256(path),
        media_path=media,
        section_slug=section,
        dry_run=dry_run,
        user=user,
    )
