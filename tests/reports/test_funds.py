"""Reward money by fund and year: hand-computed figures, drill-downs, scope, export."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import RevocationCase
from awards.services import decision_amendments as amendments
from awards.services import decision_drafts as drafts
from awards.services.decision_issue import decision_issue
from awards.services.funds import fund_recovery_record, fund_set_budget
from orgs.scoping import scope_for
from reports.filters import Filters, parse_filters
from reports.selectors import funds
from reports.selectors.drill import drill
from tests.factories import PersonFactory
from tests.factories_awards import (
    SIGNER,
    D,
    approved,
    dossier,
    issued_decision,
    results,
)

pytestmark = pytest.mark.django_db


def ldtt(world, unit, *people):
    for person in people:
        results(person, y2023="HTTNV")
    return approved(dossier(unit, "LDTT", people=list(people), year=2023))


@pytest.fixture
def ledger(world):
    """Unit A: budget 10,000,000 for 2025; two LĐTT (702,000 each at the 2025 base
    salary), one of them revoked in June, 500,000 paid back. Unit B: one LĐTT."""
    fund_set_budget(unit=world.unit_a, year=2025, budget=10_000_000, actor=None)
    second = PersonFactory(unit=world.unit_a)
    original = issued_decision([ldtt(world, world.unit_a, world.person_a, second)])
    revocation = amendments.revocation_draft(
        original=original,
        actor=None,
        line_ids=[original.lines.order_by("order").first().pk],
        case=RevocationCase.FALSE_DECLARATION,
        reason="Kết luận thanh tra (thử)",
        decision_date=D(2025, 6, 5),
    )
    revocation = decision_issue(
        decision=drafts.decision_update(decision=revocation, actor=None, **SIGNER),
        actor=None,
    )
    fund_recovery_record(
        decision=revocation, amount=500_000, day=D(2025, 6, 20), actor=None
    )
    issued_decision([ldtt(world, world.unit_b, PersonFactory(unit=world.unit_b))])
    return original


def row(table, label):
    return [c.value for c in next(r for r in table.rows if r.label == label).cells]


def test_by_year_adds_up_the_ledger(world, ledger):
    table = funds.by_year(scope_for(world.secretariat), Filters(year=2025))
    # budget, spent, to recover, recovered, balance = budget − spent + recovered
    assert row(table, "2025") == [
        10_000_000,
        3 * 702_000,
        702_000,
        500_000,
        10_000_000 - 3 * 702_000 + 500_000,
    ]


def test_by_level_lists_each_deciding_level(world, ledger):
    table = funds.by_level(
        scope_for(world.secretariat), Filters(year_from=2024, year_to=2025)
    )
    assert row(table, world.unit_a.name) == [0, 2 * 702_000, 2 * 702_000]
    assert row(table, world.unit_b.name) == [0, 702_000, 702_000]
    assert [c.value for c in table.total.cells] == [0, 3 * 702_000, 3 * 702_000]


def test_every_money_cell_opens_the_entries_it_adds_up(world, ledger):
    scope = scope_for(world.secretariat)
    for table in (
        funds.by_year(scope, Filters(year=2025)),
        funds.by_level(scope, Filters(year_from=2024, year_to=2025)),
    ):
        for line in [*table.rows, table.total]:
            for cell in line.cells:
                if not cell.url:
                    continue
                query = dict(p.split("=") for p in cell.url.split("?")[1].split("&"))
                found = drill("fund", scope, parse_filters(query, scope))
                assert sum(e.amount for e in found.rows) == cell.value


def test_an_officer_sees_only_its_own_fund(world, ledger):
    table = funds.by_year(scope_for(world.officer_a), Filters(year=2025))
    assert row(table, "2025")[:2] == [10_000_000, 2 * 702_000]
    other = funds.by_level(scope_for(world.officer_a), Filters(year=2025))
    assert [r.label for r in other.rows] == [world.unit_a.name]


def test_page_and_export(client, world, ledger):
    client.force_login(world.secretariat)
    url = reverse("reports:funds")
    response = client.get(url, {"year_from": 2024, "year_to": 2025})
    assert response.status_code == 200
    assert world.unit_b.name in response.content.decode()
    response = client.get(
        url, {"year_from": 2024, "year_to": 2025, "export": "fund_by_year"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert ["2025", 10_000_000, 2_106_000, 702_000, 500_000, 8_394_000] in rows
    drill_page = client.get(reverse("reports:drill", args=["fund"]), {"year": 2025})
    assert drill_page.status_code == 200
    # one spending entry per decision (A, B), one to recover, one payment back
    assert drill_page.context["total"] == 4
    assert ledger.number in drill_page.content.decode()
