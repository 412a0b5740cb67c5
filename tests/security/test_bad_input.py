"""Bad input never gives a 500 or a half-save: every POST form of tests/access is
sent wrong types, a 100,000-character string and a NUL byte in each field; broken,
empty and disguised files go to the in-app xlsx imports and every admin import."""

from __future__ import annotations

import importlib
import io
import pkgutil

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

import tests.access as access_package
from tests.conftest import build_world

pytestmark = pytest.mark.django_db
OUR_APPS = ("orgs", "councils", "clusters", "awards", "reports")
BAD_VALUES = ["x" * 100_000, "không-phải-số", "a\x00b"]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
    }


def post_modules():
    found = []
    for info in pkgutil.iter_modules(access_package.__path__):
        if info.name.startswith("cases_"):
            module = importlib.import_module(f"tests.access.{info.name}")
            if any(c.method == "post" and c.data for c in module.CASES):
                found.append(module)
    return found


@pytest.mark.parametrize("module", post_modules(), ids=lambda m: m.__name__[19:])
def test_bad_values_in_every_form_field_are_refused_cleanly(module):
    world = build_world()
    objects = module.build(world)
    failures = []
    for case in [c for c in module.CASES if c.method == "post" and c.data]:
        persona = (
            next(
                p for p in ("secretariat", "officer_a") if case.expect[p] in (200, 302)
            )
            if any(case.expect[p] in (200, 302) for p in ("secretariat", "officer_a"))
            else None
        )
        if persona is None:
            continue
        url = reverse(
            case.url_name, kwargs=case.kwargs(world, objects) if case.kwargs else None
        )
        good = case.data(world, objects)
        client = Client()
        client.force_login(getattr(world, persona))
        for field in [k for k, v in good.items() if not hasattr(v, "read")]:
            for bad in BAD_VALUES:
                before = row_counts()
                response = client.post(url, {**good, field: bad})
                if response.status_code >= 500:
                    failures.append(
                        f"{url} {field}={bad[:12]!r}: {response.status_code}"
                    )
                elif response.status_code in (200, 400) and row_counts() != before:
                    failures.append(f"{url} {field}={bad[:12]!r}: refused but saved")
    assert failures == []


# Files -----------------------------------------------------------------------------


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_XLSX = xlsx([["Họ và tên", "Năm sinh"], ["Võ Thị Hoa", 1991]])
BROKEN_FILES = {
    "zero-byte.xlsx": b"",
    "truncated.xlsx": GOOD_XLSX[: len(GOOD_XLSX) // 2],
    "program.xlsx": b"MZ\x90\x00\x03" + b"\x00" * 200,
    "program.pdf": b"MZ\x90\x00\x03" + b"\x00" * 200,
    "binary.csv": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_nominee_list_import_refuses_broken_files(name):
    from awards.forms.dossiers import ImportForm

    form = ImportForm(files={"file": SimpleUploadedFile(name, BROKEN_FILES[name])})
    assert not form.is_valid()
    message = " ".join(form.errors["file"])
    assert any(
        w in message for w in ("Không đọc được", "Tệp", "Tập tin", "trống", "Thiếu")
    ), message


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_criteria_import_refuses_broken_files(world, name):
    from clusters.criteria_io import read_rows
    from tests.factories_clusters import make_criteria_set

    criteria_set = make_criteria_set(owner_unit=world.province, year=2024, name="Bộ")
    result = read_rows(io.BytesIO(BROKEN_FILES[name]), criteria_set)
    assert not result.ok
    assert "Không" in str(result.errors[0][1])


def import_admins():
    from import_export.admin import ImportMixin

    return [
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, ImportMixin) and model._meta.app_label in OUR_APPS
    ]


@pytest.mark.parametrize("model", import_admins(), ids=lambda m: m._meta.label)
@pytest.mark.parametrize("name", BROKEN_FILES)
def test_admin_imports_refuse_broken_files(client, world, model, name):
    opts = model._meta
    client.force_login(world.secretariat)
    before = row_counts()
    fmt = 1 if name.endswith(".csv") else 0
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_import"),
        {
            "resource": 0,
            "format": fmt,
            "import_file": SimpleUploadedFile(name, BROKEN_FILES[name]),
        },
    )
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert row_counts() == before


@pytest.mark.parametrize("model", import_admins(), ids=lambda m: m._meta.label)
def test_admin_imports_refuse_huge_and_wrong_typed_cells(client, world, model):
    opts = model._meta
    resource = admin.site._registry[model].get_import_resource_classes(None)[0]
    headers = [f.column_name for f in resource().get_import_fields()]
    row = ["x" * 100_000 if i % 2 else "không-phải-số" for i in range(len(headers))]
    client.force_login(world.secretariat)
    before = row_counts()
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("du-lieu.xlsx", xlsx([headers, row])),
        },
    )
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert row_counts() == before
