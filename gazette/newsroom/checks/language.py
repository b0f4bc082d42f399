"""Translations credit their translator and source; paragraphs stay in the article's language."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import BLOCKER, WARNING, Check, Finding, where_block
from gazette.newsroom.checks.text import script_counts

MIXED_MIN_FOREIGN_LETTERS = 15
# Arabic prose carries Latin names and acronyms, so it may hold more Latin before it is mixed.
MIXED_SHARE = {"en": 0.3, "ar": 0.45}


class TranslationCreditCheck(Check):
    id = "translation-credit"
    severity = BLOCKER
    title = _("Translation without translator credit or source")
    fix = _(
        "Choose the translator in the Translator field, and make sure the original article "
        "is published in the other language (use Translate from the original to link them)."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        if not doc.is_translation:
            return
        if not doc.translator:
            yield self.finding(
                _("translator"), _("This article is a translation but credits no translator.")
            )
        if not doc.has_source:
            yield self.finding(
                _("translation source"),
                _("This translation is not linked to a published original."),
            )


class MixedLanguageCheck(Check):
    id = "mixed-language"
    severity = WARNING
    title = _("Paragraph in another language")
    fix = _(
        "Translate the passage into the article's language, or move it to the article in "
        "the other language; keep only short quotations and names in the original."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        if doc.language not in MIXED_SHARE:
            return
        share = MIXED_SHARE[doc.language]
        for block in doc.blocks:
            if block.kind not in {"paragraph", "subheading", "quote"}:
                continue
            arabic, latin = script_counts(block.text)
            foreign = latin if doc.language == "ar" else arabic
            total = arabic + latin
            if foreign >= MIXED_MIN_FOREIGN_LETTERS and total and foreign / total > share:
                yield self.finding(
                    where_block(block.index, block.kind),
                    _("%(share)d%% of this %(language)s paragraph is in another script.")
                    % {
                        "share": round(100 * foreign / total),
                        "language": _("English") if doc.language == "en" else _("Arabic"),
                    },
                )
