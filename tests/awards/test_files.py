"""Uploads are checked by content and size, named safely, stored under a random
name and served only through the scoped view."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import uploads
from awards.models import DossierFile
from awards.services import files as services
from tests.factories_awards import PDF_BYTES, dossier, pdf

pytestmark = pytest.mark.django_db


def zipped(names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("to trinh.pdf", PDF_BYTES, "pdf"),
        ("anh.JPEG", b"\xff\xd8\xff\xe0" + b"0" * 20, "jpg"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "png"),
        ("bao cao.docx", zipped(["[Content_Types].xml", "word/document.xml"]), "docx"),
        ("danh sach.xlsx", zipped(["[Content_Types].xml", "xl/workbook.xml"]), "xlsx"),
        ("cu.doc", uploads.OLE + b"0" * 40, "doc"),
    ],
)
def test_accepted_types_are_recognised_by_content(name, content, extension):
    checked = uploads.inspect(SimpleUploadedFile(name, content))
    assert checked.extension == extension
    assert checked.safe_name.endswith(f".{extension}")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận tệp"),
        ("gia.pdf", b"MZ\x90\x00 not a pdf", "không phải là tệp .pdf"),
        ("gia.docx", zipped(["evil.sh"]), "không phải là tệp .docx"),
        ("html.pdf", b"<html><script>alert(1)</script>", "không phải là tệp .pdf"),
        ("rong.pdf", b"", "rỗng"),
        ("khong-duoi", PDF_BYTES, "Chỉ nhận tệp"),
    ],
)
def test_bad_files_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        uploads.inspect(SimpleUploadedFile(name, content))


def test_size_limit(settings):
    settings.AWARDS_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="lớn hơn"):
        uploads.inspect(SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2000))


def test_names_lose_paths_and_odd_characters():
    assert uploads.safe_name("../../etc/passwd<>.pdf", "pdf") == "passwd.pdf"
    assert (
        uploads.safe_name("C:\\Users\\x\\Tờ trình số 5.pdf", "pdf")
        == "Tờ trình số 5.pdf"
    )
    assert uploads.safe_name("...", "pdf") == "tep.pdf"


def test_upload_stores_under_a_random_name_and_only_while_editable(world):
    target = dossier(world.unit_a, "LDTT")
    item = target.items.first()
    stored = services.dossier_file_upload(
        dossier=target, actor=world.officer_a, uploaded=pdf("Tờ trình.pdf"), item=item
    )
    assert stored.original_name == "Tờ trình.pdf"
    assert "Tờ" not in stored.file.name and stored.file.name.endswith(
        f"{stored.token}.pdf"
    )
    assert stored.sha256 and stored.size == len(PDF_BYTES)
    type(target).objects.filter(pk=target.pk).update(status="submitted")
    with pytest.raises(ValidationError, match="đang soạn"):
        services.dossier_file_upload(
            dossier=target, actor=world.officer_a, uploaded=pdf()
        )


def test_file_is_served_to_the_unit_and_hidden_from_others(client, world, settings):
    target = dossier(world.unit_a, "LDTT")
    stored = services.dossier_file_upload(
        dossier=target, actor=None, uploaded=pdf("Tờ trình.pdf")
    )
    url = reverse("awards:dossier-file", args=[stored.pk])
    client.force_login(world.officer_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "attachment" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(world.officer_b)
    assert client.get(url).status_code == 404
    assert settings.MEDIA_URL not in str(target.get_absolute_url())


def test_upload_view_reports_a_bad_file_and_saves_nothing(client, world):
    target = dossier(world.unit_a, "LDTT")
    client.force_login(world.officer_a)
    response = client.post(
        reverse("awards:dossier-file-upload", args=[target.pk]),
        {"file": SimpleUploadedFile("gia.pdf", b"GIF89a fake")},
        follow=True,
    )
    assert "không phải là tệp .pdf" in response.content.decode()
    assert not DossierFile.objects.exists()


def test_removing_a_file_deletes_it_after_commit(
    world, django_capture_on_commit_callbacks
):
    target = dossier(world.unit_a, "LDTT")
    stored = services.dossier_file_upload(dossier=target, actor=None, uploaded=pdf())
    storage, name = stored.file.storage, stored.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.dossier_file_remove(file=stored, actor=None)
    assert not storage.exists(name)
    assert not DossierFile.objects.exists()
