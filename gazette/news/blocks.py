"""Body blocks of an article: the pieces an editor composes a story from."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class SubheadingBlock(blocks.CharBlock):
    """A section heading inside the article body, linkable by its anchor."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value, allow_unicode=True)
        return context

    class Meta:
        icon = "title"
        template = "news/blocks/subheading.html"
        label = _("Subheading")
        form_classname = "title"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "news/blocks/pull_quote.html"
        label = _("Pull quote")


class FigureBlock(blocks.StructBlock):
    """An image in the body, with the caption and credit readers expect."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "news/blocks/figure.html"
        label = _("Image")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="news/blocks/paragraph.html"
    )
    subheading = SubheadingBlock()
    pull_quote = PullQuoteBlock()
    image = FigureBlock()
    embed = EmbedBlock(label=_("Embed"), icon="media", template="news/blocks/embed.html")
