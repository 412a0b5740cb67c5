"""Written consultation pages: prepare and send (secretariat), answer (members),
tally and the printable report."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from councils import selectors, services
from councils.forms import (
    AnswerForm,
    ConsultationForm,
    DocumentUploadForm,
    RecordAnswerForm,
)
from councils.models import (
    Consultation,
    ConsultationDocument,
    Council,
    CouncilMember,
    Vote,
)
from councils.views.common import ViewerDetailView, ViewerFormView, ViewerTransitionView
from orgs.pdf import render_pdf
from orgs.printing import document_render_context
from orgs.views import pdf_response

PREFIX = "meeting__council__"


def _lookup() -> QuerySet[Consultation]:
    return Consultation.objects.select_related("meeting__council__owner_unit", "report")


class ConsultationCreateView(ViewerFormView):
    permission_required = "councils.add_consultation"
    form_class = ConsultationForm
    template_name = "councils/object_form.html"
    page_title = _("Xin ý kiến thành viên bằng văn bản")
    success_message = _("Đã lập dự thảo xin ý kiến. Kiểm tra rồi bấm “Gửi xin ý kiến”.")

    def lookup_queryset(self) -> QuerySet[Council]:
        return Council.objects.select_related("owner_unit")

    def perform(self, form: ConsultationForm) -> Consultation:
        return services.consultation_create(
            council=self.object, actor=self.request.user, **form.cleaned_data
        )


class ConsultationDetailView(ViewerDetailView):
    permission_required = "councils.view_consultation"
    template_name = "councils/consultation_detail.html"
    context_object_name = "consultation"

    def get_object(self, queryset: Any = None) -> Consultation:
        consultation = selectors.consultation_detail(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        self.check_permission(consultation)
        return consultation

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        consultation, user = self.object, self.request.user
        tally = selectors.consultation_tally(consultation)
        seat = _own_seat(user, tally)
        mine = next(
            (
                a
                for a in consultation.answers.all()
                if a.member_id == getattr(seat, "pk", None)
            ),
            None,
        )
        can_manage = user.has_perm("councils.change_consultation", consultation)
        is_open = consultation.status == Consultation.Status.SENT
        return {
            **super().get_context_data(**kwargs),
            "council": consultation.meeting.council,
            "tally": tally,
            "tally_vote": Vote.objects.filter(
                agenda_item__meeting_id=consultation.meeting_id
            ).first(),
            "seat": seat,
            "mine": mine,
            "now": timezone.now(),
            "can_manage": can_manage,
            "can_see_answers": user.has_perm("councils.view_answers", consultation),
            "answer_form": AnswerForm(initial={"choice": getattr(mine, "choice", None)})
            if seat and is_open
            else None,
            "record_form": RecordAnswerForm(members=_asked(tally))
            if can_manage and is_open
            else None,
            "upload_form": DocumentUploadForm()
            if can_manage and consultation.status == Consultation.Status.DRAFT
            else None,
        }


def _own_seat(user: Any, tally: selectors.ConsultationTally) -> CouncilMember | None:
    return next((m for m in tally.asked if m.person.user_id == user.pk), None)


def _asked(tally: selectors.ConsultationTally) -> QuerySet[CouncilMember]:
    return CouncilMember.objects.filter(
        pk__in=[m.pk for m in tally.asked]
    ).select_related("person")


class ConsultationAnswerView(ViewerFormView):
    """A member answers in the app (agree / disagree / other, with a comment)."""

    permission_required = "councils.answer_consultation"
    council_path = PREFIX
    form_class = AnswerForm
    template_name = "councils/object_form.html"
    page_title = _("Trả lời xin ý kiến")
    success_message = _("Đã ghi nhận ý kiến của đồng chí.")

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return kwargs

    def perform(self, form: AnswerForm) -> Consultation:
        day = selectors.consultation_asked_day(self.object)
        seat = selectors.seat_of(self.request.user, self.object.meeting.council_id, day)
        if seat is None:
            raise Http404(_("Đồng chí không thuộc danh sách được xin ý kiến."))
        services.consultation_answer(
            consultation=self.object,
            member=seat,
            actor=self.request.user,
            **form.cleaned_data,
        )
        return self.object


class ConsultationRecordView(ViewerFormView):
    """The secretariat records an answer received on paper, on the member's behalf."""

    permission_required = "councils.record_answer"
    council_path = PREFIX
    form_class = RecordAnswerForm
    template_name = "councils/object_form.html"
    page_title = _("Ghi ý kiến nhận bằng văn bản giấy")
    success_message = _("Đã ghi nhận ý kiến.")

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        day = selectors.consultation_asked_day(self.object)
        return {
            **kwargs,
            "members": selectors.members_on(self.object.meeting.council_id, day),
        }

    def perform(self, form: RecordAnswerForm) -> Consultation:
        services.consultation_answer(
            consultation=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object


class DocumentAddView(ViewerFormView):
    permission_required = "councils.add_consultationdocument"
    council_path = PREFIX
    form_class = DocumentUploadForm
    template_name = "councils/object_form.html"
    page_title = _("Thêm tài liệu")
    success_message = _("Đã thêm tài liệu.")

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("scope", None)
        return kwargs

    def perform(self, form: DocumentUploadForm) -> Consultation:
        services.document_add(
            consultation=self.object, actor=self.request.user, **form.cleaned_data
        )
        return self.object


class ConsultationSendView(ViewerTransitionView):
    permission_required = "councils.change_consultation"
    council_path = PREFIX
    title = _("Gửi xin ý kiến")
    question = _(
        "Gửi câu hỏi và tài liệu tới các thành viên Hội đồng hiện nay. Sau khi gửi không "
        "sửa được nội dung."
    )
    confirm_label = _("Gửi xin ý kiến")
    success_message = _("Đã gửi xin ý kiến các thành viên.")

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def perform(self, obj: Consultation, form: Any) -> Consultation:
        return services.consultation_send(consultation=obj, actor=self.request.user)


class ConsultationCloseView(ViewerTransitionView):
    permission_required = "councils.change_consultation"
    council_path = PREFIX
    title = _("Tổng hợp kết quả lấy ý kiến")
    question = _(
        "Tổng hợp các ý kiến nhận đúng hạn, cấp số báo cáo kết quả. Ý kiến gửi sau thời "
        "hạn được liệt kê nhưng không tính."
    )
    confirm_label = _("Tổng hợp và ban hành báo cáo")
    success_message = _("Đã tổng hợp kết quả.")

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def perform(self, obj: Consultation, form: Any) -> Consultation:
        return services.consultation_close(consultation=obj, actor=self.request.user)


class ConsultationPdfView(ViewerDetailView):
    """The issued report from its snapshot, or the tally as it stands (no number)."""

    permission_required = "councils.view_consultation"
    council_path = PREFIX

    def lookup_queryset(self) -> QuerySet[Consultation]:
        return _lookup()

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        consultation = self.get_object()
        if consultation.report is not None:
            template, context = document_render_context(consultation.report)
            name = slugify(consultation.report.full_number.replace("/", "-"))
        else:
            draft = services.consultation_report_draft(consultation)
            template, context = draft["template"], {"doc": draft["doc"]}
            name = f"ket-qua-lay-y-kien-{consultation.pk}"
        return pdf_response(render_pdf(template, context), f"{name}.pdf")


class DocumentDownloadView(ViewerDetailView):
    """Files are served here, after the permission check, never from MEDIA_URL."""

    permission_required = "councils.view_consultationdocument"
    council_path = "consultation__meeting__council__"

    def lookup_queryset(self) -> QuerySet[ConsultationDocument]:
        return ConsultationDocument.objects.select_related(
            "consultation__meeting__council__owner_unit"
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = self.get_object()
        extension = document.file.name.rsplit(".", 1)[-1]
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=f"{slugify(document.title.rsplit('.', 1)[0]) or 'tai-lieu'}.{extension}",
            content_type=document.content_type,
        )
        response["Cache-Control"] = "private, no-store"
        return response
