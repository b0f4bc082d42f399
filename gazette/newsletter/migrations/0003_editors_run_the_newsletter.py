"""Give the newsroom's Editors and Administrators groups the newsletter desk on sites that
already have them (new sites get it from `gazette_roles`/the demo build)."""

from django.db import migrations

GROUPS = ("Editors", "Administrators")
MODELS = ("newsletter", "edition", "subscriber", "suppression")
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name__in=GROUPS).exists():
        return
    # Permissions are normally created after migrating; this needs them now.
    config = apps.get_app_config("newsletter")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    permissions = list(
        Permission.objects.filter(content_type__app_label="newsletter", codename__in=codenames)
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsletter", "0002_subscriber_imports"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
