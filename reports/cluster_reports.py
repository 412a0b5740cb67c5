"""The figures and the print of a cluster's mid-year or year-end report.

Figures: the members and their roles, the published ranking, the proposals for
Cờ thi đua and Bằng khen, and the awards the member units received (decided in
the first half of the year for a mid-year report, in the whole year otherwise).
The print context is plain data, stored as the issued document's snapshot.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from awards.models import AwardRecord
from clusters.models import ClusterProposal, ClusterYear
from clusters.printing import head_signature
from orgs import vn
from orgs.models import DocumentType
from orgs.printing import issuer_letterhead
from reports.filters import Filters
from reports.models import ClusterReport
from reports.tables import drill_url

TEMPLATE = "pdf/reports/cluster_report.html"


def window(report_kind: str, year: int) -> tuple[datetime.date, datetime.date]:
    """The decision dates a report covers: 1/1–30/6 (mid-year) or the whole year."""
    end = (
        datetime.date(year, 6, 30)
        if report_kind == ClusterReport.Kind.MIDYEAR
        else datetime.date(year, 12, 31)
    )
    return datetime.date(year, 1, 1), end


def _members(year: ClusterYear) -> list[dict[str, Any]]:
    rows = sorted(
        year.memberships.select_related("unit", "cluster_year__cluster"),
        key=lambda m: (
            m.role != "head",
            m.role != "deputy",
            m.deputy_rank or 0,
            m.order,
        ),
    )
    return [
        {
            "unit_id": m.unit_id,
            "unit": m.unit.name,
            "path": m.unit.path,
            "role": m.role_label,
        }
        for m in rows
    ]


def _ranking(year: ClusterYear) -> dict[str, Any]:
    if not year.is_published:
        return {"published": False, "rows": []}
    snapshot = year.ranking_snapshot or {}
    return {
        "published": True,
        "full_max": snapshot.get("full_max"),
        "rows": [
            {
                "rank": row.get("rank"),
                "unit": row.get("unit"),
                "self_total": row.get("self_total"),
                "final": row.get("normalised") or row.get("final"),
            }
            for row in snapshot.get("rows", [])
        ],
    }


def _proposals(year: ClusterYear) -> list[dict[str, Any]]:
    rows = (
        year.proposals.exclude(status=ClusterProposal.Status.WITHDRAWN)
        .select_related("unit")
        .order_by("award_code", "rank", "pk")
    )
    return [
        {
            "unit": p.unit.name,
            "award": str(p.get_award_code_display()),
            "rank": p.rank,
            "score": str(p.final_score) if p.final_score is not None else "",
            "status": str(p.get_status_display()),
        }
        for p in rows
    ]


def _awards(report_kind: str, year: int, members: list[dict[str, Any]]) -> list[dict]:
    """Per member unit: awards of its whole subtree decided in the window, split by
    subject, and the collective awards the unit itself received (two queries)."""
    start, end = window(report_kind, year)
    base = AwardRecord.objects.filter(
        status=AwardRecord.Status.VALID, decision_date__range=(start, end)
    )
    counts = (
        base.aggregate(
            **{
                f"{kind}_{m['unit_id']}": Count(
                    "pk", filter=Q(unit__path__startswith=m["path"]) & q
                )
                for m in members
                for kind, q in (
                    ("all", Q()),
                    ("ind", Q(person__isnull=False)),
                    ("col", Q(collective__isnull=False)),
                )
            }
        )
        if members
        else {}
    )
    own: dict[int, list[str]] = {}
    for unit_id, name in (
        base.filter(collective_id__in=[m["unit_id"] for m in members])
        .values_list("collective_id", "award_kind__name")
        .order_by("award_kind__level", "award_kind__name")
    ):
        own.setdefault(unit_id, []).append(name)
    rows = []
    for m in members:
        params = Filters(year=year, basis="decision").params(unit=m["unit_id"])
        if report_kind == ClusterReport.Kind.MIDYEAR:
            params["half"] = "1"
        rows.append(
            {
                "unit": m["unit"],
                "all": counts.get(f"all_{m['unit_id']}", 0),
                "individuals": counts.get(f"ind_{m['unit_id']}", 0),
                "collectives": counts.get(f"col_{m['unit_id']}", 0),
                "own": ", ".join(own.get(m["unit_id"], [])),
                "url": drill_url("awards", params),
            }
        )
    return rows


def figures(report: ClusterReport) -> dict[str, Any]:
    """Everything the report prints besides its text, as plain data."""
    year = report.cluster_year
    members = _members(year)
    last_day = window(report.kind, year.year)[1]
    conferences = [
        {
            "title": c.title,
            "held_on": vn.short_date(c.held_on),
            "kind": str(c.get_kind_display()),
        }
        for c in year.conferences.filter(held_on__lte=last_day).order_by("held_on")
    ]
    return {
        "members": [{k: v for k, v in m.items() if k != "path"} for m in members],
        "conferences": conferences,
        "ranking": _ranking(year) if report.kind == ClusterReport.Kind.ANNUAL else None,
        "proposals": _proposals(year)
        if report.kind == ClusterReport.Kind.ANNUAL
        else [],
        "awards": _awards(report.kind, year.year, members),
        "awards_period": _("từ ngày %(a)s đến ngày %(b)s")
        % {
            "a": vn.short_date(window(report.kind, year.year)[0]),
            "b": vn.short_date(window(report.kind, year.year)[1]),
        },
    }


def default_sections(year: ClusterYear, kind: str) -> dict[str, str]:
    """Opening text the head unit then rewrites: who the members are and what the
    app knows of the period."""
    members = _members(year)
    head = next((m for m in members if m["role"] == year.cluster.head_word), None)
    names = "; ".join(m["unit"] for m in members)
    situation = _(
        "%(cluster)s năm %(year)s gồm %(count)s đơn vị thành viên: %(names)s."
    ) % {
        "cluster": year.cluster.short_name,
        "year": year.year,
        "count": len(members),
        "names": names,
    }
    if head:
        situation += " " + _("Đơn vị trưởng: %(unit)s.") % {"unit": head["unit"]}
    if year.theme:
        situation += " " + _("Chủ đề năm: “%(theme)s”.") % {"theme": year.theme}
    period = _("6 tháng đầu năm") if kind == ClusterReport.Kind.MIDYEAR else _("năm")
    results = _(
        "Trong %(period)s %(year)s, các đơn vị trong cụm đã triển khai các phong trào thi "
        "đua do cấp trên phát động và do cụm đề ra, thực hiện giao ước thi đua đã ký kết. "
        "Kết quả cụ thể như sau:"
    ) % {"period": period, "year": year.year}
    return {
        "situation": situation,
        "results": results,
        "assessment": "",
        "tasks": "",
        "proposals": "",
    }


def report_context(
    report: ClusterReport,
    *,
    number: int | None = None,
    issued_on: datetime.date | None = None,
    drafting_code: str = "",
) -> dict[str, Any]:
    """The print of the report: letterhead of the cluster's register, text, figures."""
    year = report.cluster_year
    doc_type = DocumentType.objects.get(code="bao-cao")
    cluster = year.cluster
    return {
        "template": TEMPLATE,
        "doc": {
            "letterhead": issuer_letterhead(
                cluster.issuer,
                doc_type,
                issued_on=issued_on,
                number=number,
                drafting_code=drafting_code,
            ),
            "kind_title": vn.upper(doc_type.name),
            "summary": report.summary,
            "draft": number is None,
            "sections": [
                {"heading": heading, "text": _paragraphs(report.section(name))}
                for name, heading in _headings(report.kind)
            ],
            "figures": figures(report),
            "recipients": [
                _("Hội đồng Thi đua – Khen thưởng, %(unit)s;")
                % {"unit": cluster.authority.name},
                _("Các đơn vị trong %(cluster)s;") % {"cluster": cluster.short_name},
                _("Lưu: VT."),
            ],
            "signature": head_signature(year),
        },
    }


def _headings(kind: str) -> list[tuple[str, str]]:
    later = (
        _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM")
        if kind == ClusterReport.Kind.MIDYEAR
        else _("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI")
    )
    return [
        ("situation", _("I. ĐẶC ĐIỂM TÌNH HÌNH")),
        ("results", _("II. KẾT QUẢ THỰC HIỆN")),
        ("assessment", _("III. ĐÁNH GIÁ CHUNG")),
        ("tasks", later),
        ("proposals", _("V. ĐỀ XUẤT, KIẾN NGHỊ")),
    ]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def decimal_text(value: Any) -> str:
    return "" if value in (None, "") else vn.decimal_vi(Decimal(str(value)))
