"""What the awards cards of the dashboard read, each part once per request.

The dossiers a unit must correct are one query; the draft decisions, the cluster
proposals to take up and the dossiers waiting for a decision are one count query.
"""

from __future__ import annotations

from django.db.models import Count, F, Value

from awards.models import Decision, Dossier
from clusters.selectors import confirmed_proposals
from orgs.scoping import MANAGE_ROLES, Scope

from .decisions import decidable_q

RETURNED_ROLES = frozenset({"unit_officer", "secretariat"})


def returned_dossiers(scope: Scope, *, limit: int = 5) -> list[Dossier]:
    """The first ``limit`` dossiers the viewer's units must correct, by deadline."""
    return list(
        Dossier.objects.visible_to(scope, RETURNED_ROLES)
        .filter(status=Dossier.Status.RETURNED)
        .select_related("unit", "award_kind")
        .order_by(F("deadline").asc(nulls_last=True), "pk")[:limit]
    )


def dashboard_counts(
    scope: Scope, *, drafts: bool, proposals: bool, waiting: bool
) -> dict[str, int]:
    """How many draft decisions, cluster proposals to take up and dossiers waiting
    for the viewer's decision there are, in one query (a UNION of the counts)."""
    parts = []
    if drafts:
        parts.append(
            Decision.objects.visible_to(scope, MANAGE_ROLES)
            .filter(status=Decision.Status.DRAFT)
            .annotate(part=Value("drafts"))
        )
    if proposals:
        parts.append(confirmed_proposals(scope=scope).annotate(part=Value("proposals")))
    if waiting:
        parts.append(
            Dossier.objects.filter(decidable_q(scope)).annotate(part=Value("waiting"))
        )
    counted = [
        part.order_by().values("part").annotate(n=Count("pk")).values_list("part", "n")
        for part in parts
    ]
    found = {"drafts": 0, "proposals": 0, "waiting": 0}
    if counted:
        query = (
            counted[0].union(*counted[1:], all=True) if len(counted) > 1 else counted[0]
        )
        found.update(dict(query))
    return found
