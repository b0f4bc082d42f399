"""The site's frame: this language's front page, the section menu, every language's front page.

The same for every page of a language, so it is made once and kept in the fragment
cache (purged when a front page or section is published, moved or unpublished).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.utils import translation


@dataclass(frozen=True)
class Link:
    """A page the frame links to: enough to render it without loading the page."""

    pk: int
    title: str
    url: str
    path: str = ""


@dataclass(frozen=True)
class Frame:
    home: Link | None = None  # the front page in the active language
    sections: tuple[Link, ...] = ()  # the menu, in tree order
    homes: dict[str, str] = field(default_factory=dict)  # language code → front page URL

    @property
    def version(self) -> str:
        """Changes whenever anything in the frame does (for fragments made from it)."""
        return hashlib.blake2b(repr(self).encode(), digest_size=8).hexdigest()


def _make(request, site) -> Frame:
    from wagtail.models import Page

    from gazette.caching import recording
    from gazette.core.restrictions import public
    from gazette.news.models import SectionPage

    root = site.root_page
    homes = list(
        Page.objects.live()
        .filter(translation_key=root.translation_key, depth=root.depth)
        .select_related("locale")
    )
    language = translation.get_language()
    home = next((h for h in homes if h.locale.language_code == language), None)
    if home is None:
        home = next((h for h in homes if h.pk == root.pk), root)
    for page in homes:
        # A section added under a front page (or moved, or taken down) changes the menu.
        recording.add(recording.section_list_key(page.pk))
    sections = public(SectionPage.objects.live().child_of(home).filter(show_in_menus=True))
    return Frame(
        home=Link(home.pk, home.title, home.get_url(request), home.path),
        sections=tuple(Link(s.pk, s.title, s.get_url(request), s.path) for s in sections),
        homes={h.locale.language_code: h.get_url(request) for h in homes},
    )


def frame_for(request) -> Frame:
    """The frame for this request's site and active language (once per request)."""
    from gazette.caching import fragments, recording
    from gazette.core.sites import site_for

    language = translation.get_language()
    memo = getattr(request, "_gazette_frames", None)
    if memo is None:
        memo = request._gazette_frames = {}
    if language not in memo:
        site = site_for(request)
        if site is None:
            memo[language] = (Frame(), frozenset())
        else:
            memo[language] = fragments.fetch(
                "frame", (site.pk, request.get_host()), lambda: _make(request, site)
            )
    frame, keys = memo[language]
    # Whatever is made from the frame (the footer fragment too) shows these pages.
    recording.add(*keys)
    return frame
