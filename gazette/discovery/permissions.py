"""Who may change an article's discovery settings: whoever may publish the article."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from gazette.discovery.models import ArticleDiscovery


def can_publish_somewhere(user) -> bool:
    return user.is_active and PagePermissionPolicy().user_has_permission(user, "publish")


class ArticleDiscoveryPermissionPolicy(BasePermissionPolicy):
    """Settings rows are made by the system; editors who can publish the article change them."""

    def __init__(self):
        super().__init__(ArticleDiscovery)

    def user_has_permission(self, user, action):
        return action in {"change", "view"} and can_publish_somewhere(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in {"change", "view"}:
            return False
        return instance.article.permissions_for_user(user).can_publish()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return ArticleDiscovery.objects.all()
        return ArticleDiscovery.objects.none()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
