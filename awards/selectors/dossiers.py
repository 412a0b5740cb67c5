"""Reads of dossiers: the unit's list, the queue, the dossier page, nominees, verdicts."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from awards.models import (
    Dossier,
    DossierTransition,
    EligibilityOverride,
    EligibilityResult,
    Household,
    Nomination,
    Verdict,
)
from orgs.models import Person, Unit
from orgs.scoping import MANAGE_ROLES, Scope, get_visible_or_404
from orgs.vn import fold

# Dossiers ---------------------------------------------------------------------------


def _nominee_count() -> Coalesce:
    """Nominees not excluded, as a correlated subquery: PostgreSQL evaluates it only
    for the rows of the page (after ORDER BY … LIMIT), and the paginator's count
    leaves it out, where a joined ``Count`` grouped every visible dossier first."""
    counted = (
        Nomination.objects.filter(dossier=OuterRef("pk"))
        .exclude(outcome=Nomination.Outcome.EXCLUDED)
        .order_by()
        .values("dossier")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _dossier_base() -> QuerySet[Dossier]:
    return Dossier.objects.select_related(
        "unit", "receiving_unit", "award_kind"
    ).annotate(nominee_count=_nominee_count())


def _filter_dossiers(
    dossiers: QuerySet[Dossier], filters: dict[str, Any]
) -> QuerySet[Dossier]:
    if filters.get("status"):
        dossiers = dossiers.filter(status=filters["status"])
    if filters.get("award_kind"):
        dossiers = dossiers.filter(award_kind=filters["award_kind"])
    if filters.get("unit"):
        dossiers = dossiers.filter(unit__path__startswith=filters["unit"].path)
    if filters.get("year"):
        dossiers = dossiers.filter(year=filters["year"])
    if filters.get("overdue"):
        dossiers = dossiers.filter(
            deadline__lt=timezone.localdate(), status__in=list(Dossier.DEADLINE_KEYS)
        )
    if filters.get("q"):
        text = filters["q"].strip()
        dossiers = dossiers.filter(
            Q(title__icontains=text) | Q(unit__search_name__contains=fold(text))
        )
    return dossiers


def dossier_list(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[Dossier]:
    """Dossiers of the units the viewer sees (the unit's own list)."""
    return _filter_dossiers(_dossier_base().visible_to(scope), filters or {}).order_by(
        "-updated_at", "-pk"
    )


def dossier_queue(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[Dossier]:
    """Dossiers submitted to a unit whose secretariat the viewer is (the queue)."""
    filters = filters or {}
    dossiers = _dossier_base().filter(scope.units_q("receiving_unit", MANAGE_ROLES))
    if not filters.get("status"):
        dossiers = dossiers.filter(status__in=Dossier.IN_QUEUE)
    # Overdue and due-soon first; steps without a deadline after them.
    return _filter_dossiers(dossiers, filters).order_by(
        F("deadline").asc(nulls_last=True), "submitted_at", "pk"
    )


def dossier_detail(*, scope: Scope, pk: int) -> Dossier:
    queryset = Dossier.objects.select_related(
        "unit", "receiving_unit", "award_kind", "movement", "created_by", "consultation"
    ).prefetch_related(
        "consultation__comments__nomination",
        "items__component",
        "items__files",
        Prefetch("files", queryset=_files()),
        Prefetch(
            "transitions",
            queryset=DossierTransition.objects.select_related("actor").order_by(
                "at", "pk"
            ),
        ),
    )
    return get_visible_or_404(queryset, scope, pk=pk)


def _files() -> QuerySet[Any]:
    from awards.models import DossierFile

    return DossierFile.objects.select_related("item__component", "uploaded_by")


def nominee_page(dossier: Dossier, *, query: str = "") -> QuerySet[Nomination]:
    """Nominees with the count of verdicts of each kind, for the dossier's list."""

    def verdicts(verdict: str) -> Count:
        return Count(
            "eligibility_results",
            filter=Q(eligibility_results__verdict=verdict),
            distinct=True,
        )

    rows = dossier.nominations.select_related(
        "person", "collective", "household"
    ).annotate(
        failed=verdicts(Verdict.FAILED),
        unknown=verdicts(Verdict.UNKNOWN),
        passed=verdicts(Verdict.PASSED),
        overrides=Count("eligibility_overrides", distinct=True),
    )
    if query:
        rows = rows.filter(
            Q(display_name__icontains=query.strip())
            | Q(person__search_name__contains=fold(query))
        )
    return rows.order_by("order", "pk")


def verdicts_of(
    dossier: Dossier, nomination: Nomination | None
) -> list[EligibilityResult]:
    """Verdicts of one nominee (or the dossier-level ones), each with its override if any."""
    results = list(
        EligibilityResult.objects.filter(dossier=dossier, nomination=nomination)
        .select_related("rule__legal_basis")
        .order_by("rule__order", "pk")
    )
    overrides = {
        o.rule_code: o
        for o in EligibilityOverride.objects.filter(
            dossier=dossier, nomination=nomination
        ).select_related("actor")
    }
    for result in results:
        result.override = (
            overrides.get(result.rule.code)
            if result.verdict == Verdict.FAILED
            else None
        )
    return results


def verdict_summary(dossier: Dossier) -> dict[str, int]:
    counts = dict(
        dossier.eligibility_results.values_list("verdict").annotate(total=Count("pk"))
    )
    return {verdict: counts.get(verdict, 0) for verdict in Verdict.values}


def last_return(dossier: Dossier) -> DossierTransition | None:
    """The latest return for correction, whose reason the unit must see."""
    returns = [
        t for t in dossier.transitions.all() if t.to_status == Dossier.Status.RETURNED
    ]
    return returns[-1] if returns else None


def people_to_add(dossier: Dossier, query: str, limit: int = 50) -> list[Person]:
    """People of the dossier's unit not yet on the list, matching ``query`` without accents."""
    people = Person.objects.filter(
        unit__path__startswith=dossier.unit.path, is_active=True
    ).exclude(
        pk__in=dossier.nominations.filter(person__isnull=False).values("person_id")
    )
    if query:
        people = people.filter(search_name__contains=fold(query))
    return list(people.select_related("unit").order_by("search_name", "pk")[:limit])


def collectives_to_add(dossier: Dossier, query: str, limit: int = 50) -> list[Unit]:
    units = Unit.objects.filter(path__startswith=dossier.unit.path).exclude(
        pk__in=dossier.nominations.filter(collective__isnull=False).values(
            "collective_id"
        )
    )
    if query:
        units = units.filter(search_name__contains=fold(query))
    return list(units.select_related("parent").order_by("path")[:limit])


def households_to_add(dossier: Dossier, query: str, limit: int = 50) -> list[Household]:
    rows = Household.objects.filter(unit__path__startswith=dossier.unit.path).exclude(
        pk__in=dossier.nominations.filter(household__isnull=False).values(
            "household_id"
        )
    )
    if query:
        rows = rows.filter(search_name__contains=fold(query))
    return list(rows.select_related("unit").order_by("search_name", "pk")[:limit])


# Age of a dossier in its current step, in calendar days since it entered it:
# (key, first day, last day or None). The reports app labels them.
QUEUE_AGES: tuple[tuple[str, int, int | None], ...] = (
    ("0-7", 0, 7),
    ("8-15", 8, 15),
    ("16-30", 16, 30),
    ("31+", 31, None),
)


def queue_age_q(low: int, high: int | None, now: datetime.datetime) -> Q:
    """Dossiers whose current step began between ``low`` and ``high`` days before ``now``."""
    query = Q(status_changed_at__lte=now - datetime.timedelta(days=low))
    if high is not None:
        query &= Q(status_changed_at__gt=now - datetime.timedelta(days=high + 1))
    return query


def receiving_counts(
    scope: Scope, *, using: str = "default"
) -> dict[str, dict[str, int]]:
    """Dossiers sent to the viewer's secretariat, in its queue or returned to their
    unit, counted by status in one query: ``total``, ``overdue`` (past the deadline
    of their step) and ``age_<key>`` for each of ``QUEUE_AGES``. The dashboard
    reads it once per request (``awards.panels.receiving_queue``) for the awards
    queue card and the reports "queue by age" and "overdue" cards."""
    now, today = timezone.now(), timezone.localdate()
    rows = (
        Dossier.objects.using(using)
        .filter(
            scope.units_q("receiving_unit", MANAGE_ROLES),
            status__in=sorted(Dossier.IN_QUEUE | set(Dossier.DEADLINE_KEYS)),
        )
        .values("status")
        .annotate(
            total=Count("pk"),
            overdue=Count(
                "pk",
                filter=Q(deadline__lt=today, status__in=list(Dossier.DEADLINE_KEYS)),
            ),
            **{
                f"age_{key}": Count("pk", filter=queue_age_q(low, high, now))
                for key, low, high in QUEUE_AGES
            },
        )
        .order_by()
    )
    return {row.pop("status"): row for row in rows}


def dossier_counts_for_queue(
    scope: Scope, counts: dict[str, dict[str, int]] | None = None
) -> dict[str, Any]:
    """Queue of the viewer's receiving units by step, and how many are overdue
    (``counts``: ``receiving_counts(scope)``, when the caller already has it)."""
    if counts is None:
        counts = receiving_counts(scope)
    by_status = {
        status: row["total"]
        for status, row in counts.items()
        if status in Dossier.IN_QUEUE
    }
    overdue = sum(row["overdue"] for row in counts.values())
    labels = dict(Dossier.Status.choices)
    steps = [
        {"status": status, "label": labels[status], "count": by_status.get(status, 0)}
        for status in Dossier.Status.values
        if status in Dossier.IN_QUEUE
    ]
    return {"steps": steps, "overdue": overdue, "total": sum(by_status.values())}


def dossiers_to_correct(scope: Scope, limit: int = 5) -> list[Dossier]:
    return list(
        Dossier.objects.visible_to(scope, {"unit_officer", "secretariat"})
        .filter(status=Dossier.Status.RETURNED)
        .select_related("unit", "award_kind")
        .order_by("deadline", "pk")[:limit]
    )
