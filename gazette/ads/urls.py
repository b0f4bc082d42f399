"""Ad endpoints, outside the language prefixes (included from gazette/urls.py)."""

from django.urls import path

from gazette.ads import views

app_name = "ads"

urlpatterns = [
    path("slot/<slug:key>.json", views.slot_creatives, name="slot"),
    path("frame/<int:creative_id>/", views.creative_frame, name="frame"),
    path("seen", views.impression_beacon, name="seen"),
    path("click/<int:creative_id>/", views.click_redirect, name="click"),
]
