"""Everything the rules need about a dossier's nominees, loaded in a fixed number of queries.

The loader reads results, award records, pending proposals and initiatives of
all nominees (and of the members of nominated collectives) at once, so that a
dossier of five hundred people costs the same queries as a dossier of five.
Rules then run in plain Python over these facts.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from awards.models import (
    AwardRecord,
    Dossier,
    InitiativeAuthor,
    Nomination,
    YearlyResult,
    subject_key_of,
)
from orgs.models import Person
from orgs.selectors import ParameterMissing, parameter_value

SubjectKey = tuple[str, int]
HISTORY_YEARS = 15


@dataclass(frozen=True)
class RecordFact:
    code: str
    name: str
    year: int
    decision_number: str
    decision_date: datetime.date
    award_type: str
    category: str
    level: int


@dataclass(frozen=True)
class PendingFact:
    nomination_id: int
    dossier_id: int
    reference: str
    status_label: str
    unit_name: str
    code: str
    name: str
    year: int
    category: str
    level: int
    award_type: str
    movement_id: int | None


@dataclass(frozen=True)
class InitiativeFact:
    id: int
    title: str
    status: str
    scope: int | None
    recognised_on: datetime.date | None


@dataclass
class EvaluationContext:
    dossier: Dossier
    on: datetime.date
    results: dict[SubjectKey, dict[int, str]] = field(default_factory=dict)
    records: dict[SubjectKey, list[RecordFact]] = field(default_factory=dict)
    pending: dict[SubjectKey, list[PendingFact]] = field(default_factory=dict)
    initiatives: dict[int, list[InitiativeFact]] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)
    _parameters: dict[tuple[str, str], Any] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.dossier.year

    @property
    def award_kind(self) -> Any:
        return self.dossier.award_kind

    def parameter(self, code: str, key: str) -> Any:
        """The value of a dated parameter for the dossier's unit on the decision date, or None."""
        if (code, key) not in self._parameters:
            try:
                value = parameter_value(
                    code, on=self.on, key=key, unit=self.dossier.unit
                )
            except ParameterMissing:
                value = None
            self._parameters[(code, key)] = value
        return self._parameters[(code, key)]

    def result(self, key: SubjectKey, year: int) -> str | None:
        return self.results.get(key, {}).get(year)

    def records_of(
        self, key: SubjectKey, codes: Iterable[str] | None = None
    ) -> list[RecordFact]:
        rows = self.records.get(key, [])
        if codes is None:
            return rows
        wanted = set(codes)
        return [row for row in rows if row.code in wanted]

    def pending_of(
        self, key: SubjectKey, codes: Iterable[str] | None = None, *, exclude: int = 0
    ) -> list[PendingFact]:
        rows = [
            row for row in self.pending.get(key, []) if row.nomination_id != exclude
        ]
        if codes is None:
            return rows
        wanted = set(codes)
        return [row for row in rows if row.code in wanted]


def _subject_q(
    prefix: str, people: set[int], collectives: set[int], households: set[int]
) -> Q:
    query = Q(pk__in=[])
    if people:
        query |= Q(**{f"{prefix}person_id__in": sorted(people)})
    if collectives:
        query |= Q(**{f"{prefix}collective_id__in": sorted(collectives)})
    if households:
        query |= Q(**{f"{prefix}household_id__in": sorted(households)})
    return query


def load_context(
    dossier: Dossier, nominations: list[Nomination], on: datetime.date
) -> EvaluationContext:
    """Build the facts for ``nominations`` of ``dossier`` as of ``on``.

    The members of nominated collectives are read first; their facts are then
    fetched by id together with the nominees' (an indexed lookup, where a filter
    on the members' unit path would scan every yearly result and record).
    """
    context = EvaluationContext(dossier=dossier, on=on)
    people = {n.person_id for n in nominations if n.person_id}
    collectives = {
        n.collective_id: n.collective.path for n in nominations if n.collective_id
    }
    households = {n.household_id for n in nominations if n.household_id}
    _load_members(context, collectives)
    members = {pk for ids in context.members.values() for pk in ids}
    since = dossier.year - HISTORY_YEARS
    q = _subject_q("", people | members, set(collectives), households)
    _load_results(context, q, since)
    _load_records(context, q)
    _load_pending(context, q, since)
    _load_initiatives(context, people)
    return context


def _load_members(context: EvaluationContext, collectives: dict[int, str]) -> None:
    if not collectives:
        return
    query = Q(pk__in=[])
    for path in set(collectives.values()):
        query |= Q(unit__path__startswith=path)
    rows = Person.objects.filter(query, is_active=True).values_list("pk", "unit__path")
    members: dict[int, list[int]] = {pk: [] for pk in collectives}
    for person_id, unit_path in rows:
        for collective_id, path in collectives.items():
            if unit_path.startswith(path):
                members[collective_id].append(person_id)
    context.members = members


def _load_results(context: EvaluationContext, q: Q, since: int) -> None:
    results: dict[SubjectKey, dict[int, str]] = defaultdict(dict)
    rows = YearlyResult.objects.filter(q, year__gte=since).values_list(
        "person_id", "collective_id", "household_id", "year", "result"
    )
    for person_id, collective_id, household_id, year, result in rows:
        results[subject_key_of(person_id, collective_id, household_id)][year] = result
    context.results = dict(results)


def _load_records(context: EvaluationContext, q: Q) -> None:
    records: dict[SubjectKey, list[RecordFact]] = defaultdict(list)
    rows = (
        AwardRecord.objects.filter(q, status=AwardRecord.Status.VALID)
        .order_by("year", "decision_date", "pk")
        .values_list(
            "person_id",
            "collective_id",
            "household_id",
            "award_kind__code",
            "award_kind__name",
            "year",
            "decision_number",
            "decision_date",
            "award_type",
            "award_kind__category",
            "award_kind__level",
        )
    )
    for person_id, collective_id, household_id, *fact in rows:
        records[subject_key_of(person_id, collective_id, household_id)].append(
            RecordFact(*fact)
        )
    context.records = dict(records)


def _load_pending(context: EvaluationContext, q: Q, since: int) -> None:
    pending: dict[SubjectKey, list[PendingFact]] = defaultdict(list)
    labels = dict(Dossier.Status.choices)
    rows = (
        Nomination.objects.filter(
            q,
            outcome__in=[Nomination.Outcome.PROPOSED, Nomination.Outcome.APPROVED],
            dossier__status__in=Dossier.PENDING,
            dossier__year__gte=since,
        )
        .exclude(dossier_id=context.dossier.pk)
        .values_list(
            "person_id",
            "collective_id",
            "household_id",
            "pk",
            "dossier_id",
            "dossier__year",
            "dossier__status",
            "dossier__unit__name",
            "dossier__award_kind__code",
            "dossier__award_kind__name",
            "dossier__award_kind__category",
            "dossier__award_kind__level",
            "dossier__award_type",
            "dossier__movement_id",
        )
    )
    for row in rows:
        (
            person_id,
            collective_id,
            household_id,
            pk,
            dossier_id,
            year,
            status,
            unit_name,
            code,
            name,
            category,
            level,
            award_type,
            movement_id,
        ) = row
        pending[subject_key_of(person_id, collective_id, household_id)].append(
            PendingFact(
                nomination_id=pk,
                dossier_id=dossier_id,
                reference=f"HS-{year}-{dossier_id:05d}",
                status_label=str(labels.get(status, status)),
                unit_name=unit_name,
                code=code,
                name=name,
                year=year,
                category=category,
                level=level,
                award_type=award_type,
                movement_id=movement_id,
            )
        )
    context.pending = dict(pending)


def _load_initiatives(context: EvaluationContext, people: set[int]) -> None:
    if not people:
        return
    found: dict[int, list[InitiativeFact]] = defaultdict(list)
    rows = InitiativeAuthor.objects.filter(person_id__in=sorted(people)).values_list(
        "person_id",
        "initiative_id",
        "initiative__title",
        "initiative__status",
        "initiative__recognised_scope",
        "initiative__recognition_date",
    )
    for person_id, *fact in rows:
        found[person_id].append(InitiativeFact(*fact))
    context.initiatives = dict(found)
