"""Emulation movements and their five-step lifecycle (Luật 2022 Điều 17)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import Movement, MovementStepRecord
from orgs.models import Unit
from orgs.services import audit_record, model_changes

from .common import changed_by_someone_else

EDITABLE_FIELDS = {
    "name",
    "kind",
    "theme",
    "starts_on",
    "ends_on",
    "objectives",
    "criteria",
    "models_to_replicate",
    "plan_reference",
}


def _units_inside(launched_by: Unit, ids: Iterable[int]) -> list[int]:
    ids = list(ids)
    inside = Unit.objects.filter(pk__in=ids, path__startswith=launched_by.path)
    found = list(inside.values_list("pk", flat=True))
    if len(found) != len(set(ids)):
        raise ValidationError(
            _("Đơn vị tham gia, chỉ đạo điểm phải thuộc đơn vị phát động."),
            code="outside",
        )
    return found


@transaction.atomic
def movement_create(
    *,
    actor: Any,
    launched_by: Unit,
    target_units: Iterable[int] = (),
    pilot_units: Iterable[int] = (),
    **fields: Any,
) -> Movement:
    movement = Movement(launched_by=launched_by, **fields)
    movement.full_clean()
    movement.save()
    movement.target_units.set(_units_inside(launched_by, target_units))
    movement.pilot_units.set(_units_inside(launched_by, pilot_units))
    MovementStepRecord.objects.create(
        movement=movement,
        step=Movement.Step.PLAN,
        done_on=movement.starts_on,
        note=_("Lập kế hoạch phong trào."),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="awards.movement.created",
        obj=movement,
        unit=launched_by,
        data={"after": fields},
    )
    return movement


@transaction.atomic
def movement_update(
    *,
    movement: Movement,
    actor: Any,
    version: int | None,
    target_units: Iterable[int] | None = None,
    pilot_units: Iterable[int] | None = None,
    **changes: Any,
) -> Movement:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    row = (
        Movement.objects.select_for_update(of=("self",))
        .select_related("launched_by")
        .get(pk=movement.pk)
    )
    if version is not None and row.version != version:
        raise changed_by_someone_else()
    diff = model_changes(row, changes)
    for name, value in changes.items():
        setattr(row, name, value)
    row.version += 1
    row.full_clean()
    row.save()
    if target_units is not None:
        row.target_units.set(_units_inside(row.launched_by, target_units))
    if pilot_units is not None:
        row.pilot_units.set(_units_inside(row.launched_by, pilot_units))
    audit_record(
        actor=actor,
        action="awards.movement.changed",
        obj=row,
        unit=row.launched_by,
        data=diff,
    )
    return row


@transaction.atomic
def movement_advance(
    *,
    movement: Movement,
    actor: Any,
    step: str,
    done_on: datetime.date,
    note: str = "",
    document: str = "",
    version: int | None = None,
) -> Movement:
    """Move the movement to its next step and record what was done."""
    row = (
        Movement.objects.select_for_update(of=("self",))
        .select_related("launched_by")
        .get(pk=movement.pk)
    )
    if version is not None and row.version != version:
        raise changed_by_someone_else()
    if not row.can_transition_to(step):
        raise ValidationError(
            _("Không thể chuyển phong trào từ “%(current)s” sang “%(target)s”.")
            % {"current": row.get_step_display(), "target": Movement.Step(step).label},
            code="invalid_transition",
        )
    previous = row.step
    row.step = step
    row.version += 1
    row.save(update_fields=["step", "version", "updated_at"])
    MovementStepRecord.objects.create(
        movement=row,
        step=step,
        done_on=done_on,
        note=note.strip(),
        document=document.strip(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="awards.movement.advanced",
        obj=row,
        unit=row.launched_by,
        data={"from": previous, "to": step, "note": note},
    )
    return row
