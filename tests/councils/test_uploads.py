"""Files sent with a consultation: the type is read from the content, the size capped."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from councils.uploads import MAX_DOCUMENT_BYTES, validate_document_upload


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("to-trinh.pdf", b"%PDF-1.7\n...", "application/pdf"),
        (
            "du-thao.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("anh.PNG", b"\x89PNG\r\n\x1a\n....", "image/png"),
    ],
)
def test_accepted_documents(name, content, expected):
    assert validate_document_upload(SimpleUploadedFile(name, content)) == expected


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.pdf", b"MZ\x90\x00 executable"),
        ("trang.pdf", b"<html><script>alert(1)</script>"),
        ("doi-ten.docx", b"%PDF-1.4 a pdf under a word name"),
        ("nen.zip", _docx()),
    ],
)
def test_content_must_match_an_accepted_type_and_the_name(name, content):
    with pytest.raises(ValidationError, match="không phải tài liệu được chấp nhận"):
        validate_document_upload(SimpleUploadedFile(name, content))


def test_size_is_capped():
    big = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(ValidationError, match="vượt mức cho phép"):
        validate_document_upload(big)


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="Tệp rỗng"):
        validate_document_upload(SimpleUploadedFile("rong.pdf", b""))
