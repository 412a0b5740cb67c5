"""Monthly recognition: the organisation that asks (a dated parameter of its own),
proposals of its units, the minimum, the deadline and the late units, the review,
and the month's decision."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardRecord, MonthlyEntry, MonthlyProposal
from awards.selectors.monthly import monthly_overview
from awards.services import monthly as services
from awards.services.decision_drafts import decision_update
from awards.services.decision_issue import decision_issue
from orgs.models import LegalParameter, ParameterValue
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import SIGNER, D

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(world):
    """Unit A asks its units for two people a month from 2025; A1 and A2 are asked."""
    ParameterValue.objects.create(
        parameter=LegalParameter.objects.get(code="monthly_recognition_min"),
        scope_unit=world.unit_a,
        value="2",
        valid_from=D(2025, 1, 1),
    )
    second = UnitFactory(code="A2", name="Trường Mầm non An Bình", parent=world.unit_a)
    return world.unit_a1, second


def propose(unit, *, count, submitted_on=None, month=5):
    proposal = services.monthly_proposal_open(
        unit=unit, year=2025, month=month, actor=None
    )
    for index in range(count):
        services.monthly_entry_add(
            proposal=proposal,
            actor=None,
            person=PersonFactory(unit=unit, full_name=f"Người Tốt {unit.code}-{index}"),
            deed="Trả lại tài sản nhặt được",
        )
    if submitted_on is not None:
        services.monthly_proposal_submit(proposal=proposal, actor=None)
        moment = datetime.datetime.combine(
            submitted_on, datetime.time(9), tzinfo=timezone.get_current_timezone()
        )
        MonthlyProposal.objects.filter(pk=proposal.pk).update(submitted_at=moment)
    return proposal


def test_only_an_organisation_that_asks_receives_proposals(world, asked):
    with pytest.raises(ValidationError, match="không yêu cầu"):
        services.monthly_proposal_open(
            unit=world.unit_b1, year=2025, month=5, actor=None
        )
    with pytest.raises(ValidationError, match="không yêu cầu"):
        services.monthly_proposal_open(
            unit=world.unit_a1, year=2024, month=12, actor=None
        )
    proposal = services.monthly_proposal_open(
        unit=world.unit_a1, year=2025, month=5, actor=None
    )
    assert proposal.organisation == world.unit_a


def test_the_minimum_is_enforced(world, asked):
    proposal = propose(world.unit_a1, count=1)
    with pytest.raises(ValidationError, match="ít nhất 2"):
        services.monthly_proposal_submit(proposal=proposal, actor=None)


def test_a_citizen_not_in_the_registry_can_be_proposed(world, asked):
    proposal = services.monthly_proposal_open(
        unit=world.unit_a1, year=2025, month=5, actor=None
    )
    entry = services.monthly_entry_add(
        proposal=proposal,
        actor=None,
        full_name="Lò Văn Dân",
        position="Xe ôm",
        deed="Đưa người bị nạn đi cấp cứu",
        is_direct_worker=True,
    )
    assert entry.person.unit == world.unit_a1 and entry.person.is_active is False


def test_late_and_missing_units_are_listed_after_the_deadline(world, asked):
    first, second = asked
    propose(first, count=2, submitted_on=D(2025, 5, 20))
    before = monthly_overview(world.unit_a, 2025, 5, today=D(2025, 5, 24))
    assert before["late"] == [] and before["deadline"] == D(2025, 5, 25)
    after = monthly_overview(world.unit_a, 2025, 5, today=D(2025, 5, 26))
    assert [row.unit for row in after["late"]] == [second]
    propose(second, count=2, submitted_on=D(2025, 5, 28))
    late = monthly_overview(world.unit_a, 2025, 5, today=D(2025, 5, 30))
    assert [(row.unit, row.state) for row in late["late"]] == [(second, "late")]


def test_the_dashboard_lists_the_late_units(world, asked, client):
    first, second = asked
    propose(first, count=2, submitted_on=D(2025, 5, 20))
    client.force_login(world.secretariat)
    with time_machine.travel(datetime.datetime(2025, 5, 27, 9, tzinfo=datetime.UTC)):
        body = client.get(reverse("orgs:dashboard")).content.decode()
    assert "Chưa đề xuất đúng hạn" in body and second.name in body


def test_the_months_list_becomes_a_decision(world, asked):
    first, second = asked
    propose(first, count=2, submitted_on=D(2025, 5, 20))
    propose(second, count=2, submitted_on=D(2025, 5, 21))
    monthly = services.monthly_list_open(
        organisation=world.unit_a, year=2025, month=5, actor=None
    )
    entries = list(MonthlyEntry.objects.order_by("pk"))
    with pytest.raises(ValidationError, match="chưa được xét"):
        services.monthly_list_draft_decision(monthly=monthly, actor=None)
    for entry in entries[:3]:
        services.monthly_entry_review(entry=entry, actor=None, accepted=True)
    with pytest.raises(ValidationError, match="lý do"):
        services.monthly_entry_review(entry=entries[3], actor=None, accepted=False)
    services.monthly_entry_review(
        entry=entries[3], actor=None, accepted=False, reason="Chưa đủ căn cứ"
    )
    draft = services.monthly_list_draft_decision(
        monthly=monthly, actor=None, decision_date=D(2025, 6, 2)
    )
    assert draft.lines.count() == 3 and draft.total_amount == 3 * 702_000
    assert "tháng 05 năm 2025" in draft.summary
    decision = decision_issue(
        decision=decision_update(decision=draft, actor=None, **SIGNER), actor=None
    )
    records = AwardRecord.objects.filter(decision=decision)
    assert records.count() == 3 and {r.award_kind.code for r in records} == {
        "GIAY_KHEN"
    }
    assert decision.certificates.count() == 3
    with pytest.raises(ValidationError):
        services.monthly_entry_review(
            entry=entries[0], actor=None, accepted=False, reason="x"
        )


def test_the_month_page_for_the_secretariat(world, asked, client):
    first, _second = asked
    propose(first, count=2, submitted_on=D(2025, 5, 20))
    client.force_login(world.secretariat)
    url = reverse("awards:monthly-month", args=[world.unit_a.pk, 2025, 5])
    body = client.get(url).content.decode()
    assert "Người Tốt A1-0" in body and "Trường Mầm non An Bình" in body
    client.force_login(world.officer_b)
    assert client.get(url).status_code == 404
