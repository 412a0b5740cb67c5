"""Reads of decisions, their annex, certificates and the fund ledger.

A decision is seen by the staff whose scope covers the deciding unit, and by the
units of its recipients (a school sees the decision of the city that awarded its
teachers): ``decision_visibility``. The same rule serves views, rules and admin.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Count,
    DateField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardAuthority,
    AwardRecord,
    Certificate,
    Decision,
    DecisionLine,
    Dossier,
    Fund,
    FundEntry,
)
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, Scope
from orgs.vn import fold


def decision_visibility(scope: Scope) -> Q:
    """Decisions of a unit in scope, or naming someone of a unit in scope."""
    if scope.is_superuser:
        return Q()
    concerning = DecisionLine.objects.filter(
        scope.units_q("unit", VIEW_ROLES), decision=OuterRef("pk")
    )
    return scope.units_q("unit", VIEW_ROLES) | Q(Exists(concerning))


def _line_count() -> Subquery:
    counts = (
        DecisionLine.objects.filter(decision=OuterRef("pk"))
        .order_by()
        .values("decision")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def decision_list(
    *, scope: Scope, filters: dict[str, Any] | None = None
) -> QuerySet[Decision]:
    filters = filters or {}
    rows = (
        Decision.objects.filter(decision_visibility(scope))
        .select_related("unit", "award_kind", "cited")
        .annotate(line_count=_line_count())
    )
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    if filters.get("year"):
        rows = rows.filter(decision_date__year=filters["year"])
    if filters.get("award_kind"):
        rows = rows.filter(award_kind=filters["award_kind"])
    if filters.get("q"):
        text = filters["q"].strip()
        rows = rows.filter(
            Q(number__icontains=text)
            | Q(summary__icontains=text)
            | Q(
                Exists(
                    DecisionLine.objects.filter(
                        decision=OuterRef("pk"), search_name__contains=fold(text)
                    )
                )
            )
        )
    return rows.order_by("-decision_date", "-pk")


def decision_get(*, scope: Scope, pk: Any) -> Decision:
    try:
        return (
            Decision.objects.filter(decision_visibility(scope))
            .select_related(
                "unit",
                "issuer",
                "award_kind",
                "cited",
                "document",
                "fund__unit",
                "created_by",
                "issued_by",
            )
            .prefetch_related("award_kind__objects_given", "award_kind__former_names")
            .get(pk=pk)
        )
    except (Decision.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def decision_lines(decision: Decision, *, query: str = "") -> QuerySet[DecisionLine]:
    rows = decision.lines.select_related(
        "person", "collective", "household", "unit", "corrects", "certificate"
    ).prefetch_related(
        Prefetch(
            "award_record",
            queryset=AwardRecord.objects.only("pk", "status", "decision_line_id"),
        )
    )
    if query:
        rows = rows.filter(search_name__contains=fold(query))
    return rows.order_by("order", "pk")


def decision_dossiers(decision: Decision) -> QuerySet[Dossier]:
    return decision.dossiers.select_related("unit").order_by("pk")


def citing_decisions(decision: Decision) -> QuerySet[Decision]:
    return decision.citing_decisions.order_by("decision_date", "pk")


def decidable_q(scope: Scope) -> Q:
    """Approved dossiers without a decision, sent to a unit whose secretariat the
    viewer is and whose head confers the award (``decides_itself_q``)."""
    return (
        scope.units_q("receiving_unit", MANAGE_ROLES)
        & Q(status=Dossier.Status.APPROVED, decision__isnull=True)
        & Q(decides_itself_q())
    )


def decides_itself_q() -> Exists:
    """``decides_itself`` in SQL: an authority of the dossier's kind, in force on its
    decision day, is held by the head of the receiving unit."""
    from awards.services.catalogue import holds_q

    day = Coalesce(
        OuterRef("decision_date"),
        OuterRef("planned_decision_on"),
        Value(timezone.localdate()),
        output_field=DateField(),
    )
    held = Q(pk__in=[])
    for authority in AwardAuthority.Authority.values:
        condition = holds_q(
            authority, lambda field: OuterRef(f"receiving_unit__{field}")
        )
        if condition is not None:
            held |= Q(authority=authority) & condition
    return Exists(
        AwardAuthority.objects.filter(award_kind=OuterRef("award_kind"))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .filter(held)
    )


def decidable_queryset() -> QuerySet[Dossier]:
    return (
        Dossier.objects.select_related("unit", "receiving_unit", "award_kind")
        .annotate(
            approved_count=Count(
                "nominations", filter=Q(nominations__outcome="approved"), distinct=True
            )
        )
        .order_by("receiving_unit__path", "award_kind__order", "year", "pk")
    )


def decidable_dossiers(*, scope: Scope) -> list[Dossier]:
    """Approved dossiers waiting for a decision of a unit whose secretariat the viewer is."""
    return list(decidable_queryset().filter(decidable_q(scope)))


def certificates_for(decision: Decision, scope: Scope) -> QuerySet[Certificate]:
    """Certificates of ``decision`` the viewer may print: all for the deciding unit's
    staff, their own people's for the recipients' units."""
    rows = Certificate.objects.filter(decision=decision).select_related(
        "line", "record"
    )
    if not scope.covers(decision.unit, VIEW_ROLES):
        rows = rows.visible_to(scope)
    return rows.order_by("line__order")


# The fund ledger -----------------------------------------------------------------------


def fund_list(*, scope: Scope) -> QuerySet[Fund]:
    def total(kind: str) -> Any:
        return Coalesce(Sum("entries__amount", filter=Q(entries__kind=kind)), 0)

    return (
        Fund.objects.visible_to(scope)
        .select_related("unit")
        .annotate(
            spent=total(FundEntry.Kind.SPENT),
            to_recover=total(FundEntry.Kind.TO_RECOVER),
            recovered=total(FundEntry.Kind.RECOVERED),
        )
        .order_by("-year", "unit__path")
    )


def fund_get(*, scope: Scope, pk: Any) -> Fund:
    try:
        return fund_list(scope=scope).get(pk=pk)
    except (Fund.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def fund_entries(fund: Fund) -> QuerySet[FundEntry]:
    return fund.entries.select_related("decision", "created_by").order_by(
        "entry_date", "pk"
    )


def fund_ledger(*, scope: Any = None, year: int | None = None) -> QuerySet[FundEntry]:
    """For reports: every ledger row with its fund, unit, year and decision."""
    rows = FundEntry.objects.select_related("fund__unit", "decision")
    if scope is not None:
        rows = rows.visible_to(scope)
    if year is not None:
        rows = rows.filter(fund__year=year)
    return rows.order_by("fund__unit__path", "fund__year", "entry_date", "pk")
