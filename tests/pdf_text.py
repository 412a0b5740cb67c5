"""Read PDF text back, for tests."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def lines_with_height(content: bytes, page: int) -> list[tuple[str, float]]:
    """Return (text, y) of each text run on ``page``: y grows towards the top of the sheet."""
    runs: list[tuple[str, float]] = []

    def visit(
        text: str, cm: list[float], tm: list[float], font: object, size: float
    ) -> None:
        if text.strip():
            runs.append((text.strip(), cm[5] + tm[5] * cm[3]))

    PdfReader(io.BytesIO(content)).pages[page].extract_text(visitor_text=visit)
    return runs
