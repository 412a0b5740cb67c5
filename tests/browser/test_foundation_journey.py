import pytest
from playwright.sync_api import expect

from tests.browser.conftest import htmx_ready
from tests.conftest import build_world
from tests.pdf_text import pdf_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]


def test_login_dashboard_and_sample_pdf(page, live_server, login):
    build_world()
    login("secretariat")
    expect(page.locator("h1")).to_contain_text("Xin chào")
    expect(page.locator("main")).to_contain_text("Ủy ban nhân dân tỉnh Thử")
    page.click("nav.mainnav >> text=Văn bản")
    expect(page.locator("h1")).to_contain_text("Sổ văn bản")
    link = page.locator("a.sample-link").first
    href = link.get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "QUYẾT ĐỊNH" in text


def test_accent_free_search_updates_the_list_in_place(page, live_server, login):
    build_world()
    login("officer_a")
    page.click("nav.mainnav >> text=Cá nhân")
    htmx_ready(page)
    page.fill("#id_q", "nguyen van anh")
    expect(page.locator("#person-rows")).to_contain_text("Nguyễn Văn Ánh")
    expect(page.locator("#person-rows")).not_to_contain_text("Trần Thị Bích")
