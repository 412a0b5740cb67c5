"""Minutes (biên bản, NĐ 30/2020 Mẫu 1.9) built in two steps, each reusable.

1. ``meeting_minutes_data(meeting)`` turns a session into plain, JSON-safe data:
   names, titles, counts and ISO date-times, as they stand.
2. ``minutes_context(data, number=…, issued_on=…)`` formats that data into the
   print context of ``councils/pdf/minutes.html`` (Vietnamese dates, percentages,
   the attendance sentence…). It never touches the database.

A cluster conference builds the same ``data`` shape from its own records and
calls step 2. Both steps run in Vietnamese whatever the user's language: a legal
document is Vietnamese. Issuing stores the context as the document's snapshot, so a
re-print shows who sat that day even after the composition changed.
"""

from __future__ import annotations

import datetime
from typing import Any, TypedDict

from django.utils import timezone, translation

from councils.models import Attendance, CouncilMember, Meeting, Vote
from councils.voting import VoteBase, VoteMethod
from orgs import vn
from orgs.pdf import letterhead

MINUTES_TEMPLATE = "councils/pdf/minutes.html"


class PersonLine(TypedDict, total=False):
    name: str
    title: str
    role: str
    reason: str
    representative: str
    written_opinion: bool


class MinutesData(TypedDict, total=False):
    issuer: dict[str, str]  # parent, name, place, symbol ("BB-HĐTĐKT")
    summary: str  # "Phiên họp lần thứ Nhất năm 2022 của Hội đồng …"
    body_name: str  # "Hội đồng Thi đua, khen thưởng quận Hai Bà Trưng"
    kind: str  # "Thường kỳ"
    starts_at: str  # ISO date-time, local
    ends_at: str
    place: str
    chair: PersonLine
    secretary: PersonLine
    members_total: int
    present: list[PersonLine]
    absent: list[PersonLine]
    guests: list[str]
    quorum: dict[str, Any]  # required, present, total, reached, rule, legal_basis
    overview: str
    agenda: list[
        dict[str, Any]
    ]  # order, title, presenter, documents, discussion, votes
    conclusions: list[dict[str, Any]]  # order, text, tasks [{description, assignee, …}]
    recipients: list[str]
    signers: dict[str, dict[str, str]]  # left / right: {title, name}


# Step 1: a session as plain data ---------------------------------------------------


def _role_text(member: CouncilMember) -> str:
    return str(member.get_role_display())


def _person_line(row: Attendance) -> PersonLine:
    member = row.member
    return PersonLine(
        name=member.person.full_name,
        title=member.title,
        role=_role_text(member),
        reason=row.reason,
        representative=row.representative,
        written_opinion=row.written_opinion,
    )


def _officer(person: Any, seats: dict[int, CouncilMember], fallback: str) -> PersonLine:
    if person is None:
        return PersonLine(name="", title="")
    seat = seats.get(person.pk)
    if seat is None:
        return PersonLine(name=person.full_name, title=fallback or person.position)
    return PersonLine(
        name=person.full_name, title=seat.title, role=f"{_role_text(seat)} Hội đồng"
    )


@translation.override("vi")
def vote_data(vote: Vote) -> dict[str, Any]:
    """A recorded vote as plain data (also used by the awards' council report)."""
    return {
        "question": vote.question,
        "method": str(VoteMethod(vote.method).label),
        "votes_for": vote.votes_for,
        "votes_against": vote.votes_against,
        "abstentions": vote.abstentions,
        "invalid": vote.invalid,
        "written_for": vote.written_for,
        "written_against": vote.written_against,
        "written_counted": vote.absent_written_counted,
        "members_total": vote.members_total,
        "members_present": vote.members_present,
        "base_size": vote.base_size,
        "base_label": str(VoteBase(vote.base_kind).label),
        "percentage": vn.percent_vi(vote.percentage / 100),
        "rule": vote.rule.describe(),
        "passed": vote.passed,
        "legal_basis": vote.legal_basis,
    }


def _agenda_data(meeting: Meeting) -> list[dict[str, Any]]:
    return [
        {
            "order": item.order,
            "title": item.title,
            "presenter": item.presenter,
            "documents": [
                *item.document_lines,
                *(
                    f"{doc.doc_type.name} số {doc.full_number}"
                    for doc in item.related_documents.all()
                ),
            ],
            "discussion": item.discussion,
            "votes": [vote_data(vote) for vote in item.votes.all()],
        }
        for item in meeting.agenda_items.all()
    ]


def _conclusions_data(meeting: Meeting) -> list[dict[str, Any]]:
    return [
        {
            "order": conclusion.order,
            "text": conclusion.text,
            "tasks": [
                {
                    "description": task.description,
                    "assignee": task.assignee_label,
                    "coordinating": task.coordinating,
                    "due_on": task.due_on.isoformat() if task.due_on else "",
                }
                for task in conclusion.tasks.all()
            ],
        }
        for conclusion in meeting.conclusions.all()
    ]


@translation.override("vi")
def meeting_minutes_data(meeting: Meeting, quorum: Any) -> MinutesData:
    """Return the session as plain data; ``meeting`` comes from ``meeting_queryset``.

    ``quorum`` is the ``QuorumOutcome`` of the session (``selectors.meeting_quorum``).
    """
    council = meeting.council
    rows = list(meeting.attendances.all())
    seats = {row.member.person_id: row.member for row in rows}
    present = [_person_line(row) for row in rows if row.is_present]
    absent = [_person_line(row) for row in rows if not row.is_present]
    return MinutesData(
        issuer=_issuer_data(council.issuer),
        summary=f"{meeting.title} của {council.name}",
        body_name=council.name,
        kind=str(meeting.get_kind_display()),
        starts_at=timezone.localtime(meeting.starts_at).isoformat(),
        ends_at=timezone.localtime(meeting.ends_at).isoformat()
        if meeting.ends_at
        else "",
        place=meeting.place,
        chair=_officer(meeting.chair, seats, ""),
        secretary=_officer(meeting.secretary, seats, meeting.secretary_title),
        members_total=sum(1 for row in rows if row.member.is_voting),
        present=present,
        absent=absent,
        guests=[line.strip() for line in meeting.guests.splitlines() if line.strip()],
        quorum=quorum_data(quorum),
        overview=meeting.summary,
        agenda=_agenda_data(meeting),
        conclusions=_conclusions_data(meeting),
        recipients=["Thành viên Hội đồng;", "Lưu: VT, hồ sơ phiên họp."],
        signers=_signers(meeting),
    )


def quorum_data(quorum: Any) -> dict[str, Any]:
    """A ``QuorumOutcome`` as plain data."""
    return {
        "required": quorum.required,
        "present": quorum.present,
        "total": quorum.total,
        "reached": quorum.reached,
        "rule": f"{quorum.fraction.numerator}/{quorum.fraction.denominator}",
        "legal_basis": quorum.legal_basis,
    }


def _signers(meeting: Meeting) -> dict[str, dict[str, str]]:
    # Mẫu 1.9: the secretary signs on the left, the chair on the right.
    secretary, chair = meeting.secretary, meeting.chair
    return {
        "left": {"title": "THƯ KÝ", "name": secretary.full_name if secretary else ""},
        "right": {"title": "CHỦ TỌA", "name": chair.full_name if chair else ""},
    }


def _issuer_data(issuer: Any) -> dict[str, str]:
    return {
        "parent": issuer.header_parent,
        "name": issuer.printed_name,
        "place": issuer.printed_place,
        "symbol": vn.document_symbol("BB", issuer.symbol),
    }


# Step 2: plain data to the print context --------------------------------------------


def _moment(text: str) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(text) if text else None


def _time_line(moment: datetime.datetime | None) -> str:
    if moment is None:
        return "… giờ … phút, ngày … tháng … năm …"
    return f"{vn.time_of_day(moment)}, {vn.long_date(moment.date())}"


def _named(line: PersonLine) -> str:
    """Return "Đ/c X, Chủ tịch UBND quận, Chủ tịch Hội đồng" (no role said twice)."""
    parts = [f"Đ/c {line.get('name', '')}"]
    title, role = line.get("title", ""), line.get("role", "")
    parts += [title] if title else []
    parts += [role] if role and role.lower() not in title.lower() else []
    return ", ".join(parts)


def _comrade(text: str) -> str:
    return text if text.lower().startswith("đ/c") else f"đ/c {text}"


def _absence_text(line: PersonLine) -> str:
    text = f"Đ/c {line.get('name', '')}"
    details = []
    if line.get("representative"):
        details.append(f"cử {_comrade(line['representative'])} dự thay")
    if line.get("reason"):
        details.append(f"lý do: {line['reason']}")
    if line.get("written_opinion"):
        details.append("có ý kiến bằng văn bản")
    return f"{text} ({'; '.join(details)})" if details else text


def _attendance_sentence(data: MinutesData) -> str:
    total, present = data.get("members_total", 0), len(data.get("present", []))
    sentence = f"Hội đồng có {total} thành viên; có mặt {present} thành viên"
    absent = data.get("absent", [])
    if absent:
        names = "; ".join(_absence_text(line) for line in absent)
        sentence += f"; vắng {len(absent)} thành viên: {names}"
    return sentence + "."


def _quorum_sentence(quorum: dict[str, Any]) -> str:
    if not quorum:
        return ""
    basis = f" ({quorum['legal_basis']})" if quorum.get("legal_basis") else ""
    if quorum.get("reached"):
        return (
            f"Số thành viên có mặt ({quorum['present']}/{quorum['total']}) bảo đảm tỷ lệ "
            f"tối thiểu {quorum['rule']} tổng số thành viên{basis}; phiên họp đủ điều "
            "kiện tiến hành."
        )
    return (
        f"Số thành viên có mặt ({quorum['present']}/{quorum['total']}) chưa đạt tỷ lệ "
        f"tối thiểu {quorum['rule']} (cần {quorum['required']}){basis}; phiên họp không "
        "đủ điều kiện biểu quyết, quyết định."
    )


def _vote_lines(vote: dict[str, Any]) -> dict[str, Any]:
    written = ""
    if vote.get("written_for") or vote.get("written_against"):
        counted = (
            "được tính" if vote.get("written_counted") else "không tính theo quy định"
        )
        written = (
            f"Ý kiến bằng văn bản của thành viên vắng mặt: tán thành {vote['written_for']}, "
            f"không tán thành {vote['written_against']} ({counted})."
        )
    result = "THÔNG QUA" if vote.get("passed") else "KHÔNG THÔNG QUA"
    return {
        **vote,
        "written_line": written,
        "result_line": (
            f"Kết quả: {vote['percentage']} {vote['base_label']} tán thành "
            f"(yêu cầu {vote['rule']}) — {result}."
        ),
    }


def _task_line(task: dict[str, Any]) -> str:
    parts = [task["description"]]
    if task.get("assignee"):
        parts.append(f"Giao: {task['assignee']}")
    if task.get("coordinating"):
        parts.append(f"phối hợp: {task['coordinating']}")
    if task.get("due_on"):
        parts.append(
            f"thời hạn: {vn.short_date(datetime.date.fromisoformat(task['due_on']))}"
        )
    return "; ".join(parts) + "."


@translation.override("vi")
def minutes_context(
    data: MinutesData,
    *,
    number: int | None = None,
    issued_on: datetime.date | None = None,
    kind_title: str = "BIÊN BẢN",
) -> dict[str, Any]:
    """Return ``{"template", "doc"}``: the print context of the minutes, plain strings."""
    issuer = data["issuer"]
    starts, ends = _moment(data.get("starts_at", "")), _moment(data.get("ends_at", ""))
    doc = {
        "letterhead": dict(
            letterhead(
                parent=issuer.get("parent", ""),
                name=issuer.get("name", ""),
                place=issuer.get("place", ""),
                symbol=issuer.get("symbol", ""),
                issued_on=issued_on,
                number=number,
            )
        ),
        "kind_title": kind_title,
        "summary": data.get("summary", ""),
        "start_line": _time_line(starts),
        "place": data.get("place", "") or "…",
        "kind": data.get("kind", ""),
        "chair_line": _named(data.get("chair", {})),
        "secretary_line": _named(data.get("secretary", {})),
        "attendance_line": _attendance_sentence(data),
        "quorum_line": _quorum_sentence(data.get("quorum", {})),
        "present": data.get("present", []),
        "guests": data.get("guests", []),
        "overview": data.get("overview", ""),
        "agenda": [
            {**item, "votes": [_vote_lines(vote) for vote in item.get("votes", [])]}
            for item in data.get("agenda", [])
        ],
        "conclusions": [
            {**item, "task_lines": [_task_line(task) for task in item.get("tasks", [])]}
            for item in data.get("conclusions", [])
        ],
        "end_line": f"Cuộc họp kết thúc vào {_time_line(ends)}./.",
        "signers": data.get("signers", {}),
        "recipients": data.get("recipients", []),
    }
    return {"template": MINUTES_TEMPLATE, "doc": doc}
