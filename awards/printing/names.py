"""Names as they stood on a document's date: the issuing body's heading, the
authority line, the deciding person. After the 2025 merger a decision of quận
Hai Bà Trưng dated 2024 still prints "ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG"."""

from __future__ import annotations

import datetime
from typing import Any

from orgs.models import DocumentIssuer, Unit, UnitNameRecord
from orgs.selectors import unit_name_on
from orgs.vn import upper

LOCAL_GOVERNMENT = {"province", "district", "commune", "ward", "special_zone"}
HEAD_TITLES = {
    "department": "Giám đốc",
    "hospital": "Giám đốc",
    "school": "Hiệu trưởng",
    "enterprise": "Giám đốc",
    "public_service": "Giám đốc",
}


def head_title(unit: Unit) -> str:
    """ "Chủ tịch" of a People's Committee, "Giám đốc" of a department…"""
    if unit.kind in LOCAL_GOVERNMENT:
        return "Chủ tịch"
    return HEAD_TITLES.get(unit.kind, "Thủ trưởng")


def deciding_person(unit: Unit, day: datetime.date) -> str:
    """Return "Chủ tịch Ủy ban nhân dân quận Hai Bà Trưng" as on ``day``."""
    return f"{head_title(unit)} {unit_name_on(unit, day)}"


def authority_line(unit: Unit, day: datetime.date) -> str:
    return upper(deciding_person(unit, day))


def heading_on(issuer: DocumentIssuer, day: datetime.date) -> dict[str, Any]:
    """The agency lines of the letterhead as on ``day`` (a renamed unit keeps its old one)."""
    name = issuer.printed_name
    if issuer.kind == DocumentIssuer.Kind.UNIT:
        record = (
            UnitNameRecord.objects.filter(unit_id=issuer.unit_id, valid_to__gte=day)
            .order_by("valid_to")
            .first()
        )
        if record is not None:
            name = record.header_name or upper(record.name)
    return {
        "parent": issuer.header_parent,
        "name": name,
        "place": issuer.printed_place,
    }
