"""Decisions: drafted from whole dossiers, money by the base salary of the decision
date, numbered on issue and read-only after, records and certificates at once, the
fund ledger, corrections that cite the original, revocations that keep history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.eligibility import evaluate
from awards.models import (
    AwardRecord,
    AwardRecordEvent,
    Decision,
    DecisionLine,
    Dossier,
    FundEntry,
    Nomination,
    RevocationCase,
)
from awards.services import decision_amendments as amendments
from awards.services import decision_drafts as drafts
from awards.services.decision_issue import decision_issue
from awards.services.funds import fund_recovery_record, outstanding
from tests.factories import PersonFactory
from tests.factories_awards import (
    SIGNER,
    D,
    approved,
    dossier,
    draft_decision,
    issued_decision,
    results,
)

pytestmark = pytest.mark.django_db


def ldtt(world, *people, year=2023, planned=None):
    for person in people:
        results(person, **{f"y{year}": "HTTNV"})
    return approved(
        dossier(world.unit_a, "LDTT", people=list(people), year=year, planned=planned)
    )


def test_money_follows_the_base_salary_on_the_decision_date(world):
    """1.800.000 đồng until 30/6/2024, 2.340.000 đồng from 1/7/2024 (NĐ 24/2023, NĐ 73/2024)."""
    people = [world.person_a, PersonFactory(unit=world.unit_a)]
    draft = draft_decision([ldtt(world, *people)], day=D(2024, 6, 30))
    assert draft.base_salary == 1_800_000
    assert list(draft.lines.values_list("amount", flat=True)) == [540_000, 540_000]
    assert draft.total_amount == 1_080_000
    moved = drafts.decision_update(
        decision=draft, actor=None, decision_date=D(2024, 7, 1)
    )
    assert moved.base_salary == 2_340_000
    assert moved.total_amount == 2 * 702_000
    issued = decision_issue(decision=moved, actor=None, issued_on=D(2024, 6, 28))
    assert issued.total_amount == 1_080_000  # the signing date rules, not the draft's


def test_a_decision_takes_whole_dossiers_of_one_kind(world):
    first = ldtt(world, world.person_a)
    other = approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    with pytest.raises(ValidationError, match="cùng danh hiệu"):
        drafts.decision_draft_from_dossiers(dossiers=[first, other], actor=None)
    draft_decision([first])
    with pytest.raises(ValidationError, match="không còn chờ quyết định"):
        drafts.decision_draft_from_dossiers(dossiers=[first], actor=None)


def test_an_award_above_the_level_is_not_decided_here(world):
    target = approved(dossier(world.unit_a, "BK_TTG", people=[world.person_a]))
    with pytest.raises(ValidationError, match="không có thẩm quyền"):
        drafts.decision_draft_from_dossiers(dossiers=[target], actor=None)


def test_issuing_numbers_records_certificates_and_the_fund(world):
    target = approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    decision = issued_decision([target])
    assert decision.number == "01/QĐ-UBND"
    assert decision.document.snapshot["doc"]["letterhead"]["number_line"] == (
        "Số: 01/QĐ-UBND"
    )
    record = AwardRecord.objects.get(person=world.person_a)
    assert (record.decision, record.decision_number) == (decision, "01/QĐ-UBND")
    assert record.decision_line == decision.lines.get()
    assert record.issuer == "Chủ tịch Ủy ban nhân dân phường An Bình"
    assert Dossier.objects.get(pk=target.pk).status == Dossier.Status.DECIDED
    assert target.nominations.get().outcome == Nomination.Outcome.AWARDED
    certificate = decision.certificates.get()
    assert certificate.record == record and len(certificate.code) == 10
    entry = FundEntry.objects.get(decision=decision)
    assert (entry.kind, entry.amount, entry.fund.year) == ("spent", 702_000, 2025)
    assert entry.fund.unit == world.unit_a


def test_the_eligibility_engine_sees_an_issued_award_at_once(world):
    issued_decision(
        [approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))]
    )
    again = dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a])
    outcomes = evaluate(again, list(again.nominations.all()), D(2025, 1, 20))
    duplicate = [o for o in outcomes if o.rule.code == "trung-de-nghi"]
    assert duplicate[0].finding.verdict == "failed"
    assert "01/QĐ-UBND" in duplicate[0].finding.reason


def test_an_issued_decision_is_read_only(world, client):
    decision = issued_decision([ldtt(world, world.person_a)])
    with pytest.raises(ValidationError, match="đính chính"):
        drafts.decision_update(decision=decision, actor=None, summary="Sửa")
    loaded = Decision.objects.get(pk=decision.pk)
    loaded.summary = "Sửa lén"
    with pytest.raises(ValidationError):
        loaded.save()
    with pytest.raises(ValidationError):
        Decision.objects.get(pk=decision.pk).delete()
    line = DecisionLine.objects.get(decision=decision)
    line.display_name = "Tên khác"
    with pytest.raises(ValidationError):
        line.save()
    client.force_login(world.secretariat)
    response = client.post(
        reverse("awards:decision-update", args=[decision.pk]),
        {"summary": "Sửa qua trang", "decision_date": "2025-01-20"},
    )
    assert response.status_code == 302
    assert Decision.objects.get(pk=decision.pk).summary != "Sửa qua trang"
    page = client.get(decision.get_absolute_url()).content.decode()
    assert reverse("awards:decision-update", args=[decision.pk]) not in page
    with pytest.raises(ValidationError):
        decision_issue(decision=decision, actor=None)


def test_a_correction_cites_the_original_and_leaves_it_as_signed(world):
    original = issued_decision([ldtt(world, world.person_a)])
    signed = original.document.snapshot
    correction = amendments.correction_draft(
        original=original, actor=None, decision_date=D(2025, 2, 3)
    )
    line = original.lines.get()
    amendments.correction_line_set(
        decision=correction,
        original_line=line,
        actor=None,
        display_name="Nguyễn Văn Anh",
        position="Phó Chủ tịch",
        unit_name=line.unit_name,
    )
    correction = drafts.decision_update(decision=correction, actor=None, **SIGNER)
    issued = decision_issue(decision=correction, actor=None)
    assert issued.cited == original and issued.number == "02/QĐ-UBND"
    assert "01/QĐ-UBND" in issued.summary
    annex = issued.document.snapshot["doc"]["annex"]
    assert annex["rows"][0][2].startswith("Nguyễn Văn Ánh")
    assert annex["rows"][0][3].startswith("Nguyễn Văn Anh, Phó Chủ tịch")
    original.refresh_from_db()
    assert original.document.snapshot == signed
    event = AwardRecordEvent.objects.get(action="changed")
    assert event.record.decision == original and "02/QĐ-UBND" in event.reason


def test_revocation_marks_records_keeps_history_and_money_to_recover(world):
    second = PersonFactory(unit=world.unit_a)
    original = issued_decision([ldtt(world, world.person_a, second)])
    first_line, second_line = original.lines.order_by("order")
    revocation = amendments.revocation_draft(
        original=original,
        actor=None,
        line_ids=[first_line.pk],
        case=RevocationCase.FALSE_DECLARATION,
        reason="Kết luận thanh tra số 15/KL-TTr",
        decision_date=D(2025, 6, 5),
    )
    revocation = decision_issue(
        decision=drafts.decision_update(decision=revocation, actor=None, **SIGNER),
        actor=None,
    )
    record = AwardRecord.objects.get(decision_line=first_line)
    assert record.status == "revoked" and record.revoked_by == revocation
    assert record.revocation_number == revocation.number
    assert "Khai man thành tích" in record.revocation_reason
    assert list(record.events.values_list("action", flat=True)) == [
        "created",
        "revoked",
    ]
    assert AwardRecord.objects.get(decision_line=second_line).status == "valid"
    dossier_obj = Dossier.objects.get(decision=original)
    assert dossier_obj.status == Dossier.Status.DECIDED  # one award still stands
    assert outstanding(revocation) == 702_000
    fund_recovery_record(
        decision=revocation, amount=500_000, day=D(2025, 6, 20), actor=None
    )
    assert outstanding(revocation) == 202_000
    with pytest.raises(ValidationError, match="còn phải thu"):
        fund_recovery_record(
            decision=revocation, amount=300_000, day=D(2025, 6, 21), actor=None
        )
    with pytest.raises(ValidationError):
        amendments.revocation_draft(
            original=original,
            actor=None,
            line_ids=[first_line.pk],
            case=RevocationCase.FORGED,
            reason="Lần nữa",
        )


def test_revoking_every_award_of_a_dossier_revokes_the_dossier(world):
    original = issued_decision([ldtt(world, world.person_a)])
    revocation = amendments.revocation_draft(
        original=original,
        actor=None,
        line_ids=list(original.lines.values_list("pk", flat=True)),
        case=RevocationCase.UNLAWFUL,
        reason="Xét duyệt sai thẩm quyền",
    )
    decision_issue(decision=revocation, actor=None)
    assert Dossier.objects.get(decision=original).status == Dossier.Status.REVOKED


def test_discarding_a_draft_frees_its_dossiers(world):
    target = ldtt(world, world.person_a)
    draft = draft_decision([target])
    drafts.decision_discard(decision=draft, actor=None)
    assert not Decision.objects.exists()
    assert Dossier.objects.get(pk=target.pk).decision_id is None
    assert draft_decision([target]).lines.count() == 1
