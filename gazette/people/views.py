"""The author page: who they are and what they wrote."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from gazette.news.models import paginate
from gazette.news.queries import (
    AUTHOR_PHOTO_RENDITIONS,
    article_cards,
    author_articles,
)
from gazette.people.models import Author


def author_page(request, slug: str):
    active = Locale.get_active()
    candidates = Author.objects.published().filter(slug=slug).select_related("photo", "locale")
    author = next(
        iter(sorted(candidates, key=lambda a: a.locale_id != active.pk)), None
    )  # prefer the reader's language, fall back to any
    if author is None:
        raise Http404(_("No author is published at this address."))
    page_obj = paginate(request, author_articles(author))
    # The author's own photo comes with the teasers' renditions, in the same query.
    photo = [(author.photo, AUTHOR_PHOTO_RENDITIONS)]
    articles = article_cards(page_obj.object_list, images=photo)
    return render(
        request,
        "people/author_page.html",
        {"author": author, "page_obj": page_obj, "articles": articles},
    )
