from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gazette.ads import views as ads_views
from gazette.core import routing
from gazette.core import views as core_views
from gazette.newsroom.editor import page_edit_view

handler404 = "gazette.core.views.page_not_found"
handler500 = "gazette.caching.views.server_error"  # database outage → 503

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's page editor, but its comment mails go to the worker (gazette.newsroom.editor).
    path("admin/pages/<int:page_id>/edit/", page_edit_view),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("beacon/", include("gazette.discovery.urls")),
    # Mail providers' bounce and complaint webhooks (django-anymail), e.g. /anymail/postmark/tracking/
    path("anymail/", include("anymail.urls")),
    path("", include("gazette.seo.urls")),
    path("ads/", include("gazette.ads.urls")),
    path("ads.txt", ads_views.ads_txt, name="ads_txt"),
    path("app-ads.txt", ads_views.app_ads_txt, name="app_ads_txt"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("authors/", include("gazette.people.urls")),
    path("tags/", include("gazette.news.urls")),
    path("newsletter/", include("gazette.newsletter.urls")),
    path("feeds/", include("gazette.seo.feed_urls")),
    path("search/", include("gazette.search.urls")),
    # Front page, sections and articles, found the short way (Wagtail's _util/ views aside).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", routing.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
