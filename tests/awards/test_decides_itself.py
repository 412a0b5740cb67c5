"""Who decides, in SQL and in Python: the pending-decisions page and the dashboard
count filter in the database (``decides_itself_q``); drafting checks each dossier
(``decides_itself``). Both must give the same answer for every unit and date."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.urls import reverse

from awards.models import AwardAuthority, Dossier
from awards.selectors.dashboard import dashboard_counts
from awards.selectors.decisions import decidable_dossiers, decides_itself_q
from awards.services.catalogue import holds, holds_q
from awards.services.decision_drafts import decides_itself
from orgs.models import Unit
from orgs.scoping import scope_for
from tests.factories import UnitFactory
from tests.factories_awards import D, approved, dossier

pytestmark = pytest.mark.django_db

KIND_CODES = ["LDTT", "GIAY_KHEN", "CSTDCS", "BK_TTG", "TTLDTT"]
DAYS = [D(2025, 6, 30), D(2025, 7, 1), D(2026, 1, 20)]


def test_holds_q_matches_holds_for_every_unit_kind(world):
    units = [
        UnitFactory(
            code=f"K-{kind}-{legal}",
            kind=kind,
            has_legal_personality=legal,
            parent=world.province,
        )
        for kind in Unit.Kind.values
        for legal in (True, False)
    ]
    ids = [unit.pk for unit in units]
    held_somewhere = 0
    for authority in AwardAuthority.Authority.values:
        expected = {unit.pk for unit in units if holds(authority, unit)}
        condition = holds_q(authority, F)
        found = (
            set()
            if condition is None
            else set(
                Unit.objects.filter(pk__in=ids)
                .filter(condition)
                .values_list("pk", flat=True)
            )
        )
        assert found == expected, authority
        held_somewhere += bool(expected)
    assert held_somewhere == 5  # unit head, enterprise, commune, district, province


def test_sql_and_python_agree_on_every_receiver_and_day(world):
    district = UnitFactory(code="QH", kind="district", parent=world.province)
    receivers = [world.province, world.unit_a, world.unit_a1, district]
    dossiers = [dossier(world.unit_a, code) for code in KIND_CODES]
    some_decide = some_do_not = False
    for receiver in receivers:
        for day in DAYS:
            for decided_on in (None, D(2025, 5, 2)):
                Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).update(
                    receiving_unit=receiver,
                    planned_decision_on=day,
                    decision_date=decided_on,
                )
                rows = Dossier.objects.filter(pk__in=[d.pk for d in dossiers])
                in_sql = set(
                    rows.filter(decides_itself_q()).values_list("pk", flat=True)
                )
                in_python = {
                    row.pk
                    for row in rows.select_related("award_kind", "receiving_unit")
                    if decides_itself(row)
                }
                assert in_sql == in_python, (receiver.code, day, decided_on)
                some_decide |= bool(in_sql)
                some_do_not |= len(in_sql) < len(dossiers)
    assert some_decide and some_do_not


def test_pending_page_and_dashboard_count_only_what_the_unit_decides(world, client):
    own = approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    above = approved(dossier(world.unit_a, "BK_TTG", people=[world.person_a]))
    assert own.receiving_unit == world.unit_a
    assert above.receiving_unit == world.province  # proposes upward, decides nothing
    scope = scope_for(world.secretariat)
    assert decidable_dossiers(scope=scope) == [own]
    counts = dashboard_counts(scope, drafts=True, proposals=False, waiting=True)
    assert counts == {"drafts": 0, "proposals": 0, "waiting": 1}

    client.force_login(world.secretariat)
    page = client.get(reverse("awards:decision-pending")).content.decode()
    assert own.reference in page and above.reference not in page
