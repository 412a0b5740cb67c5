"""PDF rendering: decree 30/2020 layout, bundled font, offline resources. The only
module that imports WeasyPrint.

Templates reach static files only: the URL fetcher serves ``/static/…`` from the
project's own files and refuses every other address, so a document never calls
out of an offline government network and cannot be turned into a request forger.
"""

from __future__ import annotations

import datetime
import mimetypes
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation

from orgs import vn

BASE_URL = "https://tdkt.invalid/"
ALLOWED_TEMPLATE_PREFIXES = (
    "pdf/",
    "orgs/pdf/",
    "councils/pdf/",
    "clusters/pdf/",
    "awards/pdf/",
)


class Letterhead(TypedDict):
    parent: str
    name: str
    number_line: str
    date_line: str


class Signature(TypedDict, total=False):
    prefix: str
    authority: str
    title: str
    name: str


def _static_path(url: str) -> Path | None:
    path = urlsplit(url).path
    if not path.startswith("/static/"):
        return None
    relative = path.removeprefix("/static/")
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    try:
        candidate = Path(staticfiles_storage.path(relative))
    except NotImplementedError:
        return None
    return candidate if candidate.is_file() else None


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OfflineFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            local = _static_path(url)
            if local is None:
                raise ValueError(
                    f"Refused to fetch {url!r}: documents only use bundled files."
                )
            mime = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=local.read_bytes(), headers={"Content-Type": mime}
            )

    return OfflineFetcher(fail_on_errors=False)


def render_html(template_name: str, context: dict[str, Any]) -> str:
    if not template_name.startswith(ALLOWED_TEMPLATE_PREFIXES):
        raise ValueError(f"Not a document template: {template_name}")
    with translation.override("vi"):
        return render_to_string(template_name, context)


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a document template to PDF bytes, always in Vietnamese."""
    from weasyprint import HTML

    html = render_html(template_name, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()


def letterhead(
    *,
    parent: str,
    name: str,
    place: str,
    symbol: str,
    issued_on: datetime.date | None,
    number: int | None = None,
) -> Letterhead:
    """Return the header block: agency lines, "Số: 05/QĐ-UBND" and the date line.

    A draft (no number yet) prints "Số:      /QĐ-UBND" and leaves the day blank, as a
    clerk's draft does before registration.
    """
    number_line = (
        f"Số: {vn.document_number(number, symbol)}"
        if number
        else f"Số:\u2003\u2003/{symbol}"
    )
    if issued_on:
        date_line = vn.date_line(place, issued_on)
    else:
        date_line = f"{place}, ngày\u2003\u2003tháng\u2003\u2003năm\u2003\u2003"
    return Letterhead(
        parent=vn.upper(parent),
        name=vn.upper(name),
        number_line=number_line,
        date_line=date_line,
    )
