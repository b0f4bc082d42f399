"""The shape of an integrity check and of what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, ClassVar

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from gazette.newsroom.checks.context import CheckContext
    from gazette.newsroom.checks.document import ArticleText

BLOCKER = "blocker"
WARNING = "warning"
SEVERITIES = (BLOCKER, WARNING)


@dataclass(frozen=True)
class Finding:
    """One problem in one place of an article, with the way to fix it."""

    check_id: str
    severity: str
    where: str
    message: str
    fix: str

    @property
    def is_blocker(self) -> bool:
        return self.severity == BLOCKER

    def as_dict(self) -> dict:
        return {key: str(value) for key, value in asdict(self).items()}

    def as_line(self) -> str:
        return f"{self.check_id}\t{self.severity}\t{self.where}\t{self.message} {self.fix}"


class Check:
    """A small rule an article must pass; subclasses set the class attributes and `run`."""

    id: ClassVar[str]
    severity: ClassVar[str]
    title: ClassVar[str]
    fix: ClassVar[str]
    # Checks that need the published archive (duplicates) skip documents without a context.
    needs_archive: ClassVar[bool] = False

    def run(self, doc: ArticleText, context: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, where: str, message: str, fix: str | None = None) -> Finding:
        return Finding(self.id, self.severity, str(where), str(message), str(fix or self.fix))

    def __call__(self, doc: ArticleText, context: CheckContext) -> Iterator[Finding]:
        yield from self.run(doc, context)


def where_block(index: int, kind: str = "paragraph") -> str:
    """Name a body block the way an editor finds it: its kind and 1-based position."""
    names = {
        "paragraph": _("body paragraph %(n)d"),
        "subheading": _("body subheading %(n)d"),
        "quote": _("pull quote %(n)d"),
        "image": _("body image %(n)d"),
    }
    return str(names.get(kind, names["paragraph"]) % {"n": index})
