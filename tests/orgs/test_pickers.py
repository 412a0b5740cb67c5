"""Pickers: a province sees 2,551 units and 150,000 people, so a form offers the
units or people matching what was typed (accents ignored), never the whole list,
and never one outside the viewer's scope."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from orgs.scoping import CHANGE_ROLES, scope_for
from orgs.selectors import PICKER_LIMIT, person_choices, unit_choices
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def options(html: str, select_id: str = "id_unit") -> list[str]:
    found = re.search(
        rf'<select name="unit"[^>]*id="{select_id}"[^>]*>(.*?)</select>', html, re.S
    )
    assert found, html
    return re.findall(r"<option[^>]*>([^<]*)</option>", found.group(1))


@pytest.fixture
def many(world):
    return [
        UnitFactory(code=f"T{i:02}", name=f"Trường Mầm non số {i}", parent=world.unit_a)
        for i in range(PICKER_LIMIT + 10)
    ]


def test_the_picker_offers_a_page_of_matches_and_keeps_the_chosen_unit(world, many):
    scope = scope_for(world.secretariat)
    assert len(unit_choices(scope=scope)) == PICKER_LIMIT
    found = unit_choices(scope=scope, query="an binh")
    assert {u.name for u in found} == {
        "Ủy ban nhân dân phường An Bình",
        "Trường Tiểu học An Bình",
    }
    last = many[-1]
    kept = unit_choices(scope=scope, query="an binh", selected=str(last.pk))
    assert kept[0] == last and len(kept) == 3
    assert [u.code for u in unit_choices(scope=scope, query="t07")] == ["T07"]


def test_the_picker_never_offers_a_unit_outside_the_scope(world):
    scope = scope_for(world.officer_a)
    assert unit_choices(scope=scope, query="bao long") == []
    assert unit_choices(scope=scope, selected=world.unit_b.pk) == unit_choices(
        scope=scope
    )


def test_typing_asks_for_new_options(client, world, many):
    url = reverse("orgs:unit-options")
    client.force_login(world.officer_a)
    response = client.get(url, {"field": "unit", "unit_q": "bảo long"})
    assert response.status_code == 200
    assert "Bảo Long" not in response.content.decode()
    assert "Không có kết quả nào khớp" in response.content.decode()

    client.force_login(world.secretariat)
    chosen = many[-1]
    html = client.get(
        url, {"field": "unit", "unit_q": "bao long", "unit": chosen.pk}
    ).content.decode()
    assert "Ủy ban nhân dân phường Bảo Long" in html
    assert f'<option value="{chosen.pk}" selected>{chosen.name}</option>' in html


def test_the_dossier_filter_lists_a_page_of_units_and_filters_by_the_chosen_one(
    client, world, many
):
    client.force_login(world.secretariat)
    url = reverse("awards:dossier-list")
    page = client.get(url).content.decode()
    assert len(options(page)) == PICKER_LIMIT + 1  # the empty choice, then 50
    assert 'hx-get="/units/options/?field=unit"' in page

    chosen = many[-1]
    page = client.get(url, {"unit": chosen.pk}).content.decode()
    assert f'<option value="{chosen.pk}" selected>{chosen.name}</option>' in page

    # Without script, the search is submitted with the form.
    page = client.get(url, {"unit_q": "bảo long"}).content.decode()
    assert options(page)[1:] == [
        "Ủy ban nhân dân phường Bảo Long",
        "Trường Tiểu học Bảo Long",
    ]
    assert 'value="bảo long"' in page


def test_the_person_picker_matches_names_without_accents_within_the_scope(world):
    PersonFactory(full_name="Nguyễn Văn Ánh", unit=world.unit_a1, birth_year=1990)
    found = person_choices(scope=scope_for(world.secretariat), query="nguyen van anh")
    assert [(p.full_name, p.birth_year) for p in found] == [
        ("Nguyễn Văn Ánh", 1980),
        ("Nguyễn Văn Ánh", 1990),
    ]
    assert person_choices(scope=scope_for(world.officer_a), query="tran thi") == []
    leader = scope_for(world.leader)
    assert person_choices(scope=leader, query="tran thi") == [world.person_b]
    assert person_choices(scope=leader, query="tran thi", roles=CHANGE_ROLES) == []
