"""Printing a decision (PDF, in the request or through a background job), its list
as xlsx, its certificates, and the public verification of a certificate."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from awards.models import Certificate, Decision, normalise_code
from awards.printing import render as printing
from awards.selectors import decisions as selectors
from orgs.exports import xlsx_response
from orgs.jobs import job_start
from orgs.scoping import VIEW_ROLES

from .decisions import DecisionMixin


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def base_url(request: Any) -> str:
    from django.conf import settings

    return getattr(settings, "PUBLIC_SITE_URL", "") or request.build_absolute_uri("/")


class DecisionPdfView(DecisionMixin, View):
    """Small decisions print at once; a long annex is printed by a background job."""

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        lines = decision.lines.count()
        if lines > printing.LARGE_ANNEX:
            return render(
                request,
                "awards/decision_print_job.html",
                {"decision": decision, "lines": lines, "what": "decision"},
            )
        return pdf_response(
            printing.decision_pdf(decision), printing.decision_filename(decision)
        )

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        job = job_start(
            kind="awards.decision_pdf",
            label=_("In quyết định %(number)s")
            % {"number": decision.number or _("(dự thảo)")},
            user=request.user,
            unit=decision.unit,
            params={"decision_id": decision.pk},
        )
        return redirect(job.get_absolute_url())


class DecisionExportView(DecisionMixin, View):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        headers = [
            _("STT"),
            _("Họ tên, tên tập thể"),
            _("Chức vụ"),
            _("Đơn vị"),
            _("Hệ số"),
            _("Tiền thưởng (đồng)"),
            _("Mã xác thực"),
        ]
        rows = (
            [
                line.order,
                line.display_name,
                line.position,
                line.unit_name,
                line.multiplier if line.multiplier is not None else "",
                line.amount,
                line.certificate.printed_code if hasattr(line, "certificate") else "",
            ]
            for line in selectors.decision_lines(decision)
        )
        name = (
            decision.number.replace("/", "-")
            if decision.number
            else f"du-thao-{decision.pk}"
        )
        return xlsx_response(
            f"danh-sach-{name}.xlsx", headers, rows, title=decision.summary
        )


class CertificatesView(DecisionMixin, View):
    """The decision's certificates the viewer may print: at once, or by a job."""

    def certificates(self, decision: Decision) -> Any:
        return selectors.certificates_for(decision, self.request.scope)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        certificates = list(self.certificates(decision))
        if not certificates:
            raise Http404(_("Quyết định này không có giấy chứng nhận bạn được in."))
        if len(certificates) > printing.LARGE_BATCH:
            return render(
                request,
                "awards/decision_print_job.html",
                {
                    "decision": decision,
                    "lines": len(certificates),
                    "what": "certificates",
                },
            )
        content = printing.certificates_pdf(
            certificates, base_url=base_url(request), title=decision.number
        )
        return pdf_response(
            content, f"chung-nhan-{decision.number.replace('/', '-')}.pdf"
        )

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        decision = self.get_decision()
        restricted = not request.scope.covers(decision.unit, VIEW_ROLES)
        job = job_start(
            kind="awards.certificates",
            label=_("In giấy chứng nhận theo Quyết định %(number)s")
            % {"number": decision.number},
            user=request.user,
            unit=decision.unit,
            params={
                "decision_id": decision.pk,
                "base_url": base_url(request),
                "unit_paths": request.scope.paths(VIEW_ROLES) if restricted else None,
            },
        )
        return redirect(job.get_absolute_url())


# The public page --------------------------------------------------------------------


class VerifyView(View):
    """Anyone may check a certificate by its code: only what the paper shows, and
    whether the award still stands."""

    def get(self, request: Any, code: str = "") -> HttpResponse:
        typed = request.GET.get("code", "")
        if typed and not code:
            return redirect("awards:certificate-verify", code=normalise_code(typed))
        context: dict[str, Any] = {"code": code}
        if code:
            certificate = (
                Certificate.objects.select_related("record")
                .only("code", "snapshot", "record__status")
                .filter(code=normalise_code(code))
                .first()
            )
            context["certificate"] = certificate
            context["shown"] = certificate.snapshot if certificate else None
            context["revoked"] = bool(
                certificate and certificate.record.status != "valid"
            )
            status = 200 if certificate else 404
            return render(request, "awards/verify.html", context, status=status)
        return render(request, "awards/verify.html", context)
