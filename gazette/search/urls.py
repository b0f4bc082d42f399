from django.urls import path

from gazette.search import views

app_name = "sitesearch"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.suggest, name="suggest"),
]
