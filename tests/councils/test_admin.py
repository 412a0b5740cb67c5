"""The admin of the councils: scoped lists for the secretariat, writes through services."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from councils import services
from councils.models import Council, CouncilMember
from orgs.models import AuditEntry
from tests.factories_councils import at, mark, seated_council

pytestmark = pytest.mark.django_db
D = datetime.date
MODELS = [
    "council",
    "composition",
    "councilmember",
    "meeting",
    "attendance",
    "agendaitem",
    "vote",
    "conclusion",
    "task",
    "consultation",
    "consultationanswer",
]


@pytest.fixture
def filled(world):
    council, _composition, _members = seated_council(world.unit_a, size=3)
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=3)
    item = services.agenda_item_create(meeting=meeting, actor=None, title="Kế hoạch")
    services.vote_record(
        agenda_item=item,
        actor=None,
        question="Thông qua",
        method="show_of_hands",
        votes_for=3,
    )
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Thống nhất"
    )
    services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Việc",
        assignee_unit=world.unit_a,
    )
    seated_council(world.unit_b, size=2)
    return council


@pytest.mark.parametrize("model", MODELS)
def test_changelists_open_for_the_secretariat(client, world, filled, model):
    client.force_login(world.secretariat)
    response = client.get(reverse(f"admin:councils_{model}_changelist"))
    assert response.status_code == 200


def test_changelists_stay_in_scope(client, world, filled):
    from orgs import services as org_services
    from orgs.models import Role

    org_services.role_grant(
        user=world.officer_a, unit=world.unit_a, role=Role.SECRETARIAT, actor=None
    )
    world.officer_a.is_staff = True
    world.officer_a.save()
    client.force_login(world.officer_a)
    response = client.get(reverse("admin:councils_council_changelist"))
    assert [c.owner_unit for c in response.context["cl"].result_list] == [world.unit_a]


def test_admin_adds_a_council_with_its_issuer(client, world):
    client.force_login(world.secretariat)
    response = client.post(
        reverse("admin:councils_council_add"),
        {
            "code": "HD-NEW",
            "name": "Hội đồng Sáng kiến phường An Bình",
            "kind": "initiative",
            "owner_unit": world.unit_a.pk,
            "meeting_interval_months": 3,
            "symbol": "HĐSK",
            "compositions-TOTAL_FORMS": 0,
            "compositions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    council = Council.objects.get(code="HD-NEW")
    assert council.issuer.symbol == "HĐSK"
    assert AuditEntry.objects.filter(action="councils.council.created").exists()


def test_admin_member_inline_goes_through_the_service(client, world, filled):
    composition = filled.compositions.get()
    chair = composition.members.get(role="chair")
    client.force_login(world.secretariat)
    url = reverse("admin:councils_composition_change", args=[composition.pk])
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(council=filled.pk, decision_date="2020-12-17", valid_from="2020-12-17")
    data.update(
        {
            "members-TOTAL_FORMS": 1,
            "members-INITIAL_FORMS": 1,
            "members-0-id": chair.pk,
            "members-0-composition": composition.pk,
            "members-0-order": 1,
            "members-0-person": chair.person_id,
            "members-0-role": "chair",
            "members-0-position_title": "Chủ tịch UBND phường",
            "members-0-is_voting": "on",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms],
    )
    assert (
        CouncilMember.objects.get(pk=chair.pk).position_title == "Chủ tịch UBND phường"
    )
    assert AuditEntry.objects.filter(action="councils.member.changed").exists()
