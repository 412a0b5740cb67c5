"""Rule kinds about a collective, read from its members (Luật 2022 Điều 27, 28)."""

from __future__ import annotations

from fractions import Fraction

from django.utils.translation import gettext as _

from awards.models import Nomination as NominationModel
from orgs.vn import percent_vi

from ..context import EvaluationContext
from .common import (
    Finding,
    _at_least,
    _label,
    _names,
    _title_years,
    failed,
    passed,
    unknown,
)

# Collective rules ------------------------------------------------------------------


def _members(ctx: EvaluationContext, n: NominationModel) -> list[int] | None:
    members = ctx.members.get(n.collective_id or 0)
    return members or None


def members_result(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    members = _members(ctx, n)
    if members is None:
        return unknown(_("Tập thể chưa có danh sách cá nhân trên hệ thống."))
    minimum = params.get("min_result", "HTNV")
    share = Fraction(str(params.get("min_share", "1")))
    results = [ctx.result(("p", pk), ctx.year) for pk in members]
    ok = sum(1 for r in results if r and _at_least(r, minimum))
    open_ = sum(1 for r in results if r is None)
    total = len(members)
    words = {
        "ok": ok,
        "total": total,
        "open": open_,
        "minimum": _label(minimum),
        "share": percent_vi(share),
        "year": ctx.year,
    }
    if Fraction(ok, total) >= share:
        return passed(
            _(
                "%(ok)s/%(total)s cá nhân đạt “%(minimum)s” năm %(year)s (yêu cầu %(share)s)."
            )
            % words
        )
    if Fraction(ok + open_, total) >= share:
        return unknown(
            _("%(open)s/%(total)s cá nhân chưa có kết quả đánh giá năm %(year)s.")
            % words
        )
    return failed(
        _(
            "Chỉ %(ok)s/%(total)s cá nhân đạt “%(minimum)s” năm %(year)s (yêu cầu %(share)s)."
        )
        % words
    )


def _required_ratio(ctx: EvaluationContext, params: dict) -> Fraction | None:
    code = params.get("ratio_parameter")
    if code:
        value = ctx.parameter(code, params.get("ratio_key", ""))
        if value is not None:
            return Fraction(value)
    if params.get("ratio"):
        return Fraction(str(params["ratio"]))
    return None


def members_title_share(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    members = _members(ctx, n)
    if members is None:
        return unknown(_("Tập thể chưa có danh sách cá nhân trên hệ thống."))
    ratio = _required_ratio(ctx, params)
    if ratio is None:
        return unknown(_("Chưa có tỷ lệ tối thiểu áp dụng vào ngày xét."))
    codes = list(params.get("award_codes", []))
    ok = waiting = 0
    for pk in members:
        held, maybe = _title_years(ctx, ("p", pk), codes, 0)
        ok += ctx.year in held
        waiting += ctx.year in maybe
    total = len(members)
    strict = bool(params.get("strict", False))

    def enough(count: int) -> bool:
        share = Fraction(count, total)
        return share > ratio if strict else share >= ratio

    words = {
        "codes": _names(codes, ctx),
        "ok": ok,
        "total": total,
        "share": percent_vi(Fraction(ok, total)),
        "ratio": percent_vi(ratio),
        "year": ctx.year,
    }
    if enough(ok):
        return passed(
            _(
                "%(ok)s/%(total)s cá nhân (%(share)s) đạt %(codes)s năm %(year)s; yêu cầu %(ratio)s."
            )
            % words
        )
    if enough(ok + waiting):
        return unknown(
            _("%(ok)s/%(total)s cá nhân đạt %(codes)s; số còn lại đang được đề nghị.")
            % words
        )
    return failed(
        _(
            "Chỉ %(ok)s/%(total)s cá nhân (%(share)s) đạt %(codes)s năm %(year)s; yêu cầu %(ratio)s."
        )
        % words
    )


def members_title_count(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    members = _members(ctx, n)
    if members is None:
        return unknown(_("Tập thể chưa có danh sách cá nhân trên hệ thống."))
    codes = list(params.get("award_codes", []))
    minimum = int(params.get("min_count", 1))
    ok = waiting = 0
    for pk in members:
        held, maybe = _title_years(ctx, ("p", pk), codes, 0)
        ok += ctx.year in held
        waiting += ctx.year in maybe
    words = {"codes": _names(codes, ctx), "ok": ok, "min": minimum, "year": ctx.year}
    if ok >= minimum:
        return passed(_("%(ok)s cá nhân đạt %(codes)s năm %(year)s.") % words)
    if ok + waiting >= minimum:
        return unknown(
            _(
                "Cá nhân đạt %(codes)s năm %(year)s đang được đề nghị, chưa có quyết định."
            )
            % words
        )
    return failed(_("Không có đủ %(min)s cá nhân đạt %(codes)s năm %(year)s.") % words)
