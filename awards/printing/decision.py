"""The print context of a decision (NĐ 30/2020, Phụ lục III, Mẫu 1.2), as plain data.

Issuing stores this context as the snapshot of the numbered document; every
later print renders the snapshot, so a decision shows what was signed whatever
happens to the names, the council or the parameters afterwards. A draft is
printed from a context built now, with a blank number and date.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from typing import Any

from awards.models import Decision, DecisionLine, RevocationCase, Subject
from orgs import vn
from orgs.pdf import letterhead

from .names import heading_on

TEMPLATE = "awards/pdf/decision.html"
SUBJECT_WORDS = {
    Subject.INDIVIDUAL: "cá nhân",
    Subject.COLLECTIVE: "tập thể",
    Subject.HOUSEHOLD: "hộ gia đình",
}


def count_text(lines: Sequence[DecisionLine]) -> str:
    """Return "25 cá nhân và 2 tập thể"."""
    counts = Counter(line.subject_kind for line in lines)
    parts = [
        f"{counts[subject]} {word}"
        for subject, word in SUBJECT_WORDS.items()
        if counts[subject]
    ]
    return " và ".join(parts)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _money_sentence(amount: int) -> str:
    return f"{vn.money(amount)} ({vn.money_words(amount)})"


def _reward_article(decision: Decision, lines: Sequence[DecisionLine]) -> str:
    groups: dict[tuple[str, int], Any] = {}
    for line in lines:
        groups.setdefault((line.subject_kind, line.amount), line.multiplier)
    sentences = []
    for (subject, amount), multiplier in sorted(groups.items()):
        if not amount:
            continue
        sentences.append(
            f"Mỗi {SUBJECT_WORDS[subject]} được thưởng {vn.decimal_vi(multiplier)} lần "
            f"mức lương cơ sở, bằng {_money_sentence(amount)}."
        )
    fund_owner = decision.fund.unit.name if decision.fund_id else decision.unit.name
    sentences.append(
        f"Tổng số tiền thưởng: {_money_sentence(decision.total_amount)}, chi từ Quỹ "
        f"thi đua, khen thưởng của {fund_owner}."
    )
    return " ".join(sentences)


def _closing_article(decision: Decision) -> str:
    text = "Quyết định này có hiệu lực kể từ ngày ký."
    if decision.executors.strip():
        text += (
            f" {decision.executors.strip()} chịu trách nhiệm thi hành Quyết định này./."
        )
    return text


def _cited_text(decision: Decision) -> str:
    cited = decision.cited
    if cited is None:
        return ""
    return (
        f"Quyết định số {cited.number} ngày {vn.short_date(cited.decision_date)} của "
        f"{cited.issuer_text}"
    )


def articles(decision: Decision, lines: Sequence[DecisionLine]) -> list[str]:
    if decision.kind == Decision.Kind.CORRECTION:
        return [
            f"Đính chính danh sách kèm theo {_cited_text(decision)} như sau (có danh "
            "sách kèm theo).",
            f"Các nội dung khác của Quyết định số {decision.cited.number} giữ nguyên.",
            _closing_article(decision),
        ]
    if decision.kind == Decision.Kind.REVOCATION:
        case = RevocationCase(decision.revocation_case).label
        first = (
            f"{decision.conferral.strip()} đối với {count_text(lines)} tại "
            f"{_cited_text(decision)} (có danh sách kèm theo). Lý do: {case}; "
            f"{decision.reason.strip()}"
        )
        result = [first.rstrip(".") + "."]
        if decision.total_amount:
            result.append(
                "Thu hồi hiện vật khen thưởng và tiền thưởng đã nhận, tổng số "
                f"{_money_sentence(decision.total_amount)}, nộp lại Quỹ thi đua, khen "
                f"thưởng của {decision.unit.name}."
            )
        else:
            result.append("Thu hồi hiện vật khen thưởng đã cấp (nếu có).")
        result.append(_closing_article(decision))
        return result
    first = (
        f"{decision.conferral.strip()} cho {count_text(lines)} (có danh sách kèm theo)."
    )
    if decision.achievement.strip():
        first += f" {decision.achievement.strip()}"
    result = [first]
    if decision.total_amount:
        result.append(_reward_article(decision, lines))
    result.append(_closing_article(decision))
    return result


def _annex(
    decision: Decision,
    lines: Sequence[DecisionLine],
    number_text: str,
    day: datetime.date | None,
) -> dict[str, Any]:
    dated = f" ngày {vn.short_date(day)}" if day else ""
    subtitle = (
        f"(Kèm theo Quyết định số {number_text}{dated} của {decision.issuer_text})"
    )
    if decision.kind == Decision.Kind.CORRECTION:
        columns = ["STT", "Số thứ tự trong quyết định", "Đã ghi", "Nay sửa lại"]
        rows = [
            [
                index,
                line.before.get("order", ""),
                line.before.get("text", ""),
                _line_text(line),
            ]
            for index, line in enumerate(lines, start=1)
        ]
        title = "DANH SÁCH ĐÍNH CHÍNH"
    else:
        columns = ["STT", "Họ và tên, tên tập thể", "Chức vụ, đơn vị công tác"]
        if decision.kind == Decision.Kind.REVOCATION:
            columns.append("Tiền thưởng thu hồi (đồng)")
        rows = []
        for index, line in enumerate(lines, start=1):
            row = [index, line.display_name, line.position_and_unit]
            if decision.kind == Decision.Kind.REVOCATION:
                row.append(vn.group_thousands(line.amount) if line.amount else "")
            rows.append(row)
        title = vn.upper(
            f"Danh sách {' và '.join(sorted({SUBJECT_WORDS[line.subject_kind] for line in lines}))} "
            f"được {_lower_first(decision.conferral.strip())}"
            if decision.kind == Decision.Kind.AWARD
            else f"Danh sách bị {_lower_first(decision.conferral.strip())}"
        )
    return {"title": title, "subtitle": subtitle, "columns": columns, "rows": rows}


def _line_text(line: DecisionLine) -> str:
    return ", ".join(
        part for part in (line.display_name, line.position_and_unit) if part
    )


def decision_context(
    decision: Decision,
    lines: Sequence[DecisionLine],
    *,
    number: int | None = None,
    number_text: str = "",
    issued_on: datetime.date | None = None,
) -> dict[str, Any]:
    """Return ``{"template", "doc"}`` for ``decision`` with ``lines`` (in print order)."""
    day = issued_on or decision.decision_date
    heading = heading_on(decision.issuer, day)
    symbol = vn.document_symbol("QĐ", decision.issuer.symbol, decision.drafting_code)
    head = dict(
        letterhead(
            parent=heading["parent"],
            name=heading["name"],
            place=heading["place"],
            symbol=symbol,
            issued_on=issued_on,
            number=number,
        )
    )
    grounds = [*decision.ground_lines]
    if decision.proposal.strip():
        grounds.append(decision.proposal.strip())
    return {
        "template": TEMPLATE,
        "doc": {
            "letterhead": head,
            "kind_title": "QUYẾT ĐỊNH",
            "summary": decision.summary,
            "authority": decision.authority,
            "grounds": grounds,
            "articles": articles(decision, lines),
            "recipients": decision.recipient_lines,
            "signature": {
                "prefix": decision.signature_prefix,
                "authority": decision.signature_authority,
                "title": decision.signer_title,
                "name": decision.signer_name,
            },
            "annex": _annex(
                decision, lines, number_text or f"\u2003\u2003/{symbol}", issued_on
            ),
            "is_draft": number is None,
        },
    }
