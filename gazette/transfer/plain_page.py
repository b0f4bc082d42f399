"""Read one article pasted or saved from another site (plain text or HTML).

A page copied from a magazine theme carries the article and the site around it:
navigation, cut titles from a ticker, "You May Also Like" and "Popular Posts" rails,
section labels, a newsletter box, ad slots, sometimes a second article glued below.
`parse_plain_page` keeps everything article-like in `blocks` (even a trailing
signature or pasted boilerplate, so checks downstream can see and flag them) and puts
site furniture in `furniture`, with its line number, so an importer can report it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BlockKind = str  # "paragraph" | "subheading"


@dataclass(frozen=True)
class Furniture:
    """A piece of site furniture found on the page and kept out of the article."""

    kind: str  # one of FURNITURE_KINDS
    text: str
    line: int  # 1-based line of the source where it starts
    end_line: int = 0  # last line, for furniture spanning several lines (0: same line)


@dataclass
class PlainPage:
    title: str = ""
    social_title: str = ""
    byline: list[str] = field(default_factory=list)
    blocks: list[tuple[BlockKind, str]] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    date: datetime.date | None = None
    format: str = "text"  # "text" or "html"

    def furniture_of(self, kind: str) -> list[Furniture]:
        """Return the furniture items of one kind."""
        return [item for item in self.furniture if item.kind == kind]

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "paragraph"]

    @property
    def subheadings(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "subheading"]


# Furniture kinds, in the order a reader meets them on a typical theme.
NAVIGATION = "navigation"
TITLE_FRAGMENT = "title_fragment"
RELATED = "related"
POPULAR = "popular"
SECTION_LABEL = "section_label"
OTHER_ARTICLE = "other_article"
NEWSLETTER = "newsletter"
AD = "ad"
SHARE = "share"
COMMENTS = "comments"
FURNITURE_KINDS = (
    NAVIGATION,
    TITLE_FRAGMENT,
    RELATED,
    POPULAR,
    SECTION_LABEL,
    OTHER_ARTICLE,
    NEWSLETTER,
    AD,
    SHARE,
    COMMENTS,
)

# Labels that open a block of furniture after the article (compared case-folded,
# without trailing punctuation). English and Arabic, as themes print them.
_RAIL_LABELS = {
    "you may also like": RELATED,
    "you might also like": RELATED,
    "related": RELATED,
    "related posts": RELATED,
    "related articles": RELATED,
    "read also": RELATED,
    "read more": RELATED,
    "more stories": RELATED,
    "اقرأ أيضا": RELATED,
    "اقرأ أيضاً": RELATED,
    "قد يعجبك أيضا": RELATED,
    "مقالات ذات صلة": RELATED,
    "popular posts": POPULAR,
    "most popular": POPULAR,
    "most read": POPULAR,
    "trending": POPULAR,
    "الأكثر قراءة": POPULAR,
    "newsletter": NEWSLETTER,
    "النشرة البريدية": NEWSLETTER,
    "ads": AD,
    "ad": AD,
    "advertisement": AD,
    "sponsored": AD,
    "إعلان": AD,
    "إعلانات": AD,
    "share": SHARE,
    "share this": SHARE,
    "share this article": SHARE,
    "شارك": SHARE,
    "comments": COMMENTS,
    "leave a reply": COMMENTS,
    "leave a comment": COMMENTS,
    "التعليقات": COMMENTS,
}
# Section names a theme prints as labels above rails; only furniture after the article.
_SECTION_LABELS = {
    "news",
    "opinion",
    "opinions",
    "report",
    "reports",
    "caricature",
    "caricatures",
    "analysis",
    "politics",
    "economy",
    "culture",
    "sports",
    "world",
    "features",
    "interviews",
    "أخبار",
    "رأي",
    "تقارير",
    "كاريكاتير",
}
_NAVIGATION_WORDS = _SECTION_LABELS | {
    "home",
    "about",
    "about us",
    "contact",
    "contact us",
    "search",
    "menu",
    "login",
    "log in",
    "subscribe",
    "الرئيسية",
    "من نحن",
    "اتصل بنا",
}

_BYLINE = re.compile(r"^(?:by|written by|بقلم|كتب|كتبت)\s*[:：]?\s+(?P<names>\S.{0,150})$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\s و\s*)\s*", re.I)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_LINE = re.compile(
    rf"^[-–—•|]?\s*(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\s*$",
    re.I,
)
_MARKER = re.compile(r"^[-–—_*=•·|]{1,3}$")
_SUBSCRIBE = re.compile(r"subscribe|mailing list|newsletter|sign up|اشترك|النشرة", re.I)
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "vs",
    "via",
}
_SUBHEADING_MAX_CHARS = 160
_TITLE_CASE_MAX_WORDS = 12


def parse_plain_page(text: str) -> PlainPage:
    """Split a saved article page into headline, byline, body blocks and site furniture."""
    if _looks_like_html(text):
        lines = _html_lines(text)
        page = _parse_lines(lines)
        page.format = "html"
        return page
    lines = [
        _Line(number, raw.strip())
        for number, raw in enumerate(text.splitlines(), start=1)
        if raw.strip()
    ]
    return _parse_lines(lines)


@dataclass
class _Line:
    number: int
    text: str
    tag: str = ""  # HTML element the text came from ("" for plain text)
    furniture: str = ""  # set when an HTML container already says it is furniture


def _key(text: str) -> str:
    return text.strip().rstrip(":!.…").strip().casefold()


def _rail_kind(text: str) -> str:
    return _RAIL_LABELS.get(_key(text), "")


def _date_of(text: str) -> datetime.date | None:
    match = _DATE_LINE.match(text.strip())
    if not match:
        return None
    if match["iso"]:
        try:
            return datetime.date.fromisoformat(match["iso"])
        except ValueError:
            return None
    month_name = (match["m1"] or match["m2"])[:3].lower()
    day = int(match["d1"] or match["d2"])
    year = int(match["y1"] or match["y2"])
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    try:
        return datetime.date(year, months.index(month_name) + 1, day)
    except ValueError:
        return None


def _byline_names(text: str) -> list[str]:
    match = _BYLINE.match(text.strip())
    if not match:
        return []
    names = [name.strip(" .") for name in _NAME_SPLIT.split(match["names"])]
    names = [name for name in names if name]
    # A byline is a few short names, not a sentence that happens to start with "By".
    if not names or any(len(name.split()) > 5 for name in names):
        return []
    return names


def _is_navigation(text: str) -> bool:
    parts = [part for part in re.split(r"\s*[|/»›•·]\s*", text) if part]
    return bool(parts) and all(_key(part) in _NAVIGATION_WORDS for part in parts)


def _is_question(text: str) -> bool:
    if not text.endswith(("?", "؟")) or len(text) > _SUBHEADING_MAX_CHARS:
        return False
    # One question, not a paragraph that ends with one.
    return not re.search(r"[.!?؟]\s+\S", text[:-1])


def _is_title_case(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _TITLE_CASE_MAX_WORDS or text.endswith((".", ":", ";", ",")):
        return False
    significant = [w for w in words if w.lower().strip(",") not in _SMALL_WORDS]
    if not significant:
        return False
    # Arabic has no letter case: a short line without a full stop reads as a heading.
    letters = [w.lstrip("\"'“‘(") for w in significant]
    cased = [w for w in letters if w[:1].isalpha() and w[:1].upper() != w[:1].lower()]
    if not cased:
        return len(words) <= 8
    capitalised = [w for w in cased if w[:1].isupper() or re.match(r"^[a-z]{1,3}-[A-Z]", w)]
    return len(capitalised) == len(cased)


def _starts_other_article(lines: list[_Line], index: int) -> bool:
    """Is lines[index] the headline of another article (a headline followed by a date)?"""
    if index + 1 >= len(lines):
        return False
    line = lines[index]
    # A teaser headline may be cut with an ellipsis, but a sentence is not a headline.
    ends_sentence = line.text.endswith((".", ":")) and not line.text.endswith(("...", "…"))
    return (
        len(line.text) <= 200
        and not ends_sentence
        and not _date_of(line.text)
        and _date_of(lines[index + 1].text) is not None
    )


def _parse_lines(lines: list[_Line]) -> PlainPage:
    page = PlainPage()
    if not lines:
        return page
    head_index = _headline_index(lines)
    page.title = lines[head_index].text
    _read_preamble(page, lines[:head_index])
    index = head_index + 1
    # Byline and date may sit in either order right under the headline.
    while index < len(lines) and index <= head_index + 3:
        line = lines[index]
        if not page.byline and (names := _byline_names(line.text)):
            page.byline = names
        elif page.date is None and (day := _date_of(line.text)) is not None:
            page.date = day
        elif _MARKER.match(line.text):
            pass
        else:
            break
        index += 1
    body_end = _body_end(lines, index)
    _read_body(page, lines[index:body_end])
    _read_furniture(page, lines[body_end:])
    return page


def _headline_index(lines: list[_Line]) -> int:
    """Find the headline: an <h1>, else the line just above the first byline."""
    for i, line in enumerate(lines):
        if line.tag == "h1" and not line.furniture:
            return i
    for i, line in enumerate(lines[:60]):
        if _byline_names(line.text):
            j = i - 1
            while j >= 0 and (_MARKER.match(lines[j].text) or _date_of(lines[j].text)):
                j -= 1
            return max(j, 0)
    # No byline: the first line that is not navigation or a marker.
    for i, line in enumerate(lines):
        if not (_MARKER.match(line.text) or _is_navigation(line.text) or line.furniture):
            return i
    return 0


def _read_preamble(page: PlainPage, lines: list[_Line]) -> None:
    """Sort what comes before the headline: navigation and cut titles (ticker, breadcrumbs)."""
    fragments: list[_Line] = []
    for line in lines:
        if _MARKER.match(line.text):
            continue
        if line.furniture or _is_navigation(line.text):
            page.furniture.append(Furniture(line.furniture or NAVIGATION, line.text, line.number))
        elif (day := _date_of(line.text)) is not None:
            page.date = page.date or day
        else:
            fragments.append(line)
    if not fragments:
        return
    # The social title is the cut title that matches the headline best: it is the
    # fragment the theme truncated (ends mid-word), else the one nearest the headline.
    chosen = fragments[-1]
    for line in fragments:
        if _is_cut_title(line.text, page.title):
            chosen = line
    page.social_title = chosen.text
    for line in fragments:
        if line is not chosen:
            page.furniture.append(Furniture(TITLE_FRAGMENT, line.text, line.number))


def _is_cut_title(fragment: str, headline: str) -> bool:
    return bool(headline) and fragment in headline and not headline.endswith(fragment)


def _body_end(lines: list[_Line], start: int) -> int:
    """Return the index where furniture after the article begins (len(lines) if none)."""
    for i in range(start, len(lines)):
        line = lines[i]
        if line.furniture or _rail_kind(line.text) or _starts_other_article(lines, i):
            return i
    return len(lines)


def _read_body(page: PlainPage, lines: list[_Line]) -> None:
    signature_names = {name.casefold() for name in page.byline}
    for position, line in enumerate(lines):
        text = line.text
        is_last = position == len(lines) - 1
        if line.tag in {"h2", "h3", "h4", "h5", "h6"}:
            kind = "subheading"
        elif text.casefold() in signature_names or is_last or _MARKER.match(text):
            # A signature, closing line or pasted rule is never a heading; keep it
            # as written so checks downstream can flag it.
            kind = "paragraph"
        elif _is_question(text) or _is_title_case(text):
            kind = "subheading"
        else:
            kind = "paragraph"
        page.blocks.append((kind, text))


def _read_furniture(page: PlainPage, lines: list[_Line]) -> None:
    current = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        if _starts_other_article(lines, i):
            end = i + 1
            while end + 1 < len(lines) and not (
                _rail_kind(lines[end + 1].text)
                or _key(lines[end + 1].text) in _SECTION_LABELS
                or _starts_other_article(lines, end + 1)
            ):
                end += 1
            body = "\n".join(item.text for item in lines[i : end + 1])
            page.furniture.append(Furniture(OTHER_ARTICLE, body, line.number, lines[end].number))
            current = ""
            i = end + 1
            continue
        if kind := _rail_kind(text):
            current = kind
            page.furniture.append(Furniture(kind, text, line.number))
        elif _key(text) in _SECTION_LABELS:
            current = ""
            page.furniture.append(Furniture(SECTION_LABEL, text, line.number))
        elif _SUBSCRIBE.search(text) and len(text) < 200:
            page.furniture.append(Furniture(NEWSLETTER, text, line.number))
        elif line.furniture:
            page.furniture.append(Furniture(line.furniture, text, line.number))
        else:
            # A teaser under a rail label belongs to that rail; anything else is navigation.
            page.furniture.append(Furniture(current or NAVIGATION, text, line.number))
        i += 1


# --- HTML -------------------------------------------------------------------------

_HTML_SIGNS = re.compile(r"<(?:!doctype|html|body|article|h1|h2|p|div)\b", re.I)
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "figcaption",
    "td",
    "dt",
    "dd",
    "pre",
    "time",
    "address",
    "form",
    "span_block",
}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head", "title"}
_FURNITURE_CONTAINERS = {"nav": NAVIGATION, "aside": RELATED, "footer": NAVIGATION, "form": ""}
_CLASS_HINTS = (
    ("newsletter", NEWSLETTER),
    ("subscribe", NEWSLETTER),
    ("related", RELATED),
    ("popular", POPULAR),
    ("advert", AD),
    ("ads", AD),
    ("sponsor", AD),
    ("share", SHARE),
    ("comment", COMMENTS),
    ("menu", NAVIGATION),
    ("breadcrumb", NAVIGATION),
    ("sidebar", RELATED),
    ("widget", RELATED),
)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_SIGNS.search(text[:5000]))


class _LineCollector(HTMLParser):
    """Flatten HTML into lines of text, remembering the block tag and furniture context."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[_Line] = []
        self.stack: list[tuple[str, str]] = []  # (tag, furniture kind or "")
        self.buffer: list[str] = []
        self.buffer_line = 0
        self.buffer_tag = ""
        self.skipping = 0

    def _furniture_context(self) -> str:
        for _tag, kind in reversed(self.stack):
            if kind:
                return kind
        return ""

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        if text:
            self.lines.append(
                _Line(self.buffer_line, text, self.buffer_tag, self._furniture_context())
            )
        self.buffer = []
        self.buffer_tag = ""

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
            return
        if tag == "br":
            self._flush()
            return
        if tag not in _BLOCK_TAGS:
            return
        self._flush()
        attributes = dict(attrs)
        hint = " ".join(filter(None, [attributes.get("class"), attributes.get("id")])).lower()
        kind = _FURNITURE_CONTAINERS.get(tag, "")
        if tag == "form" and _SUBSCRIBE.search(hint + " " + (attributes.get("action") or "")):
            kind = NEWSLETTER
        for needle, hinted in _CLASS_HINTS:
            if re.search(rf"(?:^|[\s_-]){needle}", hint):
                kind = hinted
                break
        self.stack.append((tag, kind))
        self.buffer_line = self.getpos()[0]
        self.buffer_tag = tag

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag not in _BLOCK_TAGS:
            return
        self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.skipping:
            return
        if not self.buffer:
            self.buffer_line = self.buffer_line or self.getpos()[0]
            if not self.buffer_tag and self.stack:
                self.buffer_tag = self.stack[-1][0]
        self.buffer.append(data)

    def close(self):
        super().close()
        self._flush()


def _html_lines(text: str) -> list[_Line]:
    collector = _LineCollector()
    collector.feed(text)
    collector.close()
    return collector.lines
