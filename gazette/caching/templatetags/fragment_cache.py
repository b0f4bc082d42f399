"""`{% fragment "name" value… %}…{% endfragment %}`: render a shared part of a page once.

The block is kept in the fragment cache (`gazette/caching/fragments.py`) under its name,
the active language and the given values, and is purged with the content it shows.
Everything the block reads must be named in the values or be content it loads (pages,
authors, images: their keys are noted while it renders).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from gazette.caching import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        html = fragments.get_or_make(name, vary, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 - the block's own rendered (escaped) output


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% fragment %} needs a name: {% fragment "rail" page.pk %}…{% endfragment %}'
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], nodelist
    )
