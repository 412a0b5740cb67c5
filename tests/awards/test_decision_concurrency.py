"""Decisions issued at the same moment never share a number, and one draft issued
twice at once is issued once (PostgreSQL row locks; SQLite serialises writers)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from awards.models import AwardRecord, Decision
from awards.services.decision_issue import decision_issue
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import approved, dossier, draft_decision

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are a PostgreSQL test"
    ),
]
WORKERS = 6


def run_together(calls: list) -> list[str]:
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def worker(call) -> None:
        try:
            barrier.wait()
            call()
            outcomes.append("issued")
        except ValidationError as error:
            outcomes.append(error.code or "error")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_concurrent_decisions_get_distinct_numbers():
    unit = UnitFactory(code="CONC-QD", name="Phường Đồng Thời")
    drafts = [
        draft_decision(
            [approved(dossier(unit, "GIAY_KHEN", people=[PersonFactory(unit=unit)]))]
        )
        for _ in range(WORKERS)
    ]
    outcomes = run_together(
        [lambda d=d: decision_issue(decision=d, actor=None) for d in drafts]
    )
    assert outcomes == ["issued"] * WORKERS
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [f"{n:02d}/QĐ-UBND" for n in range(1, WORKERS + 1)]


def test_one_draft_issued_twice_at_once_is_issued_once():
    unit = UnitFactory(code="CONC-QD2", name="Phường Một Lần")
    draft = draft_decision(
        [approved(dossier(unit, "GIAY_KHEN", people=[PersonFactory(unit=unit)]))]
    )
    outcomes = run_together(
        [lambda: decision_issue(decision=draft, actor=None) for _ in range(4)]
    )
    assert sorted(outcomes) == ["issued"] + ["issued_read_only"] * 3
    assert AwardRecord.objects.count() == 1
    assert Decision.objects.get().number == "01/QĐ-UBND"
