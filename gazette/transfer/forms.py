"""The admin's import form: a file, what it is, and where posts without a category go."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gazette.news.models import SectionPage
from gazette.transfer.models import ImportKind

MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What are you importing?"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("Export file"),
        help_text=_(
            "WordPress: Tools → Export → All content (.xml). Blogger: Settings → Back up "
            "content (.xml). A single article: the page saved as text or HTML."
        ),
    )
    media = forms.FileField(
        label=_("Images (optional)"),
        required=False,
        help_text=_("A zip of wp-content/uploads, so featured and inline images come across."),
    )
    section = forms.ModelChoiceField(
        label=_("Section for posts without a category"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("News (or the first section)"),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only report what would happen"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.filter(depth=3).order_by("path")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is over 2 GB; import it with the command line.")
            )
        return upload

    def clean_media(self):
        upload = self.cleaned_data.get("media")
        if upload and not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Upload the images as a .zip archive."))
        return upload
