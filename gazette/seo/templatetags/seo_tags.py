"""`{% seo_metadata as seo %}`: the metadata of whatever page is being rendered."""

from __future__ import annotations

from django import template

from gazette.seo.metadata import PageMetadata, metadata_for

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_metadata(context) -> PageMetadata | None:
    """Build (once per render) the title, description, links and structured data for the page."""
    cache = context.render_context
    if "gazette_seo" not in cache:
        cache["gazette_seo"] = metadata_for(context)
    return cache["gazette_seo"]
