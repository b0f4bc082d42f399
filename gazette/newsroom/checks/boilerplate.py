"""Text that does not belong to the article: assistant replies and glued site furniture."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import BLOCKER, Check, Finding, where_block
from gazette.newsroom.checks.text import normalise

# Matched against normalised text (case-folded, straight quotes, Arabic alef/yaa/taa
# marbuta folded, diacritics removed), so one pattern covers the spelling variants.
AI_PATTERNS = [
    # "Here's a professional translation of the text you provided:" — the assistant
    # introduces what follows (a colon) or names the user's text; "Here is a less polite
    # version." in a column is prose.
    r"\bhere(?:'s| is) (?:a|an|the|your) (?:[\w-]+ ){0,3}(?:translation|version|summary|rewrite|draft|article|text)\s*:",
    r"\bhere(?:'s| is) (?:a|an|the|your) (?:[\w-]+ ){0,3}(?:translation|version|summary|rewrite|draft) of (?:the|your|this) (?:[\w-]+ ){0,2}(?:text|article|passage|content|paragraphs?|document)\b",
    r"\bthe text you (?:provided|shared|gave me|sent)\b",
    r"\bas an ai(?: language)?(?: model| assistant)?\b",
    r"^(?:certainly|sure|absolutely|of course)\s*[!,.:]\s*(?:here|below|i'?ve|i have|i'?ll)\b",
    r"\bi hope (?:this|that|it) helps\b",
    r"\blet me know if you(?:'d| would)? (?:like|need|want)\b",
    r"\bfeel free to (?:ask|let me know|reach out)\b",
    r"\bas of my (?:last )?(?:knowledge|training)(?: data)? (?:cutoff|cut-off|update)\b",
    r"\bi (?:can't|cannot|am unable to) (?:browse|access) the (?:internet|web)\b",
    r"\bregenerate response\b",
    r"\bwould you like me to (?:translate|rewrite|summari[sz]e|expand|shorten)\b",
    # Arabic, normalised (إليك → اليك, ترجمة → ترجمه, آمل → امل, مفيدًا → مفيدا).
    r"(?:^|\s)اليك (?:\w+ ){0,2}(?:ترجمه|الترجمه|النص|نسخه|ملخص|المقال)",
    r"النص الذي (?:قدمته|ارسلته|زودتني)",
    r"(?:بصفتي|كوني|بما انني) (?:نموذج|مساعد|ذكاء)",
    r"كنموذج (?:لغوي|لغه|ذكاء)",
    r"^(?:بالتاكيد|بالطبع|طبعا|حسنا)\s*[!،,.:]?\s*(?:اليك|هذه هي|ها هي|ها هو)",
    r"(?:امل|اتمني|ارجو) ان (?:يكون|تكون) (?:هذا|هذه|ذلك) (?:مفيدا|مفيده|مفيد)",
    r"(?:امل|اتمني|ارجو) ان (?:يساعدك|يفيدك) (?:هذا|ذلك)",
    r"لا (?:تتردد|تترددي) في (?:السؤال|طلب|التواصل|اخباري)",
    r"هل (?:تريد|تريدين|تود|تودين) (?:مني|ان اقوم)",
]
_AI = [re.compile(p) for p in AI_PATTERNS]


def ai_phrase(text: str) -> str | None:
    """Return the assistant phrase found in `text`, if any."""
    folded = normalise(text)
    for pattern in _AI:
        if match := pattern.search(folded):
            return match.group(0).strip()
    return None


class AIBoilerplateCheck(Check):
    id = "ai-boilerplate"
    severity = BLOCKER
    title = _("Pasted AI-assistant or chat text")
    fix = _(
        "Delete the assistant's words (and any “---” line around them) and keep only the "
        "article text; check the translation against the original."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        fields = [(_("headline"), doc.title), (_("standfirst"), doc.standfirst)]
        for where, text in fields:
            if phrase := ai_phrase(text):
                yield self._found(where, phrase)
        for block in doc.blocks:
            if block.kind in {"paragraph", "subheading", "quote"} and (
                phrase := ai_phrase(block.text)
            ):
                yield self._found(where_block(block.index, block.kind), phrase)

    def _found(self, where, phrase: str) -> Finding:
        return self.finding(
            where,
            _("This reads like a chat assistant's reply, not the article: “%(phrase)s”.")
            % {"phrase": phrase},
        )


# Site furniture that, inside the body, means a page's rails or another item were pasted in.
FURNITURE_LABELS = {
    "you may also like",
    "you might also like",
    "popular posts",
    "most popular",
    "most read",
    "related",
    "related posts",
    "related articles",
    "read also",
    "read more",
    "more stories",
    "newsletter",
    "advertisement",
    "ads",
    "sponsored",
    "sponsored content",
    "share this article",
    "share this",
    "leave a reply",
    "leave a comment",
    "قد يعجبك ايضا",
    "اقرا ايضا",
    "الاكثر قراءه",
    "مقالات ذات صله",
    "النشره البريديه",
    "اعلان",
    "اعلانات",
    "محتوي ممول",
    "شارك المقال",
}
_SUBSCRIBE = re.compile(
    r"^(?:subscribe|sign up)\b.{0,60}\b(?:newsletter|mailing list|updates)\b|^اشترك(?:ي)? (?:في|ب).{0,40}(?:القائمه البريديه|النشره)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول"
)
_DATE_STAMP = re.compile(
    rf"^[-–—•·\s]*(?:\d{{1,2}} )?(?:{_MONTHS}) (?:\d{{1,2}},? )?\d{{4}}$|^[-–—•·\s]*\d{{4}}-\d{{2}}-\d{{2}}$"
)
GLUED_FURNITURE_KINDS = {"other_article", "related", "popular", "newsletter", "ad", "comments"}


def furniture_label(text: str) -> str | None:
    """Return why a body block looks like site furniture, or None."""
    folded = normalise(text).rstrip(" .:!؟?…-–—")
    if folded in FURNITURE_LABELS:
        return "label"
    if len(folded.split()) <= 16 and _SUBSCRIBE.search(folded):
        return "subscribe"
    if len(folded) <= 40 and _DATE_STAMP.match(folded):
        return "date"
    return None


class GluedTextCheck(Check):
    id = "glued-text"
    severity = BLOCKER
    title = _("Unrelated text glued to the article")
    fix = _(
        "Remove this block and everything after it that is not part of the article "
        "(related-posts rails, newsletter boxes, ads, another item's text)."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        for block in doc.blocks:
            if block.kind in {"paragraph", "subheading"} and furniture_label(block.text):
                yield self.finding(
                    where_block(block.index, block.kind),
                    _("“%(text)s” is site furniture, not article text.")
                    % {"text": block.text[:80]},
                )
        # The importer separated these from the article, but they sat glued below it.
        for item in doc.furniture:
            if item.kind not in GLUED_FURNITURE_KINDS:
                continue
            # In HTML, rails and boxes sit in the theme's own containers; only another
            # article's text is glued to this one.
            if doc.source_format == "html" and item.kind != "other_article":
                continue
            if item.kind == "other_article":
                message = _("Another item is glued below the article: “%(text)s”.")
            else:
                message = _("Site furniture is pasted with the article: “%(text)s”.")
            first_line = item.text.splitlines()[0] if item.text else ""
            yield self.finding(
                _("line %(line)d") % {"line": item.line}, message % {"text": first_line[:80]}
            )
