"""Recording an award by hand: a province's secretariat sees 150,000 people, so
the form offers the people matching what was typed, not a list of all of them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from awards.models import AwardKind, AwardRecord
from orgs.selectors import PICKER_LIMIT
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_record_form_offers_a_page_of_people_and_saves_the_chosen_one(
    client, world
):
    for i in range(PICKER_LIMIT + 5):
        PersonFactory(full_name=f"Lê Văn Bình {i}", unit=world.unit_a)
    client.force_login(world.secretariat)
    url = reverse("awards:record-create")
    page = client.get(url).content.decode()
    people = re.search(r'<select name="person"[^>]*>(.*?)</select>', page, re.S)
    assert len(re.findall(r"<option", people.group(1))) == PICKER_LIMIT + 1
    assert 'hx-get="/people/options/?field=person&amp;roles=change"' in page

    html = client.get(
        reverse("orgs:person-options"),
        {"field": "person", "person_q": "tran thi bich", "roles": "change"},
    ).content.decode()
    assert f'<option value="{world.person_b.pk}">Trần Thị Bích (1985, ' in html

    response = client.post(
        url,
        {
            "subject": "individual",
            "person": world.person_b.pk,
            "award_kind": AwardKind.objects.get(code="GIAY_KHEN").pk,
            "year": 2020,
            "award_type": "regular",
            "decision_number": "12/QĐ-UBND",
            "decision_date": "2021-01-15",
            "issuer": "Chủ tịch UBND phường Bảo Long",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert (
        AwardRecord.objects.get(decision_number="12/QĐ-UBND").person == world.person_b
    )
