"""When anything that rotation depends on changes, queue a rebuild of the ad index."""

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from gazette.ads.models import Advertiser, Campaign, Creative, Slot


def _enqueue_rebuild() -> None:
    from gazette.ads.tasks import rebuild_ad_index

    rebuild_ad_index.enqueue()


_enqueue_rebuild.ads_rebuild = True


def queue_index_rebuild(**kwargs) -> None:
    """Queue one rebuild when the current transaction commits (one per admin save)."""
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return  # fixture loading, or the "before" half of an m2m change
    if connection.in_atomic_block and any(
        getattr(item[1], "ads_rebuild", False) for item in connection.run_on_commit
    ):
        return  # already queued for this transaction
    transaction.on_commit(_enqueue_rebuild)


for model in (Advertiser, Slot, Campaign, Creative):
    post_save.connect(queue_index_rebuild, sender=model, dispatch_uid=f"ads-save-{model.__name__}")
    post_delete.connect(
        queue_index_rebuild, sender=model, dispatch_uid=f"ads-delete-{model.__name__}"
    )
for through in (Slot.sections.through, Campaign.slots.through, Campaign.target_sections.through):
    m2m_changed.connect(queue_index_rebuild, sender=through, dispatch_uid=f"ads-m2m-{through}")
