"""Forms readers fill in: sign-up and preferences."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gazette.newsletter.addresses import normalise_email
from gazette.newsletter.models import Frequency, Newsletter


class NewsletterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Newsletter) -> str:
        return f"{obj.name} — {obj.description}" if obj.description else obj.name


class EmailAddressField(forms.CharField):
    """A text field that normalises to one canonical address or explains what is wrong."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 320)
        kwargs.setdefault("label", _("Email address"))
        kwargs.setdefault("error_messages", {"required": _("Enter an email address.")})
        super().__init__(**kwargs)
        self.widget = forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return normalise_email(value)


class SignupForm(forms.Form):
    email = EmailAddressField()
    language = forms.ChoiceField(
        label=_("Language of the mails"), choices=settings.LANGUAGES, required=False
    )
    newsletters = NewsletterChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    # Honeypot: hidden from people by CSS, tempting to form-filling bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    source = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language
        self.fields["frequency"].initial = Frequency.DAILY
        self.fields["newsletters"].queryset = Newsletter.objects.filter(is_active=True).order_by(
            "-offered_by_default", "name"
        )
        self.fields["newsletters"].initial = [
            n.pk
            for n in Newsletter.objects.filter(
                is_active=True, language=language, offered_by_default=True
            )
        ]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean_frequency(self):
        return self.cleaned_data.get("frequency") or Frequency.DAILY

    def clean_language(self):
        return self.cleaned_data.get("language") or self.fields["language"].initial


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the mails"), choices=settings.LANGUAGES)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )
    newsletters = NewsletterChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(is_active=True).order_by("language", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Untick them all to unsubscribe from everything."),
    )
