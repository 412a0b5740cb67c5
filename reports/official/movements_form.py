"""Biểu 0601.N of TT 02/2023/TT-BNV: emulation movements organised in the year.

Columns: the level that launched the movement (central council; ministry or
province; an agency, organisation or unit). Rows: scope, duration band, method.
A movement counts in a year when it runs during part of it. What the app does not
record is stated on the page: movements launched by a cụm, khối are not kept apart
(row 04 stays at zero) and a movement without an end date counts as one year.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from awards.models import Movement
from orgs.models import Unit

from .base import Column, FormSpec, Line

PROVINCE = Unit.Kind.PROVINCE
YEAR_DAYS = 365


def in_year_q(year: int) -> Q:
    """Movements running at some point of ``year`` (started by its end, not ended
    before its start)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Q(starts_on__lte=end) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start))


def movements_in_year(movements: QuerySet[Movement], year: int) -> QuerySet[Movement]:
    return movements.filter(in_year_q(year))


def movement_rows(movements: QuerySet[Movement]) -> list[dict[str, Any]]:
    return list(
        movements.values("id", "kind", "starts_on", "ends_on", "launched_by__kind")
    )


def duration_band(starts_on: datetime.date, ends_on: datetime.date | None) -> str:
    """The duration line (06–10) of a movement running ``starts_on``…``ends_on``."""
    if ends_on is None:
        return "07"
    days = (ends_on - starts_on).days + 1
    if days < YEAR_DAYS - 5:
        return "06"
    if days <= YEAR_DAYS + 5:
        return "07"
    if days < 3 * YEAR_DAYS:
        return "08"
    if days < 5 * YEAR_DAYS:
        return "09"
    return "10"


def classify(row: dict[str, Any]) -> set[str]:
    """The line and column tags of one movement (see ``FormSpec.classify``)."""
    by_province = row["launched_by__kind"] == PROVINCE
    tags = {
        "col:province" if by_province else "col:agency",
        "line:03" if by_province else "line:05",
        f"line:{duration_band(row['starts_on'], row['ends_on'])}",
        "line:12" if row["kind"] == Movement.Kind.REGULAR else "line:11",
    }
    return tags


def form_0601() -> FormSpec:
    columns = [
        Column(
            "central",
            str(_("Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)")),
            None,
            "2",
            str(_("Chia theo cấp chủ trì phát động thi đua")),
        ),
        Column(
            "province",
            str(
                _(
                    "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố "
                    "trực thuộc Trung ương"
                )
            ),
            None,
            "3",
            str(_("Chia theo cấp chủ trì phát động thi đua")),
        ),
        Column(
            "agency",
            str(_("Cơ quan, tổ chức, đơn vị")),
            None,
            "4",
            str(_("Chia theo cấp chủ trì phát động thi đua")),
        ),
    ]
    lines = [
        Line("01", _("Tổng số"), True),
        Line("", _("1. Chia theo phạm vi tổ chức thi đua")),
        Line("02", _("- Toàn quốc"), True, level=1),
        Line("03", _("- Bộ, ban, ngành, đoàn thể, địa phương"), True, level=1),
        Line(
            "04",
            _("- Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức"),
            True,
            level=1,
        ),
        Line("05", _("- Cơ quan, tổ chức, đơn vị"), True, level=1),
        Line("", _("2. Chia theo thời hạn thi đua")),
        Line("06", _("- Dưới 1 năm"), True, level=1),
        Line("07", _("- 1 năm"), True, level=1),
        Line("08", _("- Từ trên 1 năm đến dưới 3 năm"), True, level=1),
        Line("09", _("- Từ 3 năm đến dưới 5 năm"), True, level=1),
        Line("10", _("- Từ 5 năm trở lên"), True, level=1),
        Line("", _("3. Chia theo phương thức tổ chức phong trào thi đua")),
        Line("11", _("- Thi đua theo chuyên đề (theo đợt)"), True, level=1),
        Line("12", _("- Thi đua thường xuyên hằng năm"), True, level=1),
    ]
    return FormSpec(
        code="0601",
        number="0601.N/BNV-TĐKT",
        title=str(_("SỐ PHONG TRÀO THI ĐUA")),
        dataset="movements",
        lines=lines,
        columns=columns,
        unit_label=str(_("Phong trào")),
        total_label=str(_("Tổng số")),
        total_number="1=(2+3+4)",
        classify=classify,
        notes=[
            str(
                _(
                    "Số liệu: phong trào do đơn vị báo cáo và các đơn vị trực thuộc phát "
                    "động, diễn ra (toàn bộ hoặc một phần) trong năm báo cáo."
                )
            ),
            str(
                _(
                    "Cấp phát động theo đơn vị phát động: UBND tỉnh, thành phố là cấp tỉnh; "
                    "sở, ngành, quận, huyện, xã, cơ quan khác là cơ quan, tổ chức, đơn vị. "
                    "Hệ thống chưa theo dõi riêng phong trào do cụm, khối phát động "
                    "(dòng 04) và phong trào cấp Trung ương (cột 2)."
                )
            ),
            str(
                _(
                    "Phong trào chưa có ngày kết thúc được tính là thi đua 1 năm; phong trào "
                    "theo đợt và theo chuyên đề tính ở dòng 11."
                )
            ),
        ],
    )
