"""The award history pages cost a fixed number of queries: the eligibility facts
("what they may be proposed for next") are read once for every candidate kind,
whatever the number of kinds, records, results and members (benchmarks, issue 8)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import AwardKind, EligibilityRule
from tests.factories import PersonFactory
from tests.factories_awards import kind, record, results

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


def _more_kinds(codes: list[str], suffix: str) -> None:
    """Copies of ``codes`` with copies of their own rules: more candidate kinds."""
    for code in codes:
        original = kind(code)
        rules = list(EligibilityRule.objects.filter(award_kind=original))
        copy = AwardKind.objects.get(pk=original.pk)
        copy.pk = None
        copy.code = f"{code}_{suffix}"
        copy.name = f"{original.name} ({suffix})"
        copy.save()
        for rule in rules:
            rule.pk = None
            rule.code = f"{rule.code}-{suffix}"
            rule.award_kind = copy
            rule.save()


@pytest.mark.parametrize("page", ["history-person", "history-unit"])
def test_history_pages_run_the_same_queries_for_2_and_20_records(
    client, world, django_assert_num_queries, page
):
    unit = world.unit_a
    person = PersonFactory(unit=unit)
    subject = person if page == "history-person" else unit
    code = "LDTT" if page == "history-person" else "TTLDTT"
    url = reverse(f"awards:{page}", args=[subject.pk])

    def add(count: int, start: int) -> None:
        for index in range(start, start + count):
            year = 2000 + index
            results(subject, **{f"y{year}": "HTXS"})
            record(subject, code, year)
            member = PersonFactory(unit=unit)
            results(member, y2025="HTXS", y2026="HTXS")
            record(member, "LDTT", 2025)

    client.force_login(world.secretariat)
    add(2, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    assert len(few.captured_queries) <= MAX_QUERIES
    add(18, 2)
    _more_kinds(["CSTDCS", "TTLDXS", "BK_TTG"], "BIS")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["record_count"] == 20
    codes = {p.award_kind.code for p in response.context["prospects"]}
    assert codes & {"CSTDCS_BIS", "TTLDXS_BIS", "BK_TTG_BIS"}
