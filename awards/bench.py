"""Province-scale data for benchmarks (``manage.py seed_bench``): awards.

At scale 1.0: ten years (2015–2024) of yearly evaluation results for every person
and unit of the bench province, 600,000 award records received over those years
(mostly Lao động tiên tiến, then Chiến sĩ thi đua, Giấy khen, Bằng khen, and
collective titles), 5,000 dossiers to the province spread over every workflow
status with their nominees and transitions, and 200 decisions of the province
with annexes from a handful of lines to 1,000 (a few of the largest).

Everything goes through bulk inserts with the rows the models would compute
themselves (folded ``search_name``), so the seed takes minutes, not hours.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.utils import timezone

from awards.models import (
    AwardKind,
    AwardRecord,
    DecisionLine,
    Dossier,
    DossierTransition,
    Nomination,
    YearlyResult,
)
from awards.models.base import AwardType
from awards.models.records import record_search_text
from awards.services.decision_drafts import apply_money, new_decision
from orgs.models import Person
from orgs.vn import fold

BATCH = 5000
YEARS = range(2015, 2025)
# Per year at scale 1.0: (award code, individuals?, how many). 59,900 a year,
# 599,000 over ten years, plus the collectives' titles below.
PER_YEAR = (
    ("LDTT", True, 42_000),
    ("CSTDCS", True, 7_500),
    ("GIAY_KHEN", True, 6_000),
    ("BK_TINH", True, 1_500),
    ("CSTDT", True, 200),
    ("TTLDTT", False, 1_500),
    ("TTLDXS", False, 500),
    ("GIAY_KHEN", False, 500),
    ("BK_TINH", False, 180),
    ("CO_TINH", False, 20),
)
ISSUERS = {
    "LDTT": "Thủ trưởng cơ quan, đơn vị",
    "CSTDCS": "Thủ trưởng cơ quan, đơn vị",
    "GIAY_KHEN": "Thủ trưởng cơ quan, đơn vị",
    "TTLDTT": "Thủ trưởng cơ quan, đơn vị",
}
PROVINCE_ISSUER = "Chủ tịch Ủy ban nhân dân tỉnh Mẫu"
RESULTS = ("HTXS", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHT")

S = Dossier.Status
# The path a dossier took to reach each status (the transitions it leaves behind).
PATHS: dict[str, list[str]] = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.UNDER_REVIEW: [S.SUBMITTED, S.UNDER_REVIEW],
    S.RETURNED: [S.SUBMITTED, S.UNDER_REVIEW, S.RETURNED],
    S.RESUBMITTED: [S.SUBMITTED, S.UNDER_REVIEW, S.RETURNED, S.RESUBMITTED],
    S.CHECKED: [S.SUBMITTED, S.UNDER_REVIEW, S.CHECKED],
    S.AT_COUNCIL: [S.SUBMITTED, S.UNDER_REVIEW, S.CHECKED, S.AT_COUNCIL],
    S.APPROVED: [S.SUBMITTED, S.UNDER_REVIEW, S.CHECKED, S.AT_COUNCIL, S.APPROVED],
    S.NOT_APPROVED: [
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.CHECKED,
        S.AT_COUNCIL,
        S.NOT_APPROVED,
    ],
    S.DECIDED: [
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.CHECKED,
        S.AT_COUNCIL,
        S.APPROVED,
        S.DECIDED,
    ],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
    S.REVOKED: [
        S.SUBMITTED,
        S.UNDER_REVIEW,
        S.CHECKED,
        S.AT_COUNCIL,
        S.APPROVED,
        S.DECIDED,
        S.REVOKED,
    ],
}
# Open dossiers dominate a real queue; every status still appears.
STATUS_WEIGHTS = {
    S.DRAFT: 10,
    S.SUBMITTED: 14,
    S.UNDER_REVIEW: 14,
    S.RETURNED: 6,
    S.RESUBMITTED: 5,
    S.CHECKED: 8,
    S.AT_COUNCIL: 6,
    S.APPROVED: 5,
    S.NOT_APPROVED: 3,
    S.DECIDED: 25,
    S.WITHDRAWN: 3,
    S.REVOKED: 1,
}
OUTCOMES = {
    S.APPROVED: Nomination.Outcome.APPROVED,
    S.DECIDED: Nomination.Outcome.AWARDED,
    S.NOT_APPROVED: Nomination.Outcome.NOT_APPROVED,
    S.REVOKED: Nomination.Outcome.REVOKED,
}


def _people(context: dict[str, Any]) -> list[tuple]:
    if "people" not in context:
        province = context["province"]
        context["people"] = list(
            Person.objects.filter(unit__path__startswith=province.path)
            .order_by("pk")
            .values_list(
                "pk", "full_name", "unit_id", "position", "birth_year", "gender"
            )
        )
    return context["people"]


def _flush(model: Any, rows: list, force: bool = False) -> list:
    if rows and (force or len(rows) >= BATCH):
        model.objects.bulk_create(rows, batch_size=BATCH)
        return []
    return rows


def seed_results(context: dict[str, Any]) -> None:
    """A result for every person and every unit, every year (the streak checks read them)."""
    rng, people, units = context["rng"], _people(context), context["units"]
    rows: list[YearlyResult] = []
    for year in YEARS:
        for pk, _name, unit_id, *_rest in people:
            rows.append(
                YearlyResult(
                    person_id=pk,
                    year=year,
                    result=rng.choice(RESULTS),
                    unit_id=unit_id,
                    source=YearlyResult.Source.IMPORTED,
                )
            )
            rows = _flush(YearlyResult, rows)
        for unit in units:
            rows.append(
                YearlyResult(
                    collective=unit,
                    year=year,
                    result=rng.choice(RESULTS[:3]),
                    unit_id=unit.parent_id or unit.pk,
                    source=YearlyResult.Source.IMPORTED,
                )
            )
            rows = _flush(YearlyResult, rows)
    _flush(YearlyResult, rows, force=True)


def seed_records(context: dict[str, Any]) -> None:
    scale, rng = context["scale"], context["rng"]
    people, units = _people(context), context["units"]
    kinds = {k.code: k for k in AwardKind.objects.all()}
    names = {u.pk: u.name for u in units}
    parents = {u.pk: u.parent_id or u.pk for u in units}
    rows: list[AwardRecord] = []
    total = 0
    for year in YEARS:
        day = datetime.date(year + 1, 1, 15)
        for sequence, (code, individual, count) in enumerate(PER_YEAR, start=1):
            kind = kinds[code]
            provincial = code not in ISSUERS
            issuer = PROVINCE_ISSUER if provincial else ISSUERS[code]
            pool = people if individual else units
            picked = rng.sample(range(len(pool)), min(len(pool), round(count * scale)))
            for index in picked:
                if individual:
                    pk, name, unit_id, *_rest = pool[index]
                    subject = {"person_id": pk}
                else:
                    unit = pool[index]
                    pk, name, unit_id = unit.pk, unit.name, parents[unit.pk]
                    subject = {"collective_id": pk}
                # Units issue their own titles; the province's decisions are few
                # and long, numbered per award.
                number = (
                    f"{100 + sequence}/QĐ-UBND"
                    if provincial
                    else f"{sequence}/QĐ-{unit_id}"
                )
                rows.append(
                    AwardRecord(
                        **subject,
                        award_kind=kind,
                        year=year,
                        decision_number=number,
                        decision_date=day,
                        issuer=issuer if provincial else f"{issuer} {names[unit_id]}",
                        unit_id=unit_id,
                        source=AwardRecord.Source.IMPORTED,
                        search_name=record_search_text(name, number),
                    )
                )
                total += 1
                rows = _flush(AwardRecord, rows)
    _flush(AwardRecord, rows, force=True)
    context["record_count"] = total


def seed_dossiers(context: dict[str, Any]) -> None:
    scale, rng, province = context["scale"], context["rng"], context["province"]
    people, units = _people(context), context["units"]
    kinds = {k.code: k for k in AwardKind.objects.filter(level=20)}
    by_unit: dict[int, list[tuple]] = defaultdict(list)
    for row in people:
        by_unit[row[2]].append(row)
    candidates = [u for u in units if u.pk != province.pk and by_unit.get(u.pk)]
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    count = max(len(statuses), round(5000 * scale))
    now = timezone.now()
    dossiers, individuals = [], []
    for index in range(count):
        # Every status at least once, then by weight.
        status = (
            statuses[index]
            if index < len(statuses)
            else rng.choices(statuses, weights)[0]
        )
        unit = candidates[rng.randrange(len(candidates))]
        individual = rng.random() < 0.8
        code = (
            rng.choice(("CSTDT", "BK_TINH"))
            if individual
            else rng.choice(("CO_TINH", "TTLDXS", "BK_TINH"))
        )
        year = 2024 if index % 3 else 2025
        decided = status in (S.DECIDED, S.REVOKED)
        sent = status != S.DRAFT
        changed = now - datetime.timedelta(days=rng.randint(0, 120))
        dossiers.append(
            Dossier(
                unit=unit,
                receiving_unit=province,
                award_kind=kinds[code],
                year=year,
                title=f"Đề nghị tặng {kinds[code].name} năm {year} — {unit.name}",
                achievements="Hoàn thành xuất sắc nhiệm vụ được giao.",
                submission_number=f"{index + 1}/TTr-{unit.pk}" if sent else "",
                submission_date=changed.date() if sent else None,
                planned_decision_on=datetime.date(year + 1, 1, 20),
                status=status,
                status_changed_at=changed,
                submitted_at=changed if sent else None,
                deadline=(changed + datetime.timedelta(days=14)).date()
                if sent
                else None,
                decision_number=f"{200 + index % 50}/QĐ-UBND" if decided else "",
                decision_date=datetime.date(year + 1, 1, 20) if decided else None,
                decision_issuer=PROVINCE_ISSUER if decided else "",
                last_reason="Thiếu báo cáo thành tích có xác nhận."
                if status == S.RETURNED
                else "",
            )
        )
        individuals.append(individual)
    dossiers = Dossier.objects.bulk_create(dossiers, batch_size=BATCH)
    nominations, transitions = [], []
    for dossier, individual in zip(dossiers, individuals, strict=True):
        outcome = OUTCOMES.get(dossier.status, Nomination.Outcome.PROPOSED)
        staff = by_unit[dossier.unit_id]
        if individual:
            chosen = rng.sample(staff, min(len(staff), rng.randint(1, 8)))
            for order, (pk, name, _unit, position, birth, gender) in enumerate(
                chosen, 1
            ):
                nominations.append(
                    Nomination(
                        dossier=dossier,
                        person_id=pk,
                        display_name=name,
                        position=position,
                        unit_name=dossier.unit.name,
                        birth_year=birth,
                        gender=gender,
                        outcome=outcome,
                        order=order,
                    )
                )
        else:
            nominations.append(
                Nomination(
                    dossier=dossier,
                    collective_id=dossier.unit_id,
                    display_name=dossier.unit.name,
                    outcome=outcome,
                    order=1,
                )
            )
        previous = S.DRAFT
        path = PATHS[dossier.status]
        for step, status in enumerate(path):
            transitions.append(
                DossierTransition(
                    dossier=dossier,
                    from_status=previous,
                    to_status=status,
                    at=dossier.status_changed_at
                    - datetime.timedelta(days=len(path) - step - 1),
                    reason=dossier.last_reason if status == S.RETURNED else "",
                )
            )
            previous = status
        nominations = _flush(Nomination, nominations)
        transitions = _flush(DossierTransition, transitions)
    _flush(Nomination, nominations, force=True)
    _flush(DossierTransition, transitions, force=True)
    context["dossier_count"] = len(dossiers)


def _annex_sizes(context: dict[str, Any], count: int) -> list[int]:
    """Mostly short annexes, a tail of long ones and a few of 1,000 lines (the
    province's yearly Bằng khen list), capped by the people there are."""
    rng, scale = context["rng"], context["scale"]
    sizes = []
    for index in range(count):
        if index < max(1, round(5 * scale)):
            size = 1000
        elif index % 10 == 0:
            size = rng.randint(200, 600)
        else:
            size = rng.randint(3, 60)
        if scale < 0.1:  # small test runs: same shape, fewer lines
            size = max(1, round(size * scale * 10))
        sizes.append(size)
    return sizes


def seed_decisions(context: dict[str, Any]) -> None:
    scale, rng, province = context["scale"], context["rng"], context["province"]
    people, units = _people(context), context["units"]
    names = {u.pk: u.name for u in units}
    kind = AwardKind.objects.get(code="BK_TINH")
    count = max(2, round(200 * scale))
    created = []
    for index, size in enumerate(_annex_sizes(context, count)):
        year = 2024 - index % 5
        decision = new_decision(
            unit=province,
            award_kind=kind,
            year=year,
            year_text=f"năm {year}",
            award_type=AwardType.REGULAR,
            day=datetime.date(year + 1, 1, 20) + datetime.timedelta(days=index % 20),
            actor=None,
            signer_name="Nguyễn Văn Chủ",
        )
        decision.save()
        lines = [
            DecisionLine(
                decision=decision,
                order=order,
                person_id=pk,
                unit_id=unit_id,
                display_name=name,
                position=position,
                unit_name=names.get(unit_id, ""),
                search_name=fold(name),
            )
            for order, (pk, name, unit_id, position, _b, _g) in enumerate(
                (
                    people[i]
                    for i in rng.sample(range(len(people)), min(size, len(people)))
                ),
                start=1,
            )
        ]
        apply_money(decision, lines)
        DecisionLine.objects.bulk_create(lines, batch_size=BATCH)
        decision.save(update_fields=["base_salary", "total_amount", "updated_at"])
        created.append((decision.pk, len(lines)))
    context["decisions"] = created
