"""Checks on files sent with a written consultation: type by content, and size.

The name's extension is not trusted: the first bytes must be those of a PDF, an
Office or OpenDocument file, or an image, and must agree with the extension, so
a renamed executable or HTML page is refused.
"""

from __future__ import annotations

import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PREFIXES: list[tuple[bytes, str, frozenset[str]]] = [
    (b"%PDF-", "application/pdf", frozenset({"pdf"})),
    (b"\x89PNG\r\n\x1a\n", "image/png", frozenset({"png"})),
    (b"\xff\xd8\xff", "image/jpeg", frozenset({"jpg", "jpeg"})),
    (_OLE, "application/x-ole-storage", frozenset({"doc", "xls", "ppt"})),
]
_ZIP_MEMBERS: list[tuple[str, str, frozenset[str]]] = [
    (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        frozenset({"docx"}),
    ),
    (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        frozenset({"xlsx"}),
    ),
    (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        frozenset({"pptx"}),
    ),
    ("content.xml", "application/vnd.oasis.opendocument", frozenset({"odt", "ods"})),
]
ALLOWED_EXTENSIONS = sorted(
    {ext for _p, _t, exts in _PREFIXES + _ZIP_MEMBERS for ext in exts}
)


def _sniff_zip(upload: Any) -> tuple[str, frozenset[str]] | None:
    upload.seek(0)
    try:
        names = set(zipfile.ZipFile(upload).namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    for member, content_type, extensions in _ZIP_MEMBERS:
        if member in names:
            return content_type, extensions
    return None


def sniff(upload: Any) -> tuple[str, frozenset[str]] | None:
    """Return (content type, allowed extensions) read from the file's content."""
    upload.seek(0)
    head = upload.read(8)
    for prefix, content_type, extensions in _PREFIXES:
        if head.startswith(prefix):
            return content_type, extensions
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def validate_document_upload(upload: Any) -> str:
    """Return the content type of ``upload`` or raise a Vietnamese ValidationError."""
    if upload.size == 0:
        raise ValidationError(_("Tệp rỗng."), code="empty")
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("Tệp %(name)s dung lượng %(size)s, vượt mức cho phép %(max)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(MAX_DOCUMENT_BYTES),
            },
            code="too_large",
        )
    found = sniff(upload)
    upload.seek(0)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if found is None or extension not in found[1]:
        raise ValidationError(
            _(
                "Tệp %(name)s không phải tài liệu được chấp nhận (nội dung phải đúng "
                "với đuôi tệp; chấp nhận: %(allowed)s)."
            )
            % {"name": upload.name, "allowed": ", ".join(ALLOWED_EXTENSIONS)},
            code="bad_type",
        )
    return found[0]
