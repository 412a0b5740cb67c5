"""Reading the catalogue for a date: who confers a kind, who receives a dossier.

The mapping from an authority to the units that hold it is structural (a
commune chairman sits in a commune, ward or special zone); which kind has which
authority on which date is data (``AwardAuthority`` rows).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact, In
from django.utils.translation import gettext as _

from awards.models import AwardAuthority, AwardKind
from orgs.models import Unit

A = AwardAuthority.Authority
LOCAL_GOVERNMENT = {"province", "district", "commune", "ward", "special_zone"}
NO_HEAD = {"village", "residential_group"}


# The unit kinds whose head holds an authority by office; ``UNIT_HEAD`` is any other
# unit with legal personality.
HEAD_OF_KINDS = {
    A.COMMUNE_CHAIR: frozenset({"commune", "ward", "special_zone"}),
    A.DISTRICT_CHAIR: frozenset({"district"}),
    A.PROVINCE_CHAIR: frozenset({"province"}),
    A.ENTERPRISE_HEAD: frozenset({"enterprise"}),
}
NOT_UNIT_HEAD = frozenset(LOCAL_GOVERNMENT | NO_HEAD)


def holds(authority: str, unit: Unit) -> bool:
    """Return True when the head of ``unit`` holds ``authority``."""
    if authority in HEAD_OF_KINDS:
        return unit.kind in HEAD_OF_KINDS[authority]
    if authority == A.UNIT_HEAD:
        return unit.has_legal_personality and unit.kind not in NOT_UNIT_HEAD
    # Ministers, the Prime Minister and the President sit outside the tree.
    return False


def holds_q(authority: str, unit_field: Callable[[str], Any]) -> Q | None:
    """``holds`` as a condition on a unit's columns, or None when no unit holds it.

    ``unit_field("kind")`` names a column of the unit: ``F("receiving_unit__kind")``
    on the dossier itself, ``OuterRef(...)`` from inside a subquery.
    """
    kind = unit_field("kind")
    if authority in HEAD_OF_KINDS:
        return Q(In(kind, sorted(HEAD_OF_KINDS[authority])))
    if authority == A.UNIT_HEAD:
        return Q(Exact(unit_field("has_legal_personality"), True)) & ~Q(
            In(kind, sorted(NOT_UNIT_HEAD))
        )
    return None


def authorities_on(award_kind: AwardKind, on: datetime.date) -> list[AwardAuthority]:
    return [row for row in award_kind.authorities.all() if row.is_valid_on(on)]


def requires_public_comment(award_kind: AwardKind, on: datetime.date) -> bool:
    return any(row.requires_public_comment for row in authorities_on(award_kind, on))


def receiving_unit_for(*, unit: Unit, award_kind: AwardKind, on: datetime.date) -> Unit:
    """The unit that decides, or receives to propose upward, a dossier of ``unit``.

    Walk up the management line from ``unit`` itself and stop at the first unit,
    active on ``on``, whose head holds one of the authorities in force for
    ``award_kind``. When nobody in the tree holds it (Thủ tướng, Chủ tịch nước),
    the top of the line receives the dossier and proposes it upward (Luật 2022
    Điều 83).
    """
    rows = authorities_on(award_kind, on)
    if not rows:
        raise ValidationError(
            _("Chưa có quy định thẩm quyền quyết định “%(kind)s” áp dụng ngày %(day)s.")
            % {"kind": award_kind.name, "day": on.strftime("%d/%m/%Y")},
            code="no_authority",
        )
    chain = list(
        Unit.objects.filter(pk__in=unit.ancestor_ids).order_by(Length("path").desc())
    )
    for candidate in chain:
        if candidate.is_active_on(on) and any(
            holds(row.authority, candidate) for row in rows
        ):
            return candidate
    active = [candidate for candidate in chain if candidate.is_active_on(on)]
    return (active or chain or [unit])[-1]
