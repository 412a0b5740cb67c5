"""Initiatives (assessment feeds eligibility), movements (the five steps of Điều 17,
visible to the units below) and registrations."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import Initiative, Movement
from awards.services import initiatives as initiative_services
from awards.services import movements as movement_services
from awards.services import registrations as registration_services
from awards.services.eligibility import eligibility_evaluate
from tests.factories_awards import D, dossier, kind, results

pytestmark = pytest.mark.django_db


def new_initiative(world, **extra):
    return initiative_services.initiative_create(
        actor=world.officer_a,
        unit=world.unit_a,
        authors=[world.person_a.pk],
        title="Một cửa điện tử",
        field="administration",
        description="Tiếp nhận hồ sơ trực tuyến",
        effect_evidence="Giảm 40% thời gian",
        **extra,
    )


def test_recognition_needs_scope_number_and_date(world):
    item = new_initiative(world)
    with pytest.raises(ValidationError, match="phạm vi ảnh hưởng, số và ngày"):
        initiative_services.initiative_assess(
            initiative=item,
            actor=world.secretariat,
            recognised=True,
            assessment="Đạt",
            assessed_by="HĐ",
        )
    done = initiative_services.initiative_assess(
        initiative=item,
        actor=world.secretariat,
        recognised=True,
        assessment="Đạt",
        assessed_by="Hội đồng Sáng kiến phường",
        recognised_scope=20,
        recognition_number="12/QĐ-SK",
        recognition_date=D(2024, 11, 1),
    )
    assert done.status == Initiative.Status.RECOGNISED and done.recognised_year == 2024
    with pytest.raises(ValidationError, match="đã được công nhận"):
        initiative_services.initiative_update(
            initiative=done, actor=None, version=done.version, title="Khác"
        )


def test_a_recognised_initiative_feeds_eligibility(world):
    results(world.person_a, y2024="HTTNV")
    target = dossier(world.unit_a, "CSTDCS", people=[world.person_a])
    eligibility_evaluate(dossier=target)
    assert (
        target.eligibility_results.get(rule__code="cstdcs-htxs-hoac-sang-kien").verdict
        == "failed"
    )
    item = new_initiative(world)
    eligibility_evaluate(dossier=target)
    assert (
        target.eligibility_results.get(rule__code="cstdcs-htxs-hoac-sang-kien").verdict
        == "unknown"
    )
    initiative_services.initiative_assess(
        initiative=item,
        actor=None,
        recognised=True,
        assessment="Đạt",
        assessed_by="HĐ",
        recognised_scope=10,
        recognition_number="1/QĐ",
        recognition_date=D(2024, 12, 1),
    )
    eligibility_evaluate(dossier=target)
    assert (
        target.eligibility_results.get(rule__code="cstdcs-htxs-hoac-sang-kien").verdict
        == "passed"
    )


def test_initiative_council_link(world):
    from councils.services.councils import council_create

    council = council_create(
        actor=None,
        code="A-HDSK",
        name="Hội đồng Sáng kiến phường An Bình",
        owner_unit=world.unit_a,
        symbol="HĐSK",
        kind="initiative",
    )
    item = new_initiative(world)
    done = initiative_services.initiative_assess(
        initiative=item,
        actor=None,
        recognised=False,
        assessment="Chưa có tính mới",
        assessed_by="",
        council=council,
    )
    assert done.council == council and done.assessed_by == council.name


def test_movement_walks_the_five_steps_and_can_repeat_checks(world):
    movement = movement_services.movement_create(
        actor=None,
        launched_by=world.province,
        name="Thi đua cải cách hành chính",
        kind="thematic",
        starts_on=D(2025, 1, 1),
        target_units=[world.unit_a.pk],
        pilot_units=[world.unit_a1.pk],
    )
    for step in (
        "launch",
        "check",
        "spread",
        "review",
        "check",
        "spread",
        "review",
        "closed",
    ):
        movement = movement_services.movement_advance(
            movement=movement, actor=None, step=step, done_on=D(2025, 6, 1)
        )
    assert movement.step == Movement.Step.CLOSED
    assert movement.step_records.count() == 9
    with pytest.raises(ValidationError, match="Không thể chuyển phong trào"):
        movement_services.movement_advance(
            movement=movement, actor=None, step="launch", done_on=D(2025, 7, 1)
        )


def test_units_below_see_the_movement_and_may_nominate_under_it(client, world):
    movement = movement_services.movement_create(
        actor=None,
        launched_by=world.province,
        name="Phong trào chung",
        kind="campaign",
        starts_on=D(2025, 1, 1),
    )
    client.force_login(world.officer_a)
    assert (
        client.get(reverse("awards:movement-detail", args=[movement.pk])).status_code
        == 200
    )
    assert (
        "Phong trào chung"
        in client.get(reverse("awards:movement-list")).content.decode()
    )
    target = dossier(
        world.unit_a, "GIAY_KHEN", award_type="movement", movement=movement
    )
    assert target.movement == movement
    with pytest.raises(ValidationError, match="phải gắn với một phong trào"):
        dossier(world.unit_a, "GIAY_KHEN", award_type="movement")


def test_movement_units_must_be_inside_the_launching_unit(world):
    with pytest.raises(ValidationError, match="phải thuộc đơn vị phát động"):
        movement_services.movement_create(
            actor=None,
            launched_by=world.unit_a,
            name="X",
            kind="thematic",
            starts_on=D(2025, 1, 1),
            target_units=[world.unit_b.pk],
        )


def test_registration_is_unique_per_unit_and_year_and_locks_when_sent(world):
    registration = registration_services.registration_create(
        actor=None, unit=world.unit_a, year=2025, registered_on=D(2025, 1, 5)
    )
    with pytest.raises(ValidationError, match="đã có bản đăng ký"):
        registration_services.registration_create(
            actor=None, unit=world.unit_a, year=2025, registered_on=D(2025, 1, 6)
        )
    with pytest.raises(ValidationError, match="chưa có nội dung"):
        registration_services.registration_submit(registration=registration, actor=None)
    added = registration_services.registration_entries_add(
        registration=registration,
        actor=None,
        award_kind=kind("LDTT"),
        person_ids=[world.person_a.pk, world.person_b.pk],
    )
    assert added == 1  # person B is not in unit A
    registration_services.registration_submit(registration=registration, actor=None)
    with pytest.raises(ValidationError, match="đã gửi"):
        registration_services.registration_entries_add(
            registration=registration,
            actor=None,
            award_kind=kind("CSTDCS"),
            person_ids=[world.person_a.pk],
        )
