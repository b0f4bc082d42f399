"""The periodic jobs the scheduler process enqueues, and how often.

The scheduler (`manage.py gazette_scheduler`, started by `make run` and the service
units) only enqueues; the task worker does the work. Apps add their own entries
through settings.GAZETTE_SCHEDULE.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Job:
    task: str  # dotted path of a django-tasks Task
    every_seconds: int

    def load(self):
        return import_string(self.task)


CORE_JOBS = [Job("gazette.core.tasks.publish_scheduled_pages", 60)]


def jobs() -> list[Job]:
    extra = [Job(path, int(seconds)) for path, seconds in getattr(settings, "GAZETTE_SCHEDULE", [])]
    return CORE_JOBS + extra
