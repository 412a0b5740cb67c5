"""Writes of the foundation: units, people, roles, parameters, document numbers, audit.

Every function takes keyword arguments only and the acting user, runs in one
transaction, validates before saving and leaves an audit entry.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orgs.models import (
    AuditEntry,
    DocumentIssuer,
    DocumentRegister,
    DocumentType,
    IssuedDocument,
    LegalDocument,
    LegalParameter,
    ParameterValue,
    Person,
    RoleAssignment,
    Unit,
    UnitNameRecord,
    UnitSuccession,
)
from orgs.scoping import forget_scope
from orgs.vn import document_symbol, fold

User = get_user_model()

_MASKED = ("password", "secret", "token", "api_key")


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)}
    if isinstance(value, dict):
        return {
            k: ("***" if any(m in k.lower() for m in _MASKED) else _jsonable(v))
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    unit: Unit | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry. ``data`` usually holds ``before`` and ``after`` values."""
    entry = _audit_entry(actor=actor, action=action, obj=obj, unit=unit, data=data)
    entry.save(force_insert=True)
    return entry


def audit_record_many(entries: list[dict[str, Any]]) -> list[AuditEntry]:
    """Write many audit entries in a few INSERTs (a spreadsheet import); each item
    holds the keyword arguments of ``audit_record``."""
    return AuditEntry.objects.bulk_create(
        [_audit_entry(**entry) for entry in entries], batch_size=1000
    )


def _audit_entry(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    unit: Unit | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj)
        if obj is not None
        else None,
        object_id=obj.pk if obj is not None else None,
        object_repr=str(obj)[:255] if obj is not None else "",
        unit=unit,
        data=_jsonable(data or {}),
    )


def model_changes(
    instance: models.Model, changes: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Return {"before": …, "after": …} for the fields in ``changes`` that differ."""
    before, after = {}, {}
    for name, new in changes.items():
        old = getattr(instance, name)
        if old != new:
            before[name], after[name] = _jsonable(old), _jsonable(new)
    return {"before": before, "after": after}


# Units ---------------------------------------------------------------------------


def _path_for(unit: Unit) -> str:
    return f"{unit.parent.path if unit.parent_id else '/'}{unit.pk}/"


def _check_parent(unit: Unit, parent: Unit | None) -> None:
    if parent is None or unit.pk is None:
        return
    if parent.pk == unit.pk or parent.path.startswith(unit.path):
        raise ValidationError(
            {
                "parent": _(
                    "Không thể đặt đơn vị cấp trên là chính nó hoặc một đơn vị cấp dưới của nó."
                )
            },
            code="cycle",
        )


@transaction.atomic
def unit_create(*, actor: Any, create_issuer: bool = True, **fields: Any) -> Unit:
    """Create a unit, place it in the tree and give it its own document issuer."""
    unit = Unit(**fields)
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = _path_for(unit)
    unit.save(update_fields=["path"])
    if create_issuer:
        DocumentIssuer.objects.create(
            unit=unit,
            kind=DocumentIssuer.Kind.UNIT,
            name=unit.name,
            symbol=unit.short_name,
            header_parent=unit.header_parent,
            header_name=unit.header_name,
            place_name=unit.place_name,
        )
    audit_record(
        actor=actor,
        action="orgs.unit.created",
        obj=unit,
        unit=unit,
        data={"after": fields},
    )
    return unit


@transaction.atomic
def unit_update(
    *, unit: Unit, actor: Any, renamed_on: datetime.date | None = None, **changes: Any
) -> Unit:
    """Change a unit. A new parent moves its whole subtree; a new name keeps the old one on record."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    diff = model_changes(unit, changes)
    if "parent" in changes:
        _check_parent(unit, changes["parent"])
    old_name, old_header = unit.name, unit.header_name
    for name, value in changes.items():
        setattr(unit, name, value)
    unit.full_clean(exclude=["path"])
    if "name" in diff["after"] or "header_name" in diff["after"]:
        UnitNameRecord.objects.create(
            unit=unit,
            name=old_name,
            header_name=old_header,
            valid_to=(renamed_on or timezone.localdate()) - datetime.timedelta(days=1),
        )
    old_path = unit.path
    unit.path = _path_for(unit)
    unit.save()
    if old_path != unit.path:
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
            child.path = unit.path + child.path[len(old_path) :]
            child.save(update_fields=["path"])
    if diff["after"]:
        audit_record(
            actor=actor, action="orgs.unit.changed", obj=unit, unit=unit, data=diff
        )
    return unit


@transaction.atomic
def unit_succession_record(
    *,
    predecessor: Unit,
    successor: Unit,
    kind: str,
    effective_on: datetime.date,
    actor: Any,
    legal_basis: LegalDocument | None = None,
    note: str = "",
) -> UnitSuccession:
    """Record that ``successor`` took over ``predecessor`` and close the predecessor."""
    link = UnitSuccession(
        predecessor=predecessor,
        successor=successor,
        kind=kind,
        effective_on=effective_on,
        legal_basis=legal_basis,
        note=note,
    )
    link.full_clean()
    link.save()
    last_day = effective_on - datetime.timedelta(days=1)
    if kind != UnitSuccession.Kind.TRANSFER and (
        predecessor.valid_to is None or predecessor.valid_to > last_day
    ):
        predecessor.valid_to = last_day
        predecessor.save(update_fields=["valid_to", "updated_at"])
    audit_record(actor=actor, action="orgs.unit.succeeded", obj=link, unit=predecessor)
    return link


# People --------------------------------------------------------------------------


def person_duplicates_of(
    *, full_name: str, birth_year: int | None, unit: Unit, exclude_pk: int | None = None
) -> models.QuerySet[Person]:
    """Return people with the same folded name, birth year and unit."""
    found = Person.objects.filter(
        search_name=fold(full_name), birth_year=birth_year, unit=unit
    )
    return found.exclude(pk=exclude_pk) if exclude_pk else found


def person_duplicates_among(
    keys: Iterable[tuple[str, int | None, int]],
) -> dict[tuple[str, int | None, int], list[int]]:
    """``person_duplicates_of`` for many (full name, birth year, unit id) at once, in a
    few queries: {(folded name, birth year, unit id): [pks in the people order]} for the
    keys that have someone (a spreadsheet import checks all its rows up front)."""
    wanted = {(fold(name), year, unit_id) for name, year, unit_id in keys}
    names = sorted({key[0] for key in wanted})
    unit_ids = sorted({key[2] for key in wanted})
    found: dict[tuple[str, int | None, int], list[int]] = {}
    for start in range(0, len(names), 5000):
        rows = (
            Person.objects.filter(
                search_name__in=names[start : start + 5000], unit_id__in=unit_ids
            )
            .order_by("search_name", "pk")
            .values_list("pk", "search_name", "birth_year", "unit_id")
        )
        for pk, *key in rows:
            if tuple(key) in wanted:
                found.setdefault(tuple(key), []).append(pk)
    return found


def _guard_duplicate(person: Person, allow_duplicate: bool) -> None:
    if allow_duplicate or not person.unit_id:
        return
    twins = person_duplicates_of(
        full_name=person.full_name,
        birth_year=person.birth_year,
        unit=person.unit,
        exclude_pk=person.pk,
    )
    if twins.exists():
        raise ValidationError(
            _(
                "Đã có người tên %(name)s, sinh năm %(year)s tại %(unit)s. "
                "Nếu đây là người khác, hãy đánh dấu “Xác nhận không trùng”."
            ),
            code="duplicate",
            params={
                "name": person.full_name,
                "year": person.birth_year or "?",
                "unit": person.unit,
            },
        )


@transaction.atomic
def person_create(
    *, actor: Any, allow_duplicate: bool = False, **fields: Any
) -> Person:
    person = Person(**fields)
    person.full_clean()
    _guard_duplicate(person, allow_duplicate)
    person.save()
    audit_record(
        actor=actor,
        action="orgs.person.created",
        obj=person,
        unit=person.unit,
        data={"after": fields},
    )
    return person


@transaction.atomic
def person_update(
    *, person: Person, actor: Any, allow_duplicate: bool = False, **changes: Any
) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    diff = model_changes(person, changes)
    for name, value in changes.items():
        setattr(person, name, value)
    person.full_clean()
    _guard_duplicate(person, allow_duplicate)
    person.save()
    if diff["after"]:
        audit_record(
            actor=actor,
            action="orgs.person.changed",
            obj=person,
            unit=person.unit,
            data=diff,
        )
    return person


# Roles ---------------------------------------------------------------------------


@transaction.atomic
def role_grant(
    *,
    user: Any,
    unit: Unit,
    role: str,
    actor: Any,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> RoleAssignment:
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user,
        unit=unit,
        role=role,
        defaults={"valid_from": valid_from, "valid_to": valid_to},
    )
    if not created and (assignment.valid_from, assignment.valid_to) != (
        valid_from,
        valid_to,
    ):
        assignment.valid_from, assignment.valid_to = valid_from, valid_to
        assignment.full_clean()
        assignment.save(update_fields=["valid_from", "valid_to", "updated_at"])
    forget_scope(user)
    audit_record(
        actor=actor,
        action="orgs.role.granted",
        obj=assignment,
        unit=unit,
        data={"role": role},
    )
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment, actor: Any) -> None:
    audit_record(
        actor=actor,
        action="orgs.role.revoked",
        obj=assignment,
        unit=assignment.unit,
        data={"role": assignment.role},
    )
    forget_scope(assignment.user)
    assignment.delete()


# Legal parameters ----------------------------------------------------------------


@transaction.atomic
def parameter_value_set(
    *,
    parameter: LegalParameter,
    value: str,
    valid_from: datetime.date,
    actor: Any,
    key: str = "",
    scope_unit: Unit | None = None,
    legal_basis: LegalDocument | None = None,
    valid_to: datetime.date | None = None,
    note: str = "",
) -> ParameterValue:
    """Add a new value from ``valid_from``; the open-ended value before it is closed the day before."""
    parameter.parse(value)
    previous = (
        ParameterValue.objects.select_for_update()
        .filter(
            parameter=parameter,
            key=key,
            scope_unit=scope_unit,
            valid_to__isnull=True,
            valid_from__lt=valid_from,
        )
        .first()
    )
    if previous is not None:
        previous.valid_to = valid_from - datetime.timedelta(days=1)
        previous.save(update_fields=["valid_to", "updated_at"])
    new = ParameterValue(
        parameter=parameter,
        key=key,
        scope_unit=scope_unit,
        value=value,
        valid_from=valid_from,
        valid_to=valid_to,
        legal_basis=legal_basis,
        note=note,
    )
    new.full_clean()
    new.save()
    audit_record(
        actor=actor,
        action="orgs.parameter.value_added",
        obj=new,
        unit=scope_unit,
        data={"after": {"value": value, "valid_from": valid_from, "key": key}},
    )
    return new


# Document numbers ----------------------------------------------------------------

_ALLOCATION_ATTEMPTS = 5


def document_number_allocate(
    *,
    issuer: DocumentIssuer,
    doc_type: DocumentType,
    issued_on: datetime.date,
    summary: str,
    actor: Any,
    drafting_code: str = "",
    snapshot: dict[str, Any] | None = None,
    source: models.Model | None = None,
) -> IssuedDocument:
    """Give the next number of ``issuer`` for ``doc_type`` in the year of ``issued_on``.

    The register row is locked for the increment, and the unique constraint on the
    issued document is the backstop: numbers never repeat, even when two clerks
    issue at the same moment. Numbering restarts every 1 January.
    """
    last_error: IntegrityError | None = None
    for _attempt in range(_ALLOCATION_ATTEMPTS):
        try:
            return _allocate_once(
                issuer=issuer,
                doc_type=doc_type,
                issued_on=issued_on,
                summary=summary,
                actor=actor,
                drafting_code=drafting_code,
                snapshot=snapshot or {},
                source=source,
            )
        except IntegrityError as error:  # a concurrent first use of the same register
            last_error = error
    raise ValidationError(
        _("Không cấp được số văn bản, xin thử lại."), code="number_conflict"
    ) from last_error


@transaction.atomic
def _allocate_once(
    *,
    issuer: DocumentIssuer,
    doc_type: DocumentType,
    issued_on: datetime.date,
    summary: str,
    actor: Any,
    drafting_code: str,
    snapshot: dict[str, Any],
    source: models.Model | None,
) -> IssuedDocument:
    year = issued_on.year
    with transaction.atomic():
        DocumentRegister.objects.get_or_create(
            issuer=issuer, year=year, doc_type=doc_type
        )
    register = DocumentRegister.objects.select_for_update().get(
        issuer=issuer, year=year, doc_type=doc_type
    )
    register.last_number += 1
    register.save(update_fields=["last_number"])
    document = IssuedDocument(
        issuer=issuer,
        doc_type=doc_type,
        year=year,
        number=register.last_number,
        symbol=document_symbol(doc_type.abbreviation, issuer.symbol, drafting_code),
        issued_on=issued_on,
        summary=summary,
        drafting_code=drafting_code,
        snapshot=snapshot,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if source is not None:
        document.content_type = ContentType.objects.get_for_model(source)
        document.object_id = source.pk
    document.full_clean(exclude=["content_type", "object_id"])
    document.save()
    audit_record(
        actor=actor,
        action="orgs.document.numbered",
        obj=document,
        unit=issuer.unit,
        data={"number": document.full_number, "issued_on": issued_on},
    )
    return document


@transaction.atomic
def sample_document_issue(
    *,
    issuer: DocumentIssuer,
    actor: Any,
    issued_on: datetime.date,
    doc_type_code: str = "quyet-dinh",
) -> IssuedDocument:
    """Number and store a sample decision: the PDF base end to end, with a real number."""
    from orgs.printing import sample_decision_context

    doc_type = DocumentType.objects.get(code=doc_type_code)
    draft = sample_decision_context(issuer=issuer, doc_type=doc_type, on=issued_on)
    document = document_number_allocate(
        issuer=issuer,
        doc_type=doc_type,
        issued_on=issued_on,
        summary=draft["doc"]["summary"],
        actor=actor,
    )
    document.snapshot = sample_decision_context(
        issuer=issuer, doc_type=doc_type, on=issued_on, number=document.number
    )
    document.save(update_fields=["snapshot", "updated_at"])
    return document
