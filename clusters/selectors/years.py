"""Reads of clusters, years, members, conferences, pledges and proposals."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from clusters import access
from clusters.models import (
    Cluster,
    ClusterMembership,
    ClusterProposal,
    ClusterYear,
    Conference,
    Pledge,
)
from orgs.models import UnitSuccession
from orgs.scoping import VIEW_ROLES, Scope

from .common import _get_or_404, _in_visible_year


def cluster_list(*, scope: Scope) -> QuerySet[Cluster]:
    visible_years = ClusterYear.objects.filter(access.cluster_year_q(scope))
    return (
        Cluster.objects.filter(
            Q(pk__in=visible_years.values("cluster_id"))
            | scope.units_q("authority", VIEW_ROLES)
        )
        .select_related("authority", "issuer")
        .annotate(year_count=Count("years", distinct=True))
        .order_by("authority__path", "kind", "number", "name")
    )


def cluster_detail(*, scope: Scope, pk: int) -> Cluster:
    return _get_or_404(cluster_list(scope=scope), pk=pk)


def cluster_year_list(*, scope: Scope) -> QuerySet[ClusterYear]:
    return ClusterYear.objects.filter(access.cluster_year_q(scope)).select_related(
        "cluster__authority"
    )


def _memberships() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=ClusterMembership.objects.select_related("unit").prefetch_related(
            Prefetch(
                "unit__successions_out",
                queryset=UnitSuccession.objects.select_related("successor"),
            )
        ),
    )


def cluster_year_detail(*, scope: Scope, pk: int) -> ClusterYear:
    """One year with everything its page shows: members with successors, leaders,
    conferences, documents, the pledge, the rotation proposals."""
    queryset = (
        cluster_year_list(scope=scope)
        .select_related("cluster__issuer", "criteria_set")
        .prefetch_related(
            _memberships(),
            Prefetch(
                "conferences", queryset=Conference.objects.select_related("minutes")
            ),
            "documents__issued",
            Prefetch(
                "rotation_proposals",
                queryset=_rotation_queryset(),
            ),
        )
    )
    return _get_or_404(queryset, pk=pk)


def _rotation_queryset() -> QuerySet[Any]:
    from clusters.models import RotationProposal

    return RotationProposal.objects.select_related("head").prefetch_related(
        "deputies__unit"
    )


def years_of_cluster(cluster: Cluster, scope: Scope) -> QuerySet[ClusterYear]:
    return (
        cluster_year_list(scope=scope)
        .filter(cluster=cluster)
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("-year")
    )


def leaders_of(cluster_year: ClusterYear) -> list[ClusterMembership]:
    """Head then deputies, from prefetched memberships (no query)."""
    rows = [m for m in cluster_year.memberships.all() if m.role != "member"]
    return sorted(rows, key=lambda m: (m.role != "head", m.deputy_rank or 0))


def calendar_of(cluster_year: ClusterYear) -> list[dict[str, Any]]:
    """Conferences and scoring deadlines in date order."""
    events = [
        {
            "date": c.held_on,
            "label": c.title,
            "url": c.get_absolute_url(),
            "kind": "conference",
        }
        for c in cluster_year.conferences.all()
    ]
    for day, label in (
        (cluster_year.scoring_opens_on, _("Bắt đầu tự chấm điểm")),
        (cluster_year.self_deadline, _("Hạn đơn vị gửi phiếu tự chấm")),
        (cluster_year.review_deadline, _("Hạn hoàn thành thẩm định điểm")),
    ):
        if day:
            events.append({"date": day, "label": label, "url": "", "kind": "deadline"})
    return sorted(events, key=lambda e: e["date"])


def membership_detail(*, scope: Scope, pk: int) -> ClusterMembership:
    return _get_or_404(
        _in_visible_year(ClusterMembership, scope).select_related("unit"), pk=pk
    )


def rotation_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import RotationProposal

    return _get_or_404(
        _in_visible_year(RotationProposal, scope).select_related("head"), pk=pk
    )


def follower_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import ClusterFollower

    return _get_or_404(_in_visible_year(ClusterFollower, scope), pk=pk)


def followers_of(cluster_year: ClusterYear) -> list[Any]:
    return list(
        cluster_year.followers.select_related(
            "council_member__person", "council_member__composition__council"
        )
    )


def pledge_detail(*, scope: Scope, pk: int) -> Pledge:
    queryset = Pledge.objects.filter(
        cluster_year__in=ClusterYear.objects.filter(access.cluster_year_q(scope))
    ).select_related(
        "cluster_year__cluster__authority", "cluster_year__cluster__issuer"
    )
    return _get_or_404(
        queryset.prefetch_related("commitments", "signatories__unit"), pk=pk
    )


def conference_detail(*, scope: Scope, pk: int) -> Conference:
    queryset = Conference.objects.filter(
        cluster_year__in=ClusterYear.objects.filter(access.cluster_year_q(scope))
    ).select_related(
        "cluster_year__cluster__authority",
        "cluster_year__cluster__issuer",
        "host_unit",
        "minutes",
    )
    return _get_or_404(
        queryset.prefetch_related(
            "attendance__unit",
            "items__document__issued",
            "conclusions",
            "proposals__unit",
        ),
        pk=pk,
    )


def proposals_of_year(cluster_year: ClusterYear) -> QuerySet[ClusterProposal]:
    return cluster_year.proposals.select_related("unit", "conference").order_by(
        "award_code", "rank", "pk"
    )


def confirmed_proposals(
    *, scope: Scope | None = None, year: int | None = None, award_code: str = ""
) -> QuerySet[ClusterProposal]:
    """The API for the awards app: proposals confirmed by their cluster, not yet taken up.

    Each row carries the unit, the award code (CO_CP, CO_TINH, BK_TTG, BK_TINH), the
    year, the rank and score, the vote counts and the conference whose minutes
    record the vote. ``scope`` limits to the authorities the viewer oversees.
    """
    proposals = ClusterProposal.objects.filter(
        status=ClusterProposal.Status.CONFIRMED
    ).select_related("unit", "cluster_year__cluster__authority", "conference__minutes")
    if scope is not None:
        proposals = proposals.visible_to(scope)
    if year is not None:
        proposals = proposals.filter(cluster_year__year=year)
    if award_code:
        proposals = proposals.filter(award_code=award_code)
    return proposals.order_by(
        "cluster_year__year", "cluster_year__cluster__name", "rank"
    )


def proposal_detail(*, scope: Scope, pk: int) -> ClusterProposal:
    return _get_or_404(
        _in_visible_year(ClusterProposal, scope).select_related("unit"), pk=pk
    )


def document_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import ClusterDocument

    return _get_or_404(
        _in_visible_year(ClusterDocument, scope).select_related(
            "issued", "cluster_year__cluster__issuer"
        ),
        pk=pk,
    )


def attendance_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import ConferenceAttendance

    return _get_or_404(
        ConferenceAttendance.objects.filter(
            conference__cluster_year__in=ClusterYear.objects.filter(
                access.cluster_year_q(scope)
            )
        ).select_related("unit", "conference__cluster_year__cluster__authority"),
        pk=pk,
    )


def commitment_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import PledgeCommitment

    return _get_or_404(
        PledgeCommitment.objects.filter(
            pledge__in=Pledge.objects.filter(
                cluster_year__in=ClusterYear.objects.filter(
                    access.cluster_year_q(scope)
                )
            )
        ).select_related("pledge__cluster_year__cluster__authority"),
        pk=pk,
    )


def signatory_detail(*, scope: Scope, pk: int) -> Any:
    from clusters.models import PledgeSignatory

    return _get_or_404(
        PledgeSignatory.objects.filter(
            pledge__in=Pledge.objects.filter(
                cluster_year__in=ClusterYear.objects.filter(
                    access.cluster_year_q(scope)
                )
            )
        ).select_related("unit", "pledge__cluster_year__cluster__authority"),
        pk=pk,
    )
