"""Staff pages of part II: the same number of queries with 2 rows as with 20, and the
pages a secretariat walks through (agenda, voting, decision, fund)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Decision, DecisionLine, Fund, MonthlyProposal
from awards.services import council_review as council
from awards.services import decision_drafts as drafts
from councils import services as council_services
from orgs.models import LegalParameter, ParameterValue
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import (
    D,
    checked,
    council_session,
    dossier,
    kind,
    record,
)
from tests.factories_councils import at

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(context.captured_queries)


def same_count(client, url: str, add_rows, first: int = 2, then: int = 20) -> None:
    add_rows(first)
    few = queries(client, url)
    add_rows(then - first)
    many = queries(client, url)
    assert few == many, f"{few} queries with {first} rows, {many} with {then}"


def decisions(world, count: int, lines: int = 1) -> list[Decision]:
    made = []
    for _ in range(count):
        decision = drafts.new_decision(
            unit=world.unit_a,
            award_kind=kind("GIAY_KHEN"),
            year=2024,
            year_text="2024",
            award_type="regular",
            day=D(2025, 1, 20),
            actor=None,
        )
        decision.save()
        add_lines(world, decision, lines)
        made.append(decision)
    return made


def add_lines(world, decision: Decision, count: int) -> None:
    start = decision.lines.count()
    DecisionLine.objects.bulk_create(
        DecisionLine(
            decision=decision,
            order=start + i + 1,
            person=PersonFactory(unit=world.unit_a),
            unit=world.unit_a,
            display_name=f"Người {start + i}",
        )
        for i in range(count)
    )


def test_decision_list(world, client):
    client.force_login(world.officer_a)
    same_count(client, reverse("awards:decision-list"), lambda n: decisions(world, n))


def test_decision_page_with_its_annex(world, client):
    (decision,) = decisions(world, 1, lines=0)
    client.force_login(world.secretariat)
    url = reverse("awards:decision-detail", args=[decision.pk])
    same_count(client, url, lambda n: add_lines(world, decision, n))


def test_fund_list(world, client):
    units = iter(UnitFactory(parent=world.unit_a) for _ in range(20))
    client.force_login(world.secretariat)
    same_count(
        client,
        reverse("awards:fund-list"),
        lambda n: [Fund.objects.create(unit=next(units), year=2025) for _ in range(n)],
    )


def test_search_page(world, client):
    def people(n: int) -> None:
        for _ in range(n):
            person = PersonFactory(unit=world.unit_a, full_name="Trần Văn Tìm")
            record(person, "LDTT", 2023)

    client.force_login(world.secretariat)
    same_count(client, reverse("awards:search") + "?q=tran+van+tim", people)


def test_agenda_sessions(world, client):
    meeting = council_session(world.unit_a, size=3)
    day = iter(D(2025, 2, 1) + datetime.timedelta(days=i) for i in range(40))

    def sessions(n: int) -> None:
        for _ in range(n):
            council_services.meeting_create(
                council=meeting.council, actor=None, starts_at=at(next(day))
            )

    client.force_login(world.secretariat)
    same_count(client, reverse("awards:agenda-meetings"), sessions)


def test_voting_page(world, client):
    meeting = council_session(world.unit_a, size=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    (entry,) = council.agenda_add(meeting=meeting, dossiers=[target], actor=None)
    client.force_login(world.secretariat)
    body = client.get(entry.get_absolute_url()).content.decode()
    assert "từ 70% tổng số thành viên trở lên" in body
    assert 'name="votes_for"' in body
    council.nominee_vote_record(
        entry=entry,
        nomination=target.nominations.get(),
        actor=None,
        method="show_of_hands",
        votes_for=5,
    )
    body = client.get(entry.get_absolute_url()).content.decode()
    assert "Chốt kết quả" in body and "100,00% trên 5" in body.replace(".", ",")


def test_a_vote_row_through_htmx(world, client):
    meeting = council_session(world.unit_a, size=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    (entry,) = council.agenda_add(meeting=meeting, dossiers=[target], actor=None)
    nomination = target.nominations.get()
    client.force_login(world.secretariat)
    url = reverse("awards:agenda-vote", args=[entry.pk, nomination.pk])
    response = client.post(
        url, {"method": "show_of_hands", "votes_for": "9"}, HTTP_HX_REQUEST="true"
    )
    assert "Tổng số phiếu" in response.content.decode()  # 9 ballots, 5 present
    response = client.post(
        url, {"method": "show_of_hands", "votes_for": "4"}, HTTP_HX_REQUEST="true"
    )
    row = response.content.decode()
    assert row.strip().startswith("<tr") and "Đạt" in row


def test_monthly_month_page(world, client):
    ParameterValue.objects.create(
        parameter=LegalParameter.objects.get(code="monthly_recognition_min"),
        scope_unit=world.unit_a,
        value="1",
        valid_from=D(2025, 1, 1),
    )

    def units(n: int) -> None:
        for _ in range(n):
            unit = UnitFactory(parent=world.unit_a)
            MonthlyProposal.objects.create(
                organisation=world.unit_a, unit=unit, year=2025, month=5
            )

    client.force_login(world.secretariat)
    url = reverse("awards:monthly-month", args=[world.unit_a.pk, 2025, 5])
    same_count(client, url, units)
