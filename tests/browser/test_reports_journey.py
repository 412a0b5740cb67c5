"""Each role opens its dashboard and finds what awaits it; a leader follows a figure
to the records behind it, and opens an official form."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import build_world
from tests.factories import PersonFactory, UserFactory
from tests.factories_councils import (
    CouncilMemberFactory,
    MeetingFactory,
    seated_council,
)
from tests.factories_reports import dossier_with_history, small_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]


def world_with_work():
    world = build_world()
    small_world(world)
    now = timezone.now()
    dossier_with_history(
        world.unit_a,
        world.province,
        [
            ("draft", now - datetime.timedelta(days=12), None),
            ("submitted", now - datetime.timedelta(days=10), timezone.localdate()),
        ],
    )
    member = UserFactory(username="member")
    council, composition, _seats = seated_council(world.province, size=3)
    CouncilMemberFactory(
        composition=composition, person=PersonFactory(unit=world.unit_a, user=member)
    )
    MeetingFactory(
        council=council,
        starts_at=now + datetime.timedelta(days=3),
        subject="Xét khen thưởng tổng kết năm",
    )
    return world


def test_every_role_lands_on_what_awaits_it(page, live_server, login):
    world_with_work()
    login("secretariat")
    main = page.locator("main")
    expect(main).to_contain_text("Công tác thi đua, khen thưởng qua các con số")
    expect(main).to_contain_text("Hồ sơ chờ xử lý theo bước và thời gian chờ")
    expect(main).to_contain_text("Việc quá hạn")
    expect(main).to_contain_text("Phiên họp hội đồng sắp tới")
    page.click("text=Đăng xuất")

    login("leader")
    expect(main).to_contain_text("Công tác thi đua, khen thưởng qua các con số")
    expect(main).not_to_contain_text("Hồ sơ chờ xử lý theo bước và thời gian chờ")
    page.click("text=Đăng xuất")

    login("officer_a")
    expect(main).not_to_contain_text("Công tác thi đua, khen thưởng qua các con số")
    expect(main).to_contain_text("Ủy ban nhân dân phường An Bình")
    page.click("text=Đăng xuất")

    login("member")
    expect(main).to_contain_text("Phiên họp hội đồng sắp tới")
    expect(main).not_to_contain_text("Việc quá hạn")


def test_a_leader_follows_a_figure_to_its_records(page, live_server, login):
    world_with_work()
    login("leader")
    page.click("nav.mainnav >> text=Báo cáo, thống kê")
    page.click(
        "main >> text=Khen thưởng theo năm, danh hiệu, hình thức, cấp, đơn vị và đối tượng"
    )
    page.select_option("#id_year_from", "2023")
    page.select_option("#id_year_to", "2024")
    page.click("form.filters button")
    table = page.locator("table.rp-stats").first
    expect(table).to_contain_text("2024")
    expect(page.locator("figure.chart svg rect").first).to_be_visible()
    table.locator("tr", has_text="2024").locator("td.num a").last.click()
    expect(page.locator("h1")).to_contain_text("Danh sách chi tiết")
    expect(page.locator(".rp-total")).to_contain_text("13")
    page.goto(f"{live_server.url}/reports/forms/0602/?year=2025")
    expect(page.locator("table.rp-form")).to_contain_text("Tổng số")
    response = page.request.get(f"{live_server.url}/reports/forms/0602/pdf/?year=2025")
    assert response.headers["content-type"] == "application/pdf"
