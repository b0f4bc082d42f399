"""Enqueue periodic jobs on time, so no external cron is needed."""

import logging
import signal
import time

from django.core.management.base import BaseCommand

from gazette.core.schedule import jobs

log = logging.getLogger("gazette.scheduler")


class Command(BaseCommand):
    help = "Run the periodic-job scheduler (enqueues tasks; the worker runs them)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue every job once and exit.")
        parser.add_argument("--tick", type=float, default=1.0, help="Seconds between checks.")

    def handle(self, *args, once, tick, **options):
        schedule = jobs()
        if once:
            for job in schedule:
                job.load().enqueue()
            self.stdout.write(f"Enqueued {len(schedule)} jobs.")
            return
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        due = {job: time.monotonic() for job in schedule}
        self.stdout.write(f"Scheduler running {len(schedule)} jobs.")
        while not stopping:
            now = time.monotonic()
            for job, at in due.items():
                if now >= at:
                    try:
                        job.load().enqueue()
                    except Exception:  # a failing enqueue must not stop the others
                        log.exception("Could not enqueue %s", job.task)
                    due[job] = now + job.every_seconds
            time.sleep(tick)
        self.stdout.write("Scheduler stopped.")
