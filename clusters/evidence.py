"""Evidence files: accepted by what they contain, not by their name.

A renamed executable must not pass as a PDF, so the first bytes decide the type
and the extension must agree with it. Office files are ZIP containers; the
``[Content_Types].xml`` member and the main part tell a .docx from an .xlsx.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"

# detected type → extensions it may carry
ALLOWED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    DOCX: {".docx"},
    XLSX: {".xlsx"},
    ODT: {".odt"},
    ODS: {".ods"},
}


@dataclass(frozen=True)
class Checked:
    content_type: str
    size: int
    name: str


def _zip_kind(stream: IO[bytes]) -> str | None:
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "ignore").strip()
                return declared if declared in (ODT, ODS) else None
            if "[Content_Types].xml" not in names:
                return None
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def sniff(stream: IO[bytes]) -> str | None:
    """Return the type the content shows, or None."""
    stream.seek(0)
    head = stream.read(8)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream)
    return None


def check_upload(upload: IO[bytes], name: str, size: int) -> Checked:
    """Validate an uploaded evidence file; raise a Vietnamese ValidationError."""
    if size <= 0:
        raise ValidationError(_("Tệp rỗng."), code="empty")
    if size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Tệp “%(name)s” lớn hơn %(limit)s MB.")
            % {"name": name, "limit": MAX_EVIDENCE_BYTES // (1024 * 1024)},
            code="too_large",
        )
    detected = sniff(upload)
    upload.seek(0)
    extension = PurePath(name).suffix.lower()
    if detected is None or extension not in ALLOWED[detected]:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không đúng định dạng cho phép (PDF, ảnh JPG/PNG, "
                "Word .docx, Excel .xlsx, .odt, .ods) hoặc phần mở rộng không khớp nội dung."
            )
            % {"name": name},
            code="bad_type",
        )
    return Checked(content_type=detected, size=size, name=PurePath(name).name[:255])
