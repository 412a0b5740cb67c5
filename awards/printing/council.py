"""The list of every nominee a council session voted on, with the counts, the
percentage and the result: the annex of the session's minutes.

The councils' minutes print each vote recorded in the session; a list voted at
once appears there as one vote, so this sheet gives the names. It is printed
live until the minutes are issued, then from the snapshot stored with them
(``CouncilResultSheet``), as it stood.
"""

from __future__ import annotations

import datetime
from typing import Any

from awards.models import NominationVote
from councils.models import Meeting
from councils.voting import VoteMethod
from orgs import vn

TEMPLATE = "awards/pdf/council_results.html"


def result_rows(meeting: Meeting) -> list[dict[str, Any]]:
    links = (
        NominationVote.objects.filter(entry__agenda_item__meeting=meeting)
        .select_related(
            "nomination", "vote", "entry__dossier__award_kind", "entry__agenda_item"
        )
        .order_by("entry__agenda_item__order", "entry_id", "nomination__order", "pk")
    )
    rows = []
    for index, link in enumerate(links, start=1):
        nomination, vote = link.nomination, link.vote
        details = ", ".join(p for p in (nomination.position, nomination.unit_name) if p)
        row = {
            "stt": index,
            "name": nomination.display_name,
            "details": details,
            "award": link.entry.dossier.award_kind.name,
            "dossier": link.entry.dossier.reference,
        }
        if vote is None:
            row.update(result="KHÔNG ĐƯA RA BIỂU QUYẾT", note=link.excluded_reason)
        else:
            row.update(
                method=str(VoteMethod(vote.method).label),
                votes_for=vote.votes_for,
                votes_against=vote.votes_against,
                abstentions=vote.abstentions + vote.invalid,
                written=vote.written_for if vote.absent_written_counted else 0,
                base=vote.base_size,
                percentage=vn.percent_vi(vote.percentage / 100),
                rule=vote.rule.describe(),
                result="ĐẠT" if vote.passed else "KHÔNG ĐẠT",
                note="",
            )
        rows.append(row)
    return rows


def result_sheet_context(
    meeting: Meeting,
    rows: list[dict[str, Any]],
    *,
    minutes_number: str = "",
    minutes_date: datetime.date | None = None,
) -> dict[str, Any]:
    council = meeting.council
    if minutes_number:
        subtitle = (
            f"(Kèm theo Biên bản số {minutes_number} ngày "
            f"{vn.short_date(minutes_date or meeting.session_date)} của {council.name})"
        )
    else:
        subtitle = f"({meeting.title} của {council.name} — bản chưa ban hành)"
    return {
        "template": TEMPLATE,
        "doc": {
            "kind_title": "DANH SÁCH KẾT QUẢ BIỂU QUYẾT ĐỀ NGHỊ KHEN THƯỞNG",
            "subtitle": subtitle,
            "session": f"{meeting.title}, {vn.long_date(meeting.session_date)}",
            "rows": rows,
            "is_draft": not minutes_number,
        },
    }
