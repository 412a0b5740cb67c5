"""A secretariat records a council session in the browser: create the session, call
the members (saved as you go), record a vote, close the session, print the minutes."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import htmx_exchange, htmx_ready
from tests.conftest import build_world
from tests.factories import PersonFactory
from tests.factories_councils import seated_council
from tests.pdf_text import pdf_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]


def saved_attendance(response) -> bool:
    return "/councils/attendance/" in response.url and response.request.method == "POST"


def test_session_attendance_vote_and_minutes(page, live_server, login):
    world = build_world()
    people = [
        PersonFactory(full_name=name, unit=world.unit_a)
        for name in (
            "Trần Minh Quang",
            "Đỗ Minh Tuấn",
            "Cao Xuân Việt",
            "Lê Thị Thu Trang",
        )
    ]
    council = seated_council(
        world.unit_a, size=4, people=people, decision_date=datetime.date(2020, 12, 17)
    )[0]
    login("secretariat")
    page.click("nav.mainnav >> text=Hội đồng")
    page.click(f"text={council.name}")
    page.click("text=Lập phiên họp")
    page.fill("#id_starts_at", "2022-03-09T14:00")
    page.fill("#id_place", "Hội trường tầng 2")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Phiên họp lần thứ Nhất năm 2022")
    expect(page.locator("#quorum")).to_contain_text("Có mặt 0/4")
    htmx_ready(page)

    rows = page.locator("tr.attendance-row")
    for index, status in enumerate(("present", "present", "present", "absent")):
        with htmx_exchange(page, saved_attendance) as response:
            rows.nth(index).locator("select[name=status]").select_option(status)
        assert response.value.status == 200
        expect(rows.nth(index)).to_have_class(f"attendance-row status-{status}")
    last = rows.nth(3)
    last.locator("input[name=reason]").fill("Đi công tác")
    last.locator("input[name=reason]").press("Tab")
    expect(page.locator("#quorum")).to_contain_text("Có mặt 3/4")
    expect(page.locator("#quorum")).to_contain_text("Đủ điều kiện biểu quyết")

    page.click("text=Thêm nội dung")
    page.fill("#id_title", "Kế hoạch công tác thi đua, khen thưởng năm 2022")
    page.click("main button[type=submit]")
    item = page.locator(".agenda-item").first
    item.locator("summary").click()
    item.locator("input[name=votes_for]").fill("3")
    item.locator("input[name=votes_against]").fill("0")
    item.locator("input[name=abstentions]").fill("0")
    item.locator("button[type=submit]").click()
    expect(page.locator(".agenda-item").first).to_contain_text("Thông qua")
    expect(page.locator(".agenda-item").first).to_contain_text("75")

    page.click("text=Kết thúc phiên họp")
    page.fill("#id_ends_at", "2022-03-09T16:30")
    page.click("main button[type=submit]")
    page.click("text=Ban hành biên bản")
    page.click("main button[type=submit]")
    link = page.locator("a.minutes-pdf")
    expect(link).to_contain_text("01/BB-")
    response = page.request.get(f"{live_server.url}{link.get_attribute('href')}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "BIÊN BẢN" in text and f"01/BB-{council.issuer.symbol}" in text
    assert "Hội trường tầng 2" in text
    assert "vắng 1 thành viên: Đ/c Lê Thị Thu Trang (lý do: Đi công tác)" in text
    assert "THÔNG QUA" in text and "THƯ KÝ" in text and "CHỦ TỌA" in text
