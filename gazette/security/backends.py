"""The model backend, refusing accounts and addresses that are locked out."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from gazette.security import audit, lockout


class LockoutModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_field(), "")
        if lockout.is_locked(username, request):
            audit.log_event(username, request, "locked")
            raise PermissionDenied  # stops every backend; no password is even checked
        return super().authenticate(request, username=username, password=password, **kwargs)

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD
