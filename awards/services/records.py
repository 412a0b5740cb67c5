"""Writes of households and yearly results; award records are in ``award_records``
(re-exported here)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    EvaluationResult,
    Household,
    YearlyResult,
)
from orgs.models import Person, Unit
from orgs.services import audit_record, model_changes

from .common import owning_unit

# Households ------------------------------------------------------------------------


@transaction.atomic
def household_create(*, actor: Any, **fields: Any) -> Household:
    household = Household(**fields)
    household.full_clean()
    household.save()
    audit_record(
        actor=actor,
        action="awards.household.created",
        obj=household,
        unit=household.unit,
        data={"after": fields},
    )
    return household


@transaction.atomic
def household_update(*, household: Household, actor: Any, **changes: Any) -> Household:
    household = Household.objects.select_for_update(of=("self",)).get(pk=household.pk)
    diff = model_changes(household, changes)
    for name, value in changes.items():
        setattr(household, name, value)
    household.full_clean()
    household.save()
    if diff["after"]:
        audit_record(
            actor=actor,
            action="awards.household.changed",
            obj=household,
            unit=household.unit,
            data=diff,
        )
    return household


# Yearly results ----------------------------------------------------------------------


@transaction.atomic
def yearly_result_set(
    *,
    actor: Any,
    year: int,
    result: str,
    person: Person | None = None,
    collective: Unit | None = None,
    household: Household | None = None,
    note: str = "",
    source: str = YearlyResult.Source.ENTERED,
) -> YearlyResult:
    """Record (or correct) the evaluation of one subject for one year."""
    unit = owning_unit(person, collective, household)
    row = (
        YearlyResult.objects.select_for_update(of=("self",))
        .filter(person=person, collective=collective, household=household, year=year)
        .first()
    )
    before = row.result if row else None
    if row is None:
        row = YearlyResult(
            person=person, collective=collective, household=household, year=year
        )
    row.result, row.note, row.unit, row.source = result, note, unit, source
    row.year_kind = unit.year_kind
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        action="awards.result.set",
        obj=row,
        unit=unit,
        data={"year": year, "before": before, "after": result},
    )
    return row


@transaction.atomic
def yearly_results_set_many(
    *, actor: Any, unit: Unit, year: int, results: dict[int, str]
) -> dict[str, int]:
    """Save the results of many people of ``unit``'s subtree for ``year`` at once.

    ``results`` maps person ids to a result code, or "" to clear it. People outside
    the unit's subtree are refused. Constant queries whatever the number of rows.
    """
    people = {
        p.pk: p
        for p in Person.objects.filter(
            pk__in=list(results), unit__path__startswith=unit.path
        ).select_related("unit")
    }
    strangers = set(results) - set(people)
    if strangers:
        raise ValidationError(
            _("Có %(count)s cá nhân không thuộc đơn vị %(unit)s.")
            % {"count": len(strangers), "unit": unit.name},
            code="outside_unit",
        )
    valid = set(EvaluationResult.values)
    existing = {
        r.person_id: r
        for r in YearlyResult.objects.select_for_update(of=("self",)).filter(
            person_id__in=list(people), year=year
        )
    }
    created, updated, cleared = [], [], []
    for person_id, code in results.items():
        row = existing.get(person_id)
        if not code:
            if row is not None:
                cleared.append(row.pk)
            continue
        if code not in valid:
            raise ValidationError(
                _("Kết quả “%(code)s” không hợp lệ.") % {"code": code}
            )
        person = people[person_id]
        if row is None:
            created.append(
                YearlyResult(
                    person=person,
                    year=year,
                    result=code,
                    unit=person.unit,
                    year_kind=person.unit.year_kind,
                )
            )
        elif row.result != code:
            row.result, row.updated_at = code, timezone.now()
            updated.append(row)
    YearlyResult.objects.bulk_create(created)
    YearlyResult.objects.bulk_update(updated, ["result", "updated_at"])
    YearlyResult.objects.filter(pk__in=cleared).delete()
    counts = {"created": len(created), "updated": len(updated), "cleared": len(cleared)}
    audit_record(
        actor=actor,
        action="awards.result.batch_set",
        unit=unit,
        data={"year": year, **counts},
    )
    return counts


# Award records live in their own module; these names stay importable from here.
from .award_records import (  # noqa: E402, F401
    award_record_create,
    award_record_revoke,
    award_records_create_for_lines,
    award_records_create_for_nominations,
    award_records_revoke_many,
)
