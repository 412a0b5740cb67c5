"""Reads of movements, records, results, initiatives, registrations, the history of
a person or a unit, and the public comment pages."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    RESULT_RANK,
    AwardKind,
    AwardRecord,
    Dossier,
    Household,
    Initiative,
    Movement,
    Nomination,
    PublicComment,
    PublicConsultation,
    Registration,
    YearlyResult,
)
from orgs.models import Person, Unit
from orgs.scoping import VIEW_ROLES, Scope
from orgs.vn import fold

# Movements ---------------------------------------------------------------------------


def movement_visibility(scope: Scope) -> Q:
    """Movements launched in the viewer's subtree or by a unit above it."""
    if scope.is_superuser:
        return Q()
    return scope.units_q("launched_by", VIEW_ROLES) | Q(
        launched_by_id__in=scope.ancestor_ids()
    )


def movement_list(*, scope: Scope) -> QuerySet[Movement]:
    return (
        Movement.objects.filter(movement_visibility(scope))
        .select_related("launched_by")
        .annotate(dossier_count=Count("dossiers", distinct=True))
        .order_by("-starts_on", "pk")
    )


def movement_get(*, scope: Scope, pk: int) -> Movement:
    try:
        return (
            Movement.objects.filter(movement_visibility(scope))
            .select_related("launched_by")
            .prefetch_related("target_units", "pilot_units", "step_records__actor")
            .get(pk=pk)
        )
    except Movement.DoesNotExist:
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def movements_for_unit(unit: Unit) -> QuerySet[Movement]:
    """Movements a unit may nominate under: launched by it or above it, still open."""
    return Movement.objects.filter(launched_by_id__in=unit.ancestor_ids).exclude(
        step=Movement.Step.CLOSED
    )


# Records, results, initiatives, registrations ----------------------------------------


def record_list(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[AwardRecord]:
    filters = filters or {}
    records = AwardRecord.objects.visible_to(scope).select_related(
        "award_kind", "person", "collective", "household", "unit"
    )
    if filters.get("year"):
        records = records.filter(year=filters["year"])
    if filters.get("award_kind"):
        records = records.filter(award_kind=filters["award_kind"])
    if filters.get("status"):
        records = records.filter(status=filters["status"])
    if filters.get("q"):
        text = fold(filters["q"])
        records = records.filter(
            Q(person__search_name__contains=text)
            | Q(collective__search_name__contains=text)
            | Q(household__search_name__contains=text)
            | Q(decision_number__icontains=filters["q"].strip())
        )
    return records.order_by("-year", "-decision_date", "pk")


def result_list(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[YearlyResult]:
    filters = filters or {}
    rows = YearlyResult.objects.visible_to(scope).select_related(
        "person", "collective", "household", "unit"
    )
    if filters.get("year"):
        rows = rows.filter(year=filters["year"])
    if filters.get("result"):
        rows = rows.filter(result=filters["result"])
    if filters.get("q"):
        rows = rows.filter(person__search_name__contains=fold(filters["q"]))
    return rows.order_by("-year", "unit__path", "pk")


def household_list(*, scope: Scope, query: str = "") -> QuerySet[Household]:
    rows = Household.objects.visible_to(scope).select_related("unit")
    if query:
        rows = rows.filter(search_name__contains=fold(query))
    return rows.order_by("search_name", "pk")


def initiative_list(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[Initiative]:
    filters = filters or {}
    rows = (
        Initiative.objects.visible_to(scope)
        .select_related("unit", "window")
        .prefetch_related("authors")
    )
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("q"):
        rows = rows.filter(title__icontains=filters["q"].strip())
    return rows.order_by("-created_at", "pk")


def registration_list(*, scope: Scope) -> QuerySet[Registration]:
    return (
        Registration.objects.visible_to(scope)
        .select_related("unit")
        .annotate(entry_count=Count("entries"))
        .order_by("-year", "unit__path")
    )


# The history of a person or a unit (detail panels) ---------------------------------------


@dataclass
class Streak:
    label: str
    years: int
    last_year: int


def _streak(years: set[int]) -> tuple[int, int]:
    if not years:
        return 0, 0
    last = max(years)
    length = 0
    while last - length in years:
        length += 1
    return length, last


def streaks(records: list[AwardRecord], results: list[YearlyResult]) -> list[Streak]:
    """Current runs of consecutive years: each title held, and results of HTTNV or better."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str] = {}
    for record in records:
        if record.is_valid and record.award_kind.category == AwardKind.Category.TITLE:
            by_kind[record.award_kind.code].add(record.year)
            names[record.award_kind.code] = record.award_kind.name
    found = []
    for code, years in sorted(by_kind.items()):
        length, last = _streak(years)
        found.append(Streak(names[code], length, last))
    good = {
        r.year for r in results if RESULT_RANK.get(r.result, 0) >= RESULT_RANK["HTTNV"]
    }
    length, last = _streak(good)
    if length:
        found.append(Streak(_("Hoàn thành tốt nhiệm vụ trở lên"), length, last))
    return found


def subject_history(
    *, person: Person | None = None, unit: Unit | None = None
) -> dict[str, Any]:
    """Results, awards, initiatives and open proposals of a person or a collective."""
    key = {"person": person} if person is not None else {"collective": unit}
    results = list(YearlyResult.objects.filter(**key).order_by("-year"))
    records = list(
        AwardRecord.objects.filter(**key)
        .select_related("award_kind")
        .order_by("-year", "-decision_date")
    )
    pending = list(
        Nomination.objects.filter(
            **key,
            outcome__in=[Nomination.Outcome.PROPOSED, Nomination.Outcome.APPROVED],
            dossier__status__in=Dossier.PENDING,
        ).select_related("dossier__award_kind", "dossier__unit")
    )
    initiatives = (
        list(person.initiatives.order_by("-created_at")) if person is not None else []
    )
    return {
        "results": results,
        "records": records,
        "pending": pending,
        "initiatives": initiatives,
        "streaks": streaks(records, results),
    }


def open_consultations(
    today: datetime.date | None = None,
) -> QuerySet[PublicConsultation]:
    day = today or timezone.localdate()
    return (
        PublicConsultation.objects.filter(opens_on__lte=day, closes_on__gte=day)
        .select_related("dossier__award_kind", "dossier__unit")
        .order_by("closes_on", "pk")
    )


def consultation_public(public_id: Any) -> PublicConsultation:
    try:
        return PublicConsultation.objects.select_related(
            "dossier__award_kind", "dossier__unit"
        ).get(public_id=public_id)
    except (PublicConsultation.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy đợt lấy ý kiến.")) from None


def public_nominees(consultation: PublicConsultation) -> QuerySet[Nomination]:
    return consultation.dossier.nominations.filter(
        outcome__in=[Nomination.Outcome.PROPOSED, Nomination.Outcome.APPROVED]
    ).order_by("order", "pk")


def comments_of(consultation: PublicConsultation) -> QuerySet[PublicComment]:
    return consultation.comments.select_related("nomination", "handled_by").order_by(
        "received_at", "pk"
    )
