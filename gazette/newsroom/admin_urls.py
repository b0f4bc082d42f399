from django.urls import path

from gazette.newsroom import views

app_name = "newsroom"
urlpatterns = [
    path("translations/", views.translation_desk, name="translation_desk"),
    path("articles/<int:page_id>/translate/", views.translate, name="translate"),
    path("articles/<int:page_id>/override/", views.override, name="override"),
]
