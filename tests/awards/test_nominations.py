"""Adding nominees in bulk (registry, pasted list, imported file, registrations),
with a fixed number of queries for 500 people."""

from __future__ import annotations

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from awards.forms.dossiers import parse_lines
from awards.models import Nomination
from awards.services import nominations as services
from awards.services import registrations as registration_services
from awards.services.eligibility import eligibility_evaluate
from orgs.models import Person
from orgs.vn import fold
from tests.factories import PersonFactory, UnitFactory
from tests.factories_awards import D, HouseholdFactory, dossier, kind

pytestmark = pytest.mark.django_db


def many_people(unit, count):
    rows = [
        Person(
            full_name=f"Người Thử {unit.code} {i:04d}",
            search_name=fold(f"Người Thử {unit.code} {i:04d}"),
            unit=unit,
            birth_year=1980,
        )
        for i in range(count)
    ]
    return Person.objects.bulk_create(rows)


def split(queries):
    inserts = [q for q in queries if q["sql"].startswith("INSERT")]
    others = [q for q in queries if not q["sql"].startswith("INSERT")]
    return inserts, others


def test_adding_500_people_costs_the_same_queries_as_5(world):
    small_unit, large_unit = (
        UnitFactory(parent=world.unit_a),
        UnitFactory(parent=world.unit_b),
    )
    small_people, large_people = (
        many_people(small_unit, 5),
        many_people(large_unit, 500),
    )
    small, large = dossier(small_unit, "LDTT"), dossier(large_unit, "LDTT")
    with CaptureQueriesContext(connection) as few:
        services.nominations_add(
            dossier=small, actor=None, person_ids=[p.pk for p in small_people]
        )
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as lots:
        services.nominations_add(
            dossier=large, actor=None, person_ids=[p.pk for p in large_people]
        )
    elapsed = time.perf_counter() - started
    assert large.nominations.count() == 500
    few_inserts, few_other = split(few.captured_queries)
    lots_inserts, lots_other = split(lots.captured_queries)
    assert len(lots_other) == len(few_other)
    # Inserts come in batches (SQLite caps parameters per statement; PostgreSQL uses one).
    assert len(lots_inserts) - len(few_inserts) <= 500 * 20 // 999 + 1
    assert elapsed < 5


def test_evaluating_500_nominees_costs_the_same_queries_as_5(world):
    small_unit, large_unit = (
        UnitFactory(parent=world.unit_a),
        UnitFactory(parent=world.unit_b),
    )
    small, large = dossier(small_unit, "LDTT"), dossier(large_unit, "LDTT")
    services.nominations_add(
        dossier=small, actor=None, person_ids=[p.pk for p in many_people(small_unit, 5)]
    )
    services.nominations_add(
        dossier=large,
        actor=None,
        person_ids=[p.pk for p in many_people(large_unit, 500)],
    )
    with CaptureQueriesContext(connection) as few:
        eligibility_evaluate(dossier=small)
    with CaptureQueriesContext(connection) as lots:
        eligibility_evaluate(dossier=large)
    assert len(split(lots.captured_queries)[1]) == len(split(few.captured_queries)[1])
    assert large.eligibility_results.count() == 500 * 2


def test_people_outside_the_unit_and_people_already_listed_are_skipped(world):
    target = dossier(world.unit_a, "LDTT")
    first = services.nominations_add(
        dossier=target, actor=None, person_ids=[world.person_a.pk, world.person_b.pk]
    )
    again = services.nominations_add(
        dossier=target, actor=None, person_ids=[world.person_a.pk]
    )
    assert (first, again) == (1, 0)
    row = target.nominations.get()
    assert (row.display_name, row.unit_name, row.birth_year) == (
        "Nguyễn Văn Ánh",
        world.unit_a.name,
        1980,
    )


def test_subjects_must_match_the_award_kind(world):
    target = dossier(world.unit_a, "LDTT")
    with pytest.raises(ValidationError, match="không tặng cho tập thể"):
        services.nominations_add(
            dossier=target, actor=None, collective_ids=[world.unit_a1.pk]
        )
    giay_khen = dossier(world.unit_a, "GIAY_KHEN")
    household = HouseholdFactory(unit=world.unit_a)
    added = services.nominations_add(
        dossier=giay_khen,
        actor=None,
        person_ids=[world.person_a.pk],
        collective_ids=[world.unit_a1.pk],
        household_ids=[household.pk],
    )
    assert added == 3


def test_pasted_list_adds_all_or_nothing(world):
    PersonFactory(full_name="Trần Văn Bình", unit=world.unit_a, birth_year=1975)
    PersonFactory(full_name="Lê Thị Cúc", unit=world.unit_a1, birth_year=1990)
    PersonFactory(full_name="Lê Thị Cúc", unit=world.unit_a, birth_year=1991)
    target = dossier(world.unit_a, "LDTT")
    rows = parse_lines(
        "tran van binh\nLê Thị Cúc; 1990\nNgười Không Có\nLê Thị Cúc\nTrần Văn Bình"
    )
    with pytest.raises(ValidationError) as error:
        services.nominations_add_from_list(dossier=target, actor=None, rows=rows)
    text = " ".join(error.value.messages)
    assert "Dòng 3: không tìm thấy “Người Không Có”" in text
    assert "Dòng 4: có 2 người tên “Lê Thị Cúc”" in text
    assert "Dòng 5: trùng với dòng 1" in text
    assert not target.nominations.exists()
    added = services.nominations_add_from_list(
        dossier=target, actor=None, rows=parse_lines("tran van binh\nLê Thị Cúc\t1990")
    )
    assert added == 2


def test_paste_and_import_views(client, world):
    PersonFactory(full_name="Trần Văn Bình", unit=world.unit_a, birth_year=1975)
    target = dossier(world.unit_a, "LDTT")
    client.force_login(world.officer_a)
    client.post(
        reverse("awards:dossier-nominees-paste", args=[target.pk]),
        {"people": "Trần Văn Bình; 1975"},
    )
    assert target.nominations.count() == 1
    book = Workbook()
    book.active.append(["Họ và tên", "Năm sinh", "Mã đơn vị"])
    book.active.append(["Nguyễn Văn Ánh", 1980, "A"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("ds.xlsx", buffer.getvalue())
    response = client.post(
        reverse("awards:dossier-nominees-import", args=[target.pk]),
        {"file": upload},
        follow=True,
    )
    assert target.nominations.count() == 2, response.content.decode()[:500]


def test_registrations_prefill_year_end_nominations(world):
    registration = registration_services.registration_create(
        actor=None, unit=world.unit_a, year=2024, registered_on=D(2024, 1, 15)
    )
    registration_services.registration_entries_add(
        registration=registration,
        actor=None,
        award_kind=kind("LDTT"),
        person_ids=[world.person_a.pk],
    )
    registration_services.registration_entries_add(
        registration=registration,
        actor=None,
        award_kind=kind("CSTDCS"),
        person_ids=[world.person_a.pk],
    )
    target = dossier(world.unit_a, "LDTT", year=2024)
    assert services.nominations_from_registrations(dossier=target, actor=None) == 1
    assert target.nominations.get().person == world.person_a
    assert dossier(world.unit_a, "LDTT", year=2025).nominations.count() == 0


def test_htmx_add_returns_the_workspace_partial(client, world):
    target = dossier(world.unit_a, "LDTT")
    client.force_login(world.officer_a)
    response = client.post(
        reverse("awards:dossier-nominees", args=[target.pk]),
        {"person": [world.person_a.pk]},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert (
        "<html" not in body and "Nguyễn Văn Ánh" in body and "current-nominees" in body
    )
    assert Nomination.objects.filter(dossier=target).count() == 1


def test_a_nominee_cannot_be_changed_by_two_people_at_once(world):
    target = dossier(world.unit_a, "LDTT", people=[world.person_a])
    row = target.nominations.get()
    services.nomination_update(
        nomination=row, actor=None, version=row.version, achievement="A", position=""
    )
    with pytest.raises(ValidationError, match="người khác"):
        services.nomination_update(
            nomination=row,
            actor=None,
            version=row.version,
            achievement="B",
            position="",
        )
