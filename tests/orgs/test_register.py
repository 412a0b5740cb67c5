import datetime

import pytest
from django.core.exceptions import ValidationError

from orgs import services
from orgs.models import AuditEntry, DocumentIssuer, DocumentType, IssuedDocument

pytestmark = pytest.mark.django_db
D = datetime.date


DAY = D(2022, 3, 9)


def allocate(issuer, code="quyet-dinh", day=DAY, drafting=""):
    return services.document_number_allocate(
        issuer=issuer,
        doc_type=DocumentType.objects.get(code=code),
        issued_on=day,
        summary="Thử",
        actor=None,
        drafting_code=drafting,
    )


@pytest.fixture
def issuer(world):
    return DocumentIssuer.objects.get(unit=world.province)


def test_numbers_follow_each_other_per_issuer_year_and_type(issuer, world):
    assert [allocate(issuer).full_number for _ in range(3)] == [
        "01/QĐ-UBND",
        "02/QĐ-UBND",
        "03/QĐ-UBND",
    ]
    assert allocate(issuer, code="bien-ban").full_number == "01/BB-UBND"
    assert allocate(issuer, day=D(2023, 1, 2)).full_number == "01/QĐ-UBND"
    other = DocumentIssuer.objects.get(unit=world.unit_a)
    assert allocate(other).number == 1


def test_official_letter_symbol_has_no_type_and_may_name_the_drafter(issuer):
    assert allocate(issuer, code="cong-van", drafting="NV").full_number == "01/UBND-NV"


def test_a_numbered_document_cannot_be_deleted(issuer):
    document = allocate(issuer)
    with pytest.raises(ValidationError):
        document.delete()
    assert IssuedDocument.objects.filter(pk=document.pk).exists()


def test_allocation_is_audited(issuer):
    document = allocate(issuer)
    entry = AuditEntry.objects.get(
        action="orgs.document.numbered", object_id=document.pk
    )
    assert entry.data["number"] == "01/QĐ-UBND"
