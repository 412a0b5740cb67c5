"""Helpers shared by the awards demo modules."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model

from awards.models import (
    AwardKind,
)
from orgs.models import Person, Unit

D = datetime.date
Log = Callable[[str], None]
DEMO_NOTE = "Dữ liệu minh họa"
HISTORY_UNITS = [
    "HN-SGDDT",
    "HN-SGDDT-THPTVD",
    "HN-SYT",
    "HN-SYT-BVTP",
    "HN-HBT-LDH",
    "HN-HBT-NV",
]
YEARS = range(2019, 2026)
# The award register of the demo stops where the demo dossiers take over.
SKIP_RECORDS = {("HN-HBT-LDH", 2024, "CSTDCS")}
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 52>>stream\nBT /F1 18 Tf 72 770 Td (Tai lieu minh hoa TDKT) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code)


def user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def units_by_code() -> dict[str, Unit]:
    return {u.code: u for u in Unit.objects.filter(code__startswith="HN")}


def people_of(unit: Unit) -> list[Person]:
    return list(Person.objects.filter(unit=unit, user__isnull=True).order_by("pk"))
