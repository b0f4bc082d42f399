"""Dispatch mail-provider events (anymail's tracking signal) to the suppression action."""

from anymail.signals import tracking
from django.dispatch import receiver

from gazette.newsletter import actions

ACTED_ON = {"bounced", "complained", "rejected", "unsubscribed"}


@receiver(tracking, dispatch_uid="gazette.newsletter.provider_event")
def on_provider_event(sender, event, esp_name, **kwargs):
    if event.event_type in ACTED_ON:
        actions.record_provider_event(
            event_type=event.event_type,
            recipient=event.recipient or "",
            message_id=event.message_id or "",
            description=event.description or event.mta_response or "",
            esp_name=esp_name,
        )
