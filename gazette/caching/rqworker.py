"""The RQ worker Gazette runs: each job in the worker's own process, like the database worker.

RQ's default worker forks a child per job in a process group of its own. When the
worker is killed, that child may run on unseen, or die with it; the job then waits in
RQ's started registry until its whole timeout has passed and is finally marked failed.
Here the job runs in the worker process itself, so "the worker's process is gone" means
"the job stopped", and the scheduler's reaper (`tasks.requeue_abandoned_rq`) can put it
back at once. Database connections are checked around each job, as around a request.
"""

from __future__ import annotations

from django.db import close_old_connections
from rq.worker import SimpleWorker


class InProcessWorker(SimpleWorker):
    def execute_job(self, job, queue):
        close_old_connections()
        try:
            return super().execute_job(job, queue)
        finally:
            close_old_connections()
