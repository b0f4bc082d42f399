"""Create or reset the newsroom's roles and review workflow."""

from django.core.management.base import BaseCommand
from django.db import transaction

from gazette.newsroom.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create or reset the newsroom groups (Contributors, Authors, Editors, Legal & "
        "standards, Translators, Administrators) and the review workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = ensure_roles()
        for name, group in groups.items():
            self.stdout.write(
                f"{name}: {group.permissions.count()} permissions, "
                f"{group.page_permissions.count()} page permissions, {group.user_set.count()} members"
            )
        self.stdout.write(self.style.SUCCESS("Roles and the review workflow are in place."))
