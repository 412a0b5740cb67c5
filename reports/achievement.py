"""The skeleton of a nominee's báo cáo thành tích (domain.md §8.2, NĐ 91/2017 Mẫu 01
and 02, whose structure later decrees keep): I. sơ lược lý lịch or đặc điểm tình
hình; II. thành tích đạt được; III. các hình thức khen thưởng đã đạt — the last
pre-filled from the award register, the first two with what the dossier knows.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardRecord, Dossier, Nomination, YearlyResult
from orgs import vn
from orgs.models import DocumentIssuer
from orgs.pdf import letterhead
from orgs.scoping import Scope

TEMPLATE = "pdf/reports/achievement.html"
HISTORY_YEARS = 5


def nominations(scope: Scope) -> QuerySet[Nomination]:
    """Nominees of live dossiers the viewer sees, newest dossiers first."""
    return (
        Nomination.objects.visible_to(scope)
        .filter(outcome__in=Nomination.LIVE)
        .exclude(dossier__status__in=[Dossier.Status.WITHDRAWN, Dossier.Status.REVOKED])
        .select_related("dossier__award_kind", "dossier__unit")
        .order_by("-dossier__created_at", "dossier_id", "order", "pk")
    )


def _subject_filter(nomination: Nomination) -> dict[str, Any]:
    if nomination.person_id:
        return {"person_id": nomination.person_id}
    if nomination.collective_id:
        return {"collective_id": nomination.collective_id}
    return {"household_id": nomination.household_id}


def award_history(nomination: Nomination) -> list[dict[str, str]]:
    """Awards the nominee holds, oldest first: year, award, decision, issuer."""
    records = (
        AwardRecord.objects.filter(
            **_subject_filter(nomination), status=AwardRecord.Status.VALID
        )
        .select_related("award_kind")
        .order_by("year", "decision_date", "pk")
    )
    return [
        {
            "year": record.year_text,
            "award": record.award_kind.name,
            "decision": _("Số %(number)s ngày %(day)s")
            % {
                "number": record.decision_number,
                "day": vn.short_date(record.decision_date),
            },
            "issuer": record.issuer,
        }
        for record in records
    ]


def result_history(nomination: Nomination) -> list[dict[str, str]]:
    """The yearly evaluations of the last years, the usual first paragraph of part II."""
    rows = YearlyResult.objects.filter(**_subject_filter(nomination)).order_by("-year")[
        :HISTORY_YEARS
    ]
    return [
        {"year": row.year_text, "result": str(row.get_result_display())}
        for row in reversed(list(rows))
    ]


def default_profile(nomination: Nomination) -> str:
    if nomination.person_id:
        person = nomination.person
        lines = [
            _("Họ và tên: %(name)s") % {"name": nomination.display_name},
            _("Năm sinh: %(year)s") % {"year": nomination.birth_year or "…"},
            _("Giới tính: %(gender)s")
            % {"gender": person.get_gender_display() if person.gender else "…"},
            _("Chức vụ: %(position)s") % {"position": nomination.position or "…"},
            _("Đơn vị công tác: %(unit)s")
            % {"unit": nomination.unit_name or person.unit.name},
            _("Quá trình công tác: …"),
        ]
        return "\n".join(lines)
    if nomination.collective_id:
        unit = nomination.collective
        return "\n".join(
            [
                _("Tên đơn vị: %(name)s") % {"name": unit.name},
                _("Đơn vị quản lý cấp trên: %(parent)s")
                % {"parent": unit.parent.name if unit.parent_id else "…"},
                _("Chức năng, nhiệm vụ: …"),
                _(
                    "Tổ chức bộ máy, số lượng cán bộ, công chức, viên chức, người lao động: …"
                ),
            ]
        )
    household = nomination.household
    return "\n".join(
        [
            _("Chủ hộ: %(name)s") % {"name": household.head_name},
            _("Địa chỉ: %(address)s") % {"address": household.address},
            _("Số nhân khẩu: %(n)s") % {"n": household.members or "…"},
        ]
    )


def default_achievements(nomination: Nomination) -> str:
    parts = [nomination.achievement, nomination.dossier.achievements]
    text = "\n".join(p.strip() for p in parts if p and p.strip())
    return text or _("Kết quả thực hiện nhiệm vụ được giao: …")


def _letterhead(nomination: Nomination) -> dict[str, str]:
    """A collective reports under its own letterhead; a person only under the motto."""
    day = timezone.localdate()
    if nomination.collective_id:
        unit = nomination.collective
        issuer = DocumentIssuer.objects.filter(unit=unit, kind="unit").first()
        return dict(
            letterhead(
                parent=issuer.header_parent if issuer else unit.header_parent,
                name=issuer.printed_name if issuer else unit.printed_name,
                place=issuer.printed_place if issuer else unit.place_name,
                symbol="",
                issued_on=None,
            )
        ) | {"number_line": "", "date_line": _place_line(unit.place_name, day)}
    place = nomination.dossier.unit.place_name
    return {
        "parent": "",
        "name": "",
        "number_line": "",
        "date_line": _place_line(place, day),
    }


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _place_line(place: str, day: Any) -> str:
    return f"{place}, ngày\u2003\u2003tháng\u2003\u2003năm {day.year}"


def achievement_context(nomination: Nomination, data: dict[str, str]) -> dict[str, Any]:
    """Plain data printed by the PDF template and written into the .docx."""
    dossier = nomination.dossier
    kind = dossier.award_kind
    is_person = bool(nomination.person_id)
    return {
        "template": TEMPLATE,
        "doc": {
            "letterhead": _letterhead(nomination),
            "motto": MOTTO,
            "kind_title": _("BÁO CÁO THÀNH TÍCH"),
            "summary": _("Đề nghị tặng %(award)s năm %(year)s")
            % {"award": kind.name, "year": dossier.year_text},
            "subject_line": (
                _("(Cá nhân: %(name)s)") if is_person else _("(Tập thể, hộ: %(name)s)")
            )
            % {"name": nomination.display_name},
            "part_one": _("I. SƠ LƯỢC LÝ LỊCH")
            if is_person
            else _("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"),
            "profile": _lines(data.get("profile", "")),
            "part_two": _("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            "results_intro": _("Kết quả đánh giá, xếp loại những năm gần đây:"),
            "results_headers": [_("Năm"), _("Kết quả đánh giá, xếp loại")],
            "part_three": _("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT"),
            "history_headers": [
                _("Năm"),
                _("Danh hiệu, hình thức khen thưởng"),
                _("Số, ngày quyết định"),
                _("Cơ quan ban hành"),
            ],
            "achievements": _lines(data.get("achievements", "")),
            "results": result_history(nomination),
            "history": award_history(nomination),
            "left_signature": {
                "title": _("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ")
                if is_person
                else _("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"),
                "note": _("(Ký, đóng dấu)"),
                "name": "",
            },
            "right_signature": {
                "title": vn.upper(data.get("signer_title", "")).strip()
                or (
                    _("NGƯỜI BÁO CÁO THÀNH TÍCH")
                    if is_person
                    else _("THỦ TRƯỞNG ĐƠN VỊ")
                ),
                "note": _("(Ký, ghi rõ họ và tên)")
                if is_person
                else _("(Ký, đóng dấu)"),
                "name": data.get("signer_name", "")
                or (nomination.display_name if is_person else ""),
            },
        },
    }


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def initial(nomination: Nomination) -> dict[str, str]:
    return {
        "profile": default_profile(nomination),
        "achievements": default_achievements(nomination),
        "output": "pdf",
    }
