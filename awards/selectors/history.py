"""The award history of a person or a unit: every title and commendation by year
with its decision, the current runs of consecutive years, and what the
eligibility engine says they may be proposed for in the coming round."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone

from awards.eligibility import evaluate_kinds
from awards.models import (
    AwardKind,
    AwardRecord,
    Dossier,
    EligibilityRule,
    Nomination,
    Subject,
    Verdict,
    YearlyResult,
)
from orgs.models import Person, Unit

from .activities import streaks

ORDER = {Verdict.FAILED: 0, Verdict.UNKNOWN: 1, Verdict.PASSED: 2}


@dataclass
class Prospect:
    award_kind: AwardKind
    verdict: str
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(Verdict(self.verdict).label)


@dataclass
class YearRow:
    year: int
    result: YearlyResult | None
    records: list[AwardRecord]


def _subject_filter(person: Person | None, unit: Unit | None) -> dict[str, Any]:
    return {"person": person} if person is not None else {"collective": unit}


def history_years(
    *, person: Person | None = None, unit: Unit | None = None
) -> tuple[list[YearRow], list[AwardRecord], list[YearlyResult]]:
    key = _subject_filter(person, unit)
    records = list(
        AwardRecord.objects.filter(**key)
        .select_related("award_kind", "decision", "revoked_by")
        .order_by("-year", "-decision_date", "pk")
    )
    results = list(YearlyResult.objects.filter(**key).order_by("-year"))
    by_year: dict[int, list[AwardRecord]] = defaultdict(list)
    for record in records:
        by_year[record.year].append(record)
    result_of = {r.year: r for r in results}
    years = sorted(set(by_year) | set(result_of), reverse=True)
    rows = [YearRow(year, result_of.get(year), by_year.get(year, [])) for year in years]
    return rows, records, results


def candidate_kinds(subject: str) -> list[AwardKind]:
    """Kinds with rules of their own that may go to ``subject`` (the engine can speak)."""
    ruled = EligibilityRule.objects.filter(
        award_kind__isnull=False, is_active=True
    ).values("award_kind_id")
    flag = {
        Subject.INDIVIDUAL: "for_individuals",
        Subject.COLLECTIVE: "for_collectives",
        Subject.HOUSEHOLD: "for_households",
    }[subject]
    return list(
        AwardKind.objects.filter(Q(pk__in=ruled), is_active=True, **{flag: True})
        .prefetch_related("former_names")
        .order_by("level", "category", "order")
    )


def prospects(
    *, person: Person | None = None, unit: Unit | None = None, year: int | None = None
) -> tuple[int, list[Prospect]]:
    """What the eligibility engine says for each candidate kind for achievement ``year``.

    Each kind is evaluated as if a dossier of the subject's unit proposed it now,
    on the usual decision date (20 January of the following year); nothing is
    saved. The subject's results, records, proposals (and, for a unit, those of
    its members) are read once for all kinds, so the page costs the same few
    queries whatever the number of kinds and records.
    """
    year = year or timezone.localdate().year
    on = datetime.date(year + 1, 1, 20)
    owner = person.unit if person is not None else unit
    subject = Subject.INDIVIDUAL if person is not None else Subject.COLLECTIVE
    kinds = candidate_kinds(subject)
    dossiers = [
        Dossier(
            unit=owner,
            receiving_unit=owner,
            award_kind=kind,
            year=year,
            year_kind=owner.year_kind,
            planned_decision_on=on,
        )
        for kind in kinds
    ]
    nomination = Nomination(
        person=person,
        collective=unit if person is None else None,
        display_name=str(person or unit),
    )
    found = []
    for kind, outcomes in zip(
        kinds, evaluate_kinds(dossiers, [nomination], on), strict=True
    ):
        if not outcomes:
            continue
        verdict = min((o.finding.verdict for o in outcomes), key=lambda v: ORDER[v])
        reasons = [o.finding.reason for o in outcomes if o.finding.verdict == verdict]
        found.append(Prospect(kind, verdict, reasons))
    return year, found


def person_history(person: Person, year: int | None = None) -> dict[str, Any]:
    rows, records, results = history_years(person=person)
    prospect_year, found = prospects(person=person, year=year)
    return {
        "subject": person,
        "years": rows,
        "streaks": streaks(records, results),
        "prospect_year": prospect_year,
        "prospects": found,
        "record_count": len(records),
    }


def unit_history(unit: Unit, year: int | None = None) -> dict[str, Any]:
    rows, records, results = history_years(unit=unit)
    prospect_year, found = prospects(unit=unit, year=year)
    return {
        "subject": unit,
        "years": rows,
        "streaks": streaks(records, results),
        "prospect_year": prospect_year,
        "prospects": found,
        "record_count": len(records),
    }
