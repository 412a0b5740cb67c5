"""Search across people, units and award records without accents or case, scoped to
what the viewer may see; on PostgreSQL through trigram indexes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from awards.models import AwardRecord
from awards.selectors.search import records_matching, search
from orgs.scoping import scope_for
from tests.factories import PersonFactory
from tests.factories_awards import approved, dossier, issued_decision, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(world):
    an = PersonFactory(full_name="Nguyễn Văn An", unit=world.unit_a)
    dang = PersonFactory(full_name="Đặng Thị Đào", unit=world.unit_a1)
    record(an, "LDTT", 2023, decision_number="12/QĐ-UBND")
    other = PersonFactory(full_name="Nguyễn Văn An", unit=world.unit_b)
    return an, dang, other


def test_without_accents_or_case(world, people):
    an, dang, _other = people
    found = search(scope=scope_for(world.officer_a), query="nguyen van an")
    assert an in found.people
    assert [r.person for r in found.records] == [an]
    assert dang in search(scope=scope_for(world.officer_a), query="DANG THI dao").people
    units = search(scope=scope_for(world.officer_a), query="an binh").units
    assert world.unit_a in units and world.unit_a1 in units


def test_with_accents_finds_the_same(world, people):
    an, _dang, _other = people
    assert an in search(scope=scope_for(world.officer_a), query="Nguyễn Văn An").people


def test_records_are_found_by_decision_number(world, people):
    an, _dang, _other = people
    found = search(scope=scope_for(world.officer_a), query="12/qđ-ubnd")
    assert [r.person for r in found.records] == [an]


def test_search_stays_inside_the_scope(world, people):
    _an, _dang, other = people
    found = search(scope=scope_for(world.officer_a), query="nguyen van an")
    assert other not in found.people
    assert (
        other
        in search(scope=scope_for(world.secretariat), query="nguyen van an").people
    )
    assert search(scope=scope_for(world.outsider), query="nguyen").is_empty


def test_records_of_an_issued_decision_are_searchable_at_once(world):
    target = approved(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))
    decision = issued_decision([target])
    found = search(scope=scope_for(world.secretariat), query="nguyen van anh")
    assert [r.decision for r in found.records] == [decision]


def test_the_page_answers_htmx_with_the_results_only(world, people, client):
    client.force_login(world.officer_a)
    response = client.get(
        reverse("awards:search"), {"q": "nguyen van an"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Nguyễn Văn An" in body and "<html" not in body
    assert (
        "Hãy gõ ít nhất"
        in client.get(reverse("awards:search"), {"q": "n"}).content.decode()
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL only"
)
def test_postgresql_uses_the_trigram_index(world, people):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'awards_awardrecord'"
        )
        assert "awards_record_search_trgm" in {row[0] for row in cursor.fetchall()}
        # On a tiny table any plan is cheap: rule out the scans that read a whole
        # table or btree (e.g. the list-order index) so the planner shows whether the
        # trigram index can serve "contains".
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        sql, params = (
            AwardRecord.objects.filter(search_name__contains="nguyen van an")
            .values("pk")
            .query.sql_with_params()
        )
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "awards_record_search_trgm" in plan
    assert records_matching(scope_for(world.officer_a), "nguyen van an").exists()
