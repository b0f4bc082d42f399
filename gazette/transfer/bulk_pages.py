"""Add many new articles to their sections at once, with the rows Wagtail would write.

Wagtail's add_child → save_revision → publish costs some forty statements a page: it
re-validates, re-reads the parent and the tree, and inserts into each table one row at a
time. An import already knows its pages are new and valid, so for a whole batch this
writes the same rows with one statement per table: tree paths allocated once per
section, page and article rows (URL path, locale, translation key), bylines, tags, one
revision each (the live one when published), the pages' "created" and "published"
history, and the sections' child counts. Search and reference indexing are left to the
import's follow-up task (`indexing.py`), as no per-save signal runs here.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from taggit.models import Tag
from treebeard.exceptions import PathOverflow
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision

from gazette.news.models import ArticleAuthor, ArticlePage, ArticlePageTag, SectionPage


@dataclass
class NewArticle:
    """One article to create: an unsaved page with its content, dates and publication set."""

    page: ArticlePage
    section: SectionPage
    slug_base: str
    author_ids: list[int] = field(default_factory=list)
    tag_names: list[str] = field(default_factory=list)


class TagNames:
    """Tag ids by name for one import: each tag is looked up or created once per run."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        # As taggit's own manager does, a setting decides whether "Gaza" and "gaza" are one tag.
        self.fold = getattr(settings, "TAGGIT_CASE_INSENSITIVE", False)

    def _key(self, name: str) -> str:
        return name.lower() if self.fold else name

    def ids_for(self, names: Iterable[str]) -> dict[str, int]:
        wanted = {self._key(name): name for name in names}
        missing = [key for key in wanted if key not in self.ids]
        if missing and not self.fold:
            for tag in Tag.objects.filter(name__in=missing).only("pk", "name"):
                self.ids[tag.name] = tag.pk
        for key in missing:
            if key in self.ids:
                continue
            found = (
                Tag.objects.filter(name__iexact=key).order_by("pk").first() if self.fold else None
            )
            # Tag.save makes the slug unique, so new tags are created one at a time (rare).
            self.ids[key] = (found or Tag.objects.create(name=wanted[key])).pk
        return {name: self.ids[self._key(name)] for name in names}


def free_slugs(section: SectionPage, bases: list[str]) -> list[str]:
    """Return a slug per base, unique among the section's children and each other.

    One query finds the bases already taken; only for those is a second query needed to
    find the numbered variants ("story-2", "story-3") in use.
    """
    siblings = Page.objects.child_of(section)
    taken = set(siblings.filter(slug__in=set(bases)).values_list("slug", flat=True))
    repeated = {base for base, n in Counter(bases).items() if n > 1}
    crowded = (taken & set(bases)) | repeated
    if crowded:
        numbered = Q()
        for base in crowded:
            numbered |= Q(slug__startswith=f"{base}-")
        taken |= set(siblings.filter(numbered).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _allocate_paths(section: SectionPage, pages: list[ArticlePage]) -> None:
    """Give the pages the next free tree paths under `section`, as add_child would."""
    depth = section.depth + 1
    # Counting the children first takes the section's row lock (PostgreSQL) until the
    # batch commits, so two imports into one section cannot pick the same paths.
    Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + len(pages))
    last = (
        Page.objects.filter(path__startswith=section.path, depth=depth)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = Page._str2int(last[-Page.steplen :]) if last else 0
    capacity = len(Page.alphabet) ** Page.steplen
    for page in pages:
        number += 1
        if number >= capacity:
            raise PathOverflow(f"Section {section.pk} has no room for more pages.")
        page.depth = depth
        page.path = Page._get_path(section.path, depth, number)
        page.numchild = 0
        page.url_path = f"{section.url_path}{page.slug}/"
        page.locale_id = section.locale_id


def _insert_page_rows(pages: list[ArticlePage]) -> None:
    """Insert the Page and ArticlePage rows of the pages and give them their ids.

    Django's bulk_create refuses multi-table models, so the two tables are written in
    turn: the base rows (their ids come back with the insert), then the article rows.
    """
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
        page._state.db = row._state.db
    # The article table alone: bulk_create's own batched insert, given only its columns
    # (a private Django method; bulk_create has no way to skip the parent table).
    ArticlePage._base_manager.using(rows[0]._state.db)._batched_insert(
        pages, fields=list(ArticlePage._meta.local_concrete_fields), batch_size=None
    )


def _insert_relations(articles: list[NewArticle], tags: TagNames) -> None:
    """Insert bylines and tags, and keep them on the pages for their revisions."""
    tag_ids = tags.ids_for({name for article in articles for name in article.tag_names})
    bylines, tagged = [], []
    for article in articles:
        page = article.page
        own_bylines = [
            ArticleAuthor(page=page, author_id=author_id, sort_order=position)
            for position, author_id in enumerate(article.author_ids)
        ]
        own_tags = [
            ArticlePageTag(content_object=page, tag_id=tag_ids[name]) for name in article.tag_names
        ]
        bylines += own_bylines
        tagged += own_tags
        # Held in memory (modelcluster), so serialising the revision needs no query.
        page.article_authors = own_bylines
        page.tagged_items = own_tags
        page.wagtail_admin_comments = []
    ArticleAuthor.objects.bulk_create(bylines)
    ArticlePageTag.objects.bulk_create(tagged)


def _insert_revisions(pages: list[ArticlePage], now: datetime.datetime) -> list[Revision]:
    page_type = ContentType.objects.get_for_model(ArticlePage, for_concrete_model=False)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=page_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
            approved_go_live_at=page.go_live_at if not page.live else None,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.live_revision = revision if page.live else None
    # Each new page has exactly this one revision: point the pages at it in two UPDATEs
    # (bulk_update's CASE per row is far slower, quadratic on SQLite).
    own_revision = Subquery(
        Revision.objects.filter(
            base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(latest_revision=own_revision)
    Page.objects.filter(pk__in=[page.pk for page in pages if page.live]).update(
        live_revision=own_revision
    )
    return revisions


def _log_history(pages: list[ArticlePage], revisions: list[Revision], now) -> None:
    """Write the "created" (and "published") lines Wagtail shows in each page's history."""
    page_type = ContentType.objects.get_for_model(ArticlePage, for_concrete_model=False)
    context = get_active_log_context()
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        common = {
            "content_type": page_type,
            "label": page.get_admin_display_title(),
            "timestamp": now,
            "page_id": page.pk,
            "user": context.user or page.owner,
            "uuid": context.uuid,
            "content_changed": True,
        }
        entries.append(PageLogEntry(action="wagtail.create", data={}, **common))
        if page.live:
            entries.append(
                PageLogEntry(action="wagtail.publish", data={}, revision=revision, **common)
            )
    PageLogEntry.objects.bulk_create(entries)


def insert_articles(articles: list[NewArticle], tags: TagNames) -> None:
    """Create these new articles under their sections; each page gets its id."""
    if not articles:
        return
    if not connection.features.can_return_rows_from_bulk_insert:
        raise NotImplementedError(
            "Bulk page creation needs a database that returns ids from bulk inserts "
            "(PostgreSQL, or SQLite 3.35 or newer)."
        )
    by_section: dict[int, list[NewArticle]] = defaultdict(list)
    for article in articles:
        by_section[article.section.pk].append(article)
    for group in by_section.values():
        section = group[0].section
        for article, slug in zip(
            group, free_slugs(section, [a.slug_base for a in group]), strict=True
        ):
            article.page.slug = slug
        _allocate_paths(section, [a.page for a in group])
    now = timezone.now()
    pages = [article.page for article in articles]
    for page in pages:
        page.latest_revision_created_at = now
    _insert_page_rows(pages)
    _insert_relations(articles, tags)
    revisions = _insert_revisions(pages, now)
    _log_history(pages, revisions, now)
