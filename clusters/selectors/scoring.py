"""Reads of score cards, reviews, evidence and the score history."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from clusters import access
from clusters.models import (
    ClusterYear,
    Criterion,
    Evidence,
    Review,
    ScoreSheet,
)
from orgs.scoping import Scope

from .common import _get_or_404


def sheet_list(*, scope: Scope) -> QuerySet[ScoreSheet]:
    return ScoreSheet.objects.filter(access.sheet_q(scope))


def sheets_of_year(cluster_year: ClusterYear, scope: Scope) -> QuerySet[ScoreSheet]:
    return (
        sheet_list(scope=scope)
        .filter(cluster_year=cluster_year)
        .select_related("unit")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer_unit"))
        )
        .order_by("unit__name", "pk")
    )


def sheet_detail(*, scope: Scope, pk: int) -> ScoreSheet:
    queryset = sheet_list(scope=scope).select_related(
        "unit", "criteria_set", "cluster_year__cluster__authority", "submitted_by"
    )
    return _get_or_404(queryset, pk=pk)


def sheet_grid(sheet: ScoreSheet) -> dict[str, Any]:
    """The rows of a card: criteria in tree order with entry, evidence and reviews."""
    entries = {
        e.criterion_id: e
        for e in sheet.entries.prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at"))
        )
    }
    reviews = list(
        sheet.reviews.select_related("reviewer_unit").prefetch_related("scores")
    )
    criteria = list(Criterion.objects.filter(criteria_set_id=sheet.criteria_set_id))
    return {"entries": entries, "reviews": reviews, "criteria": criteria}


def late_sheets(
    cluster_year: ClusterYear, on: datetime.date | None = None
) -> dict[str, list[Any]]:
    """Units whose card is not submitted after the deadline; reviewers not done after theirs."""
    today = on or timezone.localdate()
    late_units: list[Any] = []
    late_reviewers: list[Any] = []
    if cluster_year.self_deadline and today > cluster_year.self_deadline:
        late_units = list(
            cluster_year.sheets.filter(status=ScoreSheet.Status.DRAFT)
            .select_related("unit")
            .order_by("unit__name")
        )
    if cluster_year.review_deadline and today > cluster_year.review_deadline:
        late_reviewers = list(
            Review.objects.filter(
                sheet__cluster_year=cluster_year, status=Review.Status.OPEN
            )
            .select_related("reviewer_unit", "sheet__unit")
            .order_by("reviewer_unit__name")
        )
    return {"units": late_units, "reviews": late_reviewers}


def evidence_detail(*, scope: Scope, pk: int) -> Evidence:
    queryset = Evidence.objects.filter(
        entry__sheet__in=sheet_list(scope=scope)
    ).select_related("entry__sheet__unit")
    return _get_or_404(queryset, pk=pk)


def review_detail(*, scope: Scope, pk: int) -> Review:
    return _get_or_404(
        Review.objects.filter(sheet__in=sheet_list(scope=scope)).select_related(
            "reviewer_unit", "sheet__unit", "sheet__cluster_year__cluster__authority"
        ),
        pk=pk,
    )


def entry_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import ScoreEntry

    return _get_or_404(
        ScoreEntry.objects.filter(sheet__in=sheet_list(scope=scope))
        .select_related(
            "criterion", "sheet__unit", "sheet__cluster_year__cluster__authority"
        )
        .prefetch_related("evidence"),
        pk=pk,
    )


def criterion_history(entry: Any) -> QuerySet[Any]:
    from clusters.models import ScoreChange

    return (
        ScoreChange.objects.filter(
            sheet_id=entry.sheet_id, criterion_id=entry.criterion_id
        )
        .select_related("actor", "review__reviewer_unit")
        .order_by("-at", "-pk")
    )


def sheet_history(sheet: ScoreSheet) -> QuerySet[Any]:

    return sheet.changes.select_related(
        "actor", "criterion", "review__reviewer_unit"
    ).order_by("-at", "-pk")
