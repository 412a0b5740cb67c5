"""The demo: dossiers in every state, verdicts of every kind, a public comment
window, history 2019–2025, and a second run adds nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from awards.models import (
    AwardRecord,
    Certificate,
    CouncilResultSheet,
    Decision,
    Dossier,
    EligibilityOverride,
    EligibilityResult,
    FundEntry,
    Initiative,
    MonthlyProposal,
    Movement,
    NominationVote,
    PublicConsultation,
    Registration,
    YearlyResult,
)

pytestmark = pytest.mark.django_db


def counts():
    return tuple(
        model.objects.count()
        for model in (
            Dossier,
            AwardRecord,
            YearlyResult,
            Initiative,
            Movement,
            Registration,
            EligibilityResult,
            Decision,
            Certificate,
            FundEntry,
            MonthlyProposal,
        )
    )


def test_demo_covers_every_state_and_verdict_and_is_idempotent(settings):
    settings.DEBUG = True
    with open("/dev/null", "w") as sink:
        call_command("seed_demo", stdout=sink)
        first = counts()
        call_command("seed_demo", stdout=sink)
    assert counts() == first
    assert set(Dossier.objects.values_list("status", flat=True)) == set(
        Dossier.Status.values
    )
    assert set(EligibilityResult.objects.values_list("verdict", flat=True)) == {
        "passed",
        "failed",
        "unknown",
    }
    assert EligibilityOverride.objects.exists()
    assert set(YearlyResult.objects.values_list("year", flat=True)) >= set(
        range(2019, 2026)
    )
    consultation = PublicConsultation.objects.get()
    assert consultation.is_open_on() and consultation.comments.count() == 2
    assert (
        Dossier.objects.get(
            status="decided", unit__code="HN-HBT-LDH"
        ).receiving_unit.code
        == "HN-HBT"
    )
    assert_part_two()


def assert_part_two():
    """Issue 6: a session that voted, decisions (one long), codes, a revocation, the
    ledger and a month with a late unit."""
    from awards.selectors.monthly import monthly_overview
    from orgs.models import Unit

    assert NominationVote.objects.filter(vote__passed=False).exists()
    assert CouncilResultSheet.objects.filter(meeting__year=2025).exists()
    issued = Decision.objects.filter(status="issued")
    assert set(issued.values_list("kind", flat=True)) == {
        "award",
        "correction",
        "revocation",
    }
    assert max(d.lines.count() for d in issued) >= 300
    assert Certificate.objects.count() >= 4
    revoked = AwardRecord.objects.get(revoked_by__isnull=False)
    assert revoked.certificate.code
    assert set(FundEntry.objects.values_list("kind", flat=True)) == {
        "spent",
        "to_recover",
        "recovered",
    }
    may = monthly_overview(Unit.objects.get(code="HN-HBT"), 2025, 5)
    assert "HN-HBT-MK" in {row.unit.code for row in may["late"]}
    assert may["monthly"].decision.is_issued
