"""Scoring: bounds, evidence or explanation, reviews by other units, exemptions, history."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from clusters.models import Review, ScoreChange, ScoreSheet
from clusters.ranking import ranking_table
from clusters.services import reviews, scoring
from orgs.models import AuditEntry
from tests.factories_clusters import make_cluster

pytestmark = pytest.mark.django_db

FULL = {"1": 25, "2": 20, "3": 30, "4": 0, "5": 0, "6": 0, "7": 0}


@pytest.fixture
def built(world):
    built = make_cluster(world)
    scoring.scoring_start(cluster_year=built.year, actor=world.officer_a)
    return built


def entry(built, unit, code):
    return built.sheet(unit).entries.get(criterion__code=code)


def fill(built, unit, actor, values=None):
    for code, points in (values or FULL).items():
        scoring.self_score_set(
            entry=entry(built, unit, code),
            actor=actor,
            points=points,
            explanation="Đã gửi bản giấy" if code in ("1", "4") else scoring.KEEP,
        )


def review_all(built, sheet_unit, reviewer_unit, actor, changes=None):
    review = built.sheet(sheet_unit).reviews.get(reviewer_unit=reviewer_unit)
    reviews.review_accept_self(review=review, actor=actor)
    for code, (points, reason) in (changes or {}).items():
        reviews.review_score_set(
            review=review,
            criterion=built.criterion(code),
            points=points,
            reason=reason,
            actor=actor,
        )
    reviews.review_complete(review=review, actor=actor)


def test_starting_freezes_the_set_and_assigns_reviewers(world, built):
    built.criteria_set.refresh_from_db()
    assert built.criteria_set.is_frozen
    head_card, deputy_card = built.sheet(world.unit_a), built.sheet(world.unit_b)
    assert [r.reviewer_unit for r in head_card.reviews.all()] == [world.unit_b]
    assert [r.reviewer_unit for r in deputy_card.reviews.all()] == [world.unit_a]


def test_scores_stay_within_bounds(world, built):
    with pytest.raises(ValidationError, match="phải từ 0 đến 30"):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "1"), actor=world.officer_a, points="31"
        )
    with pytest.raises(ValidationError, match="phải từ -3 đến 0"):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "6"), actor=world.officer_a, points="-4"
        )
    with pytest.raises(ValidationError, match="hai chữ số thập phân"):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "1"), actor=world.officer_a, points="1,255"
        )
    with pytest.raises(ValidationError, match="là nhóm"):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "I"), actor=world.officer_a, points="1"
        )
    scoring.self_score_set(
        entry=entry(built, world.unit_a, "1"), actor=world.officer_a, points="27,5"
    )
    assert entry(built, world.unit_a, "1").self_points == Decimal("27.5")


def test_a_unit_cannot_score_another_units_card(world, built):
    with pytest.raises(PermissionDenied):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "1"), actor=world.officer_b, points="10"
        )
    with pytest.raises(PermissionDenied):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "1"), actor=world.leader, points="10"
        )


def test_every_change_keeps_who_when_old_and_new(world, built):
    target = entry(built, world.unit_a, "2")
    scoring.self_score_set(entry=target, actor=world.officer_a, points="10")
    scoring.self_score_set(entry=target, actor=world.officer_a, points="12,5")
    changes = list(ScoreChange.objects.filter(sheet=target.sheet).order_by("pk"))
    assert [(c.old_value, c.new_value, c.actor) for c in changes] == [
        ("", "10", world.officer_a),
        ("10", "12,5", world.officer_a),
    ]
    assert AuditEntry.objects.filter(action="clusters.score.self_set").count() == 2


def test_submission_needs_every_score_and_evidence_or_explanation(world, built):
    card = built.sheet(world.unit_a)
    with pytest.raises(ValidationError, match="Chưa chấm các tiêu chí"):
        scoring.sheet_submit(sheet=card, actor=world.officer_a)
    for code, points in FULL.items():
        scoring.self_score_set(
            entry=entry(built, world.unit_a, code), actor=world.officer_a, points=points
        )
    with pytest.raises(ValidationError, match="Các tiêu chí 1 cần tài liệu kiểm chứng"):
        scoring.sheet_submit(sheet=card, actor=world.officer_a)
    upload = io.BytesIO(b"%PDF-1.4 test evidence")
    scoring.evidence_add(
        entry=entry(built, world.unit_a, "1"),
        upload=upload,
        name="bao-cao.pdf",
        size=22,
        actor=world.officer_a,
    )
    assert (
        scoring.sheet_submit(sheet=card, actor=world.officer_a).status
        == ScoreSheet.Status.SUBMITTED
    )


def test_zero_scores_can_be_submitted(world, built):
    fill(built, world.unit_a, world.officer_a, dict.fromkeys(FULL, 0))
    assert (
        scoring.sheet_submit(
            sheet=built.sheet(world.unit_a), actor=world.officer_a
        ).status
        == "submitted"
    )


def test_evidence_is_checked_by_content(world, built):
    target = entry(built, world.unit_a, "1")
    with pytest.raises(ValidationError, match="không đúng định dạng"):
        scoring.evidence_add(
            entry=target,
            upload=io.BytesIO(b"MZ\x90\x00binary"),
            name="bao-cao.pdf",
            size=10,
            actor=world.officer_a,
        )
    with pytest.raises(ValidationError, match="lớn hơn 10 MB"):
        scoring.evidence_add(
            entry=target,
            upload=io.BytesIO(b"%PDF-"),
            name="a.pdf",
            size=11 * 1024 * 1024,
            actor=world.officer_a,
        )


def test_the_first_deputy_reviews_the_heads_card_and_nobody_reviews_their_own(
    world, built
):
    fill(built, world.unit_a, world.officer_a)
    scoring.sheet_submit(sheet=built.sheet(world.unit_a), actor=world.officer_a)
    head_review = built.sheet(world.unit_a).reviews.get()
    with pytest.raises(PermissionDenied):
        reviews.review_score_set(
            review=head_review,
            criterion=built.criterion("1"),
            points=20,
            reason="x",
            actor=world.officer_a,
        )
    reviews.review_score_set(
        review=head_review,
        criterion=built.criterion("1"),
        points=20,
        reason="Thiếu minh chứng một chỉ tiêu",
        actor=world.officer_b,
    )


def test_a_verified_score_that_differs_needs_a_reason(world, built):
    fill(built, world.unit_b, world.officer_b)
    scoring.sheet_submit(sheet=built.sheet(world.unit_b), actor=world.officer_b)
    review = built.sheet(world.unit_b).reviews.get()
    with pytest.raises(ValidationError, match="hãy ghi lý do"):
        reviews.review_score_set(
            review=review,
            criterion=built.criterion("1"),
            points=20,
            actor=world.officer_a,
        )
    reviews.review_score_set(
        review=review, criterion=built.criterion("1"), points=25, actor=world.officer_a
    )


def test_a_draft_card_cannot_be_reviewed(world, built):
    review = built.sheet(world.unit_b).reviews.get()
    with pytest.raises(ValidationError, match="không ở trạng thái chờ thẩm định"):
        reviews.review_score_set(
            review=review,
            criterion=built.criterion("1"),
            points=25,
            actor=world.officer_a,
        )


def test_an_exemption_reduces_the_maximum_and_is_decided_by_the_head(world, built):
    target = entry(built, world.unit_b, "2")
    with pytest.raises(PermissionDenied):
        reviews.exemption_set(
            entry=target, actor=world.officer_b, exempt=True, reason="Không có TTHC"
        )
    with pytest.raises(ValidationError, match="lý do"):
        reviews.exemption_set(entry=target, actor=world.officer_a, exempt=True)
    reviews.exemption_set(
        entry=target,
        actor=world.officer_a,
        exempt=True,
        reason="Đơn vị không có thủ tục hành chính",
    )
    fill(
        built,
        world.unit_b,
        world.officer_b,
        {"1": 30, "3": 35, "4": 0, "5": 0, "6": 0, "7": 0},
    )
    table = ranking_table(built.year)
    row = next(r for r in table["rows"] if r["unit_code"] == "B")
    assert row["reduced_max"] == "70.00" and row["self_total"] == "65.00"
    assert ScoreChange.objects.filter(field="exempt", new_value="có").exists()


def test_the_whole_round_to_a_published_ranking(world, built):
    fill(built, world.unit_a, world.officer_a)
    fill(built, world.unit_b, world.officer_b, {**FULL, "1": 30, "4": 8, "6": -1})
    scoring.sheet_submit(sheet=built.sheet(world.unit_a), actor=world.officer_a)
    scoring.sheet_submit(sheet=built.sheet(world.unit_b), actor=world.officer_b)
    review_all(built, world.unit_a, world.unit_b, world.officer_b)
    review_all(
        built,
        world.unit_b,
        world.unit_a,
        world.officer_a,
        {"4": ("0", "Cờ thi đua năm trước, không tính")},
    )
    year = reviews.ranking_publish(cluster_year=built.year, actor=world.officer_a)
    rows = year.ranking_snapshot["rows"]
    assert [(r["unit_code"], r["rank"]) for r in rows] == [("B", 1), ("A", 2)]
    assert {r["unit_code"]: r["final"] for r in rows} == {"A": "75.00", "B": "79.00"}
    assert {r["unit_code"]: r["self_total"] for r in rows} == {
        "A": "75.00",
        "B": "87.00",
    }
    assert set(year.sheets.values_list("status", flat=True)) == {"locked"}
    with pytest.raises(ValidationError):
        scoring.self_score_set(
            entry=entry(built, world.unit_a, "1"), actor=world.officer_a, points="1"
        )


def test_publication_waits_for_every_review(world, built):
    fill(built, world.unit_a, world.officer_a)
    scoring.sheet_submit(sheet=built.sheet(world.unit_a), actor=world.officer_a)
    with pytest.raises(ValidationError, match="chưa thẩm định xong"):
        reviews.ranking_publish(cluster_year=built.year, actor=world.officer_a)


def test_returning_a_card_reopens_self_scoring(world, built):
    fill(built, world.unit_b, world.officer_b)
    card = scoring.sheet_submit(sheet=built.sheet(world.unit_b), actor=world.officer_b)
    with pytest.raises(PermissionDenied):
        scoring.sheet_return(sheet=card, actor=world.officer_b, reason="x")
    card = scoring.sheet_return(
        sheet=card, actor=world.officer_a, reason="Bổ sung minh chứng tiêu chí 1"
    )
    assert card.status == "draft" and card.reviews.get().status == Review.Status.OPEN
