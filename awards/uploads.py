"""Checking an uploaded file by its content (magic bytes) and size, and naming it safely.

The extension a user gives proves nothing: a file is accepted only when its
first bytes match a document type we take, and that type agrees with the
extension. Office files are zip or OLE containers; a zip is told apart by the
names inside it, without extracting anything.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}
ALIASES = {"jpeg": "jpg"}
ACCEPT = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.odt,.ods"


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    safe_name: str
    size: int
    sha256: str


def max_bytes() -> int:
    return int(getattr(settings, "AWARDS_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _zip_kind(uploaded: Any) -> str | None:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "ignore")
                if mimetype == TYPES["odt"]:
                    return "odt"
                if mimetype == TYPES["ods"]:
                    return "ods"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        uploaded.seek(0)
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return None


def sniff(uploaded: Any, claimed: str) -> str | None:
    """Return the document type the content shows, or None."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(OLE):
        # Word and Excel 97–2003 share the container; trust the extension between them.
        return claimed if claimed in {"doc", "xls"} else None
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(uploaded)
    return None


def safe_name(name: str, extension: str) -> str:
    """A display name without paths or control characters, ending in ``extension``."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = re.sub(r"[^\w\s().,-]", "", stem, flags=re.UNICODE)
    stem = " ".join(stem.split())[:100].strip(" .") or "tep"
    return f"{stem}.{extension}"


def inspect(uploaded: Any) -> CheckedFile:
    """Validate ``uploaded`` (a Django UploadedFile) or raise a Vietnamese ValidationError."""
    name = getattr(uploaded, "name", "") or ""
    claimed = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    claimed = ALIASES.get(claimed, claimed)
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name}, code="empty")
    if size > max_bytes():
        raise ValidationError(
            _("Tệp “%(name)s” lớn hơn %(limit)s MB.")
            % {"name": name, "limit": max_bytes() // (1024 * 1024)},
            code="too_big",
        )
    if claimed not in TYPES:
        raise ValidationError(
            _(
                "Chỉ nhận tệp PDF, ảnh JPG/PNG, Word, Excel hoặc OpenDocument (%(accept)s)."
            )
            % {"accept": ACCEPT},
            code="type",
        )
    found = sniff(uploaded, claimed)
    if found != claimed:
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không phải là tệp .%(ext)s hợp lệ.")
            % {"name": name, "ext": claimed},
            code="content",
        )
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return CheckedFile(
        extension=found,
        content_type=TYPES[found],
        safe_name=safe_name(name, found),
        size=size,
        sha256=digest.hexdigest(),
    )
