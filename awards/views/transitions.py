"""Every move of a dossier through one confirmation view.

A move is offered on the dossier page only when the user holds its permission
and the dossier's state allows it (``services.dossiers.move_is_legal``); the
service checks both again and locks the row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from awards.forms.common import ReasonForm, VersionField
from awards.forms.dossiers import DecideForm, RevokeForm
from awards.models import Dossier
from awards.services import dossiers as services
from orgs.viewmixins import TransitionView

SUBMIT = "awards.submit_dossier"
PROCESS = "awards.process_dossier"


@dataclass(frozen=True)
class Move:
    verb: str
    label: Any
    permission: str
    question: Any
    call: Callable[..., Dossier]
    form: type[forms.Form] | None = None
    reason: bool | None = None  # True: required, False: optional note, None: no field
    danger: bool = False


def _reason(call: Callable[..., Dossier]) -> Callable[..., Dossier]:
    return lambda dossier, actor, data, version: call(
        dossier=dossier, actor=actor, reason=data.get("reason", ""), version=version
    )


def _plain(call: Callable[..., Dossier]) -> Callable[..., Dossier]:
    return lambda dossier, actor, data, version: call(
        dossier=dossier, actor=actor, version=version
    )


def _with_form(call: Callable[..., Dossier]) -> Callable[..., Dossier]:
    return lambda dossier, actor, data, version: call(
        dossier=dossier, actor=actor, version=version, **data
    )


MOVES: dict[str, Move] = {
    move.verb: move
    for move in [
        Move(
            "submit",
            _("Gửi hồ sơ"),
            SUBMIT,
            _(
                "Gửi hồ sơ tới cấp xét duyệt? Sau khi gửi, đơn vị chỉ thu hồi được khi cấp trên chưa bắt đầu thẩm định."
            ),
            _plain(services.dossier_submit),
        ),
        Move(
            "recall",
            _("Thu hồi hồ sơ"),
            SUBMIT,
            _("Thu hồi hồ sơ đã gửi để sửa tiếp?"),
            _reason(services.dossier_recall),
            reason=False,
        ),
        Move(
            "resubmit",
            _("Gửi lại hồ sơ đã bổ sung"),
            SUBMIT,
            _("Gửi lại hồ sơ sau khi đã bổ sung, sửa theo yêu cầu?"),
            _reason(services.dossier_resubmit),
            reason=False,
        ),
        Move(
            "withdraw",
            _("Rút hồ sơ"),
            SUBMIT,
            _("Rút hồ sơ đề nghị? Hồ sơ đã rút không gửi lại được."),
            _reason(services.dossier_withdraw),
            reason=True,
            danger=True,
        ),
        Move(
            "start_review",
            _("Tiếp nhận, bắt đầu thẩm định"),
            PROCESS,
            _(
                "Tiếp nhận hồ sơ và bắt đầu thẩm định? Đơn vị sẽ không thu hồi được nữa."
            ),
            _plain(services.dossier_start_review),
        ),
        Move(
            "return",
            _("Trả lại để bổ sung"),
            PROCESS,
            _("Trả hồ sơ cho đơn vị để bổ sung, sửa? Hãy ghi rõ cần bổ sung gì."),
            _reason(services.dossier_return),
            reason=True,
            danger=True,
        ),
        Move(
            "accept",
            _("Hoàn thành thẩm định"),
            PROCESS,
            _("Xác nhận hồ sơ đủ thành phần và mọi điều kiện không đạt đã được xử lý?"),
            _reason(services.dossier_accept),
            reason=False,
        ),
        Move(
            "send_to_council",
            _("Trình Hội đồng"),
            PROCESS,
            _("Trình hồ sơ ra Hội đồng Thi đua – Khen thưởng?"),
            _reason(services.dossier_send_to_council),
            reason=False,
        ),
        Move(
            "remove_from_council",
            _("Rút khỏi chương trình họp"),
            PROCESS,
            _("Đưa hồ sơ ra khỏi chương trình họp của Hội đồng?"),
            _reason(services.dossier_remove_from_council),
            reason=False,
        ),
        Move(
            "approve",
            _("Ghi nhận: Hội đồng đề nghị khen thưởng"),
            PROCESS,
            _(
                "Ghi nhận Hội đồng đã biểu quyết đề nghị khen thưởng toàn bộ danh sách đang đề nghị?"
            ),
            _reason(services.dossier_approve),
            reason=False,
        ),
        Move(
            "not_approve",
            _("Ghi nhận: Hội đồng không đề nghị"),
            PROCESS,
            _("Ghi nhận Hội đồng không đề nghị khen thưởng?"),
            _reason(services.dossier_not_approve),
            reason=True,
            danger=True,
        ),
        Move(
            "decide",
            _("Ghi nhận quyết định khen thưởng"),
            PROCESS,
            _(
                "Ghi số, ngày quyết định; hệ thống ghi khen thưởng cho từng người được đề nghị."
            ),
            _with_form(services.dossier_decide),
            form=DecideForm,
        ),
        Move(
            "revoke",
            _("Hủy bỏ quyết định"),
            PROCESS,
            _("Hủy bỏ, thu hồi khen thưởng của hồ sơ này? Lịch sử được giữ lại."),
            _with_form(services.dossier_revoke),
            form=RevokeForm,
            danger=True,
        ),
    ]
}


def available_actions(request: HttpRequest, dossier: Dossier) -> list[Move]:
    """The moves this user may make now; the forward moves first, the risky ones last."""
    moves = [
        move
        for move in MOVES.values()
        if services.move_is_legal(move.verb, dossier)
        and request.user.has_perm(move.permission, dossier)
        # A dossier on a draft decision is decided by issuing that decision.
        and not (move.verb == "decide" and dossier.decision_id)
    ]
    return sorted(moves, key=lambda move: move.danger)


class DossierTransitionView(TransitionView):
    model = Dossier

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.move = MOVES.get(kwargs["action"].replace("-", "_"))
        if self.move is None:
            raise Http404
        self.permission_required = self.move.permission
        self.title = self.move.label
        self.question = self.move.question
        self.confirm_label = self.move.label
        self.danger = self.move.danger
        return super().dispatch(request, *args, **kwargs)

    def get_scoped_queryset(self) -> Any:
        return Dossier.objects.select_related("unit", "receiving_unit", "award_kind")

    def get_form_class(self) -> Any:
        base = self.move.form or (
            ReasonForm if self.move.reason is not None else forms.Form
        )
        return type("MoveForm", (base,), {"version": VersionField()})

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.move.reason is not None and self.move.form is None:
            kwargs["required"] = self.move.reason
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        initial = {"version": self.object.version}
        if self.move.verb == "decide":
            initial["issuer"] = _("Chủ tịch %(unit)s") % {
                "unit": self.object.receiving_unit.name
            }
        return initial

    def perform(self, obj: Dossier, form: Any) -> Dossier:
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return self.move.call(obj, self.request.user, data, version)
