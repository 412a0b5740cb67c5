"""Print contexts of the cluster's documents: plain data, stored as snapshots.

- numbered documents (plan, regulation, reports) → ``clusters/pdf/cluster_document.html``;
- the pledge with one signature block per member unit → ``clusters/pdf/pledge.html``;
- the ranking table → ``clusters/pdf/ranking.html`` (landscape);
- conference minutes: the councils' minutes machinery (``councils.minutes``) fed
  with the conference as data, attendance counted in units →
  ``clusters/pdf/conference_minutes.html``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from councils.minutes import MinutesData, PersonLine, minutes_context, vote_data
from orgs import vn
from orgs.models import DocumentType
from orgs.pdf import letterhead
from orgs.printing import issuer_letterhead

DOCUMENT_TEMPLATE = "clusters/pdf/cluster_document.html"
PLEDGE_TEMPLATE = "clusters/pdf/pledge.html"
RANKING_TEMPLATE = "clusters/pdf/ranking.html"
MINUTES_TEMPLATE = "clusters/pdf/conference_minutes.html"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def head_signature(cluster_year: Any) -> dict[str, str]:
    """ "TM. CỤM THI ĐUA SỐ 7 / CỤM TRƯỞNG / GIÁM ĐỐC SỞ …" with the head's representative."""
    cluster, head = cluster_year.cluster, cluster_year.head
    return {
        "prefix": "TM.",
        "authority": vn.upper(cluster.short_name),
        "title": vn.upper(cluster.head_word),
        "subtitle": vn.upper(head.representative_title) if head else "",
        "name": head.representative_name if head else "",
    }


def _recipients(cluster_year: Any) -> list[str]:
    cluster = cluster_year.cluster
    return [
        f"Hội đồng Thi đua – Khen thưởng, {cluster.authority.name};",
        f"Các đơn vị trong {cluster.short_name};",
        "Lưu: VT.",
    ]


def cluster_document_context(
    document: Any,
    *,
    doc_type: DocumentType,
    number: int | None,
    issued_on: datetime.date | None,
    drafting_code: str = "",
) -> dict[str, Any]:
    year = document.cluster_year
    return {
        "template": DOCUMENT_TEMPLATE,
        "doc": {
            "letterhead": issuer_letterhead(
                year.cluster.issuer,
                doc_type,
                issued_on=issued_on,
                number=number,
                drafting_code=drafting_code,
            ),
            "kind_title": vn.upper(doc_type.name),
            "summary": document.summary,
            "paragraphs": _lines(document.body),
            "recipients": _recipients(year),
            "signature": head_signature(year),
        },
    }


# Pledge ------------------------------------------------------------------------------


def _signature_block(signatory: Any) -> dict[str, Any]:
    heading = (
        f"{signatory.prefix} {signatory.authority}".strip()
        if signatory.prefix
        else signatory.authority
    )
    return {
        "heading": vn.upper(heading),
        "title": vn.upper(signatory.title),
        "name": signatory.name,
        "role_note": signatory.role_note,
        "signed": signatory.is_signed,
    }


def pledge_context(pledge: Any) -> dict[str, Any]:
    """The pledge as printed: grounds, numbered commitments, clause, one block per unit."""
    year = pledge.cluster_year
    issuer = year.cluster.issuer
    place = pledge.signing_place or issuer.printed_place
    blocks = [_signature_block(s) for s in pledge.signatories.all()]
    return {
        "template": PLEDGE_TEMPLATE,
        "doc": {
            "letterhead": {
                **dict(
                    letterhead(
                        parent=issuer.header_parent,
                        name=issuer.printed_name,
                        place=place,
                        symbol="",
                        issued_on=pledge.signing_date,
                    )
                ),
                "number_line": "",
            },
            "kind_title": vn.upper(pledge.title),
            "summary": (
                f"Chủ đề năm {year.year}: “{year.theme}”" if year.theme else ""
            ),
            "grounds": pledge.ground_lines,
            "preamble": pledge.preamble,
            "commitments": [c.text for c in pledge.commitments.all()],
            "implementation": pledge.implementation_lines,
            "signature_rows": [blocks[i : i + 2] for i in range(0, len(blocks), 2)],
            "signed_count": sum(1 for b in blocks if b["signed"]),
            "unit_count": len(blocks),
        },
    }


# Ranking -----------------------------------------------------------------------------


def ranking_context(
    cluster_year: Any, table: dict[str, Any], *, draft: bool
) -> dict[str, Any]:
    issuer = cluster_year.cluster.issuer
    day = (
        timezone.localtime(cluster_year.ranking_published_at).date()
        if cluster_year.ranking_published_at
        else None
    )
    return {
        "template": RANKING_TEMPLATE,
        "doc": {
            "letterhead": {
                **dict(
                    letterhead(
                        parent=issuer.header_parent,
                        name=issuer.printed_name,
                        place=issuer.printed_place,
                        symbol="",
                        issued_on=day,
                    )
                ),
                "number_line": "",
            },
            "kind_title": f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {cluster_year.year}",
            "summary": cluster_year.cluster.name,
            "draft": draft,
            "table": table,
            "recipients": _recipients(cluster_year),
            "signature": head_signature(cluster_year),
        },
    }


# Conference minutes -------------------------------------------------------------------


def _moment(day: datetime.date, time: datetime.time | None) -> str:
    if time is None:
        return ""
    moment = datetime.datetime.combine(
        day, time, tzinfo=timezone.get_current_timezone()
    )
    return moment.isoformat()


def _attendance_line(row: Any, roles: dict[int, str]) -> PersonLine:
    role = roles.get(row.unit_id, "")
    if row.in_presidium:
        role = f"{role} (Đoàn Chủ tịch)" if role else "Đoàn Chủ tịch"
    title = ", ".join(t for t in (row.representative_title, row.unit.name) if t)
    return PersonLine(
        name=row.representative_name or row.unit.name,
        title=title,
        role=role,
        reason=row.absence_reason,
    )


def conference_minutes_data(conference: Any) -> MinutesData:
    """The conference as the plain data councils' minutes machinery formats."""
    year, cluster = conference.cluster_year, conference.cluster_year.cluster
    memberships = list(year.memberships.all())
    roles = {m.unit_id: m.role_label for m in memberships}
    seniority = {
        m.unit_id: (m.role != "head", m.deputy_rank or 99) for m in memberships
    }
    rows = list(conference.attendance.all())
    present_rows = [r for r in rows if r.status == "present"]
    present = [_attendance_line(r, roles) for r in present_rows]
    absent = [_attendance_line(r, roles) for r in rows if r.status != "present"]
    presidium = sorted(
        (r for r in present_rows if r.in_presidium),
        key=lambda r: seniority.get(r.unit_id, (True, 99)),
    )
    chair = (
        _attendance_line(presidium[0], roles)
        if presidium
        else PersonLine(name="", title="")
    )
    issuer = cluster.issuer
    return MinutesData(
        issuer={
            "parent": issuer.header_parent,
            "name": issuer.printed_name,
            "place": issuer.printed_place,
            "symbol": vn.document_symbol("BB", issuer.symbol),
        },
        summary=f"{conference.title} của {cluster.short_name}",
        body_name=cluster.name,
        kind=str(conference.get_kind_display()),
        starts_at=_moment(conference.held_on, conference.starts_at),
        ends_at=_moment(conference.held_on, conference.ends_at),
        place=conference.place,
        chair=chair,
        secretary=PersonLine(
            name=conference.secretary_name, title=conference.secretary_title
        ),
        members_total=len(rows),
        present=present,
        absent=absent,
        guests=_lines(conference.guests),
        quorum={},
        overview=conference.discussion,
        agenda=[
            {
                "order": index,
                "title": item.title,
                "presenter": "",
                "documents": [
                    f"{item.document.issued.doc_type.name} số {item.document.issued.full_number}"
                ]
                if item.document and item.document.issued_id
                else [],
                "discussion": " ".join(
                    t for t in (str(item.get_outcome_display()) + ".", item.note) if t
                ),
                "votes": [vote_data(vote) for vote in item.votes.all()],
            }
            for index, item in enumerate(conference.items.all(), start=1)
        ],
        conclusions=[
            {"order": index, "text": c.text, "tasks": []}
            for index, c in enumerate(conference.conclusions.all(), start=1)
        ],
        recipients=[*_recipients(year)[:2], "Lưu: VT, hồ sơ hội nghị."],
        signers={
            "left": {"title": "THƯ KÝ", "name": conference.secretary_name},
            "right": {
                "title": f"TM. ĐOÀN CHỦ TỊCH\n{vn.upper(cluster.head_word)}",
                "name": chair.get("name", ""),
            },
        },
    )


def _unit_sentence(cluster: Any, data: MinutesData) -> str:
    total, present = data.get("members_total", 0), len(data.get("present", []))
    sentence = (
        f"{cluster.short_name} có {total:02d} đơn vị thành viên; "
        f"có mặt {present:02d} đơn vị"
    )
    absent = data.get("absent", [])
    if absent:
        names = "; ".join(
            line["title"]
            + (f" (lý do: {line['reason']})" if line.get("reason") else "")
            for line in absent
        )
        sentence += f"; vắng {len(absent):02d} đơn vị: {names}"
    return sentence + "."


def conference_minutes_context(
    conference: Any,
    data: MinutesData,
    *,
    number: int | None = None,
    issued_on: datetime.date | None = None,
) -> dict[str, Any]:
    context = minutes_context(data, number=number, issued_on=issued_on)
    doc = context["doc"]
    doc["attendance_line"] = _unit_sentence(conference.cluster_year.cluster, data)
    doc["presidium"] = [
        line
        for line in data.get("present", [])
        if "Đoàn Chủ tịch" in line.get("role", "")
    ]
    doc["right_signer_lines"] = doc["signers"]["right"]["title"].split("\n")
    return {"template": MINUTES_TEMPLATE, "doc": doc, "data": data}
