"""Initiatives: registration, edits, and the initiative council's assessment."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import Initiative, InitiativeAuthor, ReviewWindow
from orgs.models import Person, Unit
from orgs.services import audit_record, model_changes

from .common import changed_by_someone_else

EDITABLE_FIELDS = {
    "title",
    "field",
    "description",
    "applied_on",
    "effect_evidence",
    "requested_scope",
    "window",
}


def _set_authors(initiative: Initiative, author_ids: Iterable[int]) -> None:
    ids = list(dict.fromkeys(author_ids))
    if not ids:
        raise ValidationError({"authors": _("Sáng kiến phải có ít nhất một tác giả.")})
    people = Person.objects.filter(pk__in=ids).values_list("pk", flat=True)
    if len(people) != len(ids):
        raise ValidationError({"authors": _("Có tác giả không tồn tại.")})
    InitiativeAuthor.objects.filter(initiative=initiative).exclude(
        person_id__in=ids
    ).delete()
    have = set(
        InitiativeAuthor.objects.filter(initiative=initiative).values_list(
            "person_id", flat=True
        )
    )
    InitiativeAuthor.objects.bulk_create(
        InitiativeAuthor(initiative=initiative, person_id=pk, order=index)
        for index, pk in enumerate(ids, start=1)
        if pk not in have
    )


def _check_window(unit: Unit, window: ReviewWindow | None) -> None:
    if window is not None and not unit.path.startswith(window.unit.path):
        raise ValidationError(
            {"window": _("Đợt xét này không dành cho đơn vị của sáng kiến.")}
        )


@transaction.atomic
def initiative_create(
    *, actor: Any, unit: Unit, authors: Iterable[int], **fields: Any
) -> Initiative:
    initiative = Initiative(unit=unit, **fields)
    _check_window(unit, initiative.window)
    initiative.full_clean()
    initiative.save()
    _set_authors(initiative, authors)
    audit_record(
        actor=actor,
        action="awards.initiative.created",
        obj=initiative,
        unit=unit,
        data={"after": fields},
    )
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    actor: Any,
    version: int | None,
    authors: Iterable[int] | None = None,
    **changes: Any,
) -> Initiative:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    row = (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=initiative.pk)
    )
    if version is not None and row.version != version:
        raise changed_by_someone_else()
    if row.status == Initiative.Status.RECOGNISED:
        raise ValidationError(
            _("Sáng kiến đã được công nhận; không sửa nội dung được."), code="locked"
        )
    diff = model_changes(row, changes)
    for name, value in changes.items():
        setattr(row, name, value)
    _check_window(row.unit, row.window)
    row.version += 1
    row.full_clean()
    row.save()
    if authors is not None:
        _set_authors(row, authors)
    audit_record(
        actor=actor,
        action="awards.initiative.changed",
        obj=row,
        unit=row.unit,
        data=diff,
    )
    return row


@transaction.atomic
def initiative_assess(
    *,
    initiative: Initiative,
    actor: Any,
    recognised: bool,
    assessment: str,
    assessed_by: str,
    recognised_scope: int | None = None,
    recognition_number: str = "",
    recognition_date: datetime.date | None = None,
    council: Any = None,
) -> Initiative:
    """Record the initiative council's opinion and, if recognised, the decision.

    ``council`` is the councils.Council of kind "Hội đồng Sáng kiến" when the
    council is kept in the app; ``assessed_by`` names the body in words either way.
    """
    row = (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=initiative.pk)
    )
    target = (
        Initiative.Status.RECOGNISED if recognised else Initiative.Status.NOT_RECOGNISED
    )
    if not row.can_transition_to(target):
        raise ValidationError(
            _("Sáng kiến ở trạng thái “%(status)s” không xét được.")
            % {"status": row.get_status_display()},
            code="invalid_transition",
        )
    if recognised and not (
        recognised_scope and recognition_number.strip() and recognition_date
    ):
        raise ValidationError(
            _("Công nhận sáng kiến phải ghi phạm vi ảnh hưởng, số và ngày quyết định."),
            code="decision_required",
        )
    if not assessment.strip():
        raise ValidationError({"assessment": _("Phải ghi ý kiến của Hội đồng.")})
    row.status = target
    if council is not None and council.kind != "initiative":
        raise ValidationError({"council": _("Hãy chọn một Hội đồng Sáng kiến.")})
    row.council = council
    row.assessment = assessment.strip()
    row.assessed_by = assessed_by.strip() or (council.name if council else "")
    row.recognised_scope = recognised_scope if recognised else None
    row.recognition_number = recognition_number.strip() if recognised else ""
    row.recognition_date = recognition_date if recognised else None
    row.version += 1
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action="awards.initiative.assessed",
        obj=row,
        unit=row.unit,
        data={
            "status": target,
            "scope": row.recognised_scope,
            "number": row.recognition_number,
        },
    )
    return row


@transaction.atomic
def review_window_create(*, actor: Any, **fields: Any) -> ReviewWindow:
    window = ReviewWindow(**fields)
    window.full_clean()
    window.save()
    audit_record(
        actor=actor,
        action="awards.initiative_window.created",
        obj=window,
        unit=window.unit,
    )
    return window
