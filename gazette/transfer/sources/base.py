"""What every importer reads a source into: neutral records the engine knows how to import."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class SourceError(Exception):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass
class SourceAuthor:
    key: str  # stable id in the source, e.g. the WordPress login
    name: str
    login: str = ""
    email: str = ""


@dataclass
class SourceCategory:
    key: str  # WordPress nicename
    name: str
    parent: str = ""


@dataclass
class SourceImage:
    key: str  # attachment id
    url: str
    path: str = ""  # relative to wp-content/uploads when known
    title: str = ""
    alt: str = ""
    caption: str = ""


@dataclass
class SourcePost:
    source_id: str
    kind: str  # "post", "page", "attachment", or "skip" for things that are not content
    title: str = ""
    slug: str = ""
    content: str = ""  # HTML; empty when `blocks` is given
    blocks: list[tuple[str, str]] | None = None  # ready (kind, text) pairs (plain pages)
    excerpt: str = ""
    status: str = "publish"  # publish, draft, future, private, pending, trash
    date: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    authors: list[str] = field(default_factory=list)  # SourceAuthor keys or names
    categories: list[str] = field(default_factory=list)  # SourceCategory keys
    tags: list[str] = field(default_factory=list)
    featured_image: str = ""  # SourceImage key
    link: str = ""
    password: bool = False
    sticky: bool = False
    post_format: str = ""
    comments: int = 0
    image: SourceImage | None = None  # for attachments
    skip_reason: str = ""


@dataclass
class SourceInfo:
    """What the first pass learns about a file before anything is written."""

    key: str  # identifies the source site across runs (its address)
    title: str = ""
    version: str = ""
    total: int = 0
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    categories: dict[str, SourceCategory] = field(default_factory=dict)
    images: dict[str, SourceImage] = field(default_factory=dict)
    images_by_path: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    counts: dict[str, int] = field(default_factory=dict)
