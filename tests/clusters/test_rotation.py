"""Leadership rotation: the conference proposes, the authority confirms, rolling applies it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from clusters.models import ClusterMembership, RotationProposal
from clusters.services import organisation, rotation
from orgs.models import AuditEntry
from tests.factories import UnitFactory
from tests.factories_clusters import make_cluster

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio(world):
    unit_c = UnitFactory(
        code="C", name="Ủy ban nhân dân phường Cẩm Phong", parent=world.province
    )
    built = make_cluster(world, members=[world.unit_a, world.unit_b, unit_c])
    return built, unit_c


def roles(year):
    return {
        m.unit.code: (m.role, m.deputy_rank)
        for m in year.memberships.select_related("unit")
    }


def test_rolling_without_a_confirmed_proposal_leaves_no_head(world, trio):
    built, _c = trio
    result = rotation.cluster_year_roll(
        cluster_year=built.year, actor=world.secretariat
    )
    assert result.year.year == 2025 and result.rotation_applied is False
    assert roles(result.year) == {
        "A": ("member", None),
        "B": ("member", None),
        "C": ("member", None),
    }


def test_the_deputy_does_not_become_head_by_itself(world, trio):
    built, unit_c = trio
    proposal = rotation.rotation_propose(
        cluster_year=built.year,
        head=unit_c,
        deputies=[world.unit_a],
        actor=world.officer_a,
    )
    rotation.rotation_confirm(
        proposal=proposal,
        actor=world.secretariat,
        decided_on=datetime.date(2025, 1, 10),
    )
    following = rotation.cluster_year_roll(
        cluster_year=built.year, actor=world.secretariat
    ).year
    assert roles(following) == {
        "A": ("deputy", 1),
        "B": ("member", None),
        "C": ("head", None),
    }


def test_an_unconfirmed_proposal_is_not_applied(world, trio):
    built, unit_c = trio
    rotation.rotation_propose(
        cluster_year=built.year, head=unit_c, deputies=[], actor=world.officer_a
    )
    following = rotation.cluster_year_roll(
        cluster_year=built.year, actor=world.secretariat
    ).year
    assert following.head is None


def test_confirming_after_the_roll_updates_the_rolled_year(world, trio):
    built, unit_c = trio
    following = rotation.cluster_year_roll(
        cluster_year=built.year, actor=world.secretariat
    ).year
    proposal = rotation.rotation_propose(
        cluster_year=built.year,
        head=world.unit_b,
        deputies=[unit_c, world.unit_a],
        actor=world.officer_a,
    )
    rotation.rotation_confirm(
        proposal=proposal, actor=world.secretariat, decided_on=datetime.date(2025, 1, 5)
    )
    assert roles(following) == {
        "A": ("deputy", 2),
        "B": ("head", None),
        "C": ("deputy", 1),
    }


def test_past_year_keeps_its_leaders_after_rotation(world, trio):
    built, unit_c = trio
    proposal = rotation.rotation_propose(
        cluster_year=built.year, head=unit_c, deputies=[], actor=world.officer_a
    )
    rotation.rotation_confirm(
        proposal=proposal, actor=world.secretariat, decided_on=datetime.date(2025, 1, 5)
    )
    rotation.cluster_year_roll(cluster_year=built.year, actor=world.secretariat)
    assert roles(built.year)["A"] == ("head", None)
    assert roles(built.year)["B"] == ("deputy", 1)


def test_only_the_authority_confirms(world, trio):
    built, unit_c = trio
    proposal = rotation.rotation_propose(
        cluster_year=built.year, head=unit_c, deputies=[], actor=world.officer_a
    )
    with pytest.raises(PermissionDenied):
        rotation.rotation_confirm(
            proposal=proposal,
            actor=world.officer_a,
            decided_on=datetime.date(2025, 1, 5),
        )


def test_a_member_unit_cannot_propose(world, trio):
    built, _unit_c = trio
    with pytest.raises(PermissionDenied):
        rotation.rotation_propose(
            cluster_year=built.year,
            head=world.unit_b,
            deputies=[],
            actor=world.officer_b,
        )


def test_proposal_names_only_members_and_distinct_units(world, trio):
    built, _c = trio
    with pytest.raises(ValidationError, match="vừa là đơn vị trưởng vừa là đơn vị phó"):
        rotation.rotation_propose(
            cluster_year=built.year,
            head=world.unit_a,
            deputies=[world.unit_a],
            actor=None,
        )
    with pytest.raises(ValidationError, match="Chỉ đề xuất đơn vị thành viên"):
        rotation.rotation_propose(
            cluster_year=built.year, head=world.unit_a1, deputies=[], actor=None
        )


def test_a_unit_that_ends_this_year_cannot_lead_the_next(world, trio):
    built, unit_c = trio
    unit_c.valid_to = datetime.date(2024, 12, 31)
    unit_c.save(update_fields=["valid_to"])
    with pytest.raises(ValidationError, match="Không còn hoạt động trong năm 2025"):
        rotation.rotation_propose(
            cluster_year=built.year, head=unit_c, deputies=[], actor=None
        )


def test_rolling_drops_units_that_no_longer_exist(world, trio):
    built, unit_c = trio
    unit_c.valid_to = datetime.date(2024, 12, 31)
    unit_c.save(update_fields=["valid_to"])
    result = rotation.cluster_year_roll(
        cluster_year=built.year, actor=world.secretariat
    )
    assert [u.code for u in result.dropped] == ["C"]
    assert set(roles(result.year)) == {"A", "B"}


def test_a_new_proposal_replaces_the_pending_one(world, trio):
    built, unit_c = trio
    first = rotation.rotation_propose(
        cluster_year=built.year, head=unit_c, deputies=[], actor=None
    )
    rotation.rotation_propose(
        cluster_year=built.year, head=world.unit_b, deputies=[], actor=None
    )
    first.refresh_from_db()
    assert first.status == RotationProposal.Status.REJECTED
    assert built.year.rotation_proposals.filter(status="proposed").count() == 1


def test_leadership_change_is_audited_and_unique(world, trio):
    built, unit_c = trio
    organisation.leadership_set(
        cluster_year=built.year,
        head=unit_c,
        deputies=[world.unit_b],
        actor=world.secretariat,
    )
    assert built.year.memberships.filter(role=ClusterMembership.Role.HEAD).count() == 1
    entry = AuditEntry.objects.filter(action="clusters.leadership.set").latest("pk")
    assert entry.data["before"]["head"] == "A" and entry.data["after"]["head"] == "C"


def test_a_historic_unit_cannot_join_a_later_year(world):
    old = UnitFactory(
        code="OLD",
        name="Ủy ban nhân dân quận Cũ",
        parent=world.province,
        kind="district",
        valid_to=datetime.date(2025, 6, 30),
    )
    built = make_cluster(world, year=2026)
    with pytest.raises(ValidationError, match="không còn hoạt động trong năm 2026"):
        organisation.membership_add(
            cluster_year=built.year, unit=old, actor=world.secretariat
        )
