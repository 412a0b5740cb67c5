"""Demo of part II (``seed_demo``, orders 330–360): the Hai Bà Trưng council's first
session of 2025 voting on nominees, the decisions that followed (certificates with
their codes, money in the district's fund), a correction, a revocation with money to
recover, a school decision with a long annex, and monthly recognition of May and
June 2025 with late units. Everything is looked up by title or number first, so a
second run adds nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from awards.demo_common import D, Log, kind, people_of, units_by_code, user
from awards.demo_dossiers import _drive
from awards.models import Decision, DecisionLine, Dossier, RevocationCase
from awards.services import council_review as council
from awards.services import decision_amendments as amendments
from awards.services import decision_drafts as drafts
from awards.services import dossiers as flow
from awards.services import funds
from awards.services import nominations as nomination_services
from awards.services.decision_issue import decision_issue
from councils import services as council_services
from councils.models import Council, Meeting
from orgs.models import Unit

SESSION_DAY = D(2025, 1, 10)
DECISION_DAY = D(2025, 1, 20)
HBT_SIGNER = {
    "signature_prefix": "KT.",
    "signature_authority": "CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Phạm Thị Thu Hà",
}
CSTDCS_TITLE = "Đề nghị công nhận Chiến sĩ thi đua cơ sở năm 2024 – phường Bách Khoa"
TTLDTT_TITLE = "Đề nghị công nhận Tập thể lao động tiên tiến năm 2024 – các phường"


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
    )


def _dossier(
    title: str, unit: Unit, code: str, *, actor: Any, **subjects: Any
) -> Dossier:
    dossier = flow.dossier_create(
        actor=actor,
        unit=unit,
        award_kind=kind(code),
        year=2024,
        title=title,
        planned_decision_on=DECISION_DAY,
        submission_number="12/TTr-UBND",
        submission_date=D(2024, 12, 20),
        achievements="Hoàn thành xuất sắc nhiệm vụ năm 2024 (minh họa).",
    )
    nomination_services.nominations_add(dossier=dossier, actor=actor, **subjects)
    return dossier


def _session(council_obj: Council) -> Meeting:
    meeting = Meeting.objects.filter(council=council_obj, year=2025, number=1).first()
    if meeting is not None:
        return meeting
    meeting = council_services.meeting_create(
        council=council_obj,
        actor=None,
        starts_at=_at(SESSION_DAY, 8, 30),
        place="Hội trường tầng 2, trụ sở UBND quận Hai Bà Trưng",
        subject="Xét khen thưởng tổng kết năm 2024",
    )
    rows = list(meeting.attendances.select_related("member").order_by("member__order"))
    for index, row in enumerate(rows):
        status = "absent" if index in (5, 9) else "present"
        council_services.attendance_mark(
            attendance=row,
            actor=None,
            status=status,
            reason="Đi công tác" if status == "absent" else "",
        )
    return meeting


VOTES = [(20, 0, 0), (19, 1, 0), (12, 6, 2)]  # the third nominee falls short of 70%


@transaction.atomic
def seed_council_review(log: Log) -> None:
    """The 2025 session: per-nominee secret ballot for CSTĐ cơ sở, a list vote for TTLĐTT."""
    council_obj = Council.objects.filter(code="HN-HBT-HĐTĐKT").first()
    if council_obj is None or Dossier.objects.filter(title=CSTDCS_TITLE).exists():
        log("  đã có phiên họp xét khen thưởng năm 2025 (hoặc chưa có Hội đồng)")
        return
    units = units_by_code()
    secretariat = user("noivu.hbt")
    ward, district = units["HN-HBT-BK"], units["HN-HBT"]
    cstdcs = _dossier(
        CSTDCS_TITLE,
        ward,
        "CSTDCS",
        actor=secretariat,
        person_ids=[p.pk for p in people_of(ward)[:3]],
    )
    wards = [units[code] for code in ("HN-HBT-LDH", "HN-HBT-BK", "HN-HBT-MK")]
    ttldtt = _dossier(
        TTLDTT_TITLE,
        district,
        "TTLDTT",
        actor=secretariat,
        collective_ids=[u.pk for u in wards],
    )
    cstdcs = _drive(cstdcs, "checked", secretariat, secretariat)
    ttldtt = _drive(ttldtt, "checked", secretariat, secretariat)
    meeting = _session(council_obj)
    entries = council.agenda_add(
        meeting=meeting, dossiers=[cstdcs, ttldtt], actor=secretariat
    )
    by_dossier = {entry.dossier_id: entry for entry in entries}
    entry = by_dossier[cstdcs.pk]
    for nomination, (yes, no, blank) in zip(
        cstdcs.nominations.order_by("order"), VOTES, strict=False
    ):
        council.nominee_vote_record(
            entry=entry,
            nomination=nomination,
            actor=secretariat,
            method="secret_ballot",
            votes_for=yes,
            votes_against=no,
            abstentions=blank,
        )
    council.entry_conclude(entry=entry, actor=secretariat)
    list_entry = council.entry_set_mode(
        entry=by_dossier[ttldtt.pk], mode="per_list", actor=secretariat
    )
    council.list_vote_record(
        entry=list_entry,
        actor=secretariat,
        method="show_of_hands",
        votes_for=19,
        abstentions=1,
    )
    council.entry_conclude(entry=list_entry, actor=secretariat)
    council_services.meeting_close(
        meeting=meeting, actor=None, ends_at=_at(SESSION_DAY, 11)
    )
    council_services.minutes_issue(meeting=meeting, actor=None, issued_on=SESSION_DAY)
    log(
        f"  {meeting.title} của {council_obj.name}: 2 hồ sơ, 6 người, tập thể được biểu quyết"
    )


def _issue(
    decision: Decision, actor: Any, day: datetime.date, **texts: Any
) -> Decision:
    decision = drafts.decision_update(
        decision=decision, actor=actor, **{**HBT_SIGNER, **texts}
    )
    return decision_issue(decision=decision, actor=actor, issued_on=day)


@transaction.atomic
def seed_district_decisions(log: Log) -> None:
    """Decisions of the district chairman, a correction and a revocation."""
    if Decision.objects.filter(unit__code="HN-HBT", kind=Decision.Kind.AWARD).exists():
        log("  đã có quyết định của quận Hai Bà Trưng")
        return
    secretariat = user("noivu.hbt")
    dossiers = list(Dossier.objects.filter(title__in=[CSTDCS_TITLE, TTLDTT_TITLE]))
    if len(dossiers) != 2:
        return
    funds.fund_set_budget(
        unit=Unit.objects.get(code="HN-HBT"),
        year=2025,
        budget=450_000_000,
        actor=secretariat,
        note="Dự toán minh họa",
    )
    issued = []
    for dossier in sorted(dossiers, key=lambda d: d.pk):
        draft = drafts.decision_draft_from_dossiers(
            dossiers=[dossier], actor=secretariat, decision_date=DECISION_DAY
        )
        issued.append(_issue(draft, secretariat, DECISION_DAY))
    cstdcs = issued[0]
    correction = amendments.correction_draft(
        original=cstdcs, actor=secretariat, decision_date=D(2025, 2, 3)
    )
    line = cstdcs.lines.order_by("order").first()
    amendments.correction_line_set(
        decision=correction,
        original_line=line,
        actor=secretariat,
        display_name=line.display_name,
        position="Công chức Văn phòng – Thống kê",
        unit_name=line.unit_name,
    )
    _issue(correction, secretariat, D(2025, 2, 3))
    revoked_line = cstdcs.lines.order_by("order").last()
    revocation = amendments.revocation_draft(
        original=cstdcs,
        actor=secretariat,
        line_ids=[revoked_line.pk],
        case=RevocationCase.FALSE_DECLARATION,
        reason="Kết luận thanh tra số 15/KL-TTr ngày 20/5/2025 xác định sáng kiến kê khai "
        "không do cá nhân thực hiện (minh họa).",
        decision_date=D(2025, 6, 5),
    )
    revocation = _issue(revocation, secretariat, D(2025, 6, 5))
    funds.fund_recovery_record(
        decision=revocation,
        amount=1_000_000,
        day=D(2025, 6, 20),
        actor=secretariat,
        note="Nộp lại lần 1 (minh họa)",
    )
    log(f"  quyết định {', '.join(d.number for d in issued)}, đính chính, hủy bỏ")


LONG_TITLE = (
    "Đề nghị công nhận Lao động tiên tiến năm học 2024–2025 – Trường THPT Việt Đức"
)
TEACHERS = 320


def _teachers(school: Unit) -> list[Any]:
    from orgs.models import Person
    from orgs.vn import fold

    existing = list(Person.objects.filter(unit=school, note="Giáo viên minh họa"))
    if len(existing) >= TEACHERS:
        return existing[:TEACHERS]
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
    middle = ["Văn", "Thị", "Minh", "Thu", "Quang", "Ngọc", "Đức", "Thanh"]
    given = [
        "An",
        "Bình",
        "Chi",
        "Dũng",
        "Giang",
        "Hà",
        "Hải",
        "Hạnh",
        "Hùng",
        "Lan",
        "Linh",
        "Mai",
        "Nam",
        "Phương",
        "Sơn",
        "Tâm",
        "Thảo",
        "Trang",
        "Tuấn",
        "Yến",
    ]
    people = []
    for index in range(len(existing), TEACHERS):
        name = f"{family[index % 10]} {middle[(index // 10) % 8]} {given[(index // 80 + index) % 20]}"
        people.append(
            Person(
                full_name=name,
                search_name=fold(name),
                birth_year=1970 + index % 30,
                position="Giáo viên",
                unit=school,
                note="Giáo viên minh họa",
            )
        )
    Person.objects.bulk_create(people)
    return list(Person.objects.filter(unit=school, note="Giáo viên minh họa"))[
        :TEACHERS
    ]


@transaction.atomic
def seed_long_decision(log: Log) -> None:
    """A school's decision with a long annex: 320 teachers recognised LĐTT."""
    from awards.models import YearlyResult

    if Dossier.objects.filter(title=LONG_TITLE).exists():
        log("  đã có quyết định danh sách dài của Trường THPT Việt Đức")
        return
    school = units_by_code()["HN-SGDDT-THPTVD"]
    officer = user("canbo.sgddt")
    teachers = _teachers(school)
    YearlyResult.objects.bulk_create(
        [
            YearlyResult(
                person=p,
                year=2024,
                result="HTTNV",
                unit=school,
                year_kind=school.year_kind,
            )
            for p in teachers
        ],
        ignore_conflicts=True,
    )
    dossier = flow.dossier_create(
        actor=officer,
        unit=school,
        award_kind=kind("LDTT"),
        year=2024,
        title=LONG_TITLE,
        planned_decision_on=D(2025, 6, 10),
    )
    nomination_services.nominations_add(
        dossier=dossier, actor=officer, person_ids=[p.pk for p in teachers]
    )
    dossier = _drive(dossier, "checked", officer, officer)
    dossier = flow.dossier_send_to_council(dossier=dossier, actor=officer)
    dossier = flow.dossier_approve(dossier=dossier, actor=officer)
    draft = drafts.decision_draft_from_dossiers(
        dossiers=[dossier], actor=officer, decision_date=D(2025, 6, 10)
    )
    draft = drafts.decision_update(
        decision=draft,
        actor=officer,
        signer_title="HIỆU TRƯỞNG",
        signer_name="Lê Văn Khoa",
    )
    decision = decision_issue(decision=draft, actor=officer)
    log(
        f"  {decision.number}: {DecisionLine.objects.filter(decision=decision).count()} giáo viên"
    )


SEEDERS = [
    (
        "Khen thưởng: Hội đồng quận Hai Bà Trưng biểu quyết năm 2025",
        330,
        seed_council_review,
    ),
    (
        "Khen thưởng: quyết định, giấy chứng nhận, đính chính, hủy bỏ, sổ quỹ",
        340,
        seed_district_decisions,
    ),
    ("Khen thưởng: quyết định có danh sách dài (320 người)", 350, seed_long_decision),
]
