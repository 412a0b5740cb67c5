"""Writes of the reports app: a cluster's report drafts, edited and issued."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters import access
from clusters.models import ClusterYear
from orgs.models import DocumentType
from orgs.scoping import scope_for
from orgs.services import audit_record, document_number_allocate
from reports import cluster_reports
from reports.models import ClusterReport


def require_lead(actor: Any, cluster_year: ClusterYear) -> None:
    """Only the head unit's officers and the authority's secretariat write the report."""
    if actor is not None and not access.leads(scope_for(actor), cluster_year):
        raise ValidationError(
            _(
                "Chỉ đơn vị trưởng và thường trực của cấp tổ chức cụm được soạn báo cáo."
            ),
            code="not_allowed",
        )


def default_summary(cluster_year: ClusterYear, kind: str) -> str:
    if kind == ClusterReport.Kind.MIDYEAR:
        text = _(
            "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm %(year)s của %(cluster)s"
        )
    else:
        text = _("Tổng kết công tác thi đua, khen thưởng năm %(year)s của %(cluster)s")
    return text % {
        "year": cluster_year.year,
        "cluster": cluster_year.cluster.short_name,
    }


@transaction.atomic
def cluster_report_create(
    *, cluster_year: ClusterYear, kind: str, actor: Any
) -> ClusterReport:
    require_lead(actor, cluster_year)
    if ClusterReport.objects.filter(cluster_year=cluster_year, kind=kind).exists():
        raise ValidationError(
            _("Năm này đã có báo cáo loại này."), code="duplicate_report"
        )
    report = ClusterReport(
        cluster_year=cluster_year,
        kind=kind,
        summary=default_summary(cluster_year, kind),
        sections=cluster_reports.default_sections(cluster_year, kind),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    report.full_clean()
    report.save()
    audit_record(
        actor=actor,
        action="reports.cluster_report.created",
        obj=report,
        unit=cluster_year.cluster.authority,
        data={"kind": kind},
    )
    return report


def _locked(report: ClusterReport) -> ClusterReport:
    return (
        ClusterReport.objects.select_for_update(of=("self",))
        .select_related(
            "cluster_year__cluster__authority", "cluster_year__cluster__issuer"
        )
        .get(pk=report.pk)
    )


@transaction.atomic
def cluster_report_update(
    *,
    report: ClusterReport,
    actor: Any,
    version: int,
    summary: str,
    sections: dict[str, str],
) -> ClusterReport:
    """Save the text; refused once issued, or when someone saved in between."""
    report = _locked(report)
    require_lead(actor, report.cluster_year)
    if report.is_issued:
        raise ValidationError(
            _("Báo cáo đã ban hành: không sửa được."), code="already_issued"
        )
    if version != report.version:
        raise ValidationError(
            _("Báo cáo vừa được người khác sửa. Hãy tải lại trang rồi sửa tiếp."),
            code="stale",
        )
    before = {"summary": report.summary, "sections": report.sections}
    report.summary = summary.strip()
    report.sections = {name: sections.get(name, "") for name in ClusterReport.SECTIONS}
    report.version += 1
    report.full_clean()
    report.save(update_fields=["summary", "sections", "version", "updated_at"])
    audit_record(
        actor=actor,
        action="reports.cluster_report.changed",
        obj=report,
        unit=report.cluster_year.cluster.authority,
        data={"before": before},
    )
    return report


@transaction.atomic
def cluster_report_issue(
    *,
    report: ClusterReport,
    actor: Any,
    issued_on: datetime.date,
    drafting_code: str = "",
) -> ClusterReport:
    """Number the report in the cluster's register ("05/BC-CTĐ7") and keep its print."""
    report = _locked(report)
    year = report.cluster_year
    require_lead(actor, year)
    if report.is_issued:
        raise ValidationError(_("Báo cáo đã được cấp số."), code="already_issued")
    if issued_on.year < year.year:
        raise ValidationError(
            _("Ngày ban hành phải thuộc năm %(year)s hoặc sau đó.")
            % {"year": year.year},
            code="issued_too_early",
        )
    document = document_number_allocate(
        issuer=year.cluster.issuer,
        doc_type=DocumentType.objects.get(code="bao-cao"),
        issued_on=issued_on,
        summary=report.summary,
        actor=actor,
        drafting_code=drafting_code.strip(),
        source=report,
    )
    document.snapshot = cluster_reports.report_context(
        report,
        number=document.number,
        issued_on=issued_on,
        drafting_code=drafting_code.strip(),
    )
    document.save(update_fields=["snapshot", "updated_at"])
    report.issued = document
    report.status = ClusterReport.Status.ISSUED
    report.full_clean()
    report.save(update_fields=["issued", "status", "updated_at"])
    audit_record(
        actor=actor,
        action="reports.cluster_report.issued",
        obj=report,
        unit=year.cluster.authority,
        data={"number": document.full_number, "issued_on": issued_on},
    )
    return report
