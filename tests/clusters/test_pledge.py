"""The pledge: editable numbered commitments, one signature block per member, PDF."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from clusters.models import Pledge
from clusters.services import pledges
from tests.factories import UnitFactory
from tests.factories_clusters import make_cluster
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(world):
    units = [world.unit_a, world.unit_b] + [
        UnitFactory(
            code=f"W{i}", name=f"Ủy ban nhân dân phường Số {i}", parent=world.province
        )
        for i in range(1, 5)
    ]
    built = make_cluster(world, members=units)
    return pledges.pledge_create(cluster_year=built.year, actor=world.officer_a)


def test_a_new_pledge_has_the_usual_commitments_and_a_block_per_member(pledge):
    assert pledge.commitments.count() == 5
    assert pledge.signatories.count() == 6
    head = pledge.signatories.get(unit__code="A")
    assert (head.prefix, head.title, head.role_note) == (
        "TM.",
        "CHỦ TỊCH",
        "Cụm trưởng",
    )
    assert "Luật Thi đua, khen thưởng" in pledge.grounds


def test_commitments_are_an_editable_numbered_list(world, pledge):
    first, second = list(pledge.commitments.all())[:2]
    pledges.commitment_move(commitment=second, actor=world.officer_a, up=True)
    assert list(pledge.commitments.values_list("pk", flat=True))[:2] == [
        second.pk,
        first.pk,
    ]
    pledges.commitment_delete(commitment=first, actor=world.officer_a)
    assert list(pledge.commitments.values_list("order", flat=True)) == [1, 2, 3, 4]
    added = pledges.commitment_add(
        pledge=pledge, actor=world.officer_a, text="Chuyển đổi số"
    )
    assert added.order == 5
    with pytest.raises(PermissionDenied):
        pledges.commitment_add(pledge=pledge, actor=world.officer_b, text="x")


def test_signing_is_recorded_per_unit_and_completes_the_pledge(world, pledge):
    with pytest.raises(ValidationError, match="ngày ký kết"):
        pledges.pledge_open_for_signing(pledge=pledge, actor=world.officer_a)
    pledges.pledge_update(
        pledge=pledge, actor=world.officer_a, signing_date=datetime.date(2024, 2, 21)
    )
    pledges.pledge_open_for_signing(pledge=pledge, actor=world.officer_a)
    with pytest.raises(ValidationError, match="không sửa nội dung"):
        pledges.commitment_add(pledge=pledge, actor=world.officer_a, text="muộn")
    own_b = pledge.signatories.get(unit=world.unit_b)
    with pytest.raises(PermissionDenied):
        pledges.pledge_sign(
            signatory=pledge.signatories.get(unit=world.unit_a), actor=world.officer_b
        )
    pledges.pledge_sign(signatory=own_b, actor=world.officer_b)
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.SIGNING
    for signatory in pledge.signatories.filter(signed_at__isnull=True):
        pledges.pledge_sign(signatory=signatory, actor=world.officer_a)
    pledge.refresh_from_db()
    assert (
        pledge.status == Pledge.Status.SIGNED
        and pledge.snapshot["doc"]["signed_count"] == 6
    )


def test_the_pledge_pdf_has_every_signature_block(client, world, pledge):
    pledges.pledge_update(
        pledge=pledge, actor=None, signing_date=datetime.date(2024, 2, 21)
    )
    for signatory in pledge.signatories.all():
        pledges.signatory_update(
            signatory=signatory,
            actor=None,
            prefix=signatory.prefix,
            authority=signatory.authority,
            title=signatory.title,
            name=f"Người Ký {signatory.unit.code}",
        )
    client.force_login(world.officer_b)
    response = client.get(reverse("clusters:pledge-pdf", args=[pledge.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "BẢN GIAO ƯỚC THI ĐUA NĂM 2024" in text
    assert "ngày 21 tháng 02 năm 2024" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "CỤM THI ĐUA SỐ 1" in text
    for code in ("A", "B", "W1", "W2", "W3", "W4"):
        assert f"Người Ký {code}" in text
    assert text.count("CHỦ TỊCH") == 6
    assert "(Cụm trưởng)" in text and "(Cụm phó thứ nhất)" in text
    assert "1. Thi đua hoàn thành" in text and "Tổ chức thực hiện" in text
