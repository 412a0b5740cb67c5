"""Which organisations may this user see or change? The one answer, used everywhere.

A ``Scope`` is built once per request from the user's role assignments. Each grant
covers a unit and its whole subtree (the unit's ``path`` is a prefix of theirs), so
every visibility question is an indexed prefix lookup on ``Unit.path``.

Models that belong to a unit declare ``scope_path``, the lookup from the model to
its owning unit ("unit", "council__owner_unit"…), and use
``ScopedQuerySet.as_manager()``. Staff views fetch objects only through
``visible_to(scope)`` and ``get_visible_or_404``; an object outside the scope
answers 404, the same as a missing one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

SECRETARIAT = "secretariat"
UNIT_OFFICER = "unit_officer"
LEADER = "leader"
COUNCIL_MEMBER = "council_member"
CLUSTER_OFFICER = "cluster_officer"

VIEW_ROLES = frozenset(
    {SECRETARIAT, UNIT_OFFICER, LEADER, COUNCIL_MEMBER, CLUSTER_OFFICER}
)
CHANGE_ROLES = frozenset({SECRETARIAT, UNIT_OFFICER})
MANAGE_ROLES = frozenset({SECRETARIAT})


@dataclass(frozen=True)
class Grant:
    unit_id: int
    path: str
    role: str
    unit_name: str = ""


@dataclass
class Scope:
    """The units a user may see and change, with the role behind each grant."""

    user_id: int | None
    is_superuser: bool = False
    grants: tuple[Grant, ...] = ()
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    def paths(self, roles: Iterable[str] | None = None) -> list[str]:
        """Return the subtree roots granted for ``roles``, without nested duplicates."""
        wanted = VIEW_ROLES if roles is None else frozenset(roles)
        candidates = sorted({g.path for g in self.grants if g.role in wanted})
        roots: list[str] = []
        for path in candidates:
            if not any(path.startswith(root) for root in roots):
                roots.append(path)
        return roots

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or any(g.role in roles for g in self.grants)

    def units_q(self, prefix: str = "", roles: Iterable[str] | None = None) -> Q:
        """Return a Q matching rows whose unit (reached through ``prefix``) is in scope."""
        if self.is_superuser:
            return Q()
        lookup = f"{prefix}__path__startswith" if prefix else "path__startswith"
        query = Q(pk__in=[])
        for path in self.paths(roles):
            query |= Q(**{lookup: path})
        return query

    def covers(self, unit: Any, roles: Iterable[str] | None = None) -> bool:
        """Return True when ``unit`` lies in a subtree granted for ``roles``."""
        if self.is_superuser:
            return True
        if unit is None:
            return False
        return any(unit.path.startswith(root) for root in self.paths(roles))

    def can_view(self, unit: Any) -> bool:
        return self.covers(unit, VIEW_ROLES)

    def can_change(self, unit: Any) -> bool:
        return self.covers(unit, CHANGE_ROLES)

    def can_manage(self, unit: Any) -> bool:
        return self.covers(unit, MANAGE_ROLES)

    def ancestor_ids(self, roles: Iterable[str] | None = None) -> list[int]:
        """The granted units (for ``roles``) and every unit above them, read from
        their paths without a query: rules and movements set above reach down."""
        wanted = VIEW_ROLES if roles is None else frozenset(roles)
        return sorted(
            {
                int(part)
                for g in self.grants
                if g.role in wanted
                for part in g.path.strip("/").split("/")
                if part
            }
        )

    def granted_unit_ids(self, roles: Iterable[str] | None = None) -> list[int]:
        wanted = VIEW_ROLES if roles is None else frozenset(roles)
        return sorted({g.unit_id for g in self.grants if g.role in wanted})


class ScopedQuerySet(models.QuerySet):
    def visible_to(
        self, scope: Scope, roles: Iterable[str] | None = None
    ) -> ScopedQuerySet:
        """Return the rows whose owning unit is in the user's scope."""
        return self.filter(scope.units_q(self.model.scope_path, roles))


def scope_for(
    user: AbstractBaseUser | AnonymousUser | None, on: datetime.date | None = None
) -> Scope:
    """Return the scope of ``user`` today (or on ``on``), cached on the user object."""
    if user is None or not user.is_authenticated:
        return Scope(user_id=None)
    day = on or timezone.localdate()
    cache_key = f"_tdkt_scope_{day.isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    from orgs.models import RoleAssignment

    rows = (
        RoleAssignment.objects.filter(user_id=user.pk)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .values_list("unit_id", "unit__path", "role", "unit__name")
        .order_by("unit__path", "role")
    )
    scope = Scope(
        user_id=user.pk,
        is_superuser=bool(user.is_superuser and user.is_active),
        grants=tuple(Grant(*row) for row in rows),
    )
    setattr(user, cache_key, scope)
    return scope


def forget_scope(user: Any) -> None:
    """Drop the scope cached on ``user`` (after its role assignments change)."""
    for name in [n for n in vars(user) if n.startswith("_tdkt_scope_")]:
        delattr(user, name)


def get_visible_or_404(
    model_or_queryset: type[models.Model] | models.QuerySet,
    scope: Scope,
    roles: Iterable[str] | None = None,
    **lookup: Any,
) -> Any:
    """Return the one object matching ``lookup`` that ``scope`` may see, or raise 404.

    A missing object and an object of another unit give the same answer, so an id
    typed into the URL reveals nothing.
    """
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, models.QuerySet)
        else model_or_queryset._default_manager.all()
    )
    queryset = queryset.filter(scope.units_q(queryset.model.scope_path, roles))
    try:
        return queryset.get(**lookup)
    except (
        queryset.model.DoesNotExist,
        queryset.model.MultipleObjectsReturned,
        ValueError,
    ):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


class ScopedRequest(HttpRequest):
    scope: Scope
