"""A unit self-scores its card (row by row, totals live), the head verifies it, the
ranking is published and printed."""

import pytest
from playwright.sync_api import expect

from clusters.services import reviews, scoring
from tests.browser.conftest import htmx_exchange, htmx_ready
from tests.conftest import build_world
from tests.factories_clusters import make_cluster
from tests.pdf_text import pdf_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]

SCORES = {"1": "25", "2": "20", "3": "30", "4": "0", "5": "0", "6": "0", "7": "0"}


def saved(response) -> bool:
    return response.url.endswith("/save/")


def prepare():
    """A's card (the head's) is already self-scored and verified by B, its first deputy."""
    world = build_world()
    built = make_cluster(world)
    scoring.scoring_start(cluster_year=built.year, actor=None)
    card_a = built.sheet(world.unit_a)
    for entry in card_a.entries.select_related("criterion"):
        if entry.criterion.code in SCORES:
            scoring.self_score_set(
                entry=entry,
                actor=None,
                points=SCORES[entry.criterion.code],
                explanation="Bản giấy",
            )
    scoring.sheet_submit(sheet=card_a, actor=None)
    review = card_a.reviews.get()
    reviews.review_accept_self(review=review, actor=None)
    reviews.review_complete(review=review, actor=None)
    return world, built


def test_unit_scores_head_verifies_ranking_printed(page, live_server, login):
    world, built = prepare()
    criterion = {c.code: c.pk for c in built.criteria_set.criteria.all()}

    login("officer_b")
    page.click("nav.mainnav >> text=Cụm, khối thi đua")
    page.click("text=Cụm thi đua số 1 – các phường thử")
    page.click("text=2024")
    page.click("nav.cluster-tabs >> text=Chấm điểm")
    page.click("#sheets a:has-text('Ủy ban nhân dân phường Bảo Long')")
    htmx_ready(page)
    for code, points in SCORES.items():
        field = page.locator(f"#p-{criterion[code]}")
        field.fill(points)
        with htmx_exchange(page, saved):
            field.press("Tab")
        expect(page.locator(f"#row-{criterion[code]} input.points")).to_have_value(
            points
        )
    expect(page.locator("#grid-totals")).to_contain_text("75")
    expect(page.locator("#grid-totals")).not_to_contain_text("chưa chấm")
    page.fill(f"#e-{criterion['1']}", "Báo cáo năm đã gửi bản giấy")
    with htmx_exchange(page, saved):
        page.press(f"#e-{criterion['1']}", "Tab")
    page.click("text=Gửi thẩm định")
    page.click("main button[type=submit] >> text=Gửi thẩm định")
    expect(page.locator("#sheet-status")).to_contain_text("Đã gửi")

    page.context.clear_cookies()
    login("officer_a")
    page.goto(f"{live_server.url}/clusters/sheets/{built.sheet(world.unit_b).pk}/")
    page.click("text=Lấy điểm tự chấm cho tiêu chí chưa chấm")
    htmx_ready(page)
    review = built.sheet(world.unit_b).reviews.get()
    page.fill(f"#r-{review.pk}-{criterion['3']}", "28")
    with htmx_exchange(page, saved):
        page.press(f"#r-{review.pk}-{criterion['3']}", "Tab")
    expect(page.locator(f"#row-{criterion['3']}")).to_contain_text("hãy ghi lý do")
    page.fill(f"[name=rr-{review.pk}-{criterion['3']}]", "Thiếu báo cáo quý IV")
    with htmx_exchange(page, saved):
        page.press(f"[name=rr-{review.pk}-{criterion['3']}]", "Tab")
    expect(page.locator(f"#row-{criterion['3']} td.verified")).to_contain_text("28")
    page.click(f"#review-complete-{review.pk}")
    expect(page.locator("#sheet-status")).to_contain_text("Đã thẩm định")

    page.goto(f"{live_server.url}/clusters/years/{built.year.pk}/ranking/")
    page.click("text=Công bố kết quả")
    page.click("main button[type=submit] >> text=Công bố")
    expect(page.locator("#ranking-table")).to_contain_text(
        "Ủy ban nhân dân phường Bảo Long"
    )
    href = page.locator("#ranking-pdf").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(pdf_text(response.body()).split())
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024" in text
    assert (
        "Ủy ban nhân dân phường Bảo Long" in text
        and "73" in text
        and "DỰ THẢO" not in text
    )
