"""The records behind a figure: one list per dataset, built from the figure's filters.

Every statistics table, form cell, chart bar and dashboard count links here with
its own filters; the list applies the very same conditions, so its length is the
number that was clicked.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardKind,
    AwardRecord,
    AwardType,
    Dossier,
    Initiative,
    Movement,
)
from awards.selectors import QUEUE_AGES, queue_age_q
from orgs.db import reporting_alias
from orgs.scoping import MANAGE_ROLES, Scope
from reports import official
from reports.filters import TIER_Q, Filters, award_q, unit_q
from reports.selectors import funds, processing
from reports.selectors.activity import initiative_q
from reports.selectors.awards import records

DATASETS = ("awards", "initiatives", "movements", "steps", "dossiers", "fund")

# Age of a dossier in its current step (calendar days since it entered it); the
# bounds are the awards app's (``awards.selectors.QUEUE_AGES``), shared with its queue.
_AGE_LABELS = {
    "0-7": _("Đến 7 ngày"),
    "8-15": _("8 – 15 ngày"),
    "16-30": _("16 – 30 ngày"),
    "31+": _("Trên 30 ngày"),
}
AGE_BUCKETS: list[tuple[str, Any, int, int | None]] = [
    (key, _AGE_LABELS[key], low, high) for key, low, high in QUEUE_AGES
]


# Dossiers sent and not yet settled (a draft is still the unit's own business).
PENDING = sorted(Dossier.PENDING - {Dossier.Status.DRAFT})


@dataclass
class DrillList:
    dataset: str
    rows: Any  # a queryset or a list
    total: int


def age_q(key: str, now: datetime.datetime | None = None) -> Q:
    """Dossiers whose current step began within the bucket ``key``."""
    now = now or timezone.now()
    for name, _label, low, high in AGE_BUCKETS:
        if name == key:
            return queue_age_q(low, high, now)
    raise Http404(_("Không có nhóm thời gian này."))


def receiving_q(scope: Scope) -> Q:
    """Dossiers sent to a unit whose secretariat the viewer is."""
    return scope.units_q("receiving_unit", MANAGE_ROLES)


def overdue_q(today: datetime.date | None = None) -> Q:
    """Dossiers past the deadline of their current step."""
    return Q(
        deadline__lt=today or timezone.localdate(),
        status__in=list(Dossier.DEADLINE_KEYS),
    )


def dossier_rows(scope: Scope, filters: Filters) -> QuerySet[Dossier]:
    """Dossiers the viewer sees, or with ``receiving=1`` the ones sent to its
    secretariat (by default those waiting in its queue)."""
    extra = filters.extra
    if extra.get("receiving") == "1":
        dossiers = Dossier.objects.filter(receiving_q(scope))
        if not extra.get("status"):
            dossiers = dossiers.filter(status__in=Dossier.IN_QUEUE)
    else:
        dossiers = Dossier.objects.visible_to(scope)
    dossiers = dossiers.using(reporting_alias()).filter(unit_q(filters))
    if extra.get("status") == "pending":
        dossiers = dossiers.filter(status__in=PENDING)
    elif extra.get("status"):
        dossiers = dossiers.filter(status=extra["status"])
    if extra.get("age"):
        dossiers = dossiers.filter(age_q(extra["age"]))
    if extra.get("overdue") == "1":
        dossiers = dossiers.filter(overdue_q())
    if extra.get("decided", "").isdigit():
        dossiers = dossiers.filter(
            status=Dossier.Status.DECIDED, decision_date__year=int(extra["decided"])
        )
    return dossiers.select_related("unit", "award_kind", "receiving_unit").order_by(
        "status_changed_at", "pk"
    )


def award_rows(scope: Scope, filters: Filters) -> QuerySet[AwardRecord]:
    if filters.extra.get("form"):
        rows = official.cell_records(scope, filters)
    else:
        rows = records(scope).filter(award_q(filters))
    return rows.select_related(
        "award_kind", "person", "collective", "household", "unit", "nomination"
    ).order_by("-year", "-decision_date", "pk")


def initiative_rows(scope: Scope, filters: Filters) -> QuerySet[Initiative]:
    return (
        Initiative.objects.using(reporting_alias())
        .visible_to(scope)
        .filter(initiative_q(filters))
        .select_related("unit")
        .prefetch_related("authors")
        .order_by("-recognition_date", "pk")
    )


def movement_rows(scope: Scope, filters: Filters) -> QuerySet[Movement]:
    if not filters.extra.get("form"):
        raise Http404(_("Không có danh sách này."))
    ids = official.cell_movement_ids(scope, filters)
    return (
        Movement.objects.using(reporting_alias())
        .filter(pk__in=ids)
        .select_related("launched_by")
        .order_by("-starts_on", "pk")
    )


def drill(dataset: str, scope: Scope, filters: Filters) -> DrillList:
    if dataset == "awards":
        rows: Any = award_rows(scope, filters)
    elif dataset == "initiatives":
        rows = initiative_rows(scope, filters)
    elif dataset == "movements":
        rows = movement_rows(scope, filters)
    elif dataset == "steps":
        rows = processing.passages_for(scope, filters)
    elif dataset == "dossiers":
        rows = dossier_rows(scope, filters)
    elif dataset == "fund":
        rows = funds.entry_rows(scope, filters)
    else:
        raise Http404(_("Không có danh sách này."))
    total = len(rows) if isinstance(rows, list) else rows.count()
    return DrillList(dataset, rows, total)


def describe(dataset: str, filters: Filters) -> list[str]:
    """The conditions of a list, in words, shown above it."""
    parts: list[str] = []
    if filters.unit is not None:
        parts.append(
            _("Đơn vị: %(unit)s") % {"unit": filters.unit.name}
            if filters.own
            else _("Đơn vị: %(unit)s và các đơn vị trực thuộc")
            % {"unit": filters.unit.name}
        )
    if filters.extra.get("form"):
        spec, line, column = official.line_and_column(filters)
        parts.append(
            _("Biểu %(form)s, năm %(year)s: dòng %(row)s “%(line)s”, cột “%(col)s”")
            % {
                "form": spec.number,
                "year": filters.year,
                "row": line.code,
                "line": line.label,
                "col": f"{column.group} – {column.label}"
                if column.group
                else column.label,
            }
        )
        return parts
    years = filters.years
    if dataset == "fund":
        parts.append(
            _("Năm %(year)s") % {"year": years[0]}
            if len(years) == 1
            else _("Từ năm %(a)s đến năm %(b)s") % {"a": years[0], "b": years[-1]}
        )
        kind = filters.extra.get("fund", "")
        parts += [str(label) for value, label in funds.KINDS if value == kind]
        return parts
    if dataset in ("awards", "initiatives"):
        basis = (
            _("năm quyết định") if filters.basis == "decision" else _("năm thành tích")
        )
        if len(years) == 1:
            parts.append(
                _("Năm %(year)s (%(basis)s)") % {"year": years[0], "basis": basis}
            )
        else:
            parts.append(
                _("Từ năm %(a)s đến năm %(b)s (%(basis)s)")
                % {"a": years[0], "b": years[-1], "basis": basis}
            )
    parts += _award_words(filters)
    return parts


def _award_words(filters: Filters) -> list[str]:
    parts = []
    if filters.level:
        parts.append(
            _("Cấp: %(level)s")
            % {"level": dict(AwardKind.Level.choices).get(filters.level, "")}
        )
    if filters.kind:
        kind = AwardKind.objects.filter(code=filters.kind).first()
        parts.append(kind.name if kind else filters.kind)
    if filters.subject:
        labels = {
            "individual": _("Cá nhân"),
            "collective": _("Tập thể"),
            "household": _("Hộ gia đình"),
        }
        parts.append(str(labels[filters.subject]))
    if filters.award_type:
        parts.append(str(dict(AwardType.choices)[filters.award_type]))
    if filters.direct:
        parts.append(_("Người lao động trực tiếp"))
    if filters.tier and filters.tier in TIER_Q:
        parts.append(filters.tier)
    return parts
