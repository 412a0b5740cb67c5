"""The wording a draft decision starts from (domain.md §11.4, §12.1). Every text is
a starting point the secretariat edits before issuing; nothing here is final."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from awards.models import AwardKind, AwardType
from orgs import vn
from orgs.printing import standard_grounds

from .names import head_title

# Titles a decision "recognises" (công nhận) rather than "confers" (tặng) in practice.
RECOGNISED = {"LDTT", "TTLDTT", "THON_VAN_HOA", "GIA_DINH_VAN_HOA"}


def conferral(kind: AwardKind, year_text: str, day: datetime.date) -> str:
    """Return "Tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm 2024" or "Tặng Giấy khen"."""
    name = kind.name_on(day)
    if kind.category == AwardKind.Category.TITLE:
        verb = "Công nhận" if kind.code in RECOGNISED else "Tặng"
        return f"{verb} danh hiệu “{name}” năm {year_text}"
    return f"Tặng {name}"


def summary(text: str) -> str:
    return f"Về việc {text[:1].lower()}{text[1:]}"


def achievement(award_type: str, year_text: str) -> str:
    if award_type == AwardType.AD_HOC:
        return "Đã có thành tích xuất sắc đột xuất."
    if award_type == AwardType.MOVEMENT:
        return "Đã có thành tích xuất sắc trong phong trào thi đua."
    return f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year_text}."


def executors(unit: Any) -> str:
    return (
        f"Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan thuộc "
        f"{unit.name} và các cá nhân, tập thể có tên tại Điều 1"
    )


def recipients(drafting_code: str = "") -> str:
    keep = f"Lưu: VT, {drafting_code}." if drafting_code else "Lưu: VT."
    return "\n".join(["Như Điều 3;", keep])


def signer_title(unit: Any) -> str:
    return vn.upper(head_title(unit))


def grounds(
    day: datetime.date,
    submissions: Iterable[tuple[str, str, datetime.date | None]],
    meetings: Iterable[dict[str, Any]],
) -> list[str]:
    """Standard grounds in force on ``day``, then the council's minutes and the tờ trình.

    ``submissions`` are (unit name, number, date) of the dossiers' tờ trình;
    ``meetings`` are {council, number, date} of the sessions that voted.
    """
    lines = list(standard_grounds(day))
    for meeting in meetings:
        if meeting.get("number"):
            lines.append(
                f"Căn cứ Biên bản họp {meeting['council']} số {meeting['number']} ngày "
                f"{vn.short_date(meeting['date'])};"
            )
        else:
            lines.append(
                f"Căn cứ kết quả biểu quyết của {meeting['council']} tại phiên họp ngày "
                f"{vn.short_date(meeting['date'])};"
            )
    submissions = list(submissions)
    if len(submissions) > 5:
        lines.append(
            f"Xét đề nghị của các cơ quan, đơn vị ({len(submissions)} tờ trình);"
        )
    else:
        for unit_name, number, date in submissions:
            if number:
                dated = f" ngày {vn.short_date(date)}" if date else ""
                lines.append(
                    f"Xét đề nghị của {unit_name} tại Tờ trình số {number}{dated};"
                )
    return lines


def proposal(standing_unit: Any) -> str:
    if standing_unit is None:
        return ""
    head = {"division": "Trưởng", "department": "Giám đốc"}.get(
        standing_unit.kind, "Thủ trưởng"
    )
    return f"Theo đề nghị của {head} {standing_unit.name},"
