"""Public comment: the window in working days, the public page shows only what must
be public, comments are logged and handled, and the council step waits."""

from __future__ import annotations

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import PublicComment
from awards.services import dossiers as dossier_services
from awards.services import public as services
from awards.views import public as public_views
from orgs.models import PublicHoliday
from tests.factories import PersonFactory
from tests.factories_awards import D, dossier, under_review

pytestmark = pytest.mark.django_db


def hero(world):
    person = PersonFactory(
        unit=world.unit_a, full_name="Phạm Văn Hùng", birth_year=1970
    )
    target = under_review(
        dossier(world.unit_a, "AH_LAO_DONG", people=[person], planned=D(2025, 9, 30))
    )
    row = target.nominations.get()
    row.achievement = "Sáng chế máy gặt lúa"
    row.save(update_fields=["achievement"])
    return target


def accept(target, actor):
    from awards.models import EligibilityResult, Verdict
    from awards.services.eligibility import eligibility_override

    for result in EligibilityResult.objects.filter(
        dossier=target, verdict=Verdict.FAILED
    ):
        eligibility_override(result=result, actor=actor, reason="Đã xác minh")
    return dossier_services.dossier_accept(dossier=target, actor=actor)


def test_window_is_ten_working_days_and_skips_holidays(world):
    PublicHoliday.objects.get_or_create(
        date=D(2025, 10, 15), defaults={"name": "Nghỉ bù (thử)"}
    )
    days, last = services.public_comment_window(D(2025, 10, 6))
    assert days == 10
    # Mon 6/10 counts as day 1; 15/10 is a holiday: 6–10, 13, 14, 16, 17, 20.
    assert last == D(2025, 10, 20)
    assert services.public_comment_window(D(2025, 10, 4))[1] == D(2025, 10, 20)


def test_council_step_waits_for_the_window_to_close(world):
    target = hero(world)
    with time_machine.travel(D(2025, 9, 1)):
        target = accept(target, world.secretariat)
        with pytest.raises(ValidationError, match="phải lấy ý kiến nhân dân"):
            dossier_services.dossier_send_to_council(
                dossier=target, actor=world.secretariat
            )
        consultation = services.public_consultation_open(
            dossier=target,
            actor=world.secretariat,
            summary="Đề nghị phong tặng Anh hùng Lao động",
            opens_on=D(2025, 9, 1),
        )
    with time_machine.travel(consultation.closes_on):
        with pytest.raises(
            ValidationError, match="Đang lấy ý kiến nhân dân đến hết ngày"
        ):
            dossier_services.dossier_send_to_council(
                dossier=target, actor=world.secretariat
            )
        services.public_comment_submit(
            consultation=consultation, author_name="Người dân", body="Xác minh giúp"
        )
    with time_machine.travel(D(2025, 9, 30)):
        with pytest.raises(ValidationError, match="chưa được xử lý"):
            dossier_services.dossier_send_to_council(
                dossier=target, actor=world.secretariat
            )
        comment = consultation.comments.get()
        services.public_comment_handle(
            comment=comment,
            actor=world.secretariat,
            handling="answered",
            note="Đã trả lời bằng văn bản",
        )
        moved = dossier_services.dossier_send_to_council(
            dossier=target, actor=world.secretariat
        )
    assert moved.status == "at_council"


def test_awards_without_public_comment_go_straight_to_the_council(world):
    person = PersonFactory(unit=world.unit_a)
    target = accept(
        under_review(dossier(world.unit_a, "CSTDT", people=[person])), world.secretariat
    )
    assert (
        dossier_services.dossier_send_to_council(
            dossier=target, actor=world.secretariat
        ).status
        == "at_council"
    )


def test_comments_only_while_open_and_within_limits(world):
    target = hero(world)
    consultation = services.public_consultation_open(
        dossier=target, actor=None, summary="x", opens_on=D(2025, 9, 1)
    )
    with pytest.raises(ValidationError, match="không còn mở"):
        services.public_comment_submit(
            consultation=consultation, author_name="A", body="B", on=D(2025, 10, 30)
        )
    with pytest.raises(ValidationError, match="tối đa"):
        services.public_comment_submit(
            consultation=consultation,
            author_name="A",
            body="x" * 2001,
            on=D(2025, 9, 2),
        )
    with pytest.raises(ValidationError, match="họ tên và nội dung"):
        services.public_comment_submit(
            consultation=consultation, author_name=" ", body="B", on=D(2025, 9, 2)
        )


def test_public_page_shows_only_what_must_be_public(client, world):
    target = hero(world)
    consultation = services.public_consultation_open(
        dossier=target, actor=None, summary="Đề nghị phong tặng"
    )
    response = client.get(
        reverse("awards:public-detail", args=[consultation.public_id])
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "Phạm Văn Hùng" in body
        and "Sáng chế máy gặt lúa" in body
        and world.unit_a.name in body
    )
    assert "1970" not in body  # birth year stays private
    assert "csrfmiddlewaretoken" in body
    assert reverse("awards:dossier-detail", args=[target.pk]) not in body


def test_public_form_logs_a_comment_and_rate_limits(client, world, monkeypatch):
    monkeypatch.setattr(public_views, "RATE_LIMIT", 2)
    target = hero(world)
    consultation = services.public_consultation_open(
        dossier=target, actor=None, summary="x"
    )
    url = reverse("awards:public-detail", args=[consultation.public_id])
    data = {"author_name": "Lê Thị Dân", "body": "Đề nghị xác minh thêm."}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 429
    assert PublicComment.objects.count() == 2
    assert client.post(url, {**data, "website": "http://spam"}).status_code == 302
    assert PublicComment.objects.count() == 2


def test_public_form_enforces_csrf(world):
    from django.test import Client

    target = hero(world)
    consultation = services.public_consultation_open(
        dossier=target, actor=None, summary="x"
    )
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("awards:public-detail", args=[consultation.public_id]),
        {"author_name": "A", "body": "B"},
    )
    assert response.status_code == 403
