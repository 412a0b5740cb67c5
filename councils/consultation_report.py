"""The tally report of a written consultation (Báo cáo kết quả lấy ý kiến), as plain
data then as the print context of ``councils/pdf/consultation_report.html``."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone, translation

from councils.minutes import vote_data
from councils.models import Consultation, ConsultationAnswer, Vote
from councils.selectors import ConsultationTally, consultation_asked_day
from orgs import vn
from orgs.pdf import letterhead

REPORT_TEMPLATE = "councils/pdf/consultation_report.html"


def _local(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).isoformat() if moment else ""


def _answer_row(answer: ConsultationAnswer, late: bool) -> dict[str, Any]:
    return {
        "name": answer.member.person.full_name,
        "title": answer.member.title,
        "choice": str(answer.get_choice_display()),
        "comment": answer.comment,
        "answered_at": _local(answer.answered_at),
        "late": late,
    }


@translation.override("vi")
def consultation_report_data(
    consultation: Consultation,
    tally: ConsultationTally,
    vote: Vote | None,
    quorum: Any = None,
) -> dict[str, Any]:
    """Return the tally as plain, JSON-safe data (``consultation`` from the selector)."""
    council = consultation.meeting.council
    issuer = council.issuer
    chair = consultation.meeting.chair
    return {
        "issuer": {
            "parent": issuer.header_parent,
            "name": issuer.printed_name,
            "place": issuer.printed_place,
            "symbol": vn.document_symbol("BC", issuer.symbol),
        },
        "body_name": council.name,
        "question": consultation.question,
        "details": consultation.details,
        "sent_on": consultation_asked_day(consultation).isoformat(),
        "deadline": _local(consultation.deadline),
        "documents": [doc.title for doc in consultation.documents.all()],
        "asked": len(tally.asked),
        "counts": {
            "agree": tally.agree,
            "disagree": tally.disagree,
            "other": tally.other,
        },
        "answers": [_answer_row(a, False) for a in tally.on_time]
        + [_answer_row(a, True) for a in tally.late],
        "late": [a.member.person.full_name for a in tally.late],
        "missing": [m.person.full_name for m in tally.missing],
        "vote": vote_data(vote) if vote is not None else None,
        "quorum": {"reached": quorum.reached, "required": quorum.required}
        if quorum is not None
        else None,
        "chair": chair.full_name if chair else "",
    }


def _deadline_text(text: str) -> str:
    if not text:
        return "…"
    moment = datetime.datetime.fromisoformat(text)
    return f"{vn.time_of_day(moment)}, {vn.long_date(moment.date())}"


def _short_moment(text: str) -> str:
    moment = datetime.datetime.fromisoformat(text)
    return f"{moment:%H:%M} {vn.short_date(moment.date())}"


def _result_line(data: dict[str, Any]) -> str:
    vote = data.get("vote")
    if vote:
        verdict = "THÔNG QUA" if vote["passed"] else "KHÔNG THÔNG QUA"
        return (
            f"Tỷ lệ đồng ý: {vote['percentage']} {vote['base_label']} (yêu cầu "
            f"{vote['rule']}) — {verdict}."
        )
    quorum = data.get("quorum")
    if quorum and not quorum["reached"]:
        return (
            "Số thành viên trả lời đúng hạn chưa đạt tỷ lệ tối thiểu (cần "
            f"{quorum['required']}): kết quả không được tính là ý kiến của Hội đồng."
        )
    return "Đang lấy ý kiến: chưa tổng hợp kết quả."


def _intro(data: dict[str, Any]) -> str:
    sent = datetime.date.fromisoformat(data["sent_on"])
    return (
        f"Ngày {vn.short_date(sent)}, {data['body_name']} gửi văn bản xin ý kiến "
        f"{data['asked']} thành viên Hội đồng về: {data['question']}. Thời hạn trả "
        f"lời: {_deadline_text(data['deadline'])}."
    )


def _summary_line(data: dict[str, Any]) -> str:
    counts = data["counts"]
    return (
        f"Có {sum(counts.values())} thành viên trả lời đúng hạn ({counts['agree']} đồng "
        f"ý, {counts['disagree']} không đồng ý, {counts['other']} ý kiến khác); "
        f"{len(data['late'])} thành viên trả lời sau thời hạn (không tính); "
        f"{len(data['missing'])} thành viên không trả lời."
    )


@translation.override("vi")
def consultation_report_context(
    data: dict[str, Any],
    *,
    number: int | None = None,
    issued_on: datetime.date | None = None,
) -> dict[str, Any]:
    """Return ``{"template", "doc"}`` of the report; plain strings, no database."""
    issuer = data["issuer"]
    doc = {
        "letterhead": dict(
            letterhead(**issuer, issued_on=issued_on, number=number)  # type: ignore[arg-type]
        ),
        "kind_title": "BÁO CÁO",
        "summary": f"Kết quả lấy ý kiến thành viên Hội đồng bằng văn bản về {data['question']}",
        "intro": _intro(data),
        "details": data.get("details", ""),
        "documents": data.get("documents", []),
        "summary_line": _summary_line(data),
        "result_line": _result_line(data),
        "answers": [
            {**row, "answered_text": _short_moment(row["answered_at"])}
            for row in data["answers"]
        ],
        "late": data["late"],
        "missing": data["missing"],
        "recipients": ["Thành viên Hội đồng;", "Lưu: VT, hồ sơ."],
        "signature": {
            "prefix": "TM.",
            "authority": "HỘI ĐỒNG",
            "title": "CHỦ TỊCH",
            "name": data.get("chair", ""),
        },
    }
    return {"template": REPORT_TEMPLATE, "doc": doc}
