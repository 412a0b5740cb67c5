"""Province-scale data for benchmarks (``manage.py seed_bench``): units and people.

Deterministic (seeded random), written with bulk inserts so the whole province
loads in minutes. Targets at scale 1.0: 1 province, 40 departments, 130 wards and
communes, 2,500 units in all, 150,000 people.
"""

from __future__ import annotations

import random
from typing import Any

from orgs.demo import GIVEN, MIDDLE, POSITIONS, SURNAMES
from orgs.models import DocumentIssuer, Person, Unit
from orgs.vn import fold

BATCH = 5000


def _bulk_units(rows: list[Unit], parent_path: dict[int | None, str]) -> list[Unit]:
    created = Unit.objects.bulk_create(rows, batch_size=BATCH)
    for unit in created:
        unit.path = f"{parent_path.get(unit.parent_id, '/')}{unit.pk}/"
    Unit.objects.bulk_update(created, ["path"], batch_size=BATCH)
    DocumentIssuer.objects.bulk_create(
        [
            DocumentIssuer(
                unit=u, name=u.name, symbol=u.short_name, place_name=u.place_name
            )
            for u in created
        ],
        batch_size=BATCH,
    )
    return created


def _unit(code: str, name: str, short: str, kind: str, parent: Unit | None) -> Unit:
    return Unit(
        code=code,
        name=name,
        short_name=short,
        kind=kind,
        parent=parent,
        place_name="Tỉnh Mẫu",
        search_name=fold(name),
    )


def seed_units(context: dict[str, Any]) -> None:
    scale, rng = context["scale"], context["rng"]
    province = _bulk_units(
        [_unit("BENCH", "Ủy ban nhân dân tỉnh Mẫu", "UBND", "province", None)], {}
    )[0]
    paths = {province.pk: province.path}
    departments = _bulk_units(
        [
            _unit(
                f"BENCH-S{i:02d}",
                f"Sở chuyên ngành số {i}",
                f"S{i:02d}",
                "department",
                province,
            )
            for i in range(1, max(2, int(40 * scale)) + 1)
        ],
        paths,
    )
    communes = _bulk_units(
        [
            _unit(
                f"BENCH-X{i:03d}",
                f"Ủy ban nhân dân {'phường' if i % 3 else 'xã'} Mẫu {i}",
                "UBND",
                "ward" if i % 3 else "commune",
                province,
            )
            for i in range(1, max(2, int(130 * scale)) + 1)
        ],
        paths,
    )
    paths.update({u.pk: u.path for u in departments + communes})
    parents = departments + communes
    remaining = max(0, int(2500 * scale) - 1 - len(parents))
    kinds = [
        "school",
        "hospital",
        "public_service",
        "residential_group",
        "village",
        "division",
    ]
    leaves = _bulk_units(
        [
            _unit(
                f"BENCH-L{i:04d}",
                f"Đơn vị trực thuộc số {i}",
                f"DV{i}",
                kinds[i % len(kinds)],
                parents[rng.randrange(len(parents))],
            )
            for i in range(remaining)
        ],
        paths,
    )
    context.update(
        province=province,
        departments=departments,
        communes=communes,
        units=[province, *parents, *leaves],
    )


def seed_people(context: dict[str, Any]) -> None:
    scale, rng, units = context["scale"], context["rng"], context["units"]
    total = int(150_000 * scale)
    batch: list[Person] = []
    for index in range(total):
        gender = "male" if rng.random() < 0.5 else "female"
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        position, direct, leader = POSITIONS[index % len(POSITIONS)]
        batch.append(
            Person(
                full_name=name,
                search_name=fold(name),
                gender=gender,
                birth_year=rng.randint(1960, 2000),
                position=position,
                unit=units[rng.randrange(len(units))],
                is_direct_worker=direct,
                is_leader=leader,
            )
        )
        if len(batch) >= BATCH:
            Person.objects.bulk_create(batch, batch_size=BATCH)
            batch = []
    Person.objects.bulk_create(batch, batch_size=BATCH)
    context["person_count"] = total


def make_context(scale: float, seed: int = 2026) -> dict[str, Any]:
    return {"scale": scale, "rng": random.Random(seed)}
