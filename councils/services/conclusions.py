"""Writes of conclusions and the tasks they assign (only in a session with quorum)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import AgendaItem, Conclusion, CouncilMember, Meeting, Task
from councils.selectors import members_on
from councils.services.common import (
    audit,
    lock_meeting,
    require_editable,
    require_quorum,
)
from orgs.services import model_changes


@transaction.atomic
def conclusion_create(
    *, meeting: Meeting, actor: Any, text: str, agenda_item: AgendaItem | None = None
) -> Conclusion:
    meeting = lock_meeting(meeting)
    require_editable(meeting)
    require_quorum(meeting)
    order = (meeting.conclusions.aggregate(top=Max("order"))["top"] or 0) + 1
    conclusion = Conclusion(
        meeting=meeting, text=text, agenda_item=agenda_item, order=order
    )
    conclusion.full_clean()
    conclusion.save()
    audit(
        actor=actor,
        action="councils.conclusion.created",
        obj=conclusion,
        council=meeting.council,
        data={"after": {"text": text}},
    )
    return conclusion


@transaction.atomic
def conclusion_update(
    *, conclusion: Conclusion, actor: Any, **changes: Any
) -> Conclusion:
    meeting = lock_meeting(conclusion.meeting)
    require_editable(meeting)
    conclusion = Conclusion.objects.get(pk=conclusion.pk)
    diff = model_changes(conclusion, changes)
    for name, value in changes.items():
        setattr(conclusion, name, value)
    conclusion.full_clean()
    conclusion.save()
    audit(
        actor=actor,
        action="councils.conclusion.changed",
        obj=conclusion,
        council=meeting.council,
        data=diff,
    )
    return conclusion


def _guard_assignee(meeting: Meeting, member: CouncilMember | None) -> None:
    if member is None:
        return
    seated = members_on(meeting.council_id, meeting.session_date).filter(pk=member.pk)
    if not seated.exists():
        raise ValidationError(
            _("%(name)s không phải thành viên hội đồng vào ngày họp.")
            % {"name": member.person},
            code="not_a_member",
        )


@transaction.atomic
def task_create(
    *,
    conclusion: Conclusion,
    actor: Any,
    description: str,
    assignee_member: CouncilMember | None = None,
    assignee_unit: Any = None,
    coordinating: str = "",
    due_on: datetime.date | None = None,
) -> Task:
    """Assign a task from a conclusion to a member, a unit, or both."""
    meeting = lock_meeting(conclusion.meeting)
    require_editable(meeting)
    _guard_assignee(meeting, assignee_member)
    if assignee_member is None and assignee_unit is None:
        raise ValidationError(
            _("Hãy chọn thành viên hoặc cơ quan, đơn vị được giao."), code="no_assignee"
        )
    task = Task(
        conclusion=conclusion,
        description=description,
        assignee_member=assignee_member,
        assignee_unit=assignee_unit,
        coordinating=coordinating,
        due_on=due_on,
    )
    task.full_clean()
    task.save()
    audit(
        actor=actor,
        action="councils.task.created",
        obj=task,
        council=meeting.council,
        data={"after": {"description": description, "due_on": due_on}},
    )
    return task


@transaction.atomic
def task_complete(
    *,
    task: Task,
    actor: Any,
    done_on: datetime.date | None = None,
    result_note: str = "",
) -> Task:
    """Mark a task done. Allowed after the minutes are issued: work goes on."""
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("conclusion__meeting__council")
        .get(pk=task.pk)
    )
    if task.status != Task.Status.OPEN:
        raise ValidationError(
            _("Nhiệm vụ không còn ở trạng thái đang thực hiện."), code="not_open"
        )
    task.status = Task.Status.DONE
    task.done_on = done_on or timezone.localdate()
    task.result_note = result_note
    task.full_clean()
    task.save(update_fields=["status", "done_on", "result_note", "updated_at"])
    audit(
        actor=actor,
        action="councils.task.completed",
        obj=task,
        council=task.conclusion.meeting.council,
        data={"done_on": task.done_on},
    )
    return task
