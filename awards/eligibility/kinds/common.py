"""Shared pieces of the rule kinds: the verdict and the wording of facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from awards.models import RESULT_RANK, EvaluationResult, InitiativeScope, Verdict
from orgs.vn import short_date

from ..context import EvaluationContext, PendingFact, RecordFact


@dataclass(frozen=True)
class Finding:
    verdict: str
    reason: str


def passed(reason: str) -> Finding:
    return Finding(Verdict.PASSED, reason)


def failed(reason: str) -> Finding:
    return Finding(Verdict.FAILED, reason)


def unknown(reason: str) -> Finding:
    return Finding(Verdict.UNKNOWN, reason)


SCOPES = {
    "grassroots": InitiativeScope.GRASSROOTS,
    "province": InitiativeScope.PROVINCE,
    "national": InitiativeScope.NATIONAL,
}
RESULT_LABELS = dict(EvaluationResult.choices)


def _label(result: str | None) -> str:
    return str(RESULT_LABELS.get(result, result or ""))


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))


def _names(codes: list[str], ctx: EvaluationContext) -> str:
    return ", ".join(codes)


def _record_text(record: RecordFact) -> str:
    return _("%(name)s năm %(year)s (QĐ số %(number)s ngày %(day)s)") % {
        "name": record.name,
        "year": record.year,
        "number": record.decision_number,
        "day": short_date(record.decision_date),
    }


def _pending_text(row: PendingFact) -> str:
    return _("%(name)s năm %(year)s, hồ sơ %(ref)s của %(unit)s (%(status)s)") % {
        "name": row.name,
        "year": row.year,
        "ref": row.reference,
        "unit": row.unit_name,
        "status": row.status_label,
    }


def _at_least(result: str | None, minimum: str) -> bool:
    return RESULT_RANK.get(result or "", 0) >= RESULT_RANK[minimum]


def _title_years(
    ctx: EvaluationContext, key: Any, codes: list[str], exclude: int
) -> tuple[set[int], set[int]]:
    held = {r.year for r in ctx.records_of(key, codes)}
    waiting = {p.year for p in ctx.pending_of(key, codes, exclude=exclude)} - held
    return held, waiting
