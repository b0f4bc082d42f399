"""A list of choices stored as JSON, edited as checkboxes (works on SQLite and PostgreSQL)."""

from __future__ import annotations

from django import forms
from django.core import checks, exceptions
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Zero or more values from `choices`; an empty list means "any"."""

    def __init__(self, *args, choice_list=(), **kwargs):
        self.choice_list = list(choice_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_list"] = [(str(k), str(v)) for k, v in self.choice_list]
        return name, path, args, kwargs

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not self.choice_list:
            errors.append(checks.Error("ChoiceListField needs choice_list.", obj=self))
        return errors

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {str(k) for k, _label in self.choice_list}
        unknown = [v for v in value or [] if v not in allowed]
        if unknown:
            raise exceptions.ValidationError(
                _("%(values)s is not one of the choices offered."),
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choice_list,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
