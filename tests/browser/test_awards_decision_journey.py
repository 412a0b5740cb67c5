"""Council agenda → vote → decision → PDF → public verification of the certificate."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import htmx_ready
from tests.conftest import build_world
from tests.factories_awards import checked, council_session, dossier

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]


def logout(page):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(re.compile(r"/accounts/login/"))


def confirm(page):
    page.click("main form button[type=submit]")


def test_agenda_vote_decision_pdf_and_verification(page, live_server, login):
    world = build_world()
    meeting = council_session(world.unit_a, size=5)
    target = checked(dossier(world.unit_a, "GIAY_KHEN", people=[world.person_a]))

    # The secretariat puts the checked dossier on the session's agenda.
    login("secretariat")
    page.goto(f"{live_server.url}/awards/council/")
    page.click(f"a:has-text('{meeting.title}')")
    page.check(f"#checked-dossiers input[value='{target.pk}']")
    page.click("#add-dossiers button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Đã đưa hồ sơ vào chương trình")
    page.click(f"#agenda a:has-text('{target.reference}')")
    expect(page.locator("#vote-rule")).to_contain_text("từ 70% tổng số thành viên")

    # Votes of the one nominee, saved in place (htmx); then the result goes to the dossier.
    htmx_ready(page)
    row = page.locator("#nominees tbody tr").first
    row.locator("select[name=method]").select_option("secret_ballot")
    row.locator("input[name=votes_for]").fill("4")
    row.locator("input[name=votes_against]").fill("1")
    row.locator("button[type=submit]").click()
    expect(page.locator("#nominees")).to_contain_text("Đạt")
    page.reload()
    page.click("#actions a:has-text('Chốt kết quả')")
    confirm(page)
    expect(page.locator(".messages")).to_contain_text("Đã ghi kết quả của Hội đồng")

    # The decision: drafted from the approved dossier, signed, issued with a number.
    page.goto(f"{live_server.url}/awards/decisions/pending/")
    page.check(f"input[name=dossiers][value='{target.pk}']")
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Dự thảo quyết định")
    page.click("#actions a:has-text('Sửa dự thảo')")
    page.select_option("#id_signature_prefix", "KT.")
    page.fill("#id_signature_authority", "CHỦ TỊCH")
    page.fill("#id_signer_title", "PHÓ CHỦ TỊCH")
    page.fill("#id_signer_name", "Lê Văn Ký")
    page.click("main form button[type=submit]")
    page.click("#actions a:has-text('Ban hành')")
    page.fill("#id_issued_on", "2025-01-20")
    confirm(page)
    expect(page.locator("h1")).to_contain_text("Quyết định số 01/QĐ-UBND")
    expect(page.locator("#read-only-note")).to_be_visible()
    expect(page.locator("#actions")).not_to_contain_text("Sửa dự thảo")
    expect(page.locator("#decision-total")).to_contain_text("702.000 đồng")

    # The PDF prints as issued.
    href = page.locator("#decision-pdf").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(pdf.body()) > 10_000
    href = page.locator("#certificates-pdf").get_attribute("href")
    certificates = page.request.get(f"{live_server.url}{href}")
    assert certificates.headers["content-type"] == "application/pdf"
    code = page.locator("#lines tbody tr").first.locator("td").nth(4).inner_text()
    code = re.search(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code).group(0)
    logout(page)

    # Anyone can check the certificate by the code printed on it.
    page.goto(f"{live_server.url}/awards/verify/")
    page.fill("#code", code.lower())
    page.click("main form button[type=submit]")
    expect(page.locator("#verify-status")).to_contain_text("hợp lệ")
    expect(page.locator("#verify-result")).to_contain_text("Nguyễn Văn Ánh")
    expect(page.locator("#verify-result")).to_contain_text("01/QĐ-UBND")
