from django.urls import path

from gazette.news import views

app_name = "news"
urlpatterns = [path("<str:slug>/", views.tag_page, name="tag")]
