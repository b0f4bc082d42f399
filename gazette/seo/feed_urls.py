"""Feed addresses, mounted inside the language prefix: /feeds/… and /ar/feeds/…."""

from django.urls import path

from gazette.seo import feeds

app_name = "feeds"


def serve(feed_class):
    """A view that builds a fresh feed object per request (feeds keep the request on self)."""

    def view(request, **kwargs):
        return feed_class()(request, **kwargs)

    view.__name__ = feed_class.__name__
    return view


urlpatterns = [
    path("rss/", serve(feeds.SiteFeed), name="site_rss"),
    path("atom/", serve(feeds.atom(feeds.SiteFeed)), name="site_atom"),
    path("sections/<str:slug>/rss/", serve(feeds.SectionFeed), name="section_rss"),
    path("sections/<str:slug>/atom/", serve(feeds.atom(feeds.SectionFeed)), name="section_atom"),
    path("authors/<str:slug>/rss/", serve(feeds.AuthorFeed), name="author_rss"),
    path("authors/<str:slug>/atom/", serve(feeds.atom(feeds.AuthorFeed)), name="author_atom"),
    path("tags/<str:slug>/rss/", serve(feeds.TagFeed), name="tag_rss"),
    path("tags/<str:slug>/atom/", serve(feeds.atom(feeds.TagFeed)), name="tag_atom"),
]
