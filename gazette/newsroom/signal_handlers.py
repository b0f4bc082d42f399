"""Signal handlers: they only dispatch to actions."""

from __future__ import annotations

from wagtail.signals import copy_for_translation_done


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    from gazette.newsroom.actions import link_translation

    link_translation(source_obj, target_obj)


def register_signal_handlers() -> None:
    copy_for_translation_done.connect(
        on_copy_for_translation, dispatch_uid="newsroom_link_translation"
    )
