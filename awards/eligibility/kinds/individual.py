"""Rule kinds about one person: results, titles, chains, initiatives, prior awards."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from awards.models import Nomination as NominationModel

from ..context import EvaluationContext
from .common import (
    SCOPES,
    Finding,
    _at_least,
    _label,
    _names,
    _pending_text,
    _record_text,
    _title_years,
    _years,
    failed,
    passed,
    unknown,
)

# Individual and collective rules -----------------------------------------------


def min_result(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    minimum = params.get("min_result", "HTTNV")
    year = ctx.year + int(params.get("year_offset", 0))
    result = ctx.result(n.subject_key, year)
    if result is None:
        return unknown(_("Chưa có kết quả đánh giá năm %(year)s.") % {"year": year})
    if not _at_least(result, minimum):
        return failed(
            _("Kết quả năm %(year)s: %(result)s; cần từ “%(minimum)s” trở lên.")
            % {"year": year, "result": _label(result), "minimum": _label(minimum)}
        )
    return passed(
        _("Kết quả năm %(year)s: %(result)s.")
        % {"year": year, "result": _label(result)}
    )


def title_in_year(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    codes = list(params.get("award_codes", []))
    year = ctx.year + int(params.get("year_offset", 0))
    for record in ctx.records_of(n.subject_key, codes):
        if record.year == year:
            return passed(_("Đã có %(record)s.") % {"record": _record_text(record)})
    waiting = [
        p for p in ctx.pending_of(n.subject_key, codes, exclude=n.pk) if p.year == year
    ]
    if waiting:
        return unknown(
            _("Đang được đề nghị %(pending)s, chưa có quyết định.")
            % {"pending": _pending_text(waiting[0])}
        )
    minimum = params.get("or_min_result")
    result = ctx.result(n.subject_key, year)
    if minimum and _at_least(result, minimum):
        return passed(
            _("Đạt tiêu chuẩn: kết quả năm %(year)s là %(result)s.")
            % {"year": year, "result": _label(result)}
        )
    return failed(
        _("Chưa có danh hiệu %(codes)s năm %(year)s trong dữ liệu khen thưởng.")
        % {"codes": _names(codes, ctx), "year": year}
    )


def _initiatives(
    ctx: EvaluationContext, n: NominationModel, scope: str, within: int
) -> tuple[list[Any], list[Any]]:
    minimum = SCOPES[scope]
    first_year = ctx.year - within + 1
    recognised, waiting = [], []
    for fact in ctx.initiatives.get(n.person_id or 0, []):
        if fact.status == "recognised" and fact.recognised_on and fact.scope:
            if (
                fact.scope >= minimum
                and first_year <= fact.recognised_on.year
                and fact.recognised_on <= ctx.on
            ):
                recognised.append(fact)
        elif fact.status == "proposed":
            waiting.append(fact)
    return recognised, waiting


def initiative(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    scope = params.get("scope", "grassroots")
    within = int(params.get("within_years", 1))
    count = int(params.get("count", 1))
    found, waiting = _initiatives(ctx, n, scope, within)
    words = {
        "scope": str(SCOPES[scope].label).lower(),
        "first": ctx.year - within + 1,
        "last": ctx.year,
        "count": count,
    }
    if len(found) >= count:
        return passed(
            _("Có sáng kiến được công nhận: %(titles)s.")
            % {"titles": "; ".join(f.title for f in found[:3])}
        )
    if waiting:
        return unknown(
            _("Sáng kiến “%(title)s” đang chờ Hội đồng sáng kiến xét công nhận.")
            % {"title": waiting[0].title}
        )
    return failed(
        _(
            "Chưa đủ %(count)s sáng kiến được công nhận có phạm vi ảnh hưởng "
            "cấp %(scope)s trở lên trong các năm %(first)s–%(last)s."
        )
        % words
    )


def result_or_initiative(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    minimum = params.get("min_result", "HTXS")
    result = ctx.result(n.subject_key, ctx.year)
    if _at_least(result, minimum):
        return passed(
            _("Kết quả năm %(year)s: %(result)s.")
            % {"year": ctx.year, "result": _label(result)}
        )
    scope = params.get("initiative_scope", "grassroots")
    found, waiting = _initiatives(ctx, n, scope, int(params.get("within_years", 1)))
    if found:
        return passed(
            _("Có sáng kiến được công nhận: %(title)s.") % {"title": found[0].title}
        )
    if result is None or waiting:
        return unknown(
            _(
                "Chưa xác định: chưa có kết quả đánh giá năm %(year)s hoặc sáng kiến "
                "đang chờ công nhận."
            )
            % {"year": ctx.year}
        )
    return failed(
        _(
            "Kết quả năm %(year)s là %(result)s (không phải “%(minimum)s”) và "
            "không có sáng kiến được công nhận."
        )
        % {"year": ctx.year, "result": _label(result), "minimum": _label(minimum)}
    )


def consecutive_titles(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    codes = list(params.get("award_codes", []))
    count, step = int(params.get("count", 2)), int(params.get("step", 1))
    last = ctx.year + int(params.get("end_offset", 0))
    needed = [last - step * i for i in range(count)]
    held, waiting = _title_years(ctx, n.subject_key, codes, n.pk)
    missing = [y for y in needed if y not in held and y not in waiting]
    words = {"codes": _names(codes, ctx), "count": count, "years": _years(needed)}
    if missing:
        return failed(
            _(
                "Thiếu %(codes)s năm %(missing)s (cần %(count)s lần liên tục: %(years)s)."
            )
            % {**words, "missing": _years(missing)}
        )
    open_years = [y for y in needed if y not in held]
    if open_years:
        return unknown(
            _("%(codes)s năm %(open)s đang được đề nghị, chưa có quyết định.")
            % {**words, "open": _years(open_years)}
        )
    return passed(_("Đạt %(codes)s các năm %(years)s.") % words)


def titles_in_window(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    codes = list(params.get("award_codes", []))
    count, window = int(params.get("count", 1)), int(params.get("window", 1))
    years = set(range(ctx.year - window + 1, ctx.year + 1))
    held, waiting = _title_years(ctx, n.subject_key, codes, n.pk)
    got, maybe = held & years, waiting & years
    words = {
        "codes": _names(codes, ctx),
        "count": count,
        "window": window,
        "got": len(got),
        "years": _years(list(got)) or "—",
    }
    if len(got) >= count:
        return passed(
            _("Đạt %(codes)s %(got)s lần trong %(window)s năm (%(years)s).") % words
        )
    if len(got) + len(maybe) >= count:
        return unknown(
            _("Đạt %(codes)s %(got)s lần; các lần còn lại đang được đề nghị.") % words
        )
    return failed(
        _("Chỉ đạt %(codes)s %(got)s lần trong %(window)s năm (cần %(count)s).") % words
    )


def consecutive_results(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> Finding:
    minimum = params.get("min_result", "HTTNV")
    count = int(params.get("count", 1))
    years = list(range(ctx.year - count + 1, ctx.year + 1))
    low = [
        y
        for y in years
        if ctx.result(n.subject_key, y)
        and not _at_least(ctx.result(n.subject_key, y), minimum)
    ]
    missing = [y for y in years if ctx.result(n.subject_key, y) is None]
    words = {
        "minimum": _label(minimum),
        "count": count,
        "first": years[0],
        "last": years[-1],
    }
    if low:
        return failed(
            _(
                "Năm %(low)s không đạt “%(minimum)s” (cần %(count)s năm liên tục %(first)s–%(last)s)."
            )
            % {**words, "low": _years(low)}
        )
    if missing:
        return unknown(
            _("Chưa có kết quả đánh giá năm %(missing)s.")
            % {"missing": _years(missing)}
        )
    return passed(
        _("Đạt “%(minimum)s” %(count)s năm liên tục %(first)s–%(last)s.") % words
    )


def prior_award(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    codes = list(params.get("award_codes", []))
    before = [
        r
        for r in ctx.records_of(n.subject_key, codes)
        if r.year < ctx.year or r.decision_date < ctx.on
    ]
    if before:
        return passed(_("Đã có %(record)s.") % {"record": _record_text(before[-1])})
    waiting = ctx.pending_of(n.subject_key, codes, exclude=n.pk)
    if waiting:
        return unknown(
            _("Đang được đề nghị %(pending)s.") % {"pending": _pending_text(waiting[0])}
        )
    return failed(
        _("Chưa có %(codes)s trước đó trong dữ liệu khen thưởng.")
        % {"codes": _names(codes, ctx)}
    )
