"""Registration for titles at the start of the year (đăng ký thi đua)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardKind, Household, Registration, RegistrationEntry
from orgs.models import Person, Unit
from orgs.services import audit_record


@transaction.atomic
def registration_create(
    *, actor: Any, unit: Unit, year: int, registered_on: datetime.date, note: str = ""
) -> Registration:
    if Registration.objects.filter(unit=unit, year=year).exists():
        raise ValidationError(
            _("%(unit)s đã có bản đăng ký thi đua năm %(year)s.")
            % {"unit": unit.name, "year": year},
            code="duplicate",
        )
    registration = Registration(
        unit=unit,
        year=year,
        year_kind=unit.year_kind,
        registered_on=registered_on,
        note=note,
    )
    registration.full_clean()
    registration.save()
    audit_record(
        actor=actor, action="awards.registration.created", obj=registration, unit=unit
    )
    return registration


def _draft(registration: Registration) -> Registration:
    locked = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=registration.pk)
    )
    if locked.status != Registration.Status.DRAFT:
        raise ValidationError(
            _("Bản đăng ký đã gửi, không sửa được."), code="submitted"
        )
    return locked


@transaction.atomic
def registration_entries_add(
    *,
    registration: Registration,
    actor: Any,
    award_kind: AwardKind,
    person_ids: Iterable[int] = (),
    collective_ids: Iterable[int] = (),
    household_ids: Iterable[int] = (),
) -> int:
    """Register people, collectives or households of the unit for ``award_kind`` (bulk)."""
    locked = _draft(registration)
    inside = locked.unit.path
    existing = set(
        RegistrationEntry.objects.filter(
            registration=locked, award_kind=award_kind
        ).values_list("person_id", "collective_id", "household_id")
    )
    rows: list[RegistrationEntry] = []
    if person_ids:
        if not award_kind.for_individuals:
            raise ValidationError(_("Danh hiệu này không tặng cho cá nhân."))
        for pk in Person.objects.filter(
            pk__in=list(person_ids), unit__path__startswith=inside
        ).values_list("pk", flat=True):
            if (pk, None, None) not in existing:
                rows.append(
                    RegistrationEntry(
                        registration=locked, award_kind=award_kind, person_id=pk
                    )
                )
    if collective_ids:
        if not award_kind.for_collectives:
            raise ValidationError(_("Danh hiệu này không tặng cho tập thể."))
        for pk in Unit.objects.filter(
            pk__in=list(collective_ids), path__startswith=inside
        ).values_list("pk", flat=True):
            if (None, pk, None) not in existing:
                rows.append(
                    RegistrationEntry(
                        registration=locked, award_kind=award_kind, collective_id=pk
                    )
                )
    if household_ids:
        if not award_kind.for_households:
            raise ValidationError(_("Danh hiệu này không tặng cho hộ gia đình."))
        for pk in Household.objects.filter(
            pk__in=list(household_ids), unit__path__startswith=inside
        ).values_list("pk", flat=True):
            if (None, None, pk) not in existing:
                rows.append(
                    RegistrationEntry(
                        registration=locked, award_kind=award_kind, household_id=pk
                    )
                )
    RegistrationEntry.objects.bulk_create(rows)
    if rows:
        audit_record(
            actor=actor,
            action="awards.registration.entries_added",
            obj=locked,
            unit=locked.unit,
            data={"award_kind": award_kind.code, "count": len(rows)},
        )
    return len(rows)


@transaction.atomic
def registration_entry_remove(*, entry: RegistrationEntry, actor: Any) -> None:
    locked = _draft(entry.registration)
    audit_record(
        actor=actor,
        action="awards.registration.entry_removed",
        obj=locked,
        unit=locked.unit,
        data={"entry": entry.pk, "subject": entry.subject_name},
    )
    entry.delete()


@transaction.atomic
def registration_submit(*, registration: Registration, actor: Any) -> Registration:
    locked = _draft(registration)
    if not locked.entries.exists():
        raise ValidationError(_("Bản đăng ký chưa có nội dung."), code="empty")
    locked.status = Registration.Status.SUBMITTED
    locked.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.registration.submitted",
        obj=locked,
        unit=locked.unit,
    )
    return locked
