"""Demo data of the awards app (``manage.py seed_demo``, orders 300–399).

Seven years of evaluations and awards (2019–2025) for the demo people of a few
units, households, initiatives with their review windows, movements,
registrations, and a set of dossiers in every state of the workflow with
verdicts of every kind (passed, failed with the reason, cannot tell), overrides
and one proposal open for public comment; then part II (``demo_decisions``,
``demo_monthly``): a council session that voted on nominees, decisions with
certificates, a correction, a revocation, the fund ledger, a long annex and
monthly recognition. Everything is keyed on natural keys or titles, so running it
again adds nothing.
"""

from __future__ import annotations

from awards.demo_activities import seed_activities
from awards.demo_common import (
    DEMO_NOTE,
    HISTORY_UNITS,
    SKIP_RECORDS,
    YEARS,
    D,
    Log,
    kind,
    people_of,
    units_by_code,
)
from awards.demo_decisions import SEEDERS as DECISION_SEEDERS
from awards.demo_dossiers import seed_dossiers
from awards.demo_monthly import SEEDERS as MONTHLY_SEEDERS
from awards.models import (
    AwardRecord,
    YearlyResult,
)
from orgs.models import Person, Unit

# History: results and awards 2019–2025 -------------------------------------------------


def _result(index: int, year: int) -> str | None:
    if index == 6 and year == 2021:
        return None  # a missing year: chains over it "cannot tell"
    if index == 7 and year == 2023:
        return "HTNV"
    if index == 0 or (index in (1, 2) and year % 2 == 0):
        return "HTXS"
    return "HTTNV"


def _titles(index: int, year: int) -> list[str]:
    titles = ["LDTT"] if (_result(index, year) or "HTNV") != "HTNV" else []
    cstdcs_years = {0: range(2019, 2025), 1: (2022, 2023, 2024), 2: (2021, 2023, 2024)}
    if year in cstdcs_years.get(index, ()):
        titles.append("CSTDCS")
    if index == 0 and year in (2021, 2024):
        titles.append("CSTDT")
    if index == 0 and year == 2022:
        titles.append("BK_TINH")
    return titles


def _issuer(unit: Unit, code: str, year: int) -> str:
    if code in {"CSTDT", "BK_TINH", "TTLDXS"}:
        return "Chủ tịch UBND thành phố Hà Nội"
    if unit.kind == "ward" and code == "CSTDCS":
        return "Chủ tịch UBND quận Hai Bà Trưng"
    if unit.kind == "ward":
        return f"Chủ tịch {unit.name}"
    return f"Thủ trưởng {unit.name}"


def seed_history(log: Log) -> None:
    if AwardRecord.objects.filter(note=DEMO_NOTE).exists():
        log("  đã có dữ liệu lịch sử khen thưởng")
        return
    units = units_by_code()
    results, records = [], []
    for code in HISTORY_UNITS:
        unit = units[code]
        for index, person in enumerate(people_of(unit)):
            for year in YEARS:
                if unit.valid_to and year > unit.valid_to.year - 1:
                    continue
                result = _result(index, year)
                if result:
                    results.append(
                        YearlyResult(
                            person=person,
                            year=year,
                            result=result,
                            unit=unit,
                            year_kind=unit.year_kind,
                            source="imported",
                            note=DEMO_NOTE,
                        )
                    )
                if year == 2025:
                    continue  # the 2025 titles come from the demo dossiers
                for title in _titles(index, year):
                    if (code, year, title) in SKIP_RECORDS:
                        continue
                    records.append(
                        _record(person=person, unit=unit, code=title, year=year)
                    )
    school = units["HN-SGDDT-THPTVD"]
    for year in (2022, 2023, 2024):
        records.append(
            _record(collective=school, unit=school, code="TTLDTT", year=year)
        )
    for year in YEARS:
        results.append(
            YearlyResult(
                collective=school,
                year=year,
                result="HTXS",
                unit=school,
                year_kind=school.year_kind,
                source="imported",
                note=DEMO_NOTE,
            )
        )
    YearlyResult.objects.bulk_create(results, ignore_conflicts=True)
    AwardRecord.objects.bulk_create(records, ignore_conflicts=True)
    log(f"  {len(results)} kết quả đánh giá, {len(records)} khen thưởng (2019–2025)")


def _record(
    *,
    unit: Unit,
    code: str,
    year: int,
    person: Person | None = None,
    collective: Unit | None = None,
) -> AwardRecord:
    number = {"LDTT": 12, "CSTDCS": 13, "TTLDTT": 14, "CSTDT": 215, "BK_TINH": 216}.get(
        code, 20
    )
    return AwardRecord(
        person=person,
        collective=collective,
        award_kind=kind(code),
        year=year,
        year_kind=unit.year_kind,
        decision_number=f"{number}/QĐ-{unit.short_name}-{year + 1}",
        decision_date=D(year + 1, 1, 15),
        issuer=_issuer(unit, code, year),
        unit=unit,
        source=AwardRecord.Source.IMPORTED,
        note=DEMO_NOTE,
    )


SEEDERS = [
    ("Khen thưởng: kết quả đánh giá và khen thưởng 2019–2025", 300, seed_history),
    (
        "Khen thưởng: hộ gia đình, sáng kiến, phong trào, đăng ký thi đua",
        310,
        seed_activities,
    ),
    ("Khen thưởng: hồ sơ đề nghị ở mọi trạng thái", 320, seed_dossiers),
    *DECISION_SEEDERS,
    *MONTHLY_SEEDERS,
]
