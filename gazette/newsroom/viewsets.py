"""The override audit log in Wagtail's admin: listed and inspected, never edited."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from gazette.newsroom.models import IntegrityOverride

READ_ONLY_ACTIONS = {"view"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, changes or deletes audit records through the admin, superusers included."""

    def user_has_permission(self, user, action):
        return action in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class IntegrityOverrideViewSet(ModelViewSet):
    model = IntegrityOverride
    icon = "warning"
    menu_label = _("Integrity overrides")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["page", "user", "created_at", "reason"]
    list_filter = ["user"]
    form_fields = ["reason"]
    inspect_view_fields = ["page", "revision", "user", "created_at", "reason", "findings"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)
