"""The eligibility engine: which rules apply to a dossier on its decision date, and
what each says about each nominee.

Entry points:
- ``applicable_rules(dossier, on)`` — the rule rows in force;
- ``evaluate(dossier, nominations, on)`` — verdicts in memory, nothing saved;
- ``evaluate_kinds(dossiers, nominations, on)`` — the nominee rules of several
  dossiers that differ only in their award kind (what a person or a unit may be
  proposed for next year), with the facts and the rules loaded once;
- ``awards.services.eligibility.eligibility_evaluate`` stores the verdicts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db.models import Count, Q

from awards.models import AwardRecord, Dossier, EligibilityRule, Nomination, Verdict

from .context import EvaluationContext, load_context
from .kinds import DOSSIER_KINDS, NOMINEE_KINDS, Finding


@dataclass(frozen=True)
class Outcome:
    rule: EligibilityRule
    nomination_id: int | None
    finding: Finding


def _rules_in_force(
    dossier: Dossier, on: datetime.date, award_kind_ids: list[int]
) -> list[EligibilityRule]:
    """Active rules on ``on`` for the dossier's unit: general ones and those of the kinds."""
    return list(
        EligibilityRule.objects.filter(is_active=True, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .filter(Q(award_kind__isnull=True) | Q(award_kind_id__in=award_kind_ids))
        .filter(
            Q(scope_unit__isnull=True) | Q(scope_unit_id__in=dossier.unit.ancestor_ids)
        )
        .select_related("legal_basis")
        .order_by("order", "code")
    )


def _rules_for(dossier: Dossier, rules: list[EligibilityRule]) -> list[EligibilityRule]:
    return [
        rule
        for rule in rules
        if rule.award_kind_id in (None, dossier.award_kind_id)
        and rule.applies_to_type(dossier.award_type)
    ]


def applicable_rules(dossier: Dossier, on: datetime.date) -> list[EligibilityRule]:
    return _rules_for(dossier, _rules_in_force(dossier, on, [dossier.award_kind_id]))


def _unit_counts(dossier: Dossier, codes: set[str]) -> dict[str, int]:
    """Titles of ``codes`` held or proposed for ``dossier.year`` in the nominating unit."""
    inside = Q(person__unit__path__startswith=dossier.unit.path)
    counts: dict[str, int] = {}
    held = (
        AwardRecord.objects.filter(
            inside,
            status=AwardRecord.Status.VALID,
            year=dossier.year,
            award_kind__code__in=codes,
        )
        .values("award_kind__code")
        .annotate(total=Count("pk"))
    )
    for row in held:
        counts[row["award_kind__code"]] = row["total"]
    proposed = (
        Nomination.objects.filter(
            inside,
            outcome__in=[Nomination.Outcome.PROPOSED, Nomination.Outcome.APPROVED],
            dossier__status__in=Dossier.PENDING,
            dossier__year=dossier.year,
            dossier__award_kind__code__in=codes,
        )
        .values("dossier__award_kind__code")
        .annotate(total=Count("pk"))
    )
    for row in proposed:
        code = row["dossier__award_kind__code"]
        counts[code] = counts.get(code, 0) + row["total"]
    return counts


def _apply(rule: EligibilityRule, finding: Finding) -> Finding:
    if rule.fail_as_unknown and finding.verdict == Verdict.FAILED:
        return Finding(Verdict.UNKNOWN, finding.reason)
    return finding


def evaluate(
    dossier: Dossier,
    nominations: list[Nomination],
    on: datetime.date,
    rules: list[EligibilityRule] | None = None,
) -> list[Outcome]:
    """Run every applicable rule for every nominee of ``nominations``; save nothing."""
    rules = applicable_rules(dossier, on) if rules is None else rules
    context: EvaluationContext = load_context(dossier, nominations, on)
    outcomes: list[Outcome] = []
    for rule in rules:
        if rule.kind in DOSSIER_KINDS:
            codes = {
                *rule.params.get("numerator", []),
                *rule.params.get("denominator", []),
            }
            if dossier.award_kind.code not in rule.params.get("numerator", []):
                continue
            finding = DOSSIER_KINDS[rule.kind](
                context, rule.params, _unit_counts(dossier, codes)
            )
            outcomes.append(Outcome(rule, None, _apply(rule, finding)))
    outcomes.extend(_nominee_outcomes(context, nominations, rules))
    return outcomes


def _nominee_outcomes(
    context: EvaluationContext,
    nominations: list[Nomination],
    rules: list[EligibilityRule],
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for nomination in nominations:
        for rule in rules:
            if rule.kind in DOSSIER_KINDS:
                continue
            if rule.subject and rule.subject != nomination.subject_kind:
                continue
            finding = NOMINEE_KINDS[rule.kind](context, rule.params, nomination)
            if finding is not None:
                outcomes.append(Outcome(rule, nomination.pk, _apply(rule, finding)))
    return outcomes


def evaluate_kinds(
    dossiers: list[Dossier], nominations: list[Nomination], on: datetime.date
) -> list[list[Outcome]]:
    """The nominee rules of each of ``dossiers`` for ``nominations``; save nothing.

    The dossiers are alike but for their award kind (same unit, year and award
    type, none saved yet). The facts and the rules are loaded once, in a fixed
    number of queries, and every kind is judged in memory against them, with the
    same verdicts as ``evaluate`` gives for each dossier alone. Dossier-level
    rules (the unit's ratio cap) are left out: they speak of a round, not of
    these nominees.
    """
    if not dossiers:
        return []
    first = dossiers[0]
    for dossier in dossiers:
        if (dossier.pk, dossier.unit_id, dossier.year) != (
            first.pk,
            first.unit_id,
            first.year,
        ):
            raise ValueError("evaluate_kinds: dossiers differ in more than the kind")
    rules = _rules_in_force(first, on, sorted({d.award_kind_id for d in dossiers}))
    shared = load_context(first, nominations, on)
    return [
        _nominee_outcomes(
            replace(shared, dossier=dossier), nominations, _rules_for(dossier, rules)
        )
        for dossier in dossiers
    ]


__all__ = ["Outcome", "applicable_rules", "evaluate", "evaluate_kinds"]
