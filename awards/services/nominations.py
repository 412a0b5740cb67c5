"""Nominees of a dossier: added in bulk from the registry, a pasted or imported list
or the year's registrations; edited, removed, excluded at appraisal.

Adding hundreds of people costs a fixed number of queries (plus the insert
batches): the people are read in one query and written with ``bulk_create``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    Dossier,
    Household,
    Initiative,
    Nomination,
    RegistrationEntry,
    Subject,
)
from orgs.models import Person, Unit
from orgs.services import audit_record
from orgs.vn import fold

from .common import changed_by_someone_else, require_reason


def _editable(dossier: Dossier) -> Dossier:
    locked = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit", "award_kind")
        .get(pk=dossier.pk)
    )
    if not locked.is_editable:
        raise ValidationError(
            _("Chỉ sửa danh sách khi hồ sơ đang soạn hoặc được trả lại để bổ sung."),
            code="not_editable",
        )
    return locked


def _require_subject(dossier: Dossier, subject: str) -> None:
    if not dossier.award_kind.allows(subject):
        raise ValidationError(
            _("“%(kind)s” không tặng cho %(subject)s.")
            % {
                "kind": dossier.award_kind.name,
                "subject": Subject(subject).label.lower(),
            },
            code="subject_not_allowed",
        )


def _person_row(dossier: Dossier, person: Person, **extra: Any) -> Nomination:
    return Nomination(
        dossier=dossier,
        person=person,
        display_name=person.full_name,
        position=person.position,
        unit_name=person.unit.name,
        birth_year=person.birth_year,
        gender=person.gender,
        is_direct_worker=person.is_direct_worker,
        is_leader=person.is_leader,
        **extra,
    )


def _collective_row(dossier: Dossier, unit: Unit, **extra: Any) -> Nomination:
    parent = unit.parent.name if unit.parent_id else ""
    return Nomination(
        dossier=dossier,
        collective=unit,
        display_name=unit.name,
        unit_name=parent,
        **extra,
    )


def _household_row(dossier: Dossier, household: Household, **extra: Any) -> Nomination:
    return Nomination(
        dossier=dossier,
        household=household,
        display_name=str(household),
        position=household.address,
        unit_name=household.unit.name,
        **extra,
    )


@transaction.atomic
def nominations_add(
    *,
    dossier: Dossier,
    actor: Any,
    person_ids: Iterable[int] = (),
    collective_ids: Iterable[int] = (),
    household_ids: Iterable[int] = (),
    achievement: str = "",
) -> int:
    """Add people, collectives and households of the dossier's unit; return how many.

    Anyone outside the unit's subtree is ignored, and so is anyone already on the
    list. Returns the number actually added.
    """
    locked = _editable(dossier)
    person_ids, collective_ids, household_ids = (
        set(person_ids),
        set(collective_ids),
        set(household_ids),
    )
    for ids, subject in (
        (person_ids, Subject.INDIVIDUAL),
        (collective_ids, Subject.COLLECTIVE),
        (household_ids, Subject.HOUSEHOLD),
    ):
        if ids:
            _require_subject(locked, subject)
    inside = locked.unit.path
    present = locked.nominations.values_list(
        "person_id", "collective_id", "household_id"
    )
    have_p, have_u, have_h = (set(), set(), set())
    for person_id, collective_id, household_id in present:
        have_p.add(person_id)
        have_u.add(collective_id)
        have_h.add(household_id)
    start = (locked.nominations.aggregate(top=Max("order"))["top"] or 0) + 1
    rows: list[Nomination] = []
    if person_ids - have_p:
        people = (
            Person.objects.filter(
                pk__in=sorted(person_ids - have_p),
                unit__path__startswith=inside,
                is_active=True,
            )
            .select_related("unit")
            .order_by("search_name", "pk")
        )
        rows += [_person_row(locked, p, achievement=achievement) for p in people]
    if collective_ids - have_u:
        units = (
            Unit.objects.filter(
                pk__in=sorted(collective_ids - have_u), path__startswith=inside
            )
            .select_related("parent")
            .order_by("path")
        )
        rows += [_collective_row(locked, u, achievement=achievement) for u in units]
    if household_ids - have_h:
        households = (
            Household.objects.filter(
                pk__in=sorted(household_ids - have_h), unit__path__startswith=inside
            )
            .select_related("unit")
            .order_by("search_name", "pk")
        )
        rows += [_household_row(locked, h, achievement=achievement) for h in households]
    for offset, row in enumerate(rows):
        row.order = start + offset
    Nomination.objects.bulk_create(rows)
    if rows:
        audit_record(
            actor=actor,
            action="awards.dossier.nominees_added",
            obj=locked,
            unit=locked.unit,
            data={"count": len(rows)},
        )
    return len(rows)


@dataclass(frozen=True)
class ListRow:
    """One line of a pasted or imported list of people."""

    line: int
    name: str
    birth_year: int | None = None
    unit_code: str = ""
    person_id: int | None = None


def match_people(dossier: Dossier, rows: list[ListRow]) -> list[int]:
    """Resolve each row to exactly one person of the dossier's unit, or explain why not.

    All rows are checked and every problem reported at once (one query for all).
    """
    wanted = {fold(row.name) for row in rows if row.name}
    ids = {row.person_id for row in rows if row.person_id}
    candidates = Person.objects.filter(
        unit__path__startswith=dossier.unit.path, is_active=True
    ).filter(search_name__in=sorted(wanted)) | Person.objects.filter(
        pk__in=sorted(ids), unit__path__startswith=dossier.unit.path
    )
    by_name: dict[str, list[Person]] = defaultdict(list)
    by_id: dict[int, Person] = {}
    for person in candidates.select_related("unit"):
        by_name[person.search_name].append(person)
        by_id[person.pk] = person
    found: list[int] = []
    problems: list[str] = []
    seen: dict[int, int] = {}
    for row in rows:
        person, problem = _match_one(row, by_name, by_id)
        if person is not None and person.pk in seen:
            problem = _("Dòng %(line)s: trùng với dòng %(other)s.") % {
                "line": row.line,
                "other": seen[person.pk],
            }
        if problem:
            problems.append(problem)
            continue
        seen[person.pk] = row.line
        found.append(person.pk)
    if problems:
        raise ValidationError(problems, code="unmatched")
    return found


def _match_one(
    row: ListRow, by_name: dict[str, list[Person]], by_id: dict[int, Person]
) -> tuple[Person | None, str]:
    if row.person_id:
        person = by_id.get(row.person_id)
        if person is None:
            return None, _(
                "Dòng %(line)s: không có cá nhân mã số %(id)s trong đơn vị."
            ) % {
                "line": row.line,
                "id": row.person_id,
            }
        return person, ""
    matches = by_name.get(fold(row.name), [])
    if row.birth_year:
        matches = [p for p in matches if p.birth_year == row.birth_year]
    if row.unit_code:
        matches = [p for p in matches if p.unit.code.lower() == row.unit_code.lower()]
    if not matches:
        return None, _("Dòng %(line)s: không tìm thấy “%(name)s” trong đơn vị.") % {
            "line": row.line,
            "name": row.name,
        }
    if len(matches) > 1:
        return None, _(
            "Dòng %(line)s: có %(count)s người tên “%(name)s”; ghi thêm năm sinh hoặc mã đơn vị."
        ) % {"line": row.line, "count": len(matches), "name": row.name}
    return matches[0], ""


@transaction.atomic
def nominations_add_from_list(
    *, dossier: Dossier, actor: Any, rows: list[ListRow]
) -> int:
    """Add the people of a pasted or imported list: all rows resolve, or nothing is added."""
    if not rows:
        raise ValidationError(_("Danh sách trống."), code="empty")
    locked = _editable(dossier)
    return nominations_add(
        dossier=locked, actor=actor, person_ids=match_people(locked, rows)
    )


@transaction.atomic
def nominations_from_registrations(*, dossier: Dossier, actor: Any) -> int:
    """Add everyone the unit (and its subtree) registered for this title and year."""
    locked = _editable(dossier)
    entries = RegistrationEntry.objects.filter(
        registration__unit__path__startswith=locked.unit.path,
        registration__year=locked.year,
        award_kind=locked.award_kind,
    ).values_list("person_id", "collective_id", "household_id")
    people, units, households = set(), set(), set()
    for person_id, collective_id, household_id in entries:
        if person_id:
            people.add(person_id)
        elif collective_id:
            units.add(collective_id)
        else:
            households.add(household_id)
    allowed = locked.award_kind
    return nominations_add(
        dossier=locked,
        actor=actor,
        person_ids=people if allowed.for_individuals else (),
        collective_ids=units if allowed.for_collectives else (),
        household_ids=households if allowed.for_households else (),
    )


@transaction.atomic
def nomination_update(
    *,
    nomination: Nomination,
    actor: Any,
    version: int | None,
    achievement: str,
    position: str,
    initiative: Initiative | None = None,
) -> Nomination:
    locked_dossier = _editable(nomination.dossier)
    row = Nomination.objects.select_for_update(of=("self",)).get(pk=nomination.pk)
    if version is not None and row.version != version:
        raise changed_by_someone_else()
    if (
        initiative is not None
        and row.person_id
        and not initiative.authors.filter(pk=row.person_id).exists()
    ):
        raise ValidationError(
            {
                "initiative": _(
                    "Người được đề nghị không phải tác giả của sáng kiến này."
                )
            }
        )
    row.achievement, row.position, row.initiative = (
        achievement.strip(),
        position.strip(),
        initiative,
    )
    row.version += 1
    row.full_clean()
    row.save(
        update_fields=["achievement", "position", "initiative", "version", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="awards.nomination.changed",
        obj=locked_dossier,
        unit=locked_dossier.unit,
        data={"nomination": row.pk},
    )
    return row


@transaction.atomic
def nomination_remove(*, nomination: Nomination, actor: Any) -> None:
    locked = _editable(nomination.dossier)
    audit_record(
        actor=actor,
        action="awards.nomination.removed",
        obj=locked,
        unit=locked.unit,
        data={"nomination": nomination.pk, "name": nomination.display_name},
    )
    nomination.delete()


def _during_review(nomination: Nomination) -> tuple[Dossier, Nomination]:
    dossier = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=nomination.dossier_id)
    )
    if dossier.status != Dossier.Status.UNDER_REVIEW:
        raise ValidationError(
            _("Chỉ loại hoặc khôi phục người được đề nghị khi hồ sơ đang thẩm định."),
            code="not_under_review",
        )
    return dossier, Nomination.objects.select_for_update(of=("self",)).get(
        pk=nomination.pk
    )


@transaction.atomic
def nomination_exclude(
    *, nomination: Nomination, actor: Any, reason: str
) -> Nomination:
    """Take one nominee off the list at appraisal, with the reason the unit will see."""
    dossier, row = _during_review(nomination)
    if row.outcome != Nomination.Outcome.PROPOSED:
        raise ValidationError(_("Người này không còn trong danh sách đề nghị."))
    row.outcome, row.outcome_reason = (
        Nomination.Outcome.EXCLUDED,
        require_reason(reason),
    )
    row.updated_at = timezone.now()
    row.save(update_fields=["outcome", "outcome_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.nomination.excluded",
        obj=dossier,
        unit=dossier.unit,
        data={"nomination": row.pk, "reason": row.outcome_reason},
    )
    return row


@transaction.atomic
def nomination_restore(*, nomination: Nomination, actor: Any) -> Nomination:
    dossier, row = _during_review(nomination)
    if row.outcome != Nomination.Outcome.EXCLUDED:
        raise ValidationError(_("Người này không bị loại."))
    row.outcome, row.outcome_reason = Nomination.Outcome.PROPOSED, ""
    row.save(update_fields=["outcome", "outcome_reason", "updated_at"])
    audit_record(
        actor=actor,
        action="awards.nomination.restored",
        obj=dossier,
        unit=dossier.unit,
        data={"nomination": row.pk},
    )
    return row
