"""Biểu 0601.N, 0602.N, 0603.N filled from the small world, printed and exported."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from orgs import services
from orgs.models import Role
from orgs.scoping import scope_for
from reports import official
from reports.filters import Filters, parse_filters
from reports.selectors.drill import drill
from tests.factories import UserFactory
from tests.factories_reports import movements, small_world
from tests.pdf_text import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


def grid(filled) -> dict[tuple[str, str], int | None]:
    keys = [column.key for column in filled.spec.all_columns]
    return {
        (row.line.code, key): cell.value
        for row in filled.rows
        if not row.line.is_heading
        for key, cell in zip(keys, row.cells, strict=True)
    }


def filled(world, code, year, user=None, unit=None):
    scope = scope_for(user or world.secretariat)
    filters = Filters(unit=unit or world.province, year=year)
    return official.fill(code, scope, filters)


def test_0602_counts_state_awards_decided_in_the_year(world):
    small_world(world)
    cells = grid(filled(world, "0602", 2025))
    assert cells[("01", "total")] == 3
    assert cells[("01", "bkttg_t")] == 1 and cells[("01", "bkttg_c")] == 1
    assert cells[("01", "hc_c")] == 1
    assert cells[("02", "total")] == 0 and cells[("03", "total")] == 3
    assert cells[("04", "total")] == 1  # collective A
    assert cells[("05", "total")] == 0  # no enterprise among State awards
    assert cells[("07", "total")] == 2  # p1, a2
    assert cells[("08", "bkttg_c")] == 1  # p1: leader of the province
    assert cells[("11", "hc_c")] == 1  # a2: leader of a ward
    assert cells[("12", "total")] == 0
    assert cells[("13", "total")] == 1  # regular: p1
    assert cells[("15", "total")] == 1  # ad hoc: collective A
    assert cells[("17", "total")] == 1  # long service: a2
    assert cells[("04", "bkttg_c")] is None  # a collective row has no individual cell
    assert sum(v for (line, _k), v in cells.items() if line == "01" and v) == 6


def test_0602_of_the_previous_year_is_empty(world):
    small_world(world)
    assert grid(filled(world, "0602", 2024))[("01", "total")] == 0


def test_0603_counts_province_awards_in_its_four_columns(world):
    small_world(world)
    cells = grid(filled(world, "0603", 2025))
    assert cells[("01", "total")] == 3
    assert cells[("01", "bk")] == 2 and cells[("01", "co")] == 1
    assert cells[("01", "cstd")] == 0 and cells[("01", "knc")] == 0
    assert cells[("02", "total")] == 2  # collectives B and E
    assert cells[("03", "total")] == 1 and cells[("03", "bk")] == 1  # enterprise E
    assert cells[("04", "total")] == 0  # households
    assert cells[("05", "total")] == 1  # b2
    assert all(cells[(code, "total")] == 0 for code in ("06", "07", "08", "09", "10"))
    assert cells[("11", "total")] == 3
    assert cells[("02", "cstd")] is None  # CSTĐ is for individuals only


def test_0601_counts_movements_running_in_the_year(world):
    movements(world)
    cells = grid(filled(world, "0601", 2024))
    assert cells[("01", "total")] == 3
    assert cells[("01", "province")] == 1 and cells[("01", "agency")] == 2
    assert cells[("01", "central")] == 0
    assert cells[("03", "province")] == 1 and cells[("05", "agency")] == 2
    assert cells[("06", "total")] == 1  # m2, four months
    assert cells[("07", "total")] == 1  # m1, the calendar year
    assert cells[("09", "total")] == 1  # m3, four years
    assert cells[("11", "total")] == 2 and cells[("12", "total")] == 1
    assert grid(filled(world, "0601", 2023))[("01", "total")] == 2  # m3, m4


@pytest.mark.parametrize(
    ("code", "year"), [("0602", 2025), ("0603", 2025), ("0601", 2024)]
)
def test_every_cell_opens_into_exactly_its_records(world, code, year):
    small_world(world)
    movements(world)
    scope = scope_for(world.secretariat)
    form = filled(world, code, year)
    checked = 0
    for row in form.rows:
        for cell in row.cells:
            if cell.value is None:
                continue
            query = dict(p.split("=") for p in cell.url.split("?")[1].split("&"))
            found = drill(form.spec.dataset, scope, parse_filters(query, scope))
            assert found.total == cell.value, (row.line.code, cell.url)
            checked += 1
    assert checked >= 30


def test_a_units_leader_fills_the_form_for_its_subtree_only(world, client):
    small_world(world)
    leader_a = UserFactory(username="leader_a")
    services.role_grant(user=leader_a, unit=world.unit_a, role=Role.LEADER, actor=None)
    cells = grid(filled(world, "0602", 2025, user=leader_a, unit=world.unit_a))
    assert cells[("01", "total")] == 2  # collective A and a2, not p1
    client.force_login(leader_a)
    page = client.get(reverse("reports:form", args=["0602"]), {"year": 2025})
    assert page.status_code == 200
    assert page.context["filled"].unit == world.unit_a
    denied = client.get(
        reverse("reports:form", args=["0602"]),
        {"year": 2025, "unit": world.province.pk},
    )
    assert denied.status_code == 404


def test_pdf_prints_the_form_landscape_with_its_header(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    response = client.get(
        reverse("reports:form-pdf", args=["0602"]),
        {"year": 2025, "unit": world.province.pk},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Biểu số: 0602.N/BNV-TĐKT" in text
    assert "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC" in text
    assert "Ủy ban nhân dân tỉnh Thử" in text
    assert "Bộ Nội vụ" in text
    assert "THỦ TRƯỞNG ĐƠN VỊ" in text
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    assert box.width > box.height  # landscape
    assert pdf_pages(response.content) >= 1


def test_xlsx_holds_the_codes_and_the_figures(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    response = client.get(
        reverse("reports:form-xlsx", args=["0603"]),
        {"year": 2025, "unit": world.province.pk},
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == ["Biểu số: 0603.N/BNV-TĐKT", *[None] * (len(rows[0]) - 1)]
    by_code = {row[1]: row for row in rows if row[1] and str(row[1]).isdigit()}
    # label, code, unit, total, bk, cstd, co, knc
    assert by_code["01"][3:8] == [3, 2, 0, 1, 0]
    assert by_code["03"][3] == 1
    assert by_code["02"][5] is None  # a collective row has no CSTĐ cell


def test_unknown_form_is_404(client, world):
    client.force_login(world.secretariat)
    assert client.get(reverse("reports:form", args=["0699"])).status_code == 404


def test_form_page_queries_do_not_grow_with_the_records(
    client, world, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PersonFactory
    from tests.factories_reports import award

    client.force_login(world.secretariat)
    url = reverse("reports:form", args=["0602"])
    params = {"year": 2025, "unit": world.province.pk}
    for _ in range(2):
        award(PersonFactory(unit=world.unit_a), "BK_TTG", 2024)
    client.get(url, params)
    with CaptureQueriesContext(connection) as few:
        client.get(url, params)
    for _ in range(18):
        award(PersonFactory(unit=world.unit_b), "BK_TTG", 2024)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url, params)
    assert grid(response.context["filled"])[("01", "total")] == 20


def test_drill_of_a_form_cell_names_the_cell(client, world):
    small_world(world)
    client.force_login(world.secretariat)
    form = filled(world, "0602", 2025)
    cell = next(r for r in form.rows if r.line.code == "08").cells[0]
    response = client.get(cell.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "dòng 08" in text and "Người thử p1" in text
    assert response.context["total"] == 1
    assert replace(Filters(), year=1).year == 1
