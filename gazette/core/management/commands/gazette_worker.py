"""Run the background task worker for whichever task backend is configured."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks_db.management.commands import db_worker


class QuietDatabaseWorker(db_worker.Command):
    """The database worker, logging at the levels of settings.LOGGING.

    db_worker raises its loggers to INFO, a line per task: at magazine volume that buries
    the failures (which still log, as warnings and errors). `-v 2` brings the lines back.
    """

    def configure_logging(self, verbosity: int) -> None:
        if verbosity >= 2:
            super().configure_logging(verbosity)


class Command(BaseCommand):
    help = "Run the task worker: the database worker by default, an RQ worker with Redis."

    def handle(self, *args, **options):
        if settings.TASKS_BACKEND == "rq":
            from gazette.caching.tasks import requeue_abandoned_rq

            # Jobs a worker of this machine was running when it died go back first.
            requeue_abandoned_rq()
            call_command(
                "rqworker",
                *settings.RQ_QUEUES,
                job_class="django_tasks_rq.Job",
                worker_class="gazette.caching.rqworker.InProcessWorker",
                with_scheduler=False,
            )
        elif settings.TASKS_BACKEND == "database":
            from gazette.caching.tasks import this_worker_id

            # host:pid lets the scheduler's reaper tell a killed worker from a busy one.
            call_command(
                QuietDatabaseWorker(),
                queue_name="default",
                interval=0.5,
                worker_id=this_worker_id(),
                verbosity=options["verbosity"],
            )
        else:
            self.stdout.write("Tasks run inline (TASKS_BACKEND=immediate); no worker is needed.")
