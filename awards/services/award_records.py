"""Writes of award records: typed in, imported, or created from a decision; and
their revocation, with history."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardKind,
    AwardRecord,
    AwardRecordEvent,
    Household,
    Nomination,
    Subject,
    record_search_text,
)
from orgs.models import Person, Unit
from orgs.services import audit_record

from .common import _subject_kind, owning_unit, require_reason

# Award records ---------------------------------------------------------------------


def _guard_record(
    award_kind: AwardKind, subject: str, year: int, existing: Iterable[AwardRecord]
) -> None:
    if not award_kind.allows(subject):
        raise ValidationError(
            _("“%(kind)s” không tặng cho %(subject)s.")
            % {"kind": award_kind.name, "subject": Subject(subject).label.lower()},
            code="subject_not_allowed",
        )
    if award_kind.category == AwardKind.Category.TITLE:
        for record in existing:
            if (
                record.award_kind_id == award_kind.pk
                and record.year == year
                and record.is_valid
            ):
                raise ValidationError(
                    _("Đã có danh hiệu “%(kind)s” năm %(year)s (QĐ số %(number)s).")
                    % {
                        "kind": award_kind.name,
                        "year": year,
                        "number": record.decision_number,
                    },
                    code="duplicate_title",
                )


@transaction.atomic
def award_record_create(
    *,
    actor: Any,
    award_kind: AwardKind,
    year: int,
    decision_number: str,
    decision_date: datetime.date,
    issuer: str,
    person: Person | None = None,
    collective: Unit | None = None,
    household: Household | None = None,
    award_type: str = "regular",
    source: str = AwardRecord.Source.MANUAL,
    note: str = "",
    nomination: Nomination | None = None,
) -> AwardRecord:
    """Record one title or commendation received (typed in, imported, or decided here)."""
    unit = owning_unit(person, collective, household)
    existing = AwardRecord.objects.filter(
        person=person, collective=collective, household=household, award_kind=award_kind
    )
    _guard_record(
        award_kind, _subject_kind(person, collective, household), year, existing
    )
    record = AwardRecord(
        person=person,
        collective=collective,
        household=household,
        award_kind=award_kind,
        year=year,
        year_kind=unit.year_kind,
        award_type=award_type,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        issuer=issuer.strip(),
        unit=unit,
        source=source,
        note=note,
        nomination=nomination,
    )
    record.full_clean()
    record.save()
    AwardRecordEvent.objects.create(
        record=record,
        action=AwardRecordEvent.Action.CREATED,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        data={"decision_number": record.decision_number, "source": source},
    )
    audit_record(actor=actor, action="awards.record.created", obj=record, unit=unit)
    return record


def award_records_create_for_nominations(
    *,
    nominations: list[Nomination],
    decision_number: str,
    decision_date: datetime.date,
    issuer: str,
    actor: Any,
    decision: Any = None,
    line_ids: dict[int, int] | None = None,
) -> list[AwardRecord]:
    """Create the records of a decision for many nominees at once (bulk, constant queries).

    Called inside ``dossier_decide``'s transaction. A decision issued in the app
    passes itself and the annex line of each nominee (``line_ids``: nomination
    id → line id), so each record links to both.
    """
    if not nominations:
        return []
    dossier = nominations[0].dossier
    people = Person.objects.in_bulk([n.person_id for n in nominations if n.person_id])
    collectives = Unit.objects.in_bulk(
        [n.collective_id for n in nominations if n.collective_id]
    )
    households = Household.objects.select_related("unit").in_bulk(
        [n.household_id for n in nominations if n.household_id]
    )
    units = Unit.objects.in_bulk([p.unit_id for p in people.values()])
    records = []
    for n in nominations:
        if n.person_id:
            unit = units[people[n.person_id].unit_id]
        elif n.collective_id:
            unit = collectives[n.collective_id]
        else:
            unit = households[n.household_id].unit
        records.append(
            AwardRecord(
                person_id=n.person_id,
                collective_id=n.collective_id,
                household_id=n.household_id,
                award_kind_id=dossier.award_kind_id,
                year=dossier.year,
                year_kind=dossier.year_kind,
                award_type=dossier.award_type,
                decision_number=decision_number.strip(),
                decision_date=decision_date,
                issuer=issuer.strip(),
                unit=unit,
                source=AwardRecord.Source.DOSSIER,
                nomination_id=n.pk,
                decision=decision,
                decision_line_id=(line_ids or {}).get(n.pk),
                search_name=record_search_text(n.display_name, decision_number),
            )
        )
    created = AwardRecord.objects.bulk_create(records)
    who = actor if getattr(actor, "is_authenticated", False) else None
    AwardRecordEvent.objects.bulk_create(
        AwardRecordEvent(
            record=record,
            action=AwardRecordEvent.Action.CREATED,
            actor=who,
            data={"decision_number": record.decision_number, "source": "dossier"},
        )
        for record in created
    )
    return created


def award_records_create_for_lines(
    *, decision: Any, lines: list[Any], actor: Any
) -> list[AwardRecord]:
    """Create the records of an issued decision whose lines have no dossier (monthly lists).

    Same shape as ``award_records_create_for_nominations``: bulk, constant queries,
    one creation event per record.
    """
    records = [
        AwardRecord(
            person_id=line.person_id,
            collective_id=line.collective_id,
            household_id=line.household_id,
            award_kind_id=decision.award_kind_id,
            year=decision.year,
            year_kind=line.unit.year_kind,
            award_type=decision.award_type,
            decision_number=decision.number,
            decision_date=decision.decision_date,
            issuer=decision.issuer_text,
            unit_id=line.unit_id,
            source=AwardRecord.Source.DOSSIER,
            decision=decision,
            decision_line=line,
            search_name=record_search_text(line.display_name, decision.number),
        )
        for line in lines
    ]
    created = AwardRecord.objects.bulk_create(records)
    who = actor if getattr(actor, "is_authenticated", False) else None
    AwardRecordEvent.objects.bulk_create(
        AwardRecordEvent(
            record=record,
            action=AwardRecordEvent.Action.CREATED,
            actor=who,
            data={"decision_number": record.decision_number, "source": "decision"},
        )
        for record in created
    )
    return created


@transaction.atomic
def award_record_revoke(
    *,
    record: AwardRecord,
    actor: Any,
    reason: str,
    revoked_on: datetime.date,
    revocation_number: str = "",
) -> AwardRecord:
    """Mark a record revoked (Luật 2022 Chương VII): kept, with why, when and by what."""
    reason = require_reason(reason)
    record = AwardRecord.objects.select_for_update(of=("self",)).get(pk=record.pk)
    if not record.is_valid:
        raise ValidationError(
            _("Khen thưởng này đã bị hủy bỏ."), code="already_revoked"
        )
    record.status = AwardRecord.Status.REVOKED
    record.revoked_on = revoked_on
    record.revocation_reason = reason
    record.revocation_number = revocation_number.strip()
    record.full_clean()
    record.save(
        update_fields=[
            "status",
            "revoked_on",
            "revocation_reason",
            "revocation_number",
            "updated_at",
        ]
    )
    AwardRecordEvent.objects.create(
        record=record,
        action=AwardRecordEvent.Action.REVOKED,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
        data={
            "revocation_number": record.revocation_number,
            "revoked_on": revoked_on.isoformat(),
        },
    )
    audit_record(
        actor=actor,
        action="awards.record.revoked",
        obj=record,
        unit=record.unit,
        data={"reason": reason},
    )
    return record


def award_records_revoke_many(
    *,
    records: Any,
    actor: Any,
    reason: str,
    revoked_on: datetime.date,
    revocation_number: str = "",
    revoked_by: Any = None,
) -> int:
    """Revoke many records of one revoking decision at once (bulk, history kept).

    ``revoked_by`` is the revoking decision when it was issued in the app.
    """
    reason = require_reason(reason)
    rows = list(
        records.select_for_update(of=("self",)).filter(status=AwardRecord.Status.VALID)
    )
    for record in rows:
        record.status = AwardRecord.Status.REVOKED
        record.revoked_on = revoked_on
        record.revocation_reason = reason
        record.revocation_number = revocation_number.strip()
        record.revoked_by = revoked_by
        record.updated_at = timezone.now()
    AwardRecord.objects.bulk_update(
        rows,
        [
            "status",
            "revoked_on",
            "revocation_reason",
            "revocation_number",
            "revoked_by",
            "updated_at",
        ],
    )
    who = actor if getattr(actor, "is_authenticated", False) else None
    AwardRecordEvent.objects.bulk_create(
        AwardRecordEvent(
            record=record,
            action=AwardRecordEvent.Action.REVOKED,
            actor=who,
            reason=reason,
            data={
                "revocation_number": revocation_number,
                "revoked_on": revoked_on.isoformat(),
            },
        )
        for record in rows
    )
    audit_record(
        actor=actor,
        action="awards.record.revoked_many",
        data={"count": len(rows), "reason": reason, "number": revocation_number},
    )
    return len(rows)
