"""What the awards cards of the dashboard read, each part once per request.

The dossiers a unit must correct and the dossiers waiting for a decision are one
query (with the catalogue rows that tell who decides); the draft decisions and
the cluster proposals to take up are one count query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, Value

from awards.models import Decision, Dossier
from clusters.selectors import confirmed_proposals
from orgs.scoping import MANAGE_ROLES, Scope

from .decisions import decidable_q, decidable_queryset

RETURNED_ROLES = frozenset({"unit_officer", "secretariat"})


@dataclass(frozen=True)
class DashboardDossiers:
    returned: list[Dossier]  # the first ``limit``, by deadline
    waiting: list[Dossier]  # every approved dossier the viewer's unit decides


def dashboard_dossiers(
    scope: Scope, *, returned: bool, waiting: bool, limit: int = 5
) -> DashboardDossiers:
    from awards.services.decision_drafts import decides_itself

    is_returned = Q(pk__in=[])
    if returned:
        is_returned = Q(
            pk__in=Dossier.objects.visible_to(scope, RETURNED_ROLES)
            .filter(status=Dossier.Status.RETURNED)
            .order_by("deadline", "pk")
            .values("pk")[:limit]
        )
    is_waiting = decidable_q(scope) if waiting else Q(pk__in=[])
    if not returned and not waiting:
        return DashboardDossiers([], [])
    rows = list(
        decidable_queryset()
        .filter(is_returned | is_waiting)
        .annotate(
            in_returned=ExpressionWrapper(is_returned, output_field=BooleanField()),
            in_waiting=ExpressionWrapper(is_waiting, output_field=BooleanField()),
        )
    )
    return DashboardDossiers(
        returned=sorted(
            (row for row in rows if row.in_returned),
            key=lambda row: (row.deadline is None, row.deadline, row.pk),
        ),
        waiting=[row for row in rows if row.in_waiting and decides_itself(row)],
    )


def dashboard_counts(scope: Scope, *, drafts: bool, proposals: bool) -> dict[str, int]:
    """How many draft decisions and cluster proposals to take up the viewer has,
    in one query (a UNION of the two counts)."""
    parts = []
    if drafts:
        parts.append(
            Decision.objects.visible_to(scope, MANAGE_ROLES)
            .filter(status=Decision.Status.DRAFT)
            .annotate(part=Value("drafts"))
        )
    if proposals:
        parts.append(confirmed_proposals(scope=scope).annotate(part=Value("proposals")))
    counted = [
        part.order_by().values("part").annotate(n=Count("pk")).values_list("part", "n")
        for part in parts
    ]
    found = {"drafts": 0, "proposals": 0}
    if counted:
        query = (
            counted[0].union(*counted[1:], all=True) if len(counted) > 1 else counted[0]
        )
        found.update(dict(query))
    return found
