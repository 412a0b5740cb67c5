"""The print context of a batch of certificates: each page is the certificate's
frozen snapshot plus its code and the public address where anyone can check it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from awards.models import Certificate, format_code

TEMPLATE = "awards/pdf/certificates.html"


def verify_url(code: str, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("awards:certificate-verify", args=[code])


def certificates_context(
    certificates: Iterable[Certificate], *, base_url: str, title: str = ""
) -> dict[str, Any]:
    pages = [
        {
            **certificate.snapshot,
            "code_printed": format_code(certificate.code),
            "verify_url": verify_url(certificate.code, base_url),
        }
        for certificate in certificates
    ]
    return {"template": TEMPLATE, "title": title, "certificates": pages}
