import datetime

import pytest

from orgs import services
from orgs.models import DocumentIssuer, DocumentType
from orgs.pdf import _static_path, render_pdf
from orgs.printing import document_render_context, sample_decision_context
from tests.pdf_text import lines_with_height, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def issuer(world):
    issuer = DocumentIssuer.objects.get(unit=world.unit_a)
    issuer.header_parent = "UBND QUẬN HAI BÀ TRƯNG"
    issuer.header_name = "PHÒNG NỘI VỤ"
    issuer.place_name = "Hà Nội"
    issuer.save()
    return issuer


def test_issued_sample_prints_header_number_and_date(issuer):
    document = services.sample_document_issue(
        issuer=issuer, actor=None, issued_on=datetime.date(2022, 3, 9)
    )
    template, context = document_render_context(document)
    text = pdf_text(render_pdf(template, context))
    assert "UBND QUẬN HAI BÀ TRƯNG" in text
    assert "PHÒNG NỘI VỤ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 01/QĐ-UBND" in text
    assert "Hà Nội, ngày 09 tháng 3 năm 2022" in text
    assert "QUYẾT ĐỊNH" in text


def test_grounds_are_those_in_force_on_the_date(issuer):
    doc_type = DocumentType.objects.get(code="quyet-dinh")
    old = sample_decision_context(
        issuer=issuer, doc_type=doc_type, on=datetime.date(2022, 3, 9)
    )
    new = sample_decision_context(
        issuer=issuer, doc_type=doc_type, on=datetime.date(2025, 8, 1)
    )
    assert any("ngày 26 tháng 11 năm 2003" in line for line in old["doc"]["grounds"])
    assert any("91/2017/NĐ-CP" in line for line in old["doc"]["grounds"])
    assert any("152/2025/NĐ-CP" in line for line in new["doc"]["grounds"])
    assert not any("98/2023" in line for line in new["doc"]["grounds"])


def test_draft_has_blank_number(issuer):
    doc_type = DocumentType.objects.get(code="quyet-dinh")
    context = sample_decision_context(
        issuer=issuer, doc_type=doc_type, on=datetime.date(2022, 3, 9)
    )
    text = pdf_text(render_pdf(context["template"], {"doc": context["doc"]}))
    assert "/QĐ-UBND" in text
    assert "Số: 01" not in text


def test_long_documents_number_pages_from_two(issuer):
    doc_type = DocumentType.objects.get(code="quyet-dinh")
    context = sample_decision_context(
        issuer=issuer, doc_type=doc_type, on=datetime.date(2022, 3, 9)
    )
    context["doc"]["articles"] = [
        f"Nội dung điều khoản thứ {n} với đủ chữ để chiếm dòng." for n in range(60)
    ]
    content = render_pdf(context["template"], {"doc": context["doc"]})
    assert pdf_pages(content) >= 2
    second = lines_with_height(content, 1)
    number_y = [y for text, y in second if text == "2"]
    assert number_y and number_y[0] > max(y for text, y in second if text != "2")
    assert not [text for text, _y in lines_with_height(content, 0) if text == "1"]


def test_fetcher_serves_bundled_files_only():
    assert _static_path("https://tdkt.invalid/static/css/pdf.css") is not None
    assert _static_path("https://tdkt.invalid/static/../config/settings.py") is None
    assert _static_path("https://example.org/x.css") is None


def test_external_resources_are_not_fetched(issuer):
    from orgs.pdf import _fetcher

    with pytest.raises(ValueError, match="Refused"):
        _fetcher().fetch("http://169.254.169.254/latest/meta-data")
