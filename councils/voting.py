"""The vote machinery shared by councils, cluster conferences and award votes.

Three layers, usable separately:

- ``vote_outcome(counts, rule)`` and ``quorum_outcome(present, total, fraction)``
  are pure functions: numbers in, result out, no database;
- ``vote_rule(key=…, on=…, unit=…)`` and ``quorum_rule(on=…, unit=…)`` read the
  dated legal parameters (``vote_threshold``, ``vote_threshold_strict``,
  ``vote_base``, ``vote_method``, ``absent_written_opinions_count``,
  ``council_quorum``) in force on a date. Key "" is the general rule for council
  decisions; an award kind code ("CSTDT") selects that award's rule, each
  parameter falling back to the general one when the award has none;
- ``councils.models.AbstractVote`` stores a result with its rule snapshot.

The threshold is compared on exact fractions, never on a rounded percentage: 2
votes of 3 meet "2/3" even though 66,67% < 66,67̅%.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orgs.vn import percent_vi, short_date


class VoteMethod(models.TextChoices):
    SHOW_OF_HANDS = "show_of_hands", _("Biểu quyết giơ tay")
    SECRET_BALLOT = "secret_ballot", _("Bỏ phiếu kín")
    WRITTEN = "written", _("Lấy ý kiến bằng văn bản")


class VoteBase(models.TextChoices):
    ALL_MEMBERS = "all_members", _("tổng số thành viên")
    PRESENT = "present", _("số thành viên có mặt")


ANY_METHOD = "any"


@dataclass(frozen=True)
class VoteRule:
    """The rule a vote is judged by, as in force on the session date."""

    threshold: Fraction
    strict: bool = True
    base: str = VoteBase.ALL_MEMBERS
    method: str = ANY_METHOD
    absent_written_count: bool = True
    legal_basis: str = ""
    key: str = ""

    def describe(self) -> str:
        """Return "quá 1/2 tổng số thành viên" or "từ 90% số thành viên có mặt trở lên"."""
        base = VoteBase(self.base).label
        if self.strict:
            return gettext("quá %(t)s %(base)s") % {
                "t": _threshold_text(self.threshold),
                "base": base,
            }
        return gettext("từ %(t)s %(base)s trở lên") % {
            "t": _threshold_text(self.threshold),
            "base": base,
        }


@dataclass(frozen=True)
class VoteCounts:
    """What was counted. Ballots are cast by present members; written opinions come
    from absent members (NĐ 91/2017 Điều 45.8 practice)."""

    members_total: int
    members_present: int
    votes_for: int
    votes_against: int = 0
    abstentions: int = 0
    invalid: int = 0
    written_for: int = 0
    written_against: int = 0

    @property
    def ballots(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions + self.invalid

    @property
    def written(self) -> int:
        return self.written_for + self.written_against


@dataclass(frozen=True)
class VoteOutcome:
    base_size: int
    yes: int
    ratio: Fraction
    percentage: Decimal
    passed: bool
    written_counted: bool

    @property
    def percentage_text(self) -> str:
        return percent_vi(self.ratio)


@dataclass(frozen=True)
class QuorumOutcome:
    total: int
    present: int
    required: int
    fraction: Fraction
    reached: bool
    legal_basis: str = ""


def _threshold_text(value: Fraction) -> str:
    if value.denominator in (2, 3, 4, 5) and value < 1:
        return f"{value.numerator}/{value.denominator}"
    return percent_vi(value)


def _count_problems(counts: VoteCounts) -> list[tuple[str, str, dict[str, int]]]:
    absent = max(counts.members_total - counts.members_present, 0)
    checks = [
        (
            counts.members_present > counts.members_total,
            "present_over_total",
            gettext(
                "Số thành viên có mặt (%(present)s) lớn hơn tổng số thành viên "
                "(%(total)s)."
            ),
        ),
        (
            counts.ballots > counts.members_present,
            "ballots_over_present",
            gettext(
                "Tổng số phiếu (%(ballots)s) vượt số thành viên có mặt (%(present)s)."
            ),
        ),
        (
            counts.written > absent,
            "written_over_absent",
            gettext(
                "Số ý kiến bằng văn bản (%(written)s) vượt số thành viên vắng mặt "
                "(%(absent)s)."
            ),
        ),
    ]
    params = {
        "present": counts.members_present,
        "total": counts.members_total,
        "ballots": counts.ballots,
        "written": counts.written,
        "absent": absent,
    }
    return [(code, text, params) for failed, code, text in checks if failed]


def validate_counts(counts: VoteCounts) -> None:
    """Raise a Vietnamese ValidationError when the numbers cannot be right."""
    if any(getattr(counts, name) < 0 for name in VoteCounts.__dataclass_fields__):
        raise ValidationError(gettext("Số phiếu không được âm."), code="negative")
    problems = _count_problems(counts)
    if problems:
        raise ValidationError(
            [
                ValidationError(text % params, code=code)
                for code, text, params in problems
            ]
        )


def vote_outcome(counts: VoteCounts, rule: VoteRule) -> VoteOutcome:
    """Return the result of ``counts`` under ``rule`` (validating the counts first).

    The base is all members, or those present (plus the absent members whose
    written opinions count). "Yes" adds the written agreements when they count.
    """
    validate_counts(counts)
    written_counted = rule.absent_written_count and counts.written > 0
    yes = counts.votes_for + (counts.written_for if written_counted else 0)
    if rule.base == VoteBase.PRESENT:
        base = counts.members_present + (counts.written if written_counted else 0)
    else:
        base = counts.members_total
    ratio = Fraction(yes, base) if base else Fraction(0)
    passed = base > 0 and (
        ratio > rule.threshold if rule.strict else ratio >= rule.threshold
    )
    percentage = (Decimal(ratio.numerator) * 100 / Decimal(ratio.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return VoteOutcome(
        base_size=base,
        yes=yes,
        ratio=ratio,
        percentage=percentage,
        passed=passed,
        written_counted=written_counted,
    )


def check_method(method: str, rule: VoteRule) -> None:
    """Refuse a method other than the one the rule requires (e.g. secret ballot)."""
    if rule.method not in (ANY_METHOD, "", method):
        raise ValidationError(
            gettext("Quy định áp dụng yêu cầu hình thức: %(method)s.")
            % {"method": VoteMethod(rule.method).label},
            code="method_required",
        )


def quorum_outcome(present: int, total: int, fraction: Fraction) -> QuorumOutcome:
    """Return whether ``present`` of ``total`` members reach ``fraction`` (at least)."""
    required = math.ceil(fraction * total) if total else 0
    return QuorumOutcome(
        total=total,
        present=present,
        required=required,
        fraction=fraction,
        reached=total > 0 and present >= required,
    )


# Rules from the dated parameters --------------------------------------------------


def _record(code: str, *, key: str, on: datetime.date, unit: Any) -> Any:
    from orgs.selectors import ParameterMissing, parameter_value_record

    try:
        return parameter_value_record(code, on=on, key=key, unit=unit)
    except ParameterMissing:
        if not key:
            raise
        return parameter_value_record(code, on=on, key="", unit=unit)


def legal_basis_text(record: Any) -> str:
    """Cite the legal document behind a parameter value, or the value's own period."""
    document = record.legal_basis
    if document is not None:
        return f"{document.get_kind_display()} số {document.number}"
    return gettext("%(name)s, áp dụng từ ngày %(day)s") % {
        "name": record.parameter.name,
        "day": short_date(record.valid_from),
    }


def vote_rule(*, on: datetime.date, key: str = "", unit: Any = None) -> VoteRule:
    """Return the voting rule in force on ``on`` for ``key`` ("" = council decisions)."""
    threshold = _record("vote_threshold", key=key, on=on, unit=unit)
    values = {
        code: _record(code, key=key, on=on, unit=unit).typed_value
        for code in (
            "vote_threshold_strict",
            "vote_base",
            "vote_method",
            "absent_written_opinions_count",
        )
    }
    return VoteRule(
        threshold=Fraction(threshold.typed_value),
        strict=bool(values["vote_threshold_strict"]),
        base=str(values["vote_base"]),
        method=str(values["vote_method"]),
        absent_written_count=bool(values["absent_written_opinions_count"]),
        legal_basis=legal_basis_text(threshold),
        key=key,
    )


def quorum_rule(*, on: datetime.date, unit: Any = None) -> tuple[Fraction, str]:
    """Return the quorum fraction in force on ``on`` and its legal basis."""
    record = _record("council_quorum", key="", on=on, unit=unit)
    return Fraction(record.typed_value), legal_basis_text(record)
