"""Unit nominates → secretariat returns → unit corrects → secretariat accepts."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import htmx_exchange, htmx_ready, htmx_settled
from tests.conftest import build_world
from tests.factories_awards import PDF_BYTES, dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]


def logout(page):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def upload(page, component, name="tai-lieu.pdf"):
    page.select_option("select[name=item]", label=component)
    page.set_input_files(
        "input[type=file][name=file]",
        files=[{"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}],
    )
    page.click("form.upload-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Đã tải tệp lên")


def confirm(page, action_label, reason=None):
    page.click(f"#actions a:has-text('{action_label}')")
    if reason is not None:
        page.fill("textarea[name=reason]", reason)
    page.click("main form button[type=submit]")


def test_nominate_return_correct_accept(page, live_server, login):
    world = build_world()
    login("officer_a")
    page.click("nav.mainnav >> text=Hồ sơ khen thưởng")
    page.click("text=Lập hồ sơ đề nghị")
    page.select_option("#id_unit", label=world.unit_a.name)
    page.select_option("#id_award_kind", label="Lao động tiên tiến")
    page.fill("#id_year", "2025")
    page.fill("#id_title", "Đề nghị công nhận Lao động tiên tiến năm 2025")
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_contain_text(
        "Đề nghị công nhận Lao động tiên tiến năm 2025"
    )
    dossier_url = page.url

    # Add a nominee from the registry, searching without accents (htmx).
    page.click("text=Thêm, bớt người được đề nghị")
    htmx_ready(page)
    page.fill("#id_q", "nguyen van anh")
    candidates = page.locator("#candidates")
    expect(candidates).to_contain_text("Nguyễn Văn Ánh")
    expect(candidates).not_to_contain_text("Trần Thị Bích")
    htmx_settled(page)
    candidates.locator("input[name=person]").first.check()
    page.click("#candidates button[type=submit]")
    expect(page.locator("#current-nominees")).to_contain_text("Nguyễn Văn Ánh")

    page.goto(dossier_url)
    upload(page, "Tờ trình đề nghị", "to-trinh.pdf")
    upload(page, "Báo cáo thành tích của cá nhân, tập thể")
    confirm(page, "Gửi hồ sơ")
    expect(page.locator(".messages")).to_contain_text(
        "Còn thiếu thành phần hồ sơ bắt buộc"
    )
    upload(page, "Biên bản bình xét thi đua")
    confirm(page, "Gửi hồ sơ")
    expect(page.locator("#dossier-status")).to_contain_text("Đã gửi, chờ tiếp nhận")
    logout(page)

    # The province's secretariat receives it and sends it back with a reason.
    login("secretariat")
    page.click("nav.mainnav >> text=Tiếp nhận hồ sơ")
    page.click("#dossier-rows a:has-text('HS-2025')")
    confirm(page, "Tiếp nhận, bắt đầu thẩm định")
    expect(page.locator("#dossier-status")).to_contain_text("Đang thẩm định")
    confirm(
        page,
        "Trả lại để bổ sung",
        reason="Biên bản bình xét thiếu chữ ký của Chủ tịch Hội đồng.",
    )
    expect(page.locator("#dossier-status")).to_contain_text("Trả lại để bổ sung")
    logout(page)

    # The unit sees why, corrects and sends it again.
    login("officer_a")
    page.goto(dossier_url)
    expect(page.locator("#returned-reason")).to_contain_text(
        "thiếu chữ ký của Chủ tịch Hội đồng"
    )
    upload(page, "Biên bản bình xét thi đua", "bien-ban-co-chu-ky.pdf")
    confirm(page, "Gửi lại hồ sơ đã bổ sung")
    expect(page.locator("#dossier-status")).to_contain_text("Đã bổ sung, gửi lại")
    logout(page)

    # The secretariat accepts it.
    login("secretariat")
    page.goto(dossier_url)
    confirm(page, "Tiếp nhận, bắt đầu thẩm định")
    confirm(page, "Hoàn thành thẩm định")
    expect(page.locator("#dossier-status")).to_contain_text(
        "Đã thẩm định, chờ trình Hội đồng"
    )
    history = page.locator("#history")
    for step in (
        "Đã gửi, chờ tiếp nhận",
        "Trả lại để bổ sung",
        "Đã bổ sung, gửi lại",
        "Đã thẩm định",
    ):
        expect(history).to_contain_text(step)


def test_the_secretariat_finds_a_unit_by_typing_and_filters_its_dossiers(
    page, live_server, login
):
    world = build_world()
    dossier(world.unit_a, "LDTT")
    dossier(world.unit_b, "LDTT")
    login("secretariat")
    page.goto(f"{live_server.url}/awards/dossiers/")
    htmx_ready(page)
    rows = page.locator("#dossier-rows tbody")
    expect(rows).to_contain_text("Ủy ban nhân dân phường An Bình")
    with htmx_exchange(page, lambda r: "/units/options/" in r.url):
        page.fill("#id_unit_q", "bao long")
    expect(page.locator("#id_unit option")).to_have_text(
        ["---------", "Ủy ban nhân dân phường Bảo Long", "Trường Tiểu học Bảo Long"]
    )
    with htmx_exchange(page, lambda r: "/awards/dossiers/?" in r.url):
        page.select_option("#id_unit", label="Ủy ban nhân dân phường Bảo Long")
    expect(rows).to_contain_text("Ủy ban nhân dân phường Bảo Long")
    expect(rows).not_to_contain_text("Ủy ban nhân dân phường An Bình")
