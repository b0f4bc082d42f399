from django.urls import include, path
from wagtail import hooks

from gazette.newsletter.viewsets import NewsletterAdminGroup, admin_urlpatterns


@hooks.register("register_admin_viewset")
def register_newsletter_admin():
    return NewsletterAdminGroup()


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return [path("newsletter/", include((admin_urlpatterns, "newsletter_admin")))]
