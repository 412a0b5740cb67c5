"""Rule kinds that look across dossiers and levels, and the unit ratio cap."""

from __future__ import annotations

from fractions import Fraction

from django.utils.translation import gettext as _

from awards.models import Nomination as NominationModel
from orgs.vn import percent_vi, short_date

from ..context import EvaluationContext
from .common import (
    Finding,
    _pending_text,
    _record_text,
    failed,
    passed,
    unknown,
)

# Conflicts across dossiers and levels ---------------------------------------------


def duplicate_in_year(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    kind = ctx.award_kind
    same = [
        p
        for p in ctx.pending_of(n.subject_key, [kind.code], exclude=n.pk)
        if p.year == ctx.year
    ]
    if same:
        return failed(
            _("Đã được đề nghị %(pending)s.") % {"pending": _pending_text(same[0])}
        )
    regular = ctx.dossier.award_type == "regular"
    for record in ctx.records_of(n.subject_key, [kind.code]):
        if record.year == ctx.year and (
            kind.category == "title" or (regular and record.award_type == "regular")
        ):
            return failed(
                _("Đã được tặng %(record)s.") % {"record": _record_text(record)}
            )
    return passed(_("Không trùng đề nghị, khen thưởng cùng loại trong năm."))


def _same_achievement(
    ctx: EvaluationContext, award_type: str, movement_id: int | None
) -> bool:
    dossier = ctx.dossier
    if award_type != dossier.award_type:
        return False
    if award_type == "movement":
        return movement_id == dossier.movement_id
    return award_type == "regular"


def one_achievement(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    kind = ctx.award_kind
    category = params.get("category", "commendation")
    if kind.category != category or ctx.dossier.award_type not in {
        "regular",
        "movement",
    }:
        return None
    for record in ctx.records_of(n.subject_key):
        if (
            record.category == category
            and record.code != kind.code
            and record.year == ctx.year
            and _same_achievement(ctx, record.award_type, ctx.dossier.movement_id)
        ):
            return failed(
                _("Thành tích năm %(year)s đã được khen: %(record)s.")
                % {"year": ctx.year, "record": _record_text(record)}
            )
    for row in ctx.pending_of(n.subject_key, exclude=n.pk):
        if (
            row.category == category
            and row.code != kind.code
            and row.year == ctx.year
            and row.level <= kind.level
            and _same_achievement(ctx, row.award_type, row.movement_id)
        ):
            return failed(
                _("Cùng thành tích đang được đề nghị hình thức khác: %(pending)s.")
                % {"pending": _pending_text(row)}
            )
    return passed(_("Thành tích chưa được khen bằng hình thức khác."))


def higher_pending(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding | None:
    kind = ctx.award_kind
    category = params.get("category", "commendation")
    if kind.category != category:
        return None
    for row in ctx.pending_of(n.subject_key, exclude=n.pk):
        if row.category == category and row.level > kind.level and row.year == ctx.year:
            return failed(
                _("Đang có đề nghị cấp cao hơn chờ xét: %(pending)s.")
                % {"pending": _pending_text(row)}
            )
    return passed(_("Không có đề nghị cấp cao hơn đang chờ xét."))


# Dossier-level rules ----------------------------------------------------------------


def ratio_cap(ctx: EvaluationContext, params: dict, counts: dict[str, int]) -> Finding:
    """CSTĐCS ≤ a share of LĐTT in the nominating unit, where the province keeps a cap."""
    cap = ctx.parameter("ratio_cap", params.get("cap_key", ""))
    if cap is None:
        return passed(
            _("Không có quy định tỷ lệ tối đa áp dụng cho đơn vị ngày %(day)s.")
            % {"day": short_date(ctx.on)}
        )
    top = sum(counts.get(code, 0) for code in params.get("numerator", []))
    bottom = sum(counts.get(code, 0) for code in params.get("denominator", []))
    words = {
        "top": top,
        "bottom": bottom,
        "num": ", ".join(params.get("numerator", [])),
        "den": ", ".join(params.get("denominator", [])),
        "cap": percent_vi(Fraction(cap)),
        "year": ctx.year,
    }
    if bottom == 0:
        return unknown(
            _("Đơn vị chưa có %(den)s năm %(year)s (đã có hoặc đang đề nghị).") % words
        )
    words["share"] = percent_vi(Fraction(top, bottom))
    words["max"] = int(Fraction(cap) * bottom)
    if Fraction(top, bottom) > Fraction(cap):
        return failed(
            _(
                "%(num)s: %(top)s/%(bottom)s %(den)s = %(share)s, vượt tỷ lệ tối đa "
                "%(cap)s (tối đa %(max)s người)."
            )
            % words
        )
    return passed(
        _("%(num)s: %(top)s/%(bottom)s %(den)s = %(share)s, không vượt %(cap)s.")
        % words
    )
