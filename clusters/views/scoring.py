"""Cards: the overview of a year, the scoring grid, submission and reviews."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, View

from clusters import access, forms, selectors
from clusters.grid import Grid, build_grid
from clusters.models import Review, ScoreSheet
from clusters.services import reviews, scoring
from orgs.viewmixins import StaffMixin, require_perm

from .common import (
    ClusterFormView,
    ClusterPostView,
    ClusterTransitionView,
    SelectorObjectMixin,
)

FIELD = re.compile(r"^(p|c|e)-(\d+)$")
REVIEW_FIELD = re.compile(r"^(r|rr)-(\d+)-(\d+)$")


class ScoringOverviewView(SelectorObjectMixin, DetailView):
    """The cards of a year: a unit sees its own; the head sees all, with the late ones."""

    permission_required = "clusters.view_clusteryear"
    template_name = "clusters/scoring_overview.html"
    fetch = staticmethod(selectors.cluster_year_detail)
    context_object_name = "year"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        year, scope = self.object, self.request.scope
        leads = access.leads(scope, year)
        return {
            **super().get_context_data(**kwargs),
            "sheets": selectors.sheets_of_year(year, scope),
            "leads": leads,
            "late": selectors.late_sheets(year)
            if access.oversees(scope, year)
            else None,
        }


class ScoringStartView(ClusterPostView):
    permission_required = "clusters.start_scoring"
    fetch = staticmethod(selectors.cluster_year_detail)
    success_message = gettext_lazy("Đã mở phiếu chấm điểm cho các đơn vị.")

    def get_back_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:scoring", args=[self.object.pk])

    def perform(self, obj: Any) -> Any:
        return scoring.scoring_start(cluster_year=obj, actor=self.request.user)


class SheetDetailView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_scoresheet"
    template_name = "clusters/sheet_detail.html"
    fetch = staticmethod(selectors.sheet_detail)
    context_object_name = "sheet"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "grid": build_grid(self.object, self.request.scope),
            "return_form": forms.ReasonForm(),
        }


def _posted(
    data: Any,
) -> tuple[dict[int, dict[str, str]], dict[tuple[int, int], dict[str, str]]]:
    own: dict[int, dict[str, str]] = {}
    review: dict[tuple[int, int], dict[str, str]] = {}
    for key, value in data.items():
        if match := FIELD.match(key):
            own.setdefault(int(match[2]), {})[match[1]] = value
        elif match := REVIEW_FIELD.match(key):
            review.setdefault((int(match[2]), int(match[3])), {})[match[1]] = value
    return own, review


class _Rollback(Exception):
    pass


class SheetSaveView(StaffMixin, View):
    """Save self-scores and review scores: one row (htmx, as you go) or the whole grid.

    All rows of one request are saved together or not at all; a refused row comes
    back with its message and the typed values, nothing else changed.
    """

    http_method_names = ["post"]

    def post(self, request: Any, pk: int) -> HttpResponse:
        sheet = selectors.sheet_detail(scope=request.scope, pk=pk)
        own, reviewed = _posted(request.POST)
        if own:
            require_perm(request, "clusters.selfscore_scoresheet", sheet)
        if reviewed:
            require_perm(request, "clusters.review_scoresheet", sheet)
        errors: dict[int, str] = {}
        try:
            with transaction.atomic():
                self._save_own(sheet, own, errors)
                self._save_reviews(sheet, reviewed, errors)
                if errors:
                    raise _Rollback
        except _Rollback:
            pass
        grid = build_grid(sheet, request.scope, errors)
        if errors:
            _keep_typed(grid, own, reviewed)
        touched = sorted({*own, *(cid for _rid, cid in reviewed)})
        if request.htmx:
            return render(
                request,
                "clusters/partials/_grid_rows.html",
                {
                    "grid": grid,
                    "rows": [grid.row(c) for c in touched if grid.row(c)],
                    "ancestors": _ancestors(grid, touched),
                },
            )
        if errors:
            messages.error(
                request, _("Chưa lưu: có dòng chưa hợp lệ, xem thông báo ở từng dòng.")
            )
            return render(
                request,
                "clusters/sheet_detail.html",
                {"sheet": sheet, "grid": grid, "return_form": forms.ReasonForm()},
            )
        messages.success(request, _("Đã lưu điểm."))
        return HttpResponseRedirect(sheet.get_absolute_url())

    def _save_own(
        self, sheet: ScoreSheet, own: dict[int, dict[str, str]], errors: dict[int, str]
    ) -> None:
        entries = {
            e.criterion_id: e for e in sheet.entries.filter(criterion_id__in=own)
        }
        for criterion_id, values in own.items():
            entry = entries.get(criterion_id)
            if entry is None:
                continue
            try:
                scoring.self_score_set(
                    entry=entry,
                    actor=self.request.user,
                    points=values.get("p", scoring.KEEP),
                    comment=values.get("c", scoring.KEEP),
                    explanation=values.get("e", scoring.KEEP),
                )
            except (ValidationError, PermissionDenied) as error:
                errors[criterion_id] = _messages(error)

    def _save_reviews(
        self,
        sheet: ScoreSheet,
        posted: dict[tuple[int, int], dict[str, str]],
        errors: dict[int, str],
    ) -> None:
        if not posted:
            return
        by_id = {r.pk: r for r in sheet.reviews.select_related("reviewer_unit")}
        criteria = {c.pk: c for c in sheet.criteria_set.criteria.all()}
        for (review_id, criterion_id), values in posted.items():
            review, criterion = by_id.get(review_id), criteria.get(criterion_id)
            if review is None or criterion is None or not values.get("r", "").strip():
                continue
            try:
                reviews.review_score_set(
                    review=review,
                    criterion=criterion,
                    points=values["r"],
                    reason=values.get("rr", ""),
                    actor=self.request.user,
                )
            except (ValidationError, PermissionDenied) as error:
                errors[criterion_id] = _messages(error)


def _messages(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error) or _("Bạn không có quyền thực hiện thao tác này.")


def _keep_typed(
    grid: Grid,
    own: dict[int, dict[str, str]],
    reviewed: dict[tuple[int, int], dict[str, str]],
) -> None:
    """Show what the user typed in the refused request, not the stored values."""
    for criterion_id, values in own.items():
        row = grid.row(criterion_id)
        if row is not None:
            row.typed = values
    for (review_id, criterion_id), values in reviewed.items():
        row = grid.row(criterion_id)
        for cell in row.cells if row else []:
            if cell.review.pk == review_id:
                cell.typed = values


def _ancestors(grid: Grid, touched: Iterable[int]) -> list[Any]:
    rows = {r.criterion.pk: r for r in grid.rows}
    found: dict[int, Any] = {}
    for criterion_id in touched:
        row = rows.get(criterion_id)
        while row is not None and row.criterion.parent_id:
            row = rows.get(row.criterion.parent_id)
            if row is not None:
                found[row.criterion.pk] = row
    return list(found.values())


class SheetSubmitView(ClusterTransitionView):
    permission_required = "clusters.selfscore_scoresheet"
    fetch = staticmethod(selectors.sheet_detail)
    title = gettext_lazy("Gửi phiếu tự chấm điểm")
    question = gettext_lazy(
        "Sau khi gửi, đơn vị không sửa điểm tự chấm được nữa (trừ khi đơn vị trưởng trả lại)."
    )
    confirm_label = gettext_lazy("Gửi thẩm định")
    success_message = gettext_lazy("Đã gửi phiếu để thẩm định.")

    def perform(self, obj: ScoreSheet, form: Any) -> ScoreSheet:
        return scoring.sheet_submit(sheet=obj, actor=self.request.user)


class SheetReturnView(ClusterFormView):
    permission_required = "clusters.return_scoresheet"
    form_class = forms.ReasonForm
    fetch = staticmethod(selectors.sheet_detail)
    title = gettext_lazy("Trả lại phiếu cho đơn vị")
    success_message = gettext_lazy("Đã trả lại phiếu.")

    def perform(self, form: Any) -> ScoreSheet:
        return scoring.sheet_return(
            sheet=self.object,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )


class _ReviewAction(ClusterPostView):
    permission_required = "clusters.review_scoresheet"
    fetch = staticmethod(selectors.review_detail)

    def check_permission(self, obj: Any = None) -> None:
        require_perm(self.request, self.permission_required, obj.sheet if obj else None)

    def get_back_url(self) -> str:
        return self.object.sheet.get_absolute_url()


class ReviewAcceptView(_ReviewAction):
    def perform(self, obj: Review) -> None:
        count = reviews.review_accept_self(review=obj, actor=self.request.user)
        messages.success(
            self.request, _("Đã lấy điểm tự chấm cho %(n)s tiêu chí.") % {"n": count}
        )


class ReviewCompleteView(_ReviewAction):
    success_message = gettext_lazy("Đã hoàn thành thẩm định.")

    def perform(self, obj: Review) -> Review:
        return reviews.review_complete(review=obj, actor=self.request.user)


class ReviewReopenView(_ReviewAction):
    permission_required = "clusters.reopen_review"
    success_message = gettext_lazy("Đã mở lại lượt thẩm định.")

    def perform(self, obj: Review) -> Review:
        return reviews.review_reopen(review=obj, actor=self.request.user)


class SheetHistoryView(SelectorObjectMixin, DetailView):
    permission_required = "clusters.view_scoresheet"
    template_name = "clusters/sheet_history.html"
    fetch = staticmethod(selectors.sheet_detail)
    context_object_name = "sheet"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "changes": selectors.sheet_history(self.object)[:500],
        }
