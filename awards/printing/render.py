"""Rendering decisions and certificates to PDF, in the request when small and
through a background job (``orgs.jobs``) when large.

A 1,000-line annex takes WeasyPrint about fifteen seconds (measured on the
development machine, see docs/apps/awards.md): too long for a request, so any
decision above ``LARGE_ANNEX`` lines and any batch of more than
``LARGE_BATCH`` certificates goes to the queue, with progress on the job page.
"""

from __future__ import annotations

from typing import Any

from awards.models import Certificate, Decision
from orgs.jobs import JobRun
from orgs.pdf import render_pdf

from .certificates import certificates_context
from .decision import decision_context

LARGE_ANNEX = 150
LARGE_BATCH = 20


def decision_print_context(decision: Decision) -> dict[str, Any]:
    """The snapshot of an issued decision; a context built now for a draft."""
    if decision.is_issued:
        snapshot = decision.document.snapshot
        return {"template": snapshot["template"], "doc": snapshot["doc"]}
    from awards.services.decision_drafts import lines_of

    return decision_context(decision, lines_of(decision))


def decision_filename(decision: Decision) -> str:
    if decision.is_issued:
        return f"quyet-dinh-{decision.number.replace('/', '-')}.pdf"
    return f"du-thao-quyet-dinh-{decision.pk}.pdf"


def decision_pdf(decision: Decision) -> bytes:
    context = decision_print_context(decision)
    return render_pdf(context["template"], {"doc": context["doc"]})


def certificates_pdf(
    certificates: list[Certificate], *, base_url: str, title: str = ""
) -> bytes:
    context = certificates_context(certificates, base_url=base_url, title=title)
    return render_pdf(context["template"], context)


def certificates_of(
    decision_id: int, unit_paths: list[str] | None
) -> list[Certificate]:
    """Certificates of a decision, limited to the units under ``unit_paths`` if given."""
    rows = Certificate.objects.filter(decision_id=decision_id).order_by("line__order")
    if unit_paths is not None:
        from django.db.models import Q

        query = Q(pk__in=[])
        for path in unit_paths:
            query |= Q(unit__path__startswith=path)
        rows = rows.filter(query)
    return list(rows)


# Background jobs ----------------------------------------------------------------------


def decision_pdf_job(run: JobRun) -> tuple[str, bytes]:
    decision = Decision.objects.select_related(
        "document", "issuer", "unit", "award_kind", "cited", "fund__unit"
    ).get(pk=run.params["decision_id"])
    run.set_total(2)
    run.step(0, "Đang dựng nội dung quyết định và danh sách kèm theo.")
    context = decision_print_context(decision)
    run.step(1, f"Đang in {len(context['doc']['annex']['rows'])} dòng danh sách.")
    content = render_pdf(context["template"], {"doc": context["doc"]})
    run.step(2, "Đã in xong.")
    return decision_filename(decision), content


def certificates_job(run: JobRun) -> tuple[str, bytes]:
    decision = Decision.objects.get(pk=run.params["decision_id"])
    certificates = certificates_of(decision.pk, run.params.get("unit_paths"))
    run.set_total(len(certificates) + 1)
    run.step(0, f"Đang in {len(certificates)} giấy chứng nhận.")
    content = certificates_pdf(
        certificates, base_url=run.params["base_url"], title=decision.number
    )
    run.step(len(certificates) + 1, "Đã in xong.")
    return f"chung-nhan-{decision.number.replace('/', '-')}.pdf", content
