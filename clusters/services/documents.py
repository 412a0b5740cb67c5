"""The cluster's own numbered documents: plan, programme, regulation, reports."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusters.models import ClusterDocument, ClusterYear
from clusters.printing import cluster_document_context
from orgs.models import DocumentIssuer, DocumentRegister, DocumentType
from orgs.services import document_number_allocate

from .common import audit, require_lead, require_manage


@transaction.atomic
def cluster_document_create(
    *, cluster_year: ClusterYear, kind: str, summary: str, actor: Any, body: str = ""
) -> ClusterDocument:
    require_lead(actor, cluster_year)
    document = ClusterDocument(
        cluster_year=cluster_year,
        kind=kind,
        summary=summary.strip(),
        body=body,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.full_clean()
    document.save()
    audit(
        actor,
        "clusters.document.created",
        document,
        cluster_year.cluster.authority,
        kind=kind,
        summary=summary,
    )
    return document


@transaction.atomic
def cluster_document_update(
    *, document: ClusterDocument, actor: Any, summary: str, body: str
) -> ClusterDocument:
    document = ClusterDocument.objects.select_for_update().get(pk=document.pk)
    require_lead(actor, document.cluster_year)
    if document.issued_id:
        raise ValidationError(
            _("Văn bản đã cấp số: không sửa được."), code="already_issued"
        )
    document.summary, document.body = summary.strip(), body
    document.full_clean()
    document.save(update_fields=["summary", "body", "updated_at"])
    audit(
        actor,
        "clusters.document.changed",
        document,
        document.cluster_year.cluster.authority,
    )
    return document


@transaction.atomic
def cluster_document_issue(
    *,
    document: ClusterDocument,
    actor: Any,
    issued_on: datetime.date,
    drafting_code: str = "",
) -> ClusterDocument:
    """Number the document in the cluster's register ("972/KH-CTĐ7") and keep its print."""
    document = (
        ClusterDocument.objects.select_for_update()
        .select_related("cluster_year__cluster__issuer")
        .get(pk=document.pk)
    )
    year = document.cluster_year
    require_lead(actor, year)
    if document.issued_id:
        raise ValidationError(_("Văn bản đã được cấp số."), code="already_issued")
    doc_type = DocumentType.objects.get(code=ClusterDocument.DOC_TYPES[document.kind])
    issued = document_number_allocate(
        issuer=year.cluster.issuer,
        doc_type=doc_type,
        issued_on=issued_on,
        summary=document.summary,
        actor=actor,
        drafting_code=drafting_code,
        source=document,
    )
    issued.snapshot = cluster_document_context(
        document,
        doc_type=doc_type,
        number=issued.number,
        issued_on=issued_on,
        drafting_code=drafting_code,
    )
    issued.save(update_fields=["snapshot", "updated_at"])
    document.issued = issued
    document.save(update_fields=["issued", "updated_at"])
    audit(
        actor,
        "clusters.document.issued",
        document,
        year.cluster.authority,
        number=issued.full_number,
        issued_on=issued_on,
    )
    return document


@transaction.atomic
def register_continue_from(
    *,
    issuer: DocumentIssuer,
    doc_type: DocumentType,
    year: int,
    last_number: int,
    actor: Any,
) -> DocumentRegister:
    """Continue a paper register: the next number given will be ``last_number + 1``.

    A cluster that starts using the app in April has already numbered documents on
    paper; the counter may only move forward, so no number is ever given twice.
    """
    cluster = getattr(issuer, "cluster", None)
    if cluster is not None:
        require_manage(actor, cluster)
    DocumentRegister.objects.get_or_create(issuer=issuer, year=year, doc_type=doc_type)
    register = DocumentRegister.objects.select_for_update().get(
        issuer=issuer, year=year, doc_type=doc_type
    )
    if last_number < register.last_number:
        raise ValidationError(
            _("Sổ đã cấp đến số %(last)s: không lùi số được.")
            % {"last": register.last_number},
            code="backwards",
        )
    before = register.last_number
    register.last_number = last_number
    register.save(update_fields=["last_number"])
    audit(
        actor,
        "clusters.register.continued",
        register,
        issuer.unit,
        before=before,
        after=last_number,
        year=year,
        doc_type=doc_type.code,
    )
    return register
