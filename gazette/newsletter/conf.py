"""The newsletter's settings, read from the environment with defaults for one machine.

`gazette/settings.py` merges `env_settings()` into the settings module; code reads them
as `settings.NEWSLETTER_*`.
"""

from __future__ import annotations

from gazette.env import env_bool, env_int, env_str


def env_settings() -> dict:
    return {
        # Sign-up
        "NEWSLETTER_CONFIRM_MAX_AGE": env_int("NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600),
        "NEWSLETTER_SIGNUPS_PER_IP": env_int("NEWSLETTER_SIGNUPS_PER_IP", 10),
        "NEWSLETTER_SIGNUP_IP_WINDOW": env_int("NEWSLETTER_SIGNUP_IP_WINDOW", 3600),
        "NEWSLETTER_MAILS_PER_ADDRESS": env_int("NEWSLETTER_MAILS_PER_ADDRESS", 3),
        "NEWSLETTER_ADDRESS_WINDOW": env_int("NEWSLETTER_ADDRESS_WINDOW", 24 * 3600),
        "NEWSLETTER_TRUST_X_FORWARDED_FOR": env_bool("NEWSLETTER_TRUST_X_FORWARDED_FOR", False),
        # Sending
        "NEWSLETTER_FROM_EMAIL": env_str("NEWSLETTER_FROM_EMAIL", ""),
        "NEWSLETTER_BATCH_SIZE": env_int("NEWSLETTER_BATCH_SIZE", 200),
        "NEWSLETTER_RECORD_EVERY": env_int("NEWSLETTER_RECORD_EVERY", 25),
        "NEWSLETTER_SEND_RATE": env_int("NEWSLETTER_SEND_RATE", 0),  # messages/s, 0 = no cap
        "NEWSLETTER_SEND_WORKERS": env_int("NEWSLETTER_SEND_WORKERS", 1),
        "NEWSLETTER_MAX_ATTEMPTS": env_int("NEWSLETTER_MAX_ATTEMPTS", 6),
        "NEWSLETTER_RETRY_BASE_SECONDS": env_int("NEWSLETTER_RETRY_BASE_SECONDS", 60),
        "NEWSLETTER_CLAIM_LEASE_SECONDS": env_int("NEWSLETTER_CLAIM_LEASE_SECONDS", 900),
        "NEWSLETTER_TASK_BUDGET_SECONDS": env_int("NEWSLETTER_TASK_BUDGET_SECONDS", 240),
        # Bounce and complaint webhooks (anymail): "user:password" for basic auth.
        "ANYMAIL": {"WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET", "")},
    }
