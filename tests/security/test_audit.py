"""The audit trail: every write to dossiers, scores, memberships, decisions and legal
parameters leaves who, what, when, before and after — through services, views, the
Django admin (forms, inlines, deletes, bulk deletes) and spreadsheet imports. The log
itself is readable in the admin and editable by nobody, superusers included."""

from __future__ import annotations

import datetime

import pytest
import tablib
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from orgs import services as org_services
from orgs.admin import AuditedAdminMixin
from orgs.models import AuditEntry, LegalParameter, Person, Role, Unit
from orgs.resources import PersonResource, UnitResource
from orgs.scoping import scope_for
from tests.security.helpers import admin_form_data

pytestmark = pytest.mark.django_db
D = datetime.date
OUR_APPS = {"orgs", "councils", "clusters", "awards", "reports"}


def entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action))


def test_every_admin_of_our_apps_audits_its_writes():
    missing = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OUR_APPS
        and not isinstance(model_admin, AuditedAdminMixin)
    ]
    assert missing == []


def test_admin_change_of_a_parameter_and_its_inline_values_is_audited(client, world):
    parameter = (
        LegalParameter.objects.filter(values__isnull=False).order_by("pk").first()
    )
    url = reverse("admin:orgs_legalparameter_change", args=[parameter.pk])
    client.force_login(world.secretariat)
    data = admin_form_data(client.get(url).content.decode())
    old_name = data["name"]
    data["name"] = old_name + " (sửa)"
    note = next(k for k in data if k.endswith("-0-note"))
    data[note] = "Ghi chú mới"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (entry,) = entries("orgs.legalparameter.changed")
    assert entry.actor == world.secretariat
    assert entry.data["before"] == {"name": old_name}
    assert entry.data["after"] == {"name": old_name + " (sửa)"}
    assert entry.data["via"] == "admin"
    (value,) = entries("orgs.parametervalue.changed")
    assert value.data["after"] == {"note": "Ghi chú mới"}


def test_admin_add_of_a_legal_document_is_audited(client, world):
    client.force_login(world.secretariat)
    url = reverse("admin:orgs_legaldocument_add")
    data = admin_form_data(client.get(url).content.decode())
    data.update(
        number="99/2025/QĐ-UBND",
        kind=data.get("kind") or "decision",
        issued_on="01/02/2025",
        issuer="Ủy ban nhân dân tỉnh Thử",
        title="Quy định về thi đua",
        effective_from="01/03/2025",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (entry,) = entries("orgs.legaldocument.created")
    assert entry.data["after"]["number"] == "99/2025/QĐ-UBND"
    assert entry.actor == world.secretariat


def _score_sheet(world):
    from clusters.services import scoring
    from tests.factories_clusters import make_cluster

    built = make_cluster(world)
    scoring.scoring_start(cluster_year=built.year, actor=world.officer_a)
    return built.sheet(world.unit_b)


def _membership(world):
    from tests.factories_clusters import make_cluster

    return make_cluster(world).year.memberships.get(unit=world.unit_b)


def _dossier(world):
    from tests.factories_awards import dossier

    return dossier(world.unit_a, actor=world.officer_a)


def _decision(world):
    from tests.factories_awards import approved, draft_decision
    from tests.factories_awards import dossier as make_dossier

    made = make_dossier(world.unit_a, actor=world.officer_a, people=[world.person_a])
    return draft_decision([approved(made)])


@pytest.mark.parametrize(
    "make", [_score_sheet, _membership, _dossier, _decision], ids=lambda f: f.__name__
)
def test_admin_delete_is_refused_or_audited(client, world, make):
    obj = make(world)
    opts = obj._meta
    client.force_login(world.secretariat)
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code in (302, 403)
    if type(obj).objects.filter(pk=obj.pk).exists():
        return  # refused (no permission, or a service said no): nothing to audit
    entry = AuditEntry.objects.get(
        content_type__model=opts.model_name, object_id=obj.pk
    )
    assert entry.actor == world.secretariat
    assert entry.data["before"]["id"] == obj.pk or entry.action.endswith("removed")


def test_bulk_delete_of_council_members_goes_through_the_service(client, world):
    from councils import services
    from councils.models import CouncilMember
    from tests.factories_councils import at, mark, seated_council

    council, _composition, members = seated_council(world.unit_a, size=3)
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=3)  # every seat has sat: history, not to be deleted
    client.force_login(world.secretariat)
    response = client.post(
        reverse("admin:councils_councilmember_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [m.pk for m in members],
            "post": "yes",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert CouncilMember.objects.filter(pk__in=[m.pk for m in members]).count() == 3


def test_bulk_delete_of_unused_seats_is_audited_by_the_service(client, world):
    from councils.models import CouncilMember
    from tests.factories_councils import seated_council

    _council, _composition, members = seated_council(world.unit_a, size=3)
    client.force_login(world.secretariat)
    client.post(
        reverse("admin:councils_councilmember_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [m.pk for m in members[:2]],
            "post": "yes",
        },
    )
    assert CouncilMember.objects.filter(pk__in=[m.pk for m in members]).count() == 1
    removed = AuditEntry.objects.filter(
        action="councils.member.removed", actor=world.secretariat
    )
    assert sorted(removed.values_list("object_id", flat=True)) == sorted(
        m.pk for m in members[:2]
    )
    assert not AuditEntry.objects.filter(action__endswith=".deleted").exists()


def test_spreadsheet_import_audits_created_and_changed_rows(world):
    people = tablib.Dataset(
        headers=[
            "Họ và tên",
            "Giới tính",
            "Năm sinh",
            "Chức vụ",
            "Mã đơn vị",
            "Người lao động trực tiếp",
        ]
    )
    people.append(["Võ Thị Hoa", "Nữ", 1991, "Kế toán", "B1", "Không"])
    result = PersonResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(people, dry_run=False, rollback_on_validation_errors=True)
    assert not result.has_validation_errors()
    hoa = Person.objects.get(full_name="Võ Thị Hoa")
    (created,) = entries("orgs.person.imported")
    assert (created.object_id, created.actor) == (hoa.pk, world.secretariat)
    assert created.data["after"]["full_name"] == "Võ Thị Hoa"
    assert created.data["via"] == "import"

    units = tablib.Dataset(headers=["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên"])
    units.append(["A1", "Trường Tiểu học An Bình mới", "A"])
    result = UnitResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(units, dry_run=False, rollback_on_validation_errors=True)
    assert not result.has_validation_errors(), [
        r.error_dict for r in result.invalid_rows
    ]
    (changed,) = entries("orgs.unit.imported")
    assert changed.object_id == world.unit_a1.pk
    assert changed.data["before"]["name"] == "Trường Tiểu học An Bình"
    assert changed.data["after"]["name"] == "Trường Tiểu học An Bình mới"


def test_a_dry_run_import_writes_no_audit(world):
    people = tablib.Dataset(headers=["Họ và tên", "Năm sinh", "Mã đơn vị"])
    people.append(["Võ Thị Hoa", 1991, "B1"])
    before = AuditEntry.objects.count()
    PersonResource(
        scope=scope_for(world.secretariat), actor=world.secretariat
    ).import_data(people, dry_run=True)
    assert AuditEntry.objects.count() == before


# The log itself ------------------------------------------------------------------


@pytest.fixture
def superuser(world):
    user = get_user_model().objects.create_superuser("root", "root@example.vn", "x")
    org_services.role_grant(
        user=user, unit=world.province, role=Role.SECRETARIAT, actor=None
    )
    return user


def test_audit_log_is_read_only_even_for_a_superuser(client, world, superuser):
    entry = org_services.audit_record(
        actor=world.secretariat,
        action="thu.nghiem",
        obj=world.unit_a,
        unit=world.unit_a,
    )
    model_admin = admin.site._registry[AuditEntry]
    request = RequestFactory().get("/")
    request.user = superuser
    assert model_admin.has_view_permission(request, entry)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert "delete_selected" not in model_admin.get_actions(request)

    client.force_login(superuser)
    changelist = reverse("admin:orgs_auditentry_changelist")
    assert client.get(changelist).status_code == 200
    change = reverse("admin:orgs_auditentry_change", args=[entry.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert "thu.nghiem" in page.content.decode()
    assert client.get(reverse("admin:orgs_auditentry_add")).status_code == 403
    assert client.post(change, {"action": "sua"}).status_code == 403
    delete = reverse("admin:orgs_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    entry.refresh_from_db()
    assert entry.action == "thu.nghiem"


def test_units_are_still_written_only_through_services_in_admin(client, world):
    """A unit changed in the admin is audited once, by the service (no duplicate)."""
    mark = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    client.force_login(world.secretariat)
    url = reverse("admin:orgs_unit_change", args=[world.unit_a1.pk])
    data = admin_form_data(client.get(url).content.decode())
    data["name"] = "Trường Tiểu học An Bình số 1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Unit.objects.get(pk=world.unit_a1.pk).name.endswith("số 1")
    about = AuditEntry.objects.filter(
        content_type__model="unit", object_id=world.unit_a1.pk, pk__gt=mark
    )
    assert about.count() == 1
