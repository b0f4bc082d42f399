from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gazette.security import twofactor, views


@hooks.register("register_admin_urls")
def security_urls():
    return [
        path("two-factor/", twofactor.setup_view, name="gazette_two_factor_setup"),
        path("two-factor/verify/", twofactor.verify_view, name="gazette_two_factor_verify"),
        path("two-factor/disable/", twofactor.disable_view, name="gazette_two_factor_disable"),
        path(
            "two-factor/recovery-codes/",
            twofactor.recovery_codes_view,
            name="gazette_two_factor_recovery",
        ),
        path("sign-in-log/", views.sign_in_log, name="gazette_sign_in_log"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    on = twofactor.device_of(request.user) is not None
    return {
        "url": reverse("gazette_two_factor_disable" if on else "gazette_two_factor_setup"),
        "label": _("Turn off two-factor authentication")
        if on
        else _("Set up two-factor authentication"),
        "help_text": _("Ask for a code from your phone's authenticator app when you sign in."),
    }


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    if twofactor.device_of(request.user) is None:
        return None
    return {
        "url": reverse("gazette_two_factor_recovery"),
        "label": _("Two-factor recovery codes"),
        "help_text": _("Single-use codes for signing in when your phone is lost."),
    }


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def sign_in_log_menu_item():
    return SuperuserMenuItem(
        _("Sign-in log"), reverse("gazette_sign_in_log"), icon_name="list-ul", order=900
    )
