"""The public verification page: anyone may check a certificate by its code, and
learns what the certificate itself shows and whether the award still stands —
nothing more."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from awards.models import Certificate, RevocationCase
from awards.models.certificates import CODE_ALPHABET, normalise_code
from awards.services import decision_amendments as amendments
from awards.services.certificates import unique_codes
from awards.services.decision_issue import decision_issue
from tests.factories import PersonFactory
from tests.factories_awards import D, approved, dossier, issued_decision, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(world):
    person = PersonFactory(
        unit=world.unit_a,
        full_name="Phạm Thị Kiểm",
        birth_year=1977,
        position="Kế toán",
        email="kiem@example.vn",
    )
    record(person, "CSTDCS", 2021, decision_number="77/QĐ-CU")  # another award of hers
    target = approved(dossier(world.unit_a, "GIAY_KHEN", people=[person]))
    decision = issued_decision([target])
    return Certificate.objects.get(decision=decision)


def page(code: str) -> str:
    response = Client().get(reverse("awards:certificate-verify", args=[code]))
    return response.content.decode()


def test_anyone_confirms_a_certificate_by_its_code(certificate):
    text = page(certificate.code)
    assert "Giấy chứng nhận hợp lệ" in text
    for shown in (
        "Phạm Thị Kiểm",
        "Kế toán, Ủy ban nhân dân phường An Bình",
        "GIẤY KHEN",
        "Quyết định số 01/QĐ-UBND ngày 20/01/2025",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH",
    ):
        assert shown in text, shown


def test_the_page_reveals_nothing_the_certificate_does_not_show(certificate):
    text = page(certificate.code)
    line = certificate.line
    for hidden in (
        "1977",  # birth year
        "kiem@example.vn",
        "77/QĐ-CU",  # her other awards
        "Chiến sĩ thi đua",
        "702.000",  # the money
        line.nomination.dossier.reference,
        "Hồ sơ",
        f"/orgs/people/{line.person_id}/",
        f"/awards/decisions/{certificate.decision_id}/",
    ):
        assert hidden not in text, hidden


def test_a_revoked_award_says_so_without_the_reason(world, certificate):
    revocation = amendments.revocation_draft(
        original=certificate.decision,
        actor=None,
        line_ids=[certificate.line_id],
        case=RevocationCase.FORGED,
        reason="Giả mạo xác nhận của cơ quan thuế",
        decision_date=D(2025, 6, 5),
    )
    revocation = decision_issue(decision=revocation, actor=None)
    text = page(certificate.code)
    assert "ĐÃ BỊ HỦY BỎ, THU HỒI" in text
    for hidden in ("Giả mạo", "thuế", revocation.number):
        assert hidden not in text, hidden


def test_a_code_may_be_typed_loosely(certificate):
    typed = f"{certificate.code[:5].lower()}-{certificate.code[5:].lower()} "
    response = Client().get(reverse("awards:certificate-check"), {"code": typed})
    assert response.status_code == 302
    assert Client().get(response["Location"]).status_code == 200
    assert normalise_code("o1l-iu") == "0111V"


def test_an_unknown_code_finds_nothing(certificate):
    response = Client().get(reverse("awards:certificate-verify", args=["ZZZZZZZZZZ"]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_codes_are_random_and_unique():
    codes = unique_codes(500)
    assert len(set(codes)) == 500
    assert all(len(code) == 10 and set(code) <= set(CODE_ALPHABET) for code in codes)
