"""Put the import pages in Wagtail's admin, under Settings."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gazette.transfer import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("imports/", views.index, name="transfer_imports"),
        path("imports/<int:pk>/", views.detail, name="transfer_import"),
        path("imports/<int:pk>/progress/", views.progress, name="transfer_import_progress"),
        path("imports/<int:pk>/resume/", views.resume, name="transfer_import_resume"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_import(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import content"), reverse("transfer_imports"), icon_name="download", order=900
    )
