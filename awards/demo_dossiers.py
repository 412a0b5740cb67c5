"""Demo dossiers in every state of the workflow, with verdicts of every kind, overrides
and one proposal open for public comment."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from awards.demo_common import (
    PDF,
    D,
    Log,
    kind,
    people_of,
    units_by_code,
    user,
)
from awards.models import (
    Dossier,
    EligibilityResult,
    Household,
    Verdict,
)
from awards.services import dossiers as flow
from awards.services import files as file_services
from awards.services import nominations as nomination_services
from awards.services import public as public_services
from awards.services.eligibility import eligibility_evaluate, eligibility_override
from orgs.models import Unit

# Dossiers in every state ---------------------------------------------------------------------


def _attach(dossier: Dossier, actor: Any) -> None:
    for item in dossier.items.filter(required=True, files__isnull=True):
        upload = SimpleUploadedFile(
            f"{item.component.name}.pdf", PDF, content_type="application/pdf"
        )
        file_services.dossier_file_upload(
            dossier=dossier, actor=actor, uploaded=upload, item=item
        )


def _accept(dossier: Dossier, actor: Any) -> Dossier:
    """Accept after writing an override for every failed check (shown in the demo)."""
    eligibility_evaluate(dossier=dossier, actor=actor)
    failed = EligibilityResult.objects.filter(dossier=dossier, verdict=Verdict.FAILED)
    for result in failed:
        reason = (
            "Thành phố cho phép vượt tỷ lệ năm 2025 do có giáo viên đạt giải quốc gia (minh họa)."
            if result.nomination_id is None
            else "Đã đối chiếu quyết định khen thưởng bản giấy lưu tại đơn vị (minh họa)."
        )
        eligibility_override(result=result, actor=actor, reason=reason)
    return flow.dossier_accept(dossier=dossier, actor=actor)


STEPS = [
    "draft",
    "submitted",
    "under_review",
    "checked",
    "at_council",
    "approved",
    "decided",
]


def _drive(
    dossier: Dossier,
    target: str,
    unit_actor: Any,
    secretariat: Any,
    decision: tuple = (),
) -> Dossier:
    """Move a fresh draft along the main line up to ``target`` (or a side state)."""
    if target == "draft":
        return dossier
    _attach(dossier, unit_actor)
    dossier = flow.dossier_submit(dossier=dossier, actor=unit_actor)
    if target == "submitted":
        return dossier
    if target == "withdrawn":
        return flow.dossier_withdraw(
            dossier=dossier,
            actor=unit_actor,
            reason="Đơn vị rút để đề nghị hình thức phù hợp hơn.",
        )
    dossier = flow.dossier_start_review(dossier=dossier, actor=secretariat)
    if target == "under_review":
        return dossier
    if target in {"returned", "resubmitted"}:
        dossier = flow.dossier_return(
            dossier=dossier,
            actor=secretariat,
            reason="Bổ sung biên bản họp Hội đồng TĐKT của đơn vị và báo cáo thành tích có xác nhận.",
        )
        if target == "resubmitted":
            dossier = flow.dossier_resubmit(
                dossier=dossier, actor=unit_actor, reason="Đã bổ sung biên bản."
            )
        return dossier
    dossier = _accept(dossier, secretariat)
    if target == "checked":
        return dossier
    dossier = flow.dossier_send_to_council(dossier=dossier, actor=secretariat)
    if target == "at_council":
        return dossier
    if target == "not_approved":
        return flow.dossier_not_approve(
            dossier=dossier,
            actor=secretariat,
            reason="Không đạt 70% tổng số thành viên Hội đồng đồng ý.",
        )
    dossier = flow.dossier_approve(dossier=dossier, actor=secretariat)
    if target == "approved":
        return dossier
    number, day, issuer = decision
    dossier = flow.dossier_decide(
        dossier=dossier,
        actor=secretariat,
        decision_number=number,
        decision_date=day,
        issuer=issuer,
    )
    if target == "revoked":
        dossier = flow.dossier_revoke(
            dossier=dossier,
            actor=secretariat,
            reason="Thành tích kê khai không đúng (kết luận thanh tra, minh họa).",
            revoked_on=D(2025, 6, 10),
            revocation_number="88/QĐ-SYT",
        )
    return dossier


# title, unit code, award code, year, people selector, target state, planned decision, decision, extra
def _plans(units: dict[str, Unit]) -> list[dict[str, Any]]:
    dept, school = people_of(units["HN-SGDDT"]), people_of(units["HN-SGDDT-THPTVD"])
    health, hospital = people_of(units["HN-SYT"]), people_of(units["HN-SYT-BVTP"])
    ward, old_ward = (
        people_of(units["HN-P-HAI-BA-TRUNG"]),
        people_of(units["HN-HBT-LDH"]),
    )
    households = list(
        Household.objects.filter(unit=units["HN-P-HAI-BA-TRUNG"]).order_by("pk")
    )
    soon = timezone.localdate() + datetime.timedelta(days=90)
    return [
        {
            "title": "Đề nghị công nhận Lao động tiên tiến năm 2025 – Sở Giáo dục và Đào tạo",
            "unit": "HN-SGDDT",
            "code": "LDTT",
            "year": 2025,
            "people": dept + school,
            "target": "decided",
            "planned": D(2026, 1, 15),
            "decision": (
                "05/QĐ-SGDĐT",
                D(2026, 1, 15),
                "Giám đốc Sở Giáo dục và Đào tạo",
            ),
        },
        {
            "title": "Đề nghị công nhận Chiến sĩ thi đua cơ sở năm 2025 – Sở Giáo dục và Đào tạo",
            "unit": "HN-SGDDT",
            "code": "CSTDCS",
            "year": 2025,
            "people": [dept[0], dept[1], school[0]],
            "target": "checked",
            "planned": D(2026, 1, 20),
        },
        {
            "title": "Đề nghị tặng danh hiệu Chiến sĩ thi đua thành phố năm 2025",
            "unit": "HN-SGDDT",
            "code": "CSTDT",
            "year": 2025,
            "people": [dept[0], dept[1], dept[2], dept[6]],
            "target": "under_review",
            "planned": D(2026, 3, 10),
        },
        {
            "title": "Đề nghị tặng danh hiệu Tập thể lao động xuất sắc năm học 2025–2026 – Trường THPT Việt Đức",
            "unit": "HN-SGDDT",
            "code": "TTLDXS",
            "year": 2025,
            "collectives": [units["HN-SGDDT-THPTVD"]],
            "target": "at_council",
            "planned": D(2026, 3, 10),
        },
        {
            "title": "Đề nghị tặng Bằng khen của Chủ tịch UBND thành phố năm 2025",
            "unit": "HN-SGDDT",
            "code": "BK_TINH",
            "year": 2025,
            "people": [dept[1], dept[2]],
            "target": "approved",
            "planned": D(2026, 3, 10),
        },
        {
            "title": "Đề nghị phong tặng danh hiệu Anh hùng Lao động",
            "unit": "HN-SGDDT",
            "code": "AH_LAO_DONG",
            "year": 2025,
            "people": [dept[0]],
            "target": "under_review",
            "planned": soon,
            "public_comment": True,
        },
        {
            "title": "Đề nghị công nhận Lao động tiên tiến năm 2025 – Sở Y tế",
            "unit": "HN-SYT",
            "code": "LDTT",
            "year": 2025,
            "people": health,
            "target": "resubmitted",
            "planned": D(2026, 1, 20),
        },
        {
            "title": "Đề nghị tặng Giấy khen đột xuất – cấp cứu người bị nạn",
            "unit": "HN-SYT",
            "code": "GIAY_KHEN",
            "year": 2025,
            "people": health[5:7],
            "target": "withdrawn",
            "award_type": "ad_hoc",
            "planned": D(2025, 8, 1),
        },
        {
            "title": "Đề nghị tặng Bằng khen của Thủ tướng Chính phủ năm 2025",
            "unit": "HN-SYT",
            "code": "BK_TTG",
            "year": 2025,
            "people": [health[0]],
            "target": "not_approved",
            "planned": D(2026, 4, 1),
        },
        {
            "title": "Đề nghị tặng Giấy khen đột xuất năm 2024 – Bệnh viện Thanh Nhàn",
            "unit": "HN-SYT-BVTP",
            "code": "GIAY_KHEN",
            "year": 2024,
            "people": hospital[3:5],
            "target": "revoked",
            "award_type": "ad_hoc",
            "planned": D(2025, 2, 10),
            "decision": ("21/QĐ-BVTN", D(2025, 2, 10), "Giám đốc Bệnh viện Thanh Nhàn"),
        },
        {
            "title": "Đề nghị công nhận Chiến sĩ thi đua cơ sở năm 2024 – phường Lê Đại Hành",
            "unit": "HN-HBT-LDH",
            "code": "CSTDCS",
            "year": 2024,
            "people": old_ward[:3],
            "target": "decided",
            "planned": D(2025, 1, 15),
            "decision": (
                "05/QĐ-UBND",
                D(2025, 1, 20),
                "Chủ tịch UBND quận Hai Bà Trưng",
            ),
            "secretariat": "noivu.hbt",
            "officer": "canbo.ledaihanh",
        },
        {
            "title": "Đề nghị công nhận Lao động tiên tiến năm 2026 – phường Hai Bà Trưng",
            "unit": "HN-P-HAI-BA-TRUNG",
            "code": "LDTT",
            "year": 2026,
            "people": ward,
            "target": "draft",
            "planned": D(2027, 1, 15),
        },
        {
            "title": "Đề nghị công nhận Gia đình văn hóa năm 2025",
            "unit": "HN-P-HAI-BA-TRUNG",
            "code": "GIA_DINH_VAN_HOA",
            "year": 2025,
            "households": households,
            "target": "returned",
            "planned": D(2026, 1, 10),
        },
        {
            "title": "Đề nghị tặng danh hiệu Chiến sĩ thi đua thành phố năm 2025 – phường Hai Bà Trưng",
            "unit": "HN-P-HAI-BA-TRUNG",
            "code": "CSTDT",
            "year": 2025,
            "people": ward[:2],
            "target": "submitted",
            "planned": D(2026, 3, 10),
        },
    ]


OFFICERS = {
    "HN-SGDDT": "canbo.sgddt",
    "HN-SYT": "canbo.syt",
    "HN-SYT-BVTP": "canbo.syt",
    "HN-P-HAI-BA-TRUNG": "canbo.haibatrung",
    "HN-HBT-LDH": "canbo.ledaihanh",
}


def seed_dossiers(log: Log) -> None:
    units = units_by_code()
    created = 0
    for plan in _plans(units):
        if Dossier.objects.filter(title=plan["title"]).exists():
            continue
        unit = units[plan["unit"]]
        officer = user(plan.get("officer") or OFFICERS[plan["unit"]])
        secretariat = user(plan.get("secretariat", "thuongtruc.hanoi"))
        dossier = flow.dossier_create(
            actor=officer,
            unit=unit,
            award_kind=kind(plan["code"]),
            year=plan["year"],
            title=plan["title"],
            award_type=plan.get("award_type", "regular"),
            planned_decision_on=plan["planned"],
            achievements="Hoàn thành xuất sắc nhiệm vụ được giao; có nhiều sáng kiến, mô hình hay (minh họa).",
        )
        nomination_services.nominations_add(
            dossier=dossier,
            actor=officer,
            person_ids=[p.pk for p in plan.get("people", [])],
            collective_ids=[u.pk for u in plan.get("collectives", [])],
            household_ids=[h.pk for h in plan.get("households", [])],
            achievement="Tiêu biểu trong phong trào thi đua của đơn vị (minh họa).",
        )
        dossier = _drive(
            dossier, plan["target"], officer, secretariat, plan.get("decision", ())
        )
        if plan.get("public_comment"):
            _public_comment(dossier, secretariat)
        if plan["target"] == "draft":
            eligibility_evaluate(dossier=dossier, actor=officer)
        created += 1
    log(
        f"  {created} hồ sơ mới; {Dossier.objects.count()} hồ sơ ở {Dossier.objects.values('status').distinct().count()} trạng thái"
    )


def _public_comment(dossier: Dossier, secretariat: Any) -> None:
    consultation = public_services.public_consultation_open(
        dossier=dossier,
        actor=secretariat,
        summary="Sở Giáo dục và Đào tạo đề nghị phong tặng danh hiệu Anh hùng Lao động cho cá nhân có thành tích "
        "đặc biệt xuất sắc trong đổi mới quản lý giáo dục (dữ liệu minh họa).",
        contact="Ban Thi đua – Khen thưởng thành phố Hà Nội",
    )
    nominee = dossier.nominations.first()
    public_services.public_comment_submit(
        consultation=consultation,
        author_name="Nguyễn Văn Bình",
        nomination=nominee,
        body="Tôi là phụ huynh, xác nhận thầy có nhiều đóng góp cho nhà trường.",
    )
    comment = public_services.public_comment_submit(
        consultation=consultation,
        author_name="Trần Thị Mai",
        body="Đề nghị làm rõ số liệu về sáng kiến năm 2024.",
    )
    public_services.public_comment_handle(
        comment=comment,
        actor=secretariat,
        handling="accepted",
        note="Đã đề nghị đơn vị bổ sung giấy xác nhận hiệu quả sáng kiến.",
    )
