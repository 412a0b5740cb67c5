"""The dossier workflow: every allowed move, refused moves, recall window, history,
deadlines and the compare-and-set that tells the second editor."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from awards.models import AwardRecord, Dossier, DossierTransition, Nomination
from awards.services import dossiers as services
from tests.factories import PersonFactory
from tests.factories_awards import (
    D,
    dossier,
    results,
    submitted,
    under_review,
)

pytestmark = pytest.mark.django_db
S = Dossier.Status


def good_person(unit):
    person = PersonFactory(unit=unit)
    results(person, y2024="HTTNV")
    return person


def test_a_new_dossier_is_a_draft_with_the_award_kinds_checklist(world):
    created = dossier(world.unit_a, "LDTT")
    assert created.status == S.DRAFT
    names = set(created.items.values_list("component__code", flat=True))
    assert {"to-trinh", "bao-cao-thanh-tich", "bien-ban-binh-xet"} <= names
    assert DossierTransition.objects.filter(dossier=created, to_status=S.DRAFT).exists()


def test_submit_is_refused_without_nominees_or_required_files(world):
    created = dossier(world.unit_a, "LDTT")
    with pytest.raises(ValidationError, match="chưa có người") as error:
        services.dossier_submit(dossier=created, actor=world.officer_a)
    assert "Tờ trình đề nghị" in str(error.value)
    assert Dossier.objects.get(pk=created.pk).status == S.DRAFT


def test_full_happy_path_creates_award_records(world):
    person = good_person(world.unit_a)
    target = under_review(
        dossier(world.unit_a, "LDTT", people=[person]), world.officer_a
    )
    target = services.dossier_accept(dossier=target, actor=world.secretariat)
    target = services.dossier_send_to_council(dossier=target, actor=world.secretariat)
    target = services.dossier_approve(dossier=target, actor=world.secretariat)
    target = services.dossier_decide(
        dossier=target,
        actor=world.secretariat,
        decision_number="12/QĐ-UBND",
        decision_date=D(2025, 1, 20),
        issuer="Chủ tịch UBND phường An Bình",
    )
    assert target.status == S.DECIDED
    record = AwardRecord.objects.get(person=person)
    assert (record.award_kind.code, record.year, record.decision_number) == (
        "LDTT",
        2024,
        "12/QĐ-UBND",
    )
    assert record.source == AwardRecord.Source.DOSSIER
    assert Nomination.objects.get(person=person).outcome == Nomination.Outcome.AWARDED
    steps = list(target.transitions.values_list("to_status", flat=True))
    assert steps == [
        S.DRAFT,
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.CHECKED,
        S.AT_COUNCIL,
        S.APPROVED,
        S.DECIDED,
    ]


def test_unit_may_recall_until_review_starts(world):
    target = submitted(
        dossier(world.unit_a, "LDTT", people=[good_person(world.unit_a)])
    )
    recalled = services.dossier_recall(dossier=target, actor=world.officer_a)
    assert recalled.status == S.DRAFT
    target = services.dossier_submit(dossier=recalled, actor=world.officer_a)
    services.dossier_start_review(dossier=target, actor=world.secretariat)
    with pytest.raises(ValidationError, match="chưa bắt đầu thẩm định"):
        services.dossier_recall(dossier=target, actor=world.officer_a)


def test_return_needs_a_reason_and_the_unit_sees_it(world):
    target = under_review(
        dossier(world.unit_a, "LDTT", people=[good_person(world.unit_a)])
    )
    with pytest.raises(ValidationError, match="lý do"):
        services.dossier_return(dossier=target, actor=world.secretariat, reason="  ")
    returned = services.dossier_return(
        dossier=target, actor=world.secretariat, reason="Thiếu biên bản họp"
    )
    assert returned.status == S.RETURNED
    assert returned.last_reason == "Thiếu biên bản họp"
    assert returned.deadline is not None
    again = services.dossier_resubmit(dossier=returned, actor=world.officer_a)
    assert again.status == S.RESUBMITTED


@pytest.mark.parametrize(
    ("service", "status"),
    [
        ("dossier_accept", S.DRAFT),
        ("dossier_send_to_council", S.UNDER_REVIEW),
        ("dossier_decide", S.AT_COUNCIL),
        ("dossier_resubmit", S.SUBMITTED),
        ("dossier_revoke", S.APPROVED),
        ("dossier_start_review", S.RETURNED),
    ],
)
def test_illegal_moves_are_refused(world, service, status):
    target = dossier(world.unit_a, "LDTT", people=[good_person(world.unit_a)])
    Dossier.objects.filter(pk=target.pk).update(status=status)
    kwargs = {"dossier": target, "actor": world.secretariat}
    if service == "dossier_decide":
        kwargs.update(decision_number="1/QĐ", decision_date=D(2025, 1, 1), issuer="X")
    if service == "dossier_revoke":
        kwargs.update(reason="Sai", revoked_on=D(2025, 2, 1))
    with pytest.raises(ValidationError) as error:
        getattr(services, service)(**kwargs)
    assert error.value.code == "invalid_transition"
    assert Dossier.objects.get(pk=target.pk).status == status


def test_a_stale_version_is_refused_and_nothing_changes(world):
    target = dossier(world.unit_a, "LDTT")
    services.dossier_update(
        dossier=target, actor=world.officer_a, version=target.version, title="Mới"
    )
    with pytest.raises(ValidationError, match="vừa được người khác thay đổi"):
        services.dossier_update(
            dossier=target, actor=world.secretariat, version=target.version, title="Cũ"
        )
    assert Dossier.objects.get(pk=target.pk).title == "Mới"


def test_withdraw_and_revoke(world):
    target = dossier(world.unit_a, "LDTT", people=[good_person(world.unit_a)])
    withdrawn = services.dossier_withdraw(
        dossier=target, actor=world.officer_a, reason="Nộp nhầm"
    )
    assert withdrawn.status == S.WITHDRAWN
    person = good_person(world.unit_a)
    target = under_review(dossier(world.unit_a, "LDTT", people=[person]))
    target = services.dossier_accept(dossier=target, actor=world.secretariat)
    target = services.dossier_send_to_council(dossier=target, actor=world.secretariat)
    target = services.dossier_approve(dossier=target, actor=world.secretariat)
    target = services.dossier_decide(
        dossier=target,
        actor=world.secretariat,
        decision_number="3/QĐ",
        decision_date=D(2025, 1, 5),
        issuer="UBND",
    )
    revoked = services.dossier_revoke(
        dossier=target,
        actor=world.secretariat,
        reason="Khai man thành tích",
        revoked_on=D(2025, 3, 1),
        revocation_number="9/QĐ",
    )
    assert revoked.status == S.REVOKED
    row = AwardRecord.objects.get(person=person)
    assert (
        row.status == AwardRecord.Status.REVOKED
        and row.revocation_reason == "Khai man thành tích"
    )
    assert list(row.events.values_list("action", flat=True)) == ["created", "revoked"]


def test_council_may_approve_some_and_reject_others(world):
    keep, drop = good_person(world.unit_a), good_person(world.unit_a)
    target = under_review(dossier(world.unit_a, "LDTT", people=[keep, drop]))
    target = services.dossier_accept(dossier=target, actor=world.secretariat)
    target = services.dossier_send_to_council(dossier=target, actor=world.secretariat)
    rows = {n.person_id: n.pk for n in target.nominations.all()}
    services.dossier_approve(
        dossier=target, actor=world.secretariat, rejected={rows[drop.pk]: "Chỉ đạt 60%"}
    )
    outcomes = dict(target.nominations.values_list("person_id", "outcome"))
    assert outcomes == {keep.pk: "approved", drop.pk: "not_approved"}
    assert target.nominations.get(person=drop).outcome_reason == "Chỉ đạt 60%"


def test_verdicts_of_a_closed_dossier_are_kept(world):
    from awards.services.eligibility import eligibility_evaluate

    target = dossier(world.unit_a, "LDTT", people=[good_person(world.unit_a)])
    eligibility_evaluate(dossier=target)
    kept = target.eligibility_results.count()
    services.dossier_withdraw(dossier=target, actor=world.officer_a, reason="Nộp nhầm")
    with pytest.raises(
        ValidationError, match="kết quả kiểm tra điều kiện được giữ nguyên"
    ):
        eligibility_evaluate(dossier=target)
    assert target.eligibility_results.count() == kept
