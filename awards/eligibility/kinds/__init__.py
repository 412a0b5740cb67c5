"""The rule kinds: one function per kind, reading facts and returning a verdict.

Which kinds apply to which award, with which numbers, on which dates, is data
(``EligibilityRule``). Titles missing from the award register fail (the
register is the authority; the secretariat can accept with a reason); results
missing from the yearly evaluations leave the verdict open ("chưa xác định").
"""

from __future__ import annotations

from collections.abc import Callable

from awards.models import Nomination as NominationModel
from awards.models import Verdict

from ..context import EvaluationContext
from .collective import members_result, members_title_count, members_title_share
from .common import Finding, failed, passed, unknown
from .conflicts import duplicate_in_year, higher_pending, one_achievement, ratio_cap
from .individual import (
    consecutive_results,
    consecutive_titles,
    initiative,
    min_result,
    prior_award,
    result_or_initiative,
    title_in_year,
    titles_in_window,
)

# Combinations ------------------------------------------------------------------------


def _sub_findings(
    ctx: EvaluationContext, params: dict, n: NominationModel
) -> list[Finding]:
    findings = []
    for sub in params.get("rules", []):
        finding = NOMINEE_KINDS[sub["kind"]](ctx, sub.get("params", {}), n)
        if finding is not None:
            findings.append(finding)
    return findings


def any_of(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    findings = _sub_findings(ctx, params, n)
    for finding in findings:
        if finding.verdict == Verdict.PASSED:
            return finding
    text = " / ".join(f.reason for f in findings)
    if any(f.verdict == Verdict.UNKNOWN for f in findings):
        return unknown(text)
    return failed(text)


def all_of(ctx: EvaluationContext, params: dict, n: NominationModel) -> Finding:
    findings = _sub_findings(ctx, params, n)
    for verdict in (Verdict.FAILED, Verdict.UNKNOWN):
        bad = [f.reason for f in findings if f.verdict == verdict]
        if bad:
            return Finding(verdict, " ".join(bad))
    return passed(" ".join(f.reason for f in findings))


# A check returns None when the rule does not concern this nominee at all.
Check = Callable[[EvaluationContext, dict, NominationModel], Finding | None]

NOMINEE_KINDS: dict[str, Check] = {
    "min_result": min_result,
    "title_in_year": title_in_year,
    "result_or_initiative": result_or_initiative,
    "initiative": initiative,
    "consecutive_titles": consecutive_titles,
    "titles_in_window": titles_in_window,
    "consecutive_results": consecutive_results,
    "prior_award": prior_award,
    "members_result": members_result,
    "members_title_share": members_title_share,
    "members_title_count": members_title_count,
    "duplicate_in_year": duplicate_in_year,
    "one_achievement": one_achievement,
    "higher_pending": higher_pending,
    "any_of": any_of,
    "all_of": all_of,
}
DOSSIER_KINDS = {"ratio_cap": ratio_cap}


__all__ = ["DOSSIER_KINDS", "NOMINEE_KINDS", "Finding"]
