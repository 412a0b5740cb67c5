import pytest
from django.urls import reverse

from orgs.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_dashboard_lists_the_users_units(client, world):
    client.force_login(world.officer_a)
    response = client.get(reverse("orgs:dashboard"))
    assert response.status_code == 200
    assert "Ủy ban nhân dân phường An Bình" in response.content.decode()


def test_person_search_ignores_accents(client, world):
    client.force_login(world.officer_a)
    response = client.get(reverse("orgs:person-list"), {"q": "nguyen van anh"})
    assert "Nguyễn Văn Ánh" in response.content.decode()


def test_person_search_stays_in_scope(client, world):
    client.force_login(world.officer_a)
    response = client.get(reverse("orgs:person-list"), {"q": "tran thi bich"})
    assert "Trần Thị Bích" not in response.content.decode()


def test_htmx_search_returns_only_rows(client, world):
    client.force_login(world.officer_a)
    response = client.get(
        reverse("orgs:person-list"), {"q": "anh"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "<table" in body and "<html" not in body


def test_officer_adds_a_person_to_own_unit(client, world):
    client.force_login(world.officer_a)
    response = client.post(
        reverse("orgs:person-create"),
        {
            "full_name": "Hồ Thị Mai",
            "gender": "female",
            "birth_year": 1992,
            "unit": world.unit_a1.pk,
            "position": "Giáo viên",
            "is_direct_worker": "on",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(full_name="Hồ Thị Mai").is_direct_worker is True


def test_officer_cannot_add_a_person_to_another_unit(client, world):
    client.force_login(world.officer_a)
    response = client.post(
        reverse("orgs:person-create"),
        {
            "full_name": "Hồ Thị Mai",
            "birth_year": 1992,
            "unit": world.unit_b.pk,
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Person.objects.filter(full_name="Hồ Thị Mai").exists()


def test_duplicate_person_gets_a_clear_error_and_nothing_is_saved(client, world):
    client.force_login(world.officer_a)
    response = client.post(
        reverse("orgs:person-create"),
        {
            "full_name": "Nguyễn Văn Ánh",
            "birth_year": 1980,
            "unit": world.unit_a.pk,
        },
    )
    assert "Đã có người tên Nguyễn Văn Ánh" in response.content.decode()
    assert Person.objects.filter(search_name="nguyen van anh").count() == 1


def test_officer_b_cannot_edit_person_of_a_by_url(client, world):
    client.force_login(world.officer_b)
    response = client.post(
        reverse("orgs:person-update", args=[world.person_a.pk]),
        {
            "full_name": "Bị sửa",
            "unit": world.unit_b.pk,
        },
    )
    assert response.status_code == 404
    assert Person.objects.get(pk=world.person_a.pk).full_name == "Nguyễn Văn Ánh"


@pytest.mark.parametrize(
    "url_name", ["orgs:person-list", "orgs:unit-list", "orgs:document-list"]
)
def test_list_pages_use_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries, url_name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.secretariat)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(url_name))
    for _ in range(20):
        PersonFactory(unit=world.unit_a)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(url_name))
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    with django_assert_max_num_queries(12):
        client.get(reverse(url_name))


def test_english_interface_renders_when_chosen(client, world):
    client.force_login(world.officer_a)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("orgs:dashboard"))
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
    assert "Your units and roles" in response.content.decode()


def test_english_browser_still_gets_vietnamese(client, world):
    client.force_login(world.officer_a)
    response = client.get(
        reverse("orgs:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert "Đơn vị và vai trò của bạn" in response.content.decode()


def test_healthz(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
