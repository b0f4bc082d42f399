"""What a reader can ask the site search for, checked before it reaches the index."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gazette.search.normalise import MAX_QUERY_CHARS

ALL_LANGUAGES = "all"


def _clean_text(value: str) -> str:
    """Drop NUL and other control characters readers cannot have meant."""
    return "".join(ch for ch in value if ch.isprintable() or ch in " \t").strip()


class LenientCharField(forms.CharField):
    """A text field that keeps the first part of an over-long query instead of failing."""

    def to_python(self, value):
        value = _clean_text(str(value or "")[: MAX_QUERY_CHARS * 4])
        return value[:MAX_QUERY_CHARS]


class SearchForm(forms.Form):
    q = LenientCharField(label=_("Search for"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.title) for section in sections
        ]
        self.fields["language"].choices = [
            ("", _("This language")),
            (ALL_LANGUAGES, _("All languages")),
        ] + [(code, name) for code, name in settings.LANGUAGES]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", _("The end date is before the start date; swap them or clear one.")
            )
        return data
