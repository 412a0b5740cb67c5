"""Build the print context of documents. Contexts are plain data (strings, lists,
dicts) so that they can be stored as the snapshot of an issued document and
re-rendered later exactly as they stood."""

from __future__ import annotations

import datetime
from typing import Any

from orgs import vn
from orgs.models import DocumentIssuer, DocumentType, IssuedDocument
from orgs.pdf import letterhead
from orgs.selectors import legal_documents_in_force

SAMPLE_TEMPLATE = "pdf/sample_decision.html"


def standard_grounds(on: datetime.date) -> list[str]:
    """Return the "Căn cứ …;" lines of the legal documents marked as standard grounds and in force."""
    documents = (
        legal_documents_in_force(on)
        .filter(is_standard_ground=True)
        .order_by("ground_order", "issued_on")
    )
    return [f"Căn cứ {doc.citation or doc.title};" for doc in documents]


def issuer_letterhead(
    issuer: DocumentIssuer,
    doc_type: DocumentType,
    *,
    issued_on: datetime.date | None,
    number: int | None,
    drafting_code: str = "",
) -> dict[str, str]:
    return dict(
        letterhead(
            parent=issuer.header_parent,
            name=issuer.printed_name,
            place=issuer.printed_place,
            symbol=vn.document_symbol(
                doc_type.abbreviation, issuer.symbol, drafting_code
            ),
            issued_on=issued_on,
            number=number,
        )
    )


def sample_decision_context(
    *,
    issuer: DocumentIssuer,
    doc_type: DocumentType,
    on: datetime.date,
    number: int | None = None,
) -> dict[str, Any]:
    """A decision with the full decree 30 layout, used to check the PDF base."""
    year = on.year
    grounds = [*standard_grounds(on), "Theo đề nghị của Trưởng phòng Nội vụ,"]
    return {
        "template": SAMPLE_TEMPLATE,
        "doc": {
            "letterhead": issuer_letterhead(
                issuer, doc_type, issued_on=on if number else None, number=number
            ),
            "kind_title": vn.upper(doc_type.name),
            "summary": f"Về việc ban hành Kế hoạch công tác thi đua, khen thưởng năm {year}",
            "authority": f"Người đứng đầu {issuer.name}",
            "grounds": grounds,
            "articles": [
                f"Ban hành kèm theo Quyết định này Kế hoạch công tác thi đua, khen thưởng năm {year}.",
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "Chánh Văn phòng, Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành "
                "Quyết định này./.",
            ],
            "recipients": ["Như Điều 3;", "Lưu: VT, NV."],
            "signature": {
                "prefix": "",
                "authority": "",
                "title": "THỦ TRƯỞNG ĐƠN VỊ",
                "name": "",
            },
        },
    }


def document_render_context(document: IssuedDocument) -> tuple[str, dict[str, Any]]:
    """Return the template and context stored with ``document``."""
    snapshot = document.snapshot or {}
    return snapshot.get("template", SAMPLE_TEMPLATE), {"doc": snapshot.get("doc", {})}
