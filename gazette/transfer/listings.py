"""Which cached listings an import changed, purged once when it ends.

Publishing a page through Wagtail purges the page cache's copies of the lists that show
it (its section, the front page, its authors' and tags' pages, the feeds). Imported
articles are written in bulk without that signal, so the engine notes what each one
touches and purges it all at the end of the run: the cache stays exact, and a long
import does not empty it batch after batch.
"""

from __future__ import annotations

from taggit.models import Tag

from gazette.caching import purge, recording
from gazette.people.models import Author

CHUNK = 500  # names or ids per lookup, well under every database's parameter limit


class ChangedListings:
    def __init__(self) -> None:
        self.sections: set[int] = set()
        self.locales: set[int] = set()
        self.authors: set[int] = set()
        self.tags: set[str] = set()

    def note(self, section, author_ids, tag_names) -> None:
        self.sections.add(section.pk)
        self.locales.add(section.locale_id)
        self.authors.update(author_ids)
        self.tags.update(tag_names)

    def keys(self) -> set[str]:
        if not self.sections:
            return set()
        keys = {recording.FEEDS_KEY}
        keys |= {recording.section_list_key(pk) for pk in self.sections}
        keys |= {recording.front_list_key(pk) for pk in self.locales}
        for slug in _in_chunks(Author.objects, "pk", self.authors, "slug"):
            keys.add(recording.author_list_key(slug))
        for slug in _in_chunks(Tag.objects, "name", self.tags, "slug"):
            keys.add(recording.tag_list_key(slug))
        return keys

    def purge(self) -> None:
        """Drop the cached copies of every listing the run changed (now and on commit)."""
        keys = self.keys()
        if keys:
            purge.purge(keys)
        self.__init__()


def _in_chunks(manager, field: str, values: set, column: str):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        yield from manager.filter(**{f"{field}__in": chunk}).values_list(column, flat=True)
