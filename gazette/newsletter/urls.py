from django.urls import path

from gazette.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup_page, name="signup"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("preferences/<str:token>/export.json", views.export_data, name="export"),
    path("preferences/<str:token>/delete/", views.delete_data, name="delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
