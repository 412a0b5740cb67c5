"""The ranking table: ties broken by the regulation's groups, cross-scoring normalised."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from clusters.ranking import ranking_table
from clusters.services import organisation, reviews, scoring
from tests.clusters.conftest import fill
from tests.factories import UnitFactory
from tests.factories_clusters import make_cluster
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def review_everything(year, adjust=None):
    """Every reviewer accepts the self-scores; ``adjust[reviewer code]`` lowers criterion 3."""
    for sheet in year.sheets.select_related("unit"):
        for review in sheet.reviews.select_related("reviewer_unit"):
            reviews.review_accept_self(review=review, actor=None)
            cut = (adjust or {}).get(review.reviewer_unit.code)
            if cut:
                criterion = year.criteria_set.criteria.get(code="3")
                points = review.scores.get(criterion=criterion).points - cut
                reviews.review_score_set(
                    review=review,
                    criterion=criterion,
                    points=points,
                    reason="Chấm chặt",
                    actor=None,
                )
            reviews.review_complete(review=review, actor=None)


@pytest.fixture
def trio(world):
    unit_c = UnitFactory(
        code="C", name="Ủy ban nhân dân phường Cẩm Phong", parent=world.province
    )
    return [world.unit_a, world.unit_b, unit_c]


def test_equal_totals_are_separated_by_the_first_tie_break_group(world, trio):
    built = make_cluster(world, members=trio)
    built.year = organisation.cluster_year_update(
        cluster_year=built.year, tie_break=["II"], actor=None
    )
    scoring.scoring_start(cluster_year=built.year, actor=None)
    fill(
        built,
        trio[0],
        None,
        {"1": 30, "2": 30, "3": 20, "4": 0, "5": 0, "6": 0, "7": 0},
    )
    fill(
        built,
        trio[1],
        None,
        {"1": 30, "2": 20, "3": 30, "4": 0, "5": 0, "6": 0, "7": 0},
    )
    fill(
        built,
        trio[2],
        None,
        {"1": 30, "2": 30, "3": 20, "4": 0, "5": 0, "6": 0, "7": 0},
    )
    for unit in trio:
        scoring.sheet_submit(sheet=built.sheet(unit), actor=None)
    review_everything(built.year)
    rows = ranking_table(built.year)["rows"]
    assert [(r["unit_code"], r["rank"], r["final"]) for r in rows] == [
        ("B", 1, "80.00"),
        ("A", 2, "80.00"),
        ("C", 2, "80.00"),
    ]
    assert rows[1]["decided_by"] == "II"


def test_cross_scoring_shows_raw_and_normalised_side_by_side(client, world, trio):
    built = make_cluster(world, members=trio, review_mode="cross")
    built.year = organisation.cluster_year_update(
        cluster_year=built.year, normalise=True, actor=None
    )
    scoring.scoring_start(cluster_year=built.year, actor=None)
    for index, unit in enumerate(trio):
        fill(
            built,
            unit,
            None,
            {"1": 30, "2": 30 - 5 * index, "3": 40, "4": 0, "5": 0, "6": 0, "7": 0},
        )
        scoring.sheet_submit(sheet=built.sheet(unit), actor=None)
    assert {r.reviewer_unit.code for r in built.sheet(trio[0]).reviews.all()} == {
        "B",
        "C",
    }
    review_everything(built.year, adjust={"C": Decimal(10)})
    table = ranking_table(built.year)
    assert table["normalised_used"] is True
    by_unit = {r["unit_code"]: r for r in table["rows"]}
    assert by_unit["A"]["final"] != by_unit["A"]["normalised"]
    assert all(r["normalised"] is not None for r in table["rows"])
    client.force_login(world.secretariat)
    body = client.get(
        reverse("clusters:ranking", args=[built.year.pk])
    ).content.decode()
    assert "Chuẩn hóa" in body


def test_normalisation_is_off_unless_the_cluster_opts_in(world, trio):
    built = make_cluster(world, members=trio, review_mode="cross")
    scoring.scoring_start(cluster_year=built.year, actor=None)
    for unit in trio:
        fill(built, unit, None)
        scoring.sheet_submit(sheet=built.sheet(unit), actor=None)
    review_everything(built.year)
    assert ranking_table(built.year)["normalised_used"] is False


def test_the_ranking_prints_and_exports(client, world, trio):
    import io

    from openpyxl import load_workbook

    built = make_cluster(world, members=trio)
    scoring.scoring_start(cluster_year=built.year, actor=None)
    for unit in trio:
        fill(built, unit, None)
        scoring.sheet_submit(sheet=built.sheet(unit), actor=None)
    review_everything(built.year)
    reviews.ranking_publish(cluster_year=built.year, actor=None)
    client.force_login(world.officer_b)
    text = " ".join(
        pdf_text(
            client.get(reverse("clusters:ranking-pdf", args=[built.year.pk])).content
        ).split()
    )
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024" in text
    assert (
        "Ủy ban nhân dân phường Cẩm Phong" in text
        and "75" in text
        and "DỰ THẢO" not in text
    )
    workbook = load_workbook(
        io.BytesIO(
            client.get(reverse("clusters:ranking-xlsx", args=[built.year.pk])).content
        )
    )
    rows = list(workbook.active.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 3 and rows[0][0] == 1
