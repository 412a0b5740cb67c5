"""Council members assigned to follow a cluster year (theo dõi cụm)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import ClusterFollower, ClusterYear
from councils.models import CouncilMember

from .common import audit, require_manage


@transaction.atomic
def follower_assign(
    *,
    cluster_year: ClusterYear,
    council_member: CouncilMember,
    actor: Any,
    assigned_on: datetime.date | None = None,
    note: str = "",
) -> ClusterFollower:
    """Assign a seat of the authority's council to follow the cluster this year."""
    require_manage(actor, cluster_year.cluster)
    council = council_member.composition.council
    authority = cluster_year.cluster.authority
    if not council.owner_unit.path.startswith(
        authority.path
    ) and not authority.path.startswith(council.owner_unit.path):
        raise ValidationError(
            _("Chỉ phân công thành viên hội đồng của cơ quan tổ chức cụm, khối."),
            code="other_council",
        )
    follower = ClusterFollower(
        cluster_year=cluster_year,
        council_member=council_member,
        assigned_on=assigned_on,
        note=note,
    )
    follower.full_clean()
    follower.save()
    audit(
        actor,
        "clusters.follower.assigned",
        follower,
        authority,
        person=council_member.person.full_name,
    )
    return follower


@transaction.atomic
def follower_remove(*, follower: ClusterFollower, actor: Any) -> None:
    require_manage(actor, follower.cluster_year.cluster)
    audit(
        actor,
        "clusters.follower.removed",
        follower,
        follower.cluster_year.cluster.authority,
        person=follower.council_member.person.full_name,
    )
    follower.delete()
