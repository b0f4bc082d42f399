from django.urls import path

from gazette.discovery import views

app_name = "discovery"

urlpatterns = [path("view", views.view_beacon, name="beacon")]
