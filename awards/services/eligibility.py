"""Storing eligibility verdicts and the secretariat's written overrides."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.eligibility import evaluate
from awards.models import (
    Dossier,
    EligibilityOverride,
    EligibilityResult,
    Nomination,
    Verdict,
)
from orgs.services import audit_record

from .common import require_reason

LIVE_FOR_CHECKS = [Nomination.Outcome.PROPOSED, Nomination.Outcome.APPROVED]


@transaction.atomic
def eligibility_evaluate(
    *, dossier: Dossier, actor: Any = None, on: datetime.date | None = None
) -> dict[str, int]:
    """Check every applicable rule for every live nominee and store the verdicts.

    The previous verdicts of the dossier are replaced; overrides are kept (they
    are keyed by nominee and rule code). Queries do not grow with the number of
    nominees, apart from the insert batches of the verdicts.
    """
    dossier = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit", "award_kind", "movement")
        .get(pk=dossier.pk)
    )
    if dossier.status not in Dossier.PENDING:
        raise ValidationError(
            _("Hồ sơ đã kết thúc; kết quả kiểm tra điều kiện được giữ nguyên."),
            code="closed",
        )
    day = on or dossier.decision_day
    nominations = list(
        dossier.nominations.filter(outcome__in=LIVE_FOR_CHECKS).select_related(
            "collective"
        )
    )
    outcomes = evaluate(dossier, nominations, day)
    EligibilityResult.objects.filter(dossier=dossier).delete()
    EligibilityResult.objects.bulk_create(
        EligibilityResult(
            dossier=dossier,
            nomination_id=outcome.nomination_id,
            rule=outcome.rule,
            verdict=outcome.finding.verdict,
            reason=outcome.finding.reason,
            evaluated_on=day,
        )
        for outcome in outcomes
    )
    summary = dict.fromkeys(Verdict.values, 0)
    for outcome in outcomes:
        summary[outcome.finding.verdict] += 1
    summary["blocking"] = len(blocking_failures(dossier))
    audit_record(
        actor=actor,
        action="awards.dossier.evaluated",
        obj=dossier,
        unit=dossier.unit,
        data={"on": day, **summary},
    )
    return summary


def blocking_failures(dossier: Dossier) -> list[EligibilityResult]:
    """Failed verdicts of live nominees that no written override accepts."""
    failed = list(
        EligibilityResult.objects.filter(dossier=dossier, verdict=Verdict.FAILED)
        .exclude(nomination__outcome=Nomination.Outcome.EXCLUDED)
        .select_related("rule", "nomination")
    )
    accepted = set(
        EligibilityOverride.objects.filter(dossier=dossier).values_list(
            "nomination_id", "rule_code"
        )
    )
    return [r for r in failed if (r.nomination_id, r.rule.code) not in accepted]


@transaction.atomic
def eligibility_override(
    *,
    result: EligibilityResult,
    actor: Any,
    reason: str,
) -> EligibilityOverride:
    """Accept a failed check with a written reason (kept with who and when)."""
    reason = require_reason(reason)
    Dossier.objects.select_for_update(of=("self",)).get(pk=result.dossier_id)
    result = EligibilityResult.objects.select_related("rule", "dossier__unit").get(
        pk=result.pk
    )
    if result.verdict != Verdict.FAILED:
        raise ValidationError(
            _("Chỉ chấp nhận ngoại lệ cho điều kiện không đạt."), code="not_failed"
        )
    override, _created = EligibilityOverride.objects.update_or_create(
        dossier_id=result.dossier_id,
        nomination_id=result.nomination_id,
        rule_code=result.rule.code,
        defaults={"reason": reason, "failed_reason": result.reason, "actor": actor},
    )
    audit_record(
        actor=actor,
        action="awards.eligibility.overridden",
        obj=result.dossier,
        unit=result.dossier.unit,
        data={
            "nomination": result.nomination_id,
            "rule": result.rule.code,
            "failed": result.reason,
            "reason": reason,
        },
    )
    return override
