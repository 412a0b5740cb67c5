"""Demo of monthly recognition in quận Hai Bà Trưng (Kế hoạch 163/KH-UBND, 2017):
at least one "điển hình tiên tiến, người tốt, việc tốt" per unit and month. May
2025 is reviewed and decided (one unit sent late, several never did); June 2025
is still open with units missing after the deadline."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from awards.demo_common import D, Log, people_of, units_by_code, user
from awards.models import MonthlyEntry, MonthlyProposal
from awards.services import decision_drafts as drafts
from awards.services import monthly as services
from awards.services.decision_issue import decision_issue
from orgs.models import LegalDocument, LegalParameter, ParameterValue, Unit

PLAN = ("163/KH-UBND", D(2017, 8, 10))
DEEDS = [
    (
        "exemplary",
        "Hoàn thành xuất sắc việc số hóa hồ sơ một cửa, rút ngắn thời gian giải quyết thủ tục.",
    ),
    ("good_deed", "Nhặt được ví có 15 triệu đồng và giấy tờ, trả lại người đánh rơi."),
    ("good_deed", "Kịp thời cứu người bị đuối nước tại hồ Thiền Quang."),
    ("excellent", "Dẫn đầu đơn vị về tiến độ giải phóng mặt bằng trong tháng."),
]


def _parameter(log: Log, district: Unit) -> None:
    """The district asks for one proposal per unit and month, from the plan's date."""
    plan, _ = LegalDocument.objects.get_or_create(
        number=PLAN[0],
        issued_on=PLAN[1],
        defaults={
            "kind": "plan",
            "issuer": "Ủy ban nhân dân quận Hai Bà Trưng",
            "title": "Đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng (minh họa số, ngày)",
            "issuing_unit": district,
        },
    )
    ParameterValue.objects.get_or_create(
        parameter=LegalParameter.objects.get(code="monthly_recognition_min"),
        key="",
        scope_unit=district,
        valid_from=D(2017, 9, 1),
        defaults={
            "value": "1",
            "valid_to": D(2025, 6, 30),
            "legal_basis": plan,
            "note": "[P] ARTICLE-2: mỗi đơn vị đề nghị ít nhất 01 điển hình tiên tiến, người tốt, "
            "việc tốt mỗi tháng",
        },
    )


def _propose(
    unit: Unit,
    year: int,
    month: int,
    actor: Any,
    count: int,
    submitted: datetime.date | None,
) -> MonthlyProposal:
    proposal = services.monthly_proposal_open(
        unit=unit, year=year, month=month, actor=actor
    )
    if proposal.entries.exists():
        return proposal
    for index, person in enumerate(people_of(unit)[:count]):
        category, deed = DEEDS[(index + unit.pk) % len(DEEDS)]
        services.monthly_entry_add(
            proposal=proposal, actor=actor, person=person, category=category, deed=deed
        )
    if submitted is not None:
        services.monthly_proposal_submit(proposal=proposal, actor=actor)
        # The demo backdates the sending time to show on-time and late units.
        moment = datetime.datetime.combine(
            submitted, datetime.time(9), tzinfo=timezone.get_current_timezone()
        )
        MonthlyProposal.objects.filter(pk=proposal.pk).update(submitted_at=moment)
    return proposal


@transaction.atomic
def seed_monthly(log: Log) -> None:
    units = units_by_code()
    district = units.get("HN-HBT")
    if district is None:
        return
    _parameter(log, district)
    if MonthlyProposal.objects.filter(
        organisation=district, year=2025, month=5
    ).exists():
        log("  đã có đề xuất điển hình tháng 5 và 6/2025 của quận Hai Bà Trưng")
        return
    secretariat = user("noivu.hbt")
    may = [
        ("HN-HBT-NV", D(2025, 5, 20)),
        ("HN-HBT-LDH", D(2025, 5, 22)),
        ("HN-HBT-BK", D(2025, 5, 23)),
        ("HN-HBT-MK", D(2025, 5, 28)),  # after the 25th: listed as late
    ]
    for code, day in may:
        _propose(
            units[code], 2025, 5, secretariat, 2 if code == "HN-HBT-LDH" else 1, day
        )
    entries = list(
        MonthlyEntry.objects.filter(
            proposal__organisation=district, proposal__month=5, proposal__year=2025
        ).order_by("proposal__unit__path", "order")
    )
    for index, entry in enumerate(entries):
        if index == 1:
            services.monthly_entry_review(
                entry=entry,
                actor=secretariat,
                accepted=False,
                reason="Thành tích đã được biểu dương tại phường; đề nghị khen thưởng cấp phường.",
            )
        else:
            services.monthly_entry_review(entry=entry, actor=secretariat, accepted=True)
    monthly = services.monthly_list_open(
        organisation=district, year=2025, month=5, actor=secretariat
    )
    draft = services.monthly_list_draft_decision(
        monthly=monthly, actor=secretariat, decision_date=D(2025, 6, 2)
    )
    draft = drafts.decision_update(
        decision=draft,
        actor=secretariat,
        signature_prefix="KT.",
        signature_authority="CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Phạm Thị Thu Hà",
    )
    decision = decision_issue(decision=draft, actor=secretariat)
    for code, day in (("HN-HBT-NV", D(2025, 6, 18)), ("HN-HBT-BK", None)):
        _propose(units[code], 2025, 6, secretariat, 1, day)
    log(
        f"  tháng 5/2025: {len(entries)} người đề xuất, {decision.number}; tháng 6/2025 đang xét"
    )


SEEDERS = [
    (
        "Khen thưởng: điển hình tiên tiến, người tốt, việc tốt hằng tháng",
        360,
        seed_monthly,
    )
]
