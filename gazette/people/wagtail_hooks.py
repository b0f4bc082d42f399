"""Authors in the admin: a snippet with drafts, revisions, locking and preview."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gazette.people.models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["name", "role", "locale", "live"]
    list_filter = ["role", "live", "locale"]
    search_fields = ["name", "bio"]
    ordering = ["name"]


register_snippet(AuthorViewSet)
