"""Rebuild or inspect the related-articles index (`--rebuild` resumes where it stopped)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from gazette.discovery import actions
from gazette.discovery.index import reweigh_document
from gazette.discovery.models import IndexedArticle, Posting, RelatedRebuild, TermStat
from gazette.news.models import ArticlePage

PHASES = ("index", "weigh", "relate")


class Command(BaseCommand):
    help = (
        "Rebuild the related-articles index and every article's related list, with progress. "
        "An interrupted rebuild resumes from its last batch; --restart starts over."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Rebuild everything.")
        parser.add_argument("--restart", action="store_true", help="Discard a paused rebuild.")
        parser.add_argument("--article", type=int, help="Recompute one article (by page id).")
        parser.add_argument("--batch", type=int, default=200, help="Articles per checkpoint.")

    def handle(self, *args, **options):
        if options["article"]:
            return self.one_article(options["article"])
        if not options["rebuild"]:
            raise CommandError("Say what to do: --rebuild (everything) or --article ID (one).")
        if options["batch"] < 1:
            raise CommandError("--batch must be at least 1.")
        state = self.checkpoint(options["restart"])
        for phase in PHASES[PHASES.index(state.phase) :]:
            state.phase = phase
            state.save(update_fields=["phase"])
            self.run_phase(state, options["batch"])
        state.finished_at = timezone.now()
        state.save(update_fields=["finished_at"])
        self.stdout.write(self.style.SUCCESS("Related articles rebuilt."))

    def one_article(self, article_id: int) -> None:
        if not ArticlePage.objects.filter(pk=article_id).exists():
            raise CommandError(f"No article has page id {article_id}.")
        if not actions.reindex_article(article_id):
            self.stdout.write(f"Article {article_id} is not live; it was taken out of the index.")
            return
        related = actions.relate_article(article_id)
        self.stdout.write(f"Article {article_id}: related {related}")

    def checkpoint(self, restart: bool) -> RelatedRebuild:
        state = RelatedRebuild.objects.filter(finished_at__isnull=True).order_by("-pk").first()
        if state and not restart:
            self.stdout.write(
                f"Resuming the rebuild started {state.started_at:%Y-%m-%d %H:%M} "
                f"at phase '{state.phase}' after page id {state.last_pk}."
            )
            return state
        RelatedRebuild.objects.filter(finished_at__isnull=True).delete()
        with transaction.atomic():
            Posting.objects.all().delete()
            TermStat.objects.all().delete()
            IndexedArticle.objects.all().delete()
        return RelatedRebuild.objects.create(phase="index")

    def ids_for(self, phase: str):
        if phase == "index":
            return ArticlePage.objects.live().public().order_by("pk").values_list("pk", flat=True)
        return IndexedArticle.objects.order_by("pk").values_list("pk", flat=True)

    def run_phase(self, state: RelatedRebuild, batch: int) -> None:
        ids = self.ids_for(state.phase)
        state.total = ids.count()
        remaining = list(ids.filter(pk__gt=state.last_pk))
        state.done = state.total - len(remaining)
        state.save(update_fields=["total", "done"])
        labels = {"index": "Indexing", "weigh": "Weighing terms", "relate": "Relating"}
        started, done_at_start = time.monotonic(), state.done
        total_docs = IndexedArticle.objects.count()
        for start in range(0, len(remaining), batch):
            part = remaining[start : start + batch]
            if state.phase == "index":
                for pk in part:
                    actions.reindex_article(pk)
            elif state.phase == "weigh":
                for indexed in IndexedArticle.objects.filter(pk__in=part):
                    reweigh_document(indexed, total_docs)
            else:
                for pk in part:
                    actions.relate_article(pk)
            state.last_pk, state.done = part[-1], state.done + len(part)
            state.save(update_fields=["last_pk", "done"])
            rate = (state.done - done_at_start) / max(time.monotonic() - started, 1e-6)
            left = (state.total - state.done) / rate if rate else 0
            self.stdout.write(
                f"{labels[state.phase]}: {state.done:,}/{state.total:,} "
                f"({100 * state.done / max(state.total, 1):.0f}%), {rate:,.0f}/s, "
                f"about {left:,.0f}s left"
            )
        state.last_pk = 0
        state.save(update_fields=["last_pk"])
