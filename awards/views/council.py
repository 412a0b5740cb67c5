"""Council review pages: the sessions, a session's awards agenda, the vote on each
nominee (htmx, row by row) or on the whole list, and sending the result back."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from awards.forms.common import ReasonForm
from awards.forms.council import AgendaAddForm, ListVoteForm, ModeForm, VoteForm
from awards.models import AgendaEntry, CouncilResultSheet, NominationVote
from awards.printing.council import result_rows, result_sheet_context
from awards.selectors import council as selectors
from awards.services import council_review as services
from orgs.pdf import render_pdf
from orgs.viewmixins import ScopedListView, StaffMixin, TransitionView, require_perm

from .common import is_htmx, run_service
from .decision_print import pdf_response

BUILD = "awards.build_agenda"
VOTE = "awards.vote_nominee"


class AgendaMeetingsView(ScopedListView):
    permission_required = "awards.process_dossier"
    template_name = "awards/agenda_meetings.html"

    def get_queryset(self) -> Any:
        return selectors.meetings_for_agenda(scope=self.request.scope)


class AgendaSessionView(StaffMixin, View):
    """A session's awards agenda, and the checked dossiers that may join it."""

    def setup_meeting(self) -> Any:
        meeting = selectors.meeting_for_agenda(
            scope=self.request.scope, pk=self.kwargs["pk"]
        )
        require_perm(self.request, "councils.view_meeting", meeting)
        return meeting

    def page(self, meeting: Any, form: AgendaAddForm | None = None) -> HttpResponse:
        can_build = self.request.user.has_perm(BUILD, meeting) and not meeting.is_frozen
        if form is None and can_build:
            form = AgendaAddForm(dossiers=list(selectors.checked_dossiers_for(meeting)))
        context = {
            "meeting": meeting,
            "entries": selectors.agenda_of(meeting),
            "form": form if can_build else None,
            "can_build": can_build,
        }
        return render(self.request, "awards/agenda_session.html", context)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.page(self.setup_meeting())

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.setup_meeting()
        require_perm(request, BUILD, meeting)
        form = AgendaAddForm(
            request.POST, dossiers=list(selectors.checked_dossiers_for(meeting))
        )
        if not form.is_valid():
            return self.page(meeting, form)
        try:
            services.agenda_add(
                meeting=meeting, dossiers=form.chosen(), actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(meeting, form)
        messages.success(request, _("Đã đưa hồ sơ vào chương trình phiên họp."))
        return redirect("awards:agenda-session", pk=meeting.pk)


class AgendaResultsPdfView(AgendaSessionView):
    """The list of nominees voted on: live until the minutes are issued, then frozen."""

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.setup_meeting()
        sheet = CouncilResultSheet.objects.filter(meeting=meeting).first()
        context = (
            sheet.snapshot
            if sheet
            else result_sheet_context(meeting, result_rows(meeting))
        )
        content = render_pdf(context["template"], {"doc": context["doc"]})
        return pdf_response(content, f"ket-qua-bieu-quyet-{meeting.pk}.pdf")

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.http_method_not_allowed(request)


class EntryMixin(StaffMixin):
    permission_required = "awards.view_agendaentry"

    def get_entry(self) -> AgendaEntry:
        entry = selectors.entry_get(scope=self.request.scope, pk=self.kwargs["pk"])
        self.check_permission(entry)
        return entry


class EntryView(EntryMixin, View):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        entry = self.get_entry()
        return render(
            request, "awards/agenda_entry.html", entry_context(request, entry)
        )


def entry_context(request: Any, entry: AgendaEntry, **extra: Any) -> dict[str, Any]:
    nominees = list(selectors.entry_nominees(entry))
    can_vote = (
        entry.is_active
        and entry.concluded_at is None
        and request.user.has_perm(VOTE, entry)
    )
    rule = services.rule_for(entry)
    return {
        "entry": entry,
        "meeting": entry.agenda_item.meeting,
        "dossier": entry.dossier,
        "nominees": nominees,
        "rule": rule,
        "list_allowed": services.list_vote_allowed(
            entry.dossier.award_kind, entry.agenda_item.meeting
        ),
        "can_vote": can_vote,
        "vote_form": VoteForm(
            auto_id=False,
            initial={
                "method": rule.method if rule.method != "any" else "show_of_hands"
            },
        ),
        "list_form": ListVoteForm(
            auto_id="list_%s",
            nominees=[n for n in nominees if not n.links],
            initial={
                "method": rule.method if rule.method != "any" else "show_of_hands"
            },
        ),
        "mode_form": ModeForm(initial={"mode": entry.mode}),
        "all_voted": all(n.links for n in nominees if n.outcome == "proposed"),
        **extra,
    }


class NomineeVoteView(EntryMixin, View):
    """Record the counts of one nominee's vote; htmx swaps the row."""

    http_method_names = ["post"]
    permission_required = VOTE

    def post(self, request: Any, pk: int, nomination: int) -> HttpResponse:
        entry = self.get_entry()
        target = get_object_or_404(entry.dossier.nominations, pk=nomination)
        form = VoteForm(request.POST)
        error = None
        if form.is_valid():
            try:
                services.nominee_vote_record(
                    entry=entry, nomination=target, actor=request.user, **form.counts()
                )
            except ValidationError as exc:
                error = "; ".join(exc.messages)
        else:
            error = _("Số phiếu không hợp lệ: %(errors)s") % {
                "errors": "; ".join(
                    e for errors in form.errors.values() for e in errors
                )
            }
        if is_htmx(request):
            context = entry_context(request, entry)
            row = next(n for n in context["nominees"] if n.pk == target.pk)
            return render(
                request,
                "awards/partials/_vote_row.html",
                {**context, "nominee": row, "row_error": error, "posted": form},
            )
        if error:
            messages.error(request, error)
        return redirect(entry)


class ListVoteView(EntryMixin, View):
    http_method_names = ["post"]
    permission_required = VOTE

    def post(self, request: Any, pk: int) -> HttpResponse:
        entry = self.get_entry()
        nominees = list(entry.dossier.nominations.filter(outcome="proposed"))
        form = ListVoteForm(request.POST, nominees=nominees)
        if form.is_valid():
            run_service(
                request,
                lambda: services.list_vote_record(
                    entry=entry,
                    actor=request.user,
                    excluded=form.excluded(),
                    **form.counts(),
                ),
                _("Đã ghi kết quả biểu quyết danh sách."),
            )
        else:
            messages.error(request, _("Số phiếu không hợp lệ."))
        return redirect(entry)


class EntryModeView(EntryMixin, View):
    http_method_names = ["post"]
    permission_required = VOTE

    def post(self, request: Any, pk: int) -> HttpResponse:
        entry = self.get_entry()
        form = ModeForm(request.POST)
        if form.is_valid():
            run_service(
                request,
                lambda: services.entry_set_mode(
                    entry=entry, mode=form.cleaned_data["mode"], actor=request.user
                ),
                _("Đã đổi cách biểu quyết."),
            )
        return redirect(entry)


class VoteDeleteView(StaffMixin, View):
    http_method_names = ["post"]

    def post(self, request: Any, pk: int) -> HttpResponse:
        link = get_object_or_404(
            NominationVote.objects.visible_to(request.scope), pk=pk
        )
        require_perm(request, VOTE, link.entry)
        run_service(
            request,
            lambda: services.nominee_vote_delete(link=link, actor=request.user),
            _("Đã xóa kết quả biểu quyết."),
        )
        return redirect(link.entry)


class EntryConcludeView(TransitionView):
    model = AgendaEntry
    permission_required = VOTE
    title = gettext_lazy("Chốt kết quả của Hội đồng")
    question = gettext_lazy(
        "Ghi kết quả biểu quyết vào hồ sơ: người đạt tỷ lệ được Hội đồng đề nghị khen "
        "thưởng; người không đạt được trả lời kèm số phiếu và tỷ lệ."
    )
    confirm_label = gettext_lazy("Chốt kết quả")
    success_message = gettext_lazy("Đã ghi kết quả của Hội đồng vào hồ sơ.")

    def get_object(self, queryset: Any = None) -> AgendaEntry:
        entry = selectors.entry_get(scope=self.request.scope, pk=self.kwargs["pk"])
        self.check_permission(entry)
        return entry

    def perform(self, obj: AgendaEntry, form: Any) -> Any:
        services.entry_conclude(entry=obj, actor=self.request.user)
        return obj


class EntryRemoveView(EntryConcludeView):
    form_class = ReasonForm
    title = gettext_lazy("Rút hồ sơ khỏi chương trình họp")
    question = gettext_lazy(
        "Rút hồ sơ khỏi phiên họp? Hồ sơ quay về trạng thái đã thẩm định."
    )
    confirm_label = gettext_lazy("Rút khỏi chương trình")
    danger = True
    success_message = gettext_lazy("Đã rút hồ sơ khỏi chương trình họp.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "required": False}

    def perform(self, obj: AgendaEntry, form: Any) -> Any:
        services.agenda_remove(
            entry=obj,
            actor=self.request.user,
            reason=form.cleaned_data.get("reason", ""),
        )
        return obj.dossier
