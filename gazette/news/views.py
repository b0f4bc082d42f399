"""Tag pages: every article carrying a tag, in the reader's language."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from gazette.news.models import paginate
from gazette.news.queries import article_cards, tag_articles


def tag_page(request, slug: str):
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404(_("No articles carry this tag."))
    page_obj = paginate(request, tag_articles(slug, Locale.get_active()))
    return render(
        request,
        "news/tag_page.html",
        {"tag": tag, "page_obj": page_obj, "articles": article_cards(page_obj.object_list)},
    )
