"""The review workflow: editing → legal & standards (opinion, reports) → integrity gate → publish."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from gazette.newsroom.models import IntegrityGateTask, StandardsReviewTask

WORKFLOW_NAME = "Newsroom review"
EDITING_TASK = "Editing"
STANDARDS_TASK = "Legal & standards check"
GATE_TASK = "Integrity checks"


def _task(model, name: str, groups: list[Group] | None = None, **fields):
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name, **fields)
    if groups is not None:
        task.groups.set(groups)
    return task


def ensure_workflow(home_pages: list[Page], groups: dict[str, Group]) -> Workflow:
    """Create (or complete) the review workflow and assign it to the front pages."""
    from gazette.newsroom.roles import EDITORS, LEGAL

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    tasks = [
        _task(GroupApprovalTask, EDITING_TASK, [groups[EDITORS]]),
        _task(StandardsReviewTask, STANDARDS_TASK, [groups[LEGAL]]),
        _task(IntegrityGateTask, GATE_TASK),
    ]
    if not workflow.workflow_tasks.exists():
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    for home in home_pages:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
