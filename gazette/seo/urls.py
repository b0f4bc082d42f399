"""Addresses outside the language prefix: robots.txt and the sitemaps."""

from django.urls import path

from gazette.seo import views

app_name = "seo"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.sitemap_news, name="sitemap_news"),
    path("sitemap-<str:section>.xml", views.sitemap_section, name="sitemap_section"),
]
