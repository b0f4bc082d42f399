"""Images carry alt text for readers who cannot see them, and a credit."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import BLOCKER, WARNING, Check, Finding

# Alt text that only says "image" tells a screen-reader user nothing.
EMPTY_ALTS = {"image", "photo", "picture", "img", "صورة", "صوره", "jpg", "png"}


class ImageAltCheck(Check):
    id = "image-alt"
    severity = BLOCKER
    title = _("Image without alt text")
    fix = _(
        "Describe what the image shows in its alt text (or mark it decorative if it "
        "adds nothing to the story)."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        for image in doc.images:
            if image.alt is None:
                continue  # decorative on purpose
            alt = image.alt.strip()
            if not alt or alt.casefold() in EMPTY_ALTS:
                yield self.finding(image.where, _("The image has no useful alt text."))


class ImageCreditCheck(Check):
    id = "image-credit"
    severity = WARNING
    title = _("Image without credit")
    fix = _("Fill in the image credit (photographer, agency or “Gazette illustration”).")

    def run(self, doc, context) -> Iterator[Finding]:
        for image in doc.images:
            if image.credit is not None and not image.credit.strip():
                yield self.finding(image.where, _("The image credits nobody."))
