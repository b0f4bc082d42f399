from django.urls import path

from gazette.people import views

app_name = "people"
urlpatterns = [path("<str:slug>/", views.author_page, name="author")]
