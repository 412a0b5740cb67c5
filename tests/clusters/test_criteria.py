"""Criteria sets: adapting a parent records what changed and its share; frozen sets stay put."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from clusters.criteria_diff import criteria_diff
from clusters.models import CriteriaSet
from clusters.services import criteria as services
from tests.factories_clusters import make_criteria_set

pytestmark = pytest.mark.django_db


def diff_of(child: CriteriaSet):
    return criteria_diff(
        child.parent.criteria.order_by("depth", "order", "pk"),
        child.criteria.order_by("depth", "order", "pk"),
    )


@pytest.fixture
def city(world):
    return make_criteria_set(owner_unit=world.province, name="Tiêu chí của tỉnh")


def test_an_adapted_set_starts_as_an_unchanged_copy(world, city):
    child = make_criteria_set(
        owner_unit=world.unit_a, name="Tiêu chí của cụm", parent=city
    )
    assert child.criteria.count() == city.criteria.count() == 11
    diff = diff_of(child)
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (0, 0, 0, 11)
    assert diff.share == 0


def test_changes_are_counted_by_kind_and_give_the_share(world, city):
    child = make_criteria_set(
        owner_unit=world.unit_a, name="Tiêu chí của cụm", parent=city
    )
    services.criterion_update(
        criterion=child.criteria.get(code="1"), actor=None, max_points=Decimal(25)
    )
    services.criterion_update(
        criterion=child.criteria.get(code="2"),
        actor=None,
        max_points=Decimal(35),
        title="Cải cách hành chính, chuyển đổi số",
    )
    services.criterion_delete(criterion=child.criteria.get(code="5"), actor=None)
    services.criterion_add(
        criteria_set=child,
        actor=None,
        parent=child.criteria.get(code="III"),
        code="5b",
        title="Sáng kiến được công nhận",
        max_points=Decimal(5),
        kind="bonus",
    )
    diff = diff_of(child)
    assert (diff.added, diff.removed, diff.changed) == (1, 1, 2)
    assert diff.share == Fraction(4, 11)
    changed = {row.code: row.fields for row in diff.rows if row.status == "changed"}
    assert changed == {"1": ["max_points"], "2": ["title", "max_points"]}


def test_renumbering_alone_is_not_a_change(world, city):
    child = make_criteria_set(
        owner_unit=world.unit_a, name="Tiêu chí của cụm", parent=city
    )
    services.criterion_update(
        criterion=child.criteria.get(code="1"), actor=None, code="1.1"
    )
    assert diff_of(child).changed == 0


def test_freezing_keeps_the_share_as_it_stood(world, city):
    child = make_criteria_set(
        owner_unit=world.unit_a, name="Tiêu chí của cụm", parent=city
    )
    services.criterion_update(
        criterion=child.criteria.get(code="3"),
        actor=None,
        title="Báo cáo đúng hạn, đủ nội dung",
    )
    frozen = services.criteria_set_freeze(criteria_set=child, actor=None)
    assert frozen.change_summary == {
        "added": 0,
        "removed": 0,
        "changed": 1,
        "unchanged": 10,
        "share": "1/11",
    }


def test_a_frozen_set_refuses_edits_and_a_copy_is_the_next_version(world, city):
    services.criteria_set_freeze(criteria_set=city, actor=None)
    with pytest.raises(ValidationError, match="đã khóa"):
        services.criterion_update(
            criterion=city.criteria.get(code="1"), actor=None, max_points=Decimal(20)
        )
    copy = services.criteria_set_copy(criteria_set=city, actor=None)
    assert (copy.version, copy.status, copy.previous_version_id) == (
        2,
        "draft",
        city.pk,
    )
    assert copy.criteria.count() == 11
    services.criterion_update(
        criterion=copy.criteria.get(code="1"), actor=None, title="Mới"
    )
    assert city.criteria.get(code="1").title == "Hoàn thành chỉ tiêu được giao"


def test_a_version_copy_of_an_adapted_set_keeps_its_origins(world, city):
    child = make_criteria_set(
        owner_unit=world.unit_a, name="Tiêu chí của cụm", parent=city
    )
    services.criterion_update(
        criterion=child.criteria.get(code="1"), actor=None, max_points=Decimal(25)
    )
    services.criterion_update(
        criterion=child.criteria.get(code="2"), actor=None, max_points=Decimal(35)
    )
    services.criteria_set_freeze(criteria_set=child, actor=None)
    copy = services.criteria_set_copy(criteria_set=child, actor=None)
    assert copy.parent_id == city.pk and diff_of(copy).changed == 2


def test_freeze_refuses_a_group_whose_items_do_not_add_up(world, city):
    services.criterion_update(
        criterion=city.criteria.get(code="1"), actor=None, max_points=Decimal(20)
    )
    with pytest.raises(ValidationError, match="“I” là 50, khác 60"):
        services.criteria_set_freeze(criteria_set=city, actor=None)


def test_children_share_their_groups_kind_and_depth_is_limited(world, city):
    group = city.criteria.get(code="III")
    with pytest.raises(ValidationError, match="cùng loại"):
        services.criterion_add(
            criteria_set=city,
            actor=None,
            parent=group,
            code="x",
            title="x",
            max_points=Decimal(1),
            kind="penalty",
        )
    leaf = city.criteria.get(code="1")
    sub = services.criterion_add(
        criteria_set=city,
        actor=None,
        parent=leaf,
        code="1.a",
        title="a",
        max_points=Decimal(1),
    )
    with pytest.raises(ValidationError, match="ba cấp"):
        services.criterion_add(
            criteria_set=city,
            actor=None,
            parent=sub,
            code="1.a.i",
            title="i",
            max_points=Decimal(1),
        )


def test_codes_are_unique_in_a_set(world, city):
    with pytest.raises(ValidationError, match="đã có"):
        services.criterion_add(
            criteria_set=city, actor=None, code="1", title="x", max_points=Decimal(1)
        )
