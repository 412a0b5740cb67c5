"""Background jobs on the existing task queue (django-tasks; the database backend in
production, run by ``manage.py db_worker``).

An app registers a job kind with a handler; ``job_start`` records the job and
enqueues it after the transaction commits. The handler reports progress through
``JobRun.step`` and returns the file it produced (or None). The user follows the
job on its page, which refreshes itself until the file is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from orgs.models import BackgroundJob


class JobRun:
    """What a handler sees: the job's parameters and a way to report progress."""

    def __init__(self, job: BackgroundJob) -> None:
        self.job = job
        self.params = job.params

    def set_total(self, total: int) -> None:
        BackgroundJob.objects.filter(pk=self.job.pk).update(total=total)

    def step(self, done: int, message: str = "") -> None:
        BackgroundJob.objects.filter(pk=self.job.pk).update(done=done, message=message)


Handler = Callable[[JobRun], "tuple[str, bytes] | None"]
_handlers: dict[str, Handler] = {}


def register_job_kind(kind: str, handler: Handler) -> None:
    _handlers[kind] = handler


def job_start(
    *,
    kind: str,
    label: str,
    user: Any,
    unit: Any = None,
    params: dict[str, Any] | None = None,
) -> BackgroundJob:
    if kind not in _handlers:
        raise ValueError(f"Unknown job kind {kind!r}")
    job = BackgroundJob.objects.create(
        kind=kind, label=label, user=user, unit=unit, params=params or {}
    )
    transaction.on_commit(lambda: run_job.enqueue(job_id=job.pk))
    return job


@task()
def run_job(job_id: int) -> None:
    job = BackgroundJob.objects.get(pk=job_id)
    BackgroundJob.objects.filter(pk=job_id).update(status=BackgroundJob.Status.RUNNING)
    try:
        produced = _handlers[job.kind](JobRun(job))
    except Exception as error:  # the user must see that it failed, whatever failed
        BackgroundJob.objects.filter(pk=job_id).update(
            status=BackgroundJob.Status.FAILED,
            message=_("Công việc bị lỗi: %(error)s") % {"error": error},
            finished_at=timezone.now(),
        )
        raise
    job.refresh_from_db()
    if produced is not None:
        name, content = produced
        job.result.save(name, ContentFile(content), save=False)
        job.result_name = name
    job.status = BackgroundJob.Status.DONE
    job.finished_at = timezone.now()
    job.done = job.total or job.done
    job.save(update_fields=["result", "result_name", "status", "finished_at", "done"])
