"""Certificates of an issued decision, one per recipient, each with its public code.

Only kinds whose award objects include a certificate (bằng or giấy) get one: a
Lao động tiên tiến has none by law, a Cờ thi đua is a flag.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from awards.models import (
    AwardKind,
    AwardRecord,
    Certificate,
    Decision,
    DecisionLine,
)
from awards.models.certificates import CODE_ALPHABET, CODE_LENGTH
from orgs import vn

PAPER_OBJECTS = {"bang", "giay"}


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def unique_codes(count: int) -> list[str]:
    """``count`` fresh codes, checked against the stored ones in one query per round."""
    codes: set[str] = set()
    while len(codes) < count:
        wanted = {new_code() for _ in range(count - len(codes))}
        taken = set(
            Certificate.objects.filter(code__in=wanted).values_list("code", flat=True)
        )
        codes |= wanted - taken
    return sorted(codes)


def gives_certificate(award_kind: AwardKind) -> bool:
    codes = {obj.code for obj in award_kind.objects_given.all()}
    return bool(codes & PAPER_OBJECTS)


def certificate_title(award_kind: AwardKind, day: Any) -> tuple[str, str]:
    """The big title and the line under it: ("BẰNG CHỨNG NHẬN", "Danh hiệu …")."""
    name = award_kind.name_on(day)
    objects = {obj.code for obj in award_kind.objects_given.all()}
    if award_kind.category == AwardKind.Category.TITLE:
        title = "GIẤY CHỨNG NHẬN" if "bang" not in objects else "BẰNG CHỨNG NHẬN"
        return title, f"Danh hiệu “{name}”"
    # A Giấy khen or Bằng khen says it all in its title; the authority line says whose.
    return vn.upper(award_kind.group or name), ""


def certificate_snapshot(
    decision: Decision, line: DecisionLine, code: str
) -> dict[str, Any]:
    """What the certificate prints, frozen at issue (the public page shows only this)."""
    title, award_line = certificate_title(decision.award_kind, decision.decision_date)
    if decision.award_kind.category == AwardKind.Category.TITLE:
        award_line += f" năm {decision.year}"
    return {
        "authority": decision.authority,
        "verb": ""
        if decision.award_kind.category == AwardKind.Category.TITLE
        else "TẶNG",
        "title": title,
        "award": award_line,
        "recipient": line.display_name,
        "details": line.position_and_unit,
        "achievement": decision.achievement,
        "decision_number": decision.number,
        "decision_date": decision.decision_date.isoformat(),
        "decision_line": (
            f"Quyết định số {decision.number} ngày {vn.short_date(decision.decision_date)}"
        ),
        "place_date": vn.date_line(
            decision.issuer.printed_place, decision.decision_date
        ),
        "signature": {
            "prefix": decision.signature_prefix,
            "authority": decision.signature_authority,
            "title": decision.signer_title,
            "name": decision.signer_name,
        },
        "code": code,
    }


def certificates_create(
    *, decision: Decision, lines: Sequence[DecisionLine]
) -> list[Certificate]:
    """One certificate per line of an issued decision (bulk; constant queries)."""
    if not gives_certificate(decision.award_kind) or not lines:
        return []
    records = {
        r.decision_line_id: r.pk
        for r in AwardRecord.objects.filter(decision_line__in=list(lines)).only(
            "pk", "decision_line_id"
        )
    }
    codes = unique_codes(len(lines))
    return Certificate.objects.bulk_create(
        [
            Certificate(
                decision=decision,
                line=line,
                record_id=records[line.pk],
                unit_id=line.unit_id,
                code=code,
                snapshot=certificate_snapshot(decision, line, code),
            )
            for line, code in zip(lines, codes, strict=True)
        ],
        batch_size=500,
    )
