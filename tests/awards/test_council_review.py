"""Council review: the agenda, votes judged by the rule in force for the award kind on
the session date, list votes where allowed, the result sent back to the dossier, and
the minutes (with the awards' list of every nominee) frozen when issued."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import AgendaEntry, CouncilResultSheet, Dossier, Nomination
from awards.services import council_review as council
from awards.services import public as public_services
from councils import services as council_services
from orgs.models import LegalParameter, ParameterValue
from tests.factories import PersonFactory
from tests.factories_awards import D, checked, council_session, dossier

pytestmark = pytest.mark.django_db


def vote(entry, nomination, method="secret_ballot", **counts):
    return council.nominee_vote_record(
        entry=entry, nomination=nomination, actor=None, method=method, **counts
    )


def on_agenda(meeting, *dossiers):
    return council.agenda_add(meeting=meeting, dossiers=list(dossiers), actor=None)


def test_threshold_follows_the_award_kind(world):
    meeting = council_session(world.province, size=10)
    strict = checked(dossier(world.unit_a, "CSTDT", people=[world.person_a]))
    usual = checked(dossier(world.unit_a, "BK_TINH", people=[world.person_a]))
    strict_entry, usual_entry = on_agenda(meeting, strict, usual)
    # 8 of 10 members: short of 90% for CSTĐ tỉnh, above 70% for Bằng khen tỉnh.
    refused = vote(strict_entry, strict.nominations.get(), votes_for=8, votes_against=2)
    accepted = vote(usual_entry, usual.nominations.get(), votes_for=8, votes_against=2)
    assert refused.vote.passed is False
    assert accepted.vote.passed is True
    assert (
        refused.vote.threshold_numerator * 10 == 9 * refused.vote.threshold_denominator
    )


def test_the_rule_may_require_a_secret_ballot(world):
    meeting = council_session(world.province, size=10)
    strict = checked(dossier(world.unit_a, "CSTDT", people=[world.person_a]))
    (entry,) = on_agenda(meeting, strict)
    with pytest.raises(ValidationError, match="Bỏ phiếu kín"):
        vote(entry, strict.nominations.get(), method="show_of_hands", votes_for=10)


def _tighten_giay_khen_from(day):
    parameter = LegalParameter.objects.get(code="vote_threshold")
    ParameterValue.objects.filter(
        parameter=parameter, key="GIAY_KHEN", valid_to__isnull=True
    ).update(valid_to=day - datetime.timedelta(days=1))
    ParameterValue.objects.create(
        parameter=parameter, key="GIAY_KHEN", value="8/10", valid_from=day
    )


def test_a_rule_change_changes_the_outcome_only_after_its_date(world):
    _tighten_giay_khen_from(D(2025, 3, 1))
    before = council_session(world.unit_a, size=10, day=D(2025, 2, 20))
    after = council_session(world.unit_a, size=10, day=D(2025, 3, 5))
    people = [PersonFactory(unit=world.unit_a) for _ in range(2)]
    first = checked(dossier(world.unit_a, "GIAY_KHEN", people=[people[0]]))
    second = checked(dossier(world.unit_a, "GIAY_KHEN", people=[people[1]]))
    (early,) = on_agenda(before, first)
    (late,) = on_agenda(after, second)
    kept = vote(early, first.nominations.get(), votes_for=7, votes_against=3)
    changed = vote(late, second.nominations.get(), votes_for=7, votes_against=3)
    assert kept.vote.passed is True
    assert changed.vote.passed is False
    kept.vote.refresh_from_db()
    assert kept.vote.passed is True  # a recorded result keeps the rule of its day


def test_no_vote_below_quorum(world):
    meeting = council_session(world.unit_a, size=10, present=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    (entry,) = on_agenda(meeting, target)
    with pytest.raises(ValidationError, match="không đủ số thành viên"):
        vote(entry, target.nominations.get(), votes_for=5)


def test_the_vote_cannot_be_scheduled_before_public_comment_closes(world):
    target = checked(dossier(world.unit_a, "AH_LAO_DONG", people=[world.person_a]))
    consultation = public_services.public_consultation_open(
        dossier=target, actor=None, summary="Đề nghị", opens_on=D(2025, 1, 6)
    )
    inside = council_session(world.province, size=10, day=D(2025, 1, 15))
    with pytest.raises(ValidationError, match="Đang lấy ý kiến nhân dân"):
        on_agenda(inside, target)
    assert Dossier.objects.get(pk=target.pk).status == Dossier.Status.CHECKED
    after = consultation.closes_on + datetime.timedelta(days=3)
    later = council_session(world.province, size=10, day=after)
    (entry,) = on_agenda(later, target)
    assert entry.dossier.status == Dossier.Status.AT_COUNCIL


def test_a_dossier_goes_to_the_council_of_its_deciding_level_only(world):
    meeting = council_session(world.unit_b, size=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    with pytest.raises(ValidationError, match="không thuộc thẩm quyền xét"):
        on_agenda(meeting, target)


def test_failed_nominees_come_back_with_the_counts(world):
    meeting = council_session(world.unit_a, size=10)
    people = [PersonFactory(unit=world.unit_a) for _ in range(2)]
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=people))
    (entry,) = on_agenda(meeting, target)
    good, weak = target.nominations.order_by("order")
    vote(entry, good, votes_for=9, votes_against=1)
    vote(entry, weak, votes_for=5, votes_against=5)
    with pytest.raises(ValidationError):
        council.entry_set_mode(entry=entry, mode="per_list", actor=None)
    moved = council.entry_conclude(entry=entry, actor=None)
    assert moved.status == Dossier.Status.APPROVED
    weak.refresh_from_db()
    assert weak.outcome == Nomination.Outcome.NOT_APPROVED
    assert "5/10" in weak.outcome_reason and "70%" in weak.outcome_reason
    good.refresh_from_db()
    assert good.outcome == Nomination.Outcome.APPROVED


def test_nobody_passing_means_the_council_does_not_recommend(world):
    meeting = council_session(world.unit_a, size=10)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    (entry,) = on_agenda(meeting, target)
    vote(entry, target.nominations.get(), votes_for=3, votes_against=7)
    moved = council.entry_conclude(entry=entry, actor=None)
    assert moved.status == Dossier.Status.NOT_APPROVED
    assert "3/10" in target.nominations.get().outcome_reason


def test_a_list_vote_where_the_rule_allows_it(world):
    meeting = council_session(world.unit_a, size=10)
    people = [PersonFactory(unit=world.unit_a) for _ in range(3)]
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=people))
    (entry,) = on_agenda(meeting, target)
    entry = council.entry_set_mode(entry=entry, mode="per_list", actor=None)
    struck = target.nominations.order_by("order").last()
    links = council.list_vote_record(
        entry=entry,
        actor=None,
        method="show_of_hands",
        votes_for=9,
        abstentions=1,
        excluded={struck.pk: "Đã được khen cùng thành tích"},
    )
    assert len({link.vote_id for link in links if link.vote_id}) == 1
    council.entry_conclude(entry=entry, actor=None)
    outcomes = dict(target.nominations.values_list("pk", "outcome"))
    assert outcomes[struck.pk] == Nomination.Outcome.NOT_APPROVED
    assert sorted(outcomes.values()).count(Nomination.Outcome.APPROVED) == 2


def test_per_person_vote_is_required_for_the_highest_titles(world):
    meeting = council_session(world.province, size=10)
    target = checked(dossier(world.unit_a, "CSTDT", people=[world.person_a]))
    (entry,) = on_agenda(meeting, target)
    with pytest.raises(ValidationError, match="từng người"):
        council.entry_set_mode(entry=entry, mode="per_list", actor=None)


def test_removal_before_any_vote_sends_the_dossier_back(world):
    meeting = council_session(world.unit_a, size=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    (entry,) = on_agenda(meeting, target)
    council.agenda_remove(entry=entry, actor=None, reason="Bổ sung hồ sơ")
    assert Dossier.objects.get(pk=target.pk).status == Dossier.Status.CHECKED
    assert not meeting.agenda_items.exists()


def test_minutes_list_every_nominee_and_the_sheet_is_frozen(world):
    meeting = council_session(world.unit_a, size=10)
    people = [
        PersonFactory(unit=world.unit_a, full_name=f"Người Thử {i}") for i in range(2)
    ]
    single = checked(dossier(world.unit_a, "GIAY_KHEN", people=people))
    listed_people = [
        PersonFactory(unit=world.unit_a, full_name=f"Tập Thể Thử {i}") for i in range(2)
    ]
    listed = checked(dossier(world.unit_a, "GIAY_KHEN", people=listed_people))
    single_entry, list_entry = on_agenda(meeting, single, listed)
    for nomination in single.nominations.all():
        vote(single_entry, nomination, votes_for=8, votes_against=2)
    council.entry_set_mode(entry=list_entry, mode="per_list", actor=None)
    council.list_vote_record(
        entry=AgendaEntry.objects.get(pk=list_entry.pk),
        actor=None,
        method="show_of_hands",
        votes_for=10,
    )
    council_services.meeting_close(meeting=meeting, actor=None)
    document = council_services.minutes_issue(meeting=meeting, actor=None)
    printed = str(document.snapshot["doc"]["agenda"])
    for person in people:
        assert person.full_name in printed  # one vote per nominee in the minutes
    sheet = CouncilResultSheet.objects.get(meeting=meeting)
    names = [row["name"] for row in sheet.snapshot["doc"]["rows"]]
    assert names == [p.full_name for p in people + listed_people]
    assert document.full_number in sheet.snapshot["doc"]["subtitle"]
    Nomination.objects.filter(dossier=listed).update(display_name="Đổi Tên Sau")
    sheet.refresh_from_db()
    assert "Đổi Tên Sau" not in str(sheet.snapshot)
