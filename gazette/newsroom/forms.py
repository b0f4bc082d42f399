"""Forms the newsroom's admin views and workflow steps ask editors to fill in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Locale

from gazette.people.models import Author

__all__ = ["OverrideReasonForm", "TaskStateCommentForm", "TranslateForm"]

MIN_REASON_LENGTH = 15


class OverrideReasonForm(forms.Form):
    """Why the article may go out despite blocking findings; kept in the audit record."""

    comment = forms.CharField(
        label=_("Reason for publishing despite the blockers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=MIN_REASON_LENGTH,
        help_text=_("Say why each blocker is acceptable here. This is recorded with your name."),
        error_messages={
            "required": _("Give the reason for overriding the checks; it is kept on record."),
            "min_length": _(
                "Say a little more (at least %(limit_value)d characters): the reason is kept "
                "on record for whoever reviews this decision."
            ),
        },
    )


class TranslateForm(forms.Form):
    """Start a translation: into which language, credited to which translator."""

    locale = forms.ModelChoiceField(
        label=_("Translate into"), queryset=Locale.objects.none(), empty_label=None
    )
    translator = forms.ModelChoiceField(
        label=_("Translator"),
        queryset=Author.objects.none(),
        help_text=_("Credited to readers as “Translated from … by …”."),
        error_messages={
            "required": _("Choose who translates the article so readers see the credit.")
        },
    )

    def __init__(self, *args, locales, translators, initial_translator=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = locales
        self.fields["translator"].queryset = translators
        if initial_translator is not None:
            self.fields["translator"].initial = initial_translator
