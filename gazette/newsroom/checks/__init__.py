"""Integrity checks: small rules an article must pass before it goes out.

Each check is a class in this package with an id, a severity (blocker or warning) and a
fix message; `run_checks` runs them all on an `ArticleText` (see `document.py`).
"""

from __future__ import annotations

from gazette.newsroom.checks.base import BLOCKER, WARNING, Check, Finding
from gazette.newsroom.checks.boilerplate import AIBoilerplateCheck, GluedTextCheck
from gazette.newsroom.checks.bylines import (
    BylineMissingCheck,
    BylineUnpublishedCheck,
    SignatureCheck,
)
from gazette.newsroom.checks.context import CheckContext
from gazette.newsroom.checks.document import ArticleText, from_page, read_file
from gazette.newsroom.checks.duplicates import DuplicateHeadlineCheck, NearDuplicateCheck
from gazette.newsroom.checks.language import MixedLanguageCheck, TranslationCreditCheck
from gazette.newsroom.checks.links import UnsafeLinkCheck
from gazette.newsroom.checks.media import ImageAltCheck, ImageCreditCheck
from gazette.newsroom.checks.titles import CutTextCheck, DisplayCutCheck
from gazette.newsroom.checks.typography import SubheadingCheck, UnbalancedMarksCheck

CHECKS: tuple[Check, ...] = (
    AIBoilerplateCheck(),
    CutTextCheck(),
    DisplayCutCheck(),
    SignatureCheck(),
    BylineMissingCheck(),
    BylineUnpublishedCheck(),
    GluedTextCheck(),
    TranslationCreditCheck(),
    MixedLanguageCheck(),
    ImageAltCheck(),
    ImageCreditCheck(),
    UnbalancedMarksCheck(),
    SubheadingCheck(),
    UnsafeLinkCheck(),
    NearDuplicateCheck(),
    DuplicateHeadlineCheck(),
)


def run_checks(
    doc: ArticleText, context: CheckContext | None = None, blockers_only: bool = False
) -> list[Finding]:
    """Run every check on `doc` (or only the blocking ones); blockers first."""
    context = context or CheckContext()
    checks = [c for c in CHECKS if c.severity == BLOCKER] if blockers_only else CHECKS
    findings = [finding for check in checks for finding in check(doc, context)]
    return sorted(findings, key=lambda f: f.severity != BLOCKER)


def check_page(
    page, context: CheckContext | None = None, blockers_only: bool = False
) -> list[Finding]:
    """Run the checks on an article page (saved, or edited in memory)."""
    return run_checks(from_page(page), context, blockers_only=blockers_only)


def blockers(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == BLOCKER]


__all__ = [
    "BLOCKER",
    "CHECKS",
    "WARNING",
    "ArticleText",
    "Check",
    "CheckContext",
    "Finding",
    "blockers",
    "check_page",
    "from_page",
    "read_file",
    "run_checks",
]
