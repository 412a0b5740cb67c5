"""Files of a dossier: checked by content and size, stored under a random name."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards import uploads
from awards.models import Dossier, DossierFile, DossierItem
from orgs.services import audit_record

MAX_FILES_PER_DOSSIER = 100


def _editable(dossier: Dossier) -> Dossier:
    locked = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=dossier.pk)
    )
    if not locked.is_editable:
        raise ValidationError(
            _("Chỉ thêm, bớt tệp khi hồ sơ đang soạn hoặc được trả lại để bổ sung."),
            code="not_editable",
        )
    return locked


@transaction.atomic
def dossier_file_upload(
    *, dossier: Dossier, actor: Any, uploaded: Any, item: DossierItem | None = None
) -> DossierFile:
    locked = _editable(dossier)
    if item is not None and item.dossier_id != locked.pk:
        raise ValidationError(_("Thành phần không thuộc hồ sơ này."), code="item")
    if locked.files.count() >= MAX_FILES_PER_DOSSIER:
        raise ValidationError(
            _("Mỗi hồ sơ có tối đa %(count)s tệp.") % {"count": MAX_FILES_PER_DOSSIER},
            code="too_many",
        )
    checked = uploads.inspect(uploaded)
    record = DossierFile(
        dossier=locked,
        item=item,
        token=uuid.uuid4().hex,
        extension=checked.extension,
        original_name=checked.safe_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record.file.save(f"{record.token}.{record.extension}", uploaded, save=False)
    # The bytes are on disk now: if the row fails validation, take them away again.
    try:
        record.full_clean()
        record.save()
    except Exception:
        record.file.delete(save=False)
        raise
    audit_record(
        actor=actor,
        action="awards.dossier.file_added",
        obj=locked,
        unit=locked.unit,
        data={
            "file": record.original_name,
            "size": record.size,
            "item": item.pk if item else None,
        },
    )
    return record


@transaction.atomic
def dossier_file_remove(*, file: DossierFile, actor: Any) -> None:
    locked = _editable(file.dossier)
    storage, name = file.file.storage, file.file.name
    audit_record(
        actor=actor,
        action="awards.dossier.file_removed",
        obj=locked,
        unit=locked.unit,
        data={"file": file.original_name, "sha256": file.sha256},
    )
    file.delete()
    # Remove the bytes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name))
