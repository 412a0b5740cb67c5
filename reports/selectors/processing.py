"""How long dossiers stay in each step, from their transition history.

A dossier enters a state at one ``DossierTransition`` and leaves it at the next;
the time in between is the step's duration, in calendar and in working days
(public holidays from ``orgs.PublicHoliday``, loaded once). A step with a deadline
(reception, appraisal, correction) is late when it was left after that day.
Steps still open are counted apart, with their age so far.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Dossier, DossierTransition
from orgs.db import reporting_alias
from orgs.models import PublicHoliday
from orgs.scoping import Scope
from reports.filters import Filters, unit_q
from reports.tables import Cell, Row, Table, drill_url

# The steps whose time is measured, in the order of the workflow; terminal states
# (decided, not approved, withdrawn, revoked) end the clock.
STEPS = [
    Dossier.Status.DRAFT,
    Dossier.Status.SUBMITTED,
    Dossier.Status.UNDER_REVIEW,
    Dossier.Status.RETURNED,
    Dossier.Status.RESUBMITTED,
    Dossier.Status.CHECKED,
    Dossier.Status.AT_COUNCIL,
    Dossier.Status.APPROVED,
]


@dataclass
class Passage:
    """One stay of one dossier in one step."""

    dossier_id: int
    reference: str
    title: str
    unit: str
    step: str
    entered: datetime.datetime
    left: datetime.datetime | None
    deadline: datetime.date | None
    days: int
    working_days: int

    @property
    def late(self) -> bool:
        if self.deadline is None:
            return False
        end = timezone.localtime(self.left).date() if self.left else _today()
        return end > self.deadline


def _today() -> datetime.date:
    return timezone.localdate()


def dossier_q(filters: Filters) -> Q:
    query = unit_q(filters)
    if filters.year:
        query &= Q(year=filters.year)
    elif filters.year_from or filters.year_to:
        years = filters.years
        query &= Q(year__gte=years[0], year__lte=years[-1])
    if filters.level:
        query &= Q(award_kind__level=filters.level)
    if filters.kind:
        query &= Q(award_kind__code=filters.kind)
    return query


def _working_days(
    start: datetime.date, end: datetime.date, holidays: set[datetime.date]
) -> int:
    """Working days after ``start`` up to ``end`` (as ``orgs.workdays``, without a query)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            count += 1
    return count


def passages(scope: Scope, filters: Filters) -> list[Passage]:
    """Every stay in a measured step of the dossiers the viewer sees (two queries)."""
    dossiers = Dossier.objects.using(reporting_alias()).visible_to(scope)
    rows = list(
        DossierTransition.objects.using(reporting_alias())
        .filter(dossier__in=dossiers.filter(dossier_q(filters)))
        .values(
            "dossier_id",
            "dossier__year",
            "dossier__title",
            "dossier__unit__name",
            "to_status",
            "at",
            "deadline",
        )
        .order_by("dossier_id", "at", "pk")
    )
    if not rows:
        return []
    now = timezone.now()
    first = min(timezone.localtime(r["at"]).date() for r in rows)
    holidays = set(
        PublicHoliday.objects.using(reporting_alias())
        .filter(date__range=(first, _today()))
        .values_list("date", flat=True)
    )
    result = []
    for index, row in enumerate(rows):
        if row["to_status"] not in STEPS:
            continue
        following = rows[index + 1] if index + 1 < len(rows) else None
        same = following is not None and following["dossier_id"] == row["dossier_id"]
        left = following["at"] if same else None
        start = timezone.localtime(row["at"]).date()
        end = timezone.localtime(left or now).date()
        result.append(
            Passage(
                dossier_id=row["dossier_id"],
                reference=f"HS-{row['dossier__year']}-{row['dossier_id']:05d}",
                title=row["dossier__title"],
                unit=row["dossier__unit__name"],
                step=row["to_status"],
                entered=row["at"],
                left=left,
                deadline=row["deadline"],
                days=(end - start).days,
                working_days=_working_days(start, end, holidays),
            )
        )
    return result


def _mean(values: Iterable[int]) -> Decimal | None:
    items = list(values)
    return Decimal(sum(items)) / len(items) if items else None


def _median(values: list[int]) -> Decimal | None:
    return Decimal(str(statistics.median(values))) if values else None


def step_table(scope: Scope, filters: Filters) -> Table:
    """Rows: steps. Columns: finished stays, mean and median days, mean working days,
    longest stay, late stays; then the stays still open and the oldest of them."""
    by_step: dict[str, list[Passage]] = defaultdict(list)
    for item in passages(scope, filters):
        by_step[item.step].append(item)
    labels = dict(Dossier.Status.choices)
    table = Table(
        key="processing",
        title=_("Thời gian xử lý hồ sơ theo từng bước"),
        row_header=_("Bước"),
        columns=[
            _("Số lượt đã xong"),
            _("Trung bình (ngày)"),
            _("Trung vị (ngày)"),
            _("Trung bình (ngày làm việc)"),
            _("Lâu nhất (ngày)"),
            _("Quá hạn"),
            _("Đang ở bước này"),
            _("Lâu nhất đang chờ (ngày)"),
        ],
    )
    for step in STEPS:
        items = by_step.get(step, [])
        done = [p for p in items if p.left is not None]
        open_ = [p for p in items if p.left is None]
        days = [p.days for p in done]

        def link(state: str, step: str = step) -> str:
            return drill_url(
                "steps", filters.params(extra={"step": step, "status": state})
            )

        table.rows.append(
            Row(
                str(labels[step]),
                [
                    Cell(len(done), link("done")),
                    Cell(_mean(days)),
                    Cell(_median(days)),
                    Cell(_mean(p.working_days for p in done)),
                    Cell(max(days) if days else None),
                    Cell(sum(1 for p in done if p.late), link("late")),
                    Cell(len(open_), link("open")),
                    Cell(max((p.days for p in open_), default=None)),
                ],
            )
        )
    return table


def passages_for(scope: Scope, filters: Filters) -> list[Passage]:
    """The stays behind one cell of the step table (drill-down)."""
    step = filters.extra.get("step", "")
    state = filters.extra.get("status", "done")
    items = [p for p in passages(scope, filters) if p.step == step]
    if state == "open":
        return [p for p in items if p.left is None]
    done = [p for p in items if p.left is not None]
    return [p for p in done if p.late] if state == "late" else done
