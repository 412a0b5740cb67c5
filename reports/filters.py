"""What a figure counts, as data: the filters of every statistics page and drill-down.

A number on a page and the list behind it are built from the same ``Filters`` and
the same ``Q`` objects, so the list a click opens always holds exactly the records
counted in the cell (peers.md §6 item 15). Filters travel as plain query-string
parameters (``?year=2024&level=30&subject=individual``); ``Filters.params`` turns
them back into the string a drill-down link carries.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import StrIndex, Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardKind, AwardRecord, AwardType, Subject
from orgs.models import Unit
from orgs.scoping import Scope

FIRST_YEAR, LAST_YEAR = 1945, 2100
# A trend page shows this many years when the user does not choose a range.
DEFAULT_SPAN = 7

SUBJECT_Q: dict[str, Q] = {
    Subject.INDIVIDUAL: Q(person__isnull=False),
    Subject.COLLECTIVE: Q(collective__isnull=False),
    Subject.HOUSEHOLD: Q(household__isnull=False),
}

# The person's flags as they stood when nominated (the nomination keeps a copy);
# records typed in or imported have no nomination and use the person's flags.
DIRECT_Q = Q(person__isnull=False) & (
    Q(nomination__is_direct_worker=True)
    | Q(nomination__isnull=True, person__is_direct_worker=True)
)
LEADER_Q = Q(person__isnull=False) & (
    Q(nomination__is_leader=True) | Q(nomination__isnull=True, person__is_leader=True)
)

# Leader tiers of the TT 02/2023 forms (0602.N, 0603.N), from the kind of the unit
# managing the record: the forms' tiers are not recorded on people, so the level
# of the unit stands for the level of the post (a choice stated on the form page).
PROVINCE_KINDS = (Unit.Kind.PROVINCE,)
DEPARTMENT_KINDS = (Unit.Kind.DEPARTMENT, Unit.Kind.DISTRICT, Unit.Kind.CENTRAL_AGENCY)
ENTERPRISE_KINDS = (Unit.Kind.ENTERPRISE,)
TIER_Q: dict[str, Q] = {
    "province_leader": LEADER_Q & Q(unit__kind__in=PROVINCE_KINDS),
    "department_leader": LEADER_Q & Q(unit__kind__in=DEPARTMENT_KINDS),
    "entrepreneur": LEADER_Q & Q(unit__kind__in=ENTERPRISE_KINDS),
    "other_leader": LEADER_Q
    & ~Q(unit__kind__in=(*PROVINCE_KINDS, *DEPARTMENT_KINDS, *ENTERPRISE_KINDS)),
    "direct_worker": DIRECT_Q & ~LEADER_Q,
}
ENTERPRISE_Q = Q(collective__kind__in=ENTERPRISE_KINDS)


def year_choices() -> list[int]:
    today = timezone.localdate()
    return list(range(today.year, 2009, -1))


def _int(value: Any, low: int = FIRST_YEAR, high: int = LAST_YEAR) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


@dataclass(frozen=True)
class Filters:
    """The chosen slice of data. Every field is optional; empty means "all"."""

    unit: Unit | None = None
    own: bool = False  # the unit itself, without its subtree
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    basis: str = "achievement"  # or "decision": which year a record belongs to
    level: int | None = None
    subject: str = ""
    kind: str = ""
    group: str = ""
    award_type: str = ""
    direct: bool = False
    tier: str = ""
    enterprise: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        if self.year:
            return [self.year]
        # A year's achievements are decided the next January: by achievement year
        # the current year is still empty, so the default range ends the year before.
        this_year = timezone.localdate().year
        last = self.year_to or (
            this_year if self.basis == "decision" else this_year - 1
        )
        first = self.year_from or last - DEFAULT_SPAN + 1
        return list(range(first, last + 1)) if first <= last else [last]

    def params(self, **changes: Any) -> dict[str, str]:
        """The query-string form of these filters (with ``changes`` applied)."""
        data = replace(self, **changes) if changes else self
        out: dict[str, str] = {}
        if data.unit not in (None, ""):
            out["unit"] = str(getattr(data.unit, "pk", data.unit))
        if data.own:
            out["own"] = "1"
        for name in ("year", "year_from", "year_to", "level"):
            value = getattr(data, name)
            if value:
                out[name] = str(value)
        if data.basis != "achievement":
            out["basis"] = data.basis
        for name in ("subject", "kind", "group", "award_type", "tier"):
            value = getattr(data, name)
            if value:
                out[name] = value
        if data.direct:
            out["direct"] = "1"
        if data.enterprise:
            out["enterprise"] = "1"
        out.update({k: v for k, v in data.extra.items() if v not in ("", None)})
        return out


EXTRA_KEYS = (
    "form",
    "row",
    "col",
    "step",
    "status",
    "age",
    "scope_level",
    "fund",
    "receiving",
    "overdue",
    "decided",
    "half",
)


def parse_filters(data: Mapping[str, Any], scope: Scope) -> Filters:
    """Read filters from a query string. An unknown or unseen unit answers 404."""
    unit = None
    if data.get("unit"):
        unit_id = _int(data.get("unit"), 1, 2**62)
        unit = (
            Unit.objects.visible_to(scope).filter(pk=unit_id).first()
            if unit_id
            else None
        )
        if unit is None:
            raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem."))
    subject = data.get("subject", "")
    award_type = data.get("award_type", "")
    tier = data.get("tier", "")
    return Filters(
        unit=unit,
        own=data.get("own") == "1" and unit is not None,
        year=_int(data.get("year")),
        year_from=_int(data.get("year_from")),
        year_to=_int(data.get("year_to")),
        basis="decision" if data.get("basis") == "decision" else "achievement",
        level=_int(data.get("level"), 1, 100),
        subject=subject if subject in Subject.values else "",
        kind=str(data.get("kind", ""))[:40].upper(),
        group=str(data.get("group", ""))[:60],
        award_type=award_type if award_type in AwardType.values else "",
        direct=data.get("direct") == "1",
        tier=tier if tier in TIER_Q else "",
        enterprise=data.get("enterprise") == "1",
        extra={k: str(data[k])[:40] for k in EXTRA_KEYS if data.get(k)},
    )


def default_unit(scope: Scope) -> Unit | None:
    """The unit a page opens on: the highest unit the viewer holds a role for."""
    paths = scope.paths()
    if not paths:
        if scope.is_superuser:
            return Unit.objects.filter(parent__isnull=True).order_by("path").first()
        return None
    return Unit.objects.filter(path=paths[0]).first()


def unit_q(filters: Filters, prefix: str = "unit") -> Q:
    if filters.unit is None:
        return Q()
    if filters.own:
        return Q(**{prefix: filters.unit})
    return Q(**{f"{prefix}__path__startswith": filters.unit.path})


def year_field(filters: Filters) -> str:
    return "decision_date__year" if filters.basis == "decision" else "year"


def award_q(filters: Filters, *, with_years: bool = True) -> Q:
    """Valid award records matching ``filters`` (revoked awards never count)."""
    query = Q(status=AwardRecord.Status.VALID) & unit_q(filters)
    if with_years:
        years = filters.years
        name = year_field(filters)
        query &= Q(**{f"{name}__gte": years[0], f"{name}__lte": years[-1]})
    if filters.level:
        query &= Q(award_kind__level=filters.level)
    if filters.subject:
        query &= SUBJECT_Q[filters.subject]
    if filters.kind:
        query &= Q(award_kind__code=filters.kind)
    if filters.group:
        query &= Q(award_kind__group=filters.group)
    if filters.award_type:
        query &= Q(award_type=filters.award_type)
    if filters.direct:
        query &= DIRECT_Q
    if filters.tier:
        query &= TIER_Q[filters.tier]
    if filters.enterprise:
        query &= ENTERPRISE_Q
    if filters.extra.get("half") == "1":
        # A mid-year report counts decisions of 1 January – 30 June.
        query &= Q(decision_date__month__lte=6)
    return query


def branch_of(root: Unit, field_path: str = "unit__path") -> Any:
    """An expression giving, for a row under ``root``, the id of the child of ``root``
    whose subtree holds it (as text), or "" for rows of ``root`` itself.

    One GROUP BY then counts every branch at once, however many children the root has.
    """
    start = len(root.path) + 1
    rest = Substr(F(field_path), start)
    return Case(
        When(**{field_path: root.path}, then=Value("")),
        default=Substr(F(field_path), start, StrIndex(rest, Value("/")) - 1),
    )


def kinds_by_code() -> dict[str, AwardKind]:
    return {kind.code: kind for kind in AwardKind.objects.all()}


def today() -> datetime.date:
    return timezone.localdate()
