"""The secretariat's admin: scoped lists, services behind the forms, member import."""

from __future__ import annotations

import pytest
import tablib
from django.urls import reverse

from clusters.models import ClusterMembership
from clusters.resources import MembershipResource
from orgs import services as org_services
from orgs.models import Role
from orgs.scoping import scope_for
from tests.factories import UnitFactory, UserFactory
from tests.factories_clusters import make_cluster

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:clusters_cluster_changelist",
    "admin:clusters_clusteryear_changelist",
    "admin:clusters_clustermembership_changelist",
    "admin:clusters_rotationproposal_changelist",
    "admin:clusters_conference_changelist",
    "admin:clusters_clusterdocument_changelist",
    "admin:clusters_pledge_changelist",
    "admin:clusters_criteriaset_changelist",
    "admin:clusters_criterion_changelist",
    "admin:clusters_scoresheet_changelist",
    "admin:clusters_scorechange_changelist",
    "admin:clusters_review_changelist",
    "admin:clusters_evidence_changelist",
    "admin:clusters_conferencevote_changelist",
    "admin:clusters_clusterproposal_changelist",
    "admin:clusters_clusterfollower_changelist",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_secretariat_opens_every_list(admin_page_world, client, page):
    world, _other = admin_page_world
    client.force_login(world.secretariat)
    assert client.get(reverse(page)).status_code == 200


@pytest.fixture
def admin_page_world(world):
    from clusters.services import scoring

    built = make_cluster(world)
    scoring.scoring_start(cluster_year=built.year, actor=None)
    other_province = UnitFactory(
        code="Q", name="Ủy ban nhân dân tỉnh Khác", kind="province"
    )
    other_unit = UnitFactory(
        code="Q1", name="Ủy ban nhân dân phường Xa", parent=other_province
    )
    other = make_cluster(
        world, members=[other_unit], deputies=[], name="Cụm xa", symbol="CTĐX", number=9
    )
    other.cluster.authority = other_province
    other.cluster.save(update_fields=["authority"])
    return world, other


def test_another_provinces_secretariat_sees_none_of_our_clusters(
    admin_page_world, client
):
    world, other = admin_page_world
    user = UserFactory(username="thuongtruc_q", is_staff=True)
    org_services.role_grant(
        user=user, unit=other.cluster.authority, role=Role.SECRETARIAT, actor=None
    )
    client.force_login(user)
    body = client.get(reverse("admin:clusters_cluster_changelist")).content.decode()
    assert "Cụm xa" in body and "Cụm thi đua số 1 – các phường thử" not in body
    sheet = world.unit_a.score_sheets.get()
    assert client.get(
        reverse("admin:clusters_scoresheet_change", args=[sheet.pk])
    ).status_code in (302, 404)


def test_a_unit_officer_with_admin_access_sees_no_cluster_of_the_province(
    admin_page_world, client
):
    world, _other = admin_page_world
    world.officer_a.is_staff = True
    world.officer_a.save()
    client.force_login(world.officer_a)
    body = client.get(reverse("admin:clusters_cluster_changelist")).content.decode()
    assert "Cụm thi đua số 1 – các phường thử" not in body


def test_creating_a_cluster_in_the_admin_gives_it_its_document_issuer(world, client):
    client.force_login(world.secretariat)
    response = client.post(
        reverse("admin:clusters_cluster_add"),
        {
            "authority": world.province.pk,
            "kind": "cluster",
            "number": 5,
            "name": "Cụm thi đua số 5 – các phường phía Bắc",
            "short_name": "Cụm thi đua số 5",
            "symbol": "CTĐ5",
            "years-TOTAL_FORMS": 0,
            "years-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from clusters.models import Cluster

    cluster = Cluster.objects.get(number=5)
    assert (cluster.issuer.symbol, cluster.issuer.kind, cluster.issuer.unit) == (
        "CTĐ5",
        "cluster",
        world.province,
    )


def members_file(*rows):
    data = tablib.Dataset(
        headers=[
            "Cụm, khối/năm",
            "Mã đơn vị",
            "Vai trò",
            "Thứ tự phó",
            "Thứ tự",
            "Chức vụ người đại diện",
            "Họ tên người đại diện",
        ]
    )
    for row in rows:
        data.append(row)
    return data


def test_member_import_checks_every_row_and_saves_nothing_when_one_is_wrong(world):
    built = make_cluster(world, members=[world.unit_a], deputies=[])
    UnitFactory(
        code="C", name="Ủy ban nhân dân phường Cẩm Phong", parent=world.province
    )
    UnitFactory(code="OUT", name="Ủy ban nhân dân phường Ngoài", kind="ward")
    resource = MembershipResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    )
    bad = members_file(
        ["CTĐ1/2024", "C", "Đơn vị thành viên", "", 2, "Chủ tịch", "Lê Văn Một"],
        ["CTĐ9/2024", "B", "Đơn vị thành viên", "", 3, "", ""],
        ["CTĐ1/2024", "OUT", "Đơn vị thành viên", "", 4, "", ""],
        ["CTĐ1/2024", "B", "Trưởng nhóm", "", 5, "", ""],
    )
    result = resource.import_data(
        bad, dry_run=False, rollback_on_validation_errors=True
    )
    errors = {row.number: str(row.error_dict) for row in result.invalid_rows}
    errors |= {
        number: " ".join(str(e.error) for e in row)
        for number, row in result.row_errors()
    }
    assert "Không có năm 2024 của cụm, khối “CTĐ9”" in errors[2]
    assert "Không có đơn vị mã “OUT”" in errors[3]
    assert "không hợp lệ" in errors[4]
    assert ClusterMembership.objects.filter(cluster_year=built.year).count() == 1
    good = members_file(
        ["CTĐ1/2024", "C", "Đơn vị thành viên", "", 2, "Chủ tịch", "Lê Văn Một"]
    )
    result = resource.import_data(
        good, dry_run=False, rollback_on_validation_errors=True
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert (
        built.year.memberships.get(unit__code="C").representative_name == "Lê Văn Một"
    )
