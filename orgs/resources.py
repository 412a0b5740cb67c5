"""Spreadsheet import and export (django-import-export) for units and people.

Rows are checked one by one and every problem is reported in Vietnamese on its
row; the admin offers to confirm only a file without errors, and an import with
any bad row saves nothing. Rows may only point at units the importer manages.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, instance_loaders, resources, widgets
from import_export.formats.base_formats import CSV, XLSX

from orgs.auditing import AuditTrail, entry_for, snapshot
from orgs.auditing import _unit as unit_of_row
from orgs.models import Person, Unit
from orgs.scoping import CHANGE_ROLES, MANAGE_ROLES, Scope
from orgs.services import (
    audit_record_many,
    person_duplicates_among,
    person_duplicates_of,
)
from orgs.vn import fold

FORMATS = [XLSX, CSV]

_TRUE = {"1", "x", "có", "co", "true", "yes", "đúng", "dung"}
_FALSE = {"", "0", "không", "khong", "false", "no", "sai"}


class VietnameseBooleanWidget(widgets.BooleanWidget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        text = str(value).strip().lower() if value is not None else ""
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(_("“%(value)s” không phải Có/Không.") % {"value": value})

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "Có" if value else "Không"


class ChoiceWidget(widgets.Widget):
    """Accept a choice by its code or by its Vietnamese label; export the label."""

    def __init__(self, choices: list[tuple[str, Any]], blank: bool = False) -> None:
        super().__init__()
        self.choices = choices
        self.blank = blank

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value).strip() if value is not None else ""
        if not text and self.blank:
            return ""
        for code, label in self.choices:
            if fold(text) in (fold(code), fold(str(label))):
                return code
        allowed = ", ".join(str(label) for _code, label in self.choices)
        raise ValueError(
            _("“%(value)s” không hợp lệ; chọn một trong: %(allowed)s.")
            % {"value": text, "allowed": allowed}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return str(dict(self.choices).get(value, value or ""))


class YearWidget(widgets.IntegerWidget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        if value in (None, ""):
            return None
        try:
            year = int(float(str(value).strip()))
        except ValueError:
            raise ValueError(
                _("Năm “%(value)s” không phải là số.") % {"value": value}
            ) from None
        return year


class DateWidget(widgets.DateWidget):
    def __init__(self) -> None:
        super().__init__(format="%d/%m/%Y")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                _("Ngày “%(value)s” không đúng dạng ngày/tháng/năm.") % {"value": value}
            ) from None


class UnitCodeWidget(widgets.ForeignKeyWidget):
    """Find a unit by its code among the units the importer may change."""

    def __init__(self, scope: Scope | None, roles: frozenset[str]) -> None:
        super().__init__(Unit, field="code")
        self.scope = scope
        self.roles = roles

    def get_queryset(self, value: Any, row: Any, *args: Any, **kwargs: Any) -> Any:
        units = Unit.objects.all()
        return (
            units.visible_to(self.scope, self.roles)
            if self.scope is not None
            else units
        )

    def preload(self, values: Iterable[Any]) -> None:
        """Look up every code of the file in one query (an import whose rows cannot
        create units); ``clean`` then answers from this dict."""
        codes = sorted({str(v).strip() for v in values if v is not None} - {""})
        units = self.get_queryset(None, None)
        self._by_code = {
            unit.code: unit
            for start in range(0, len(codes), 5000)
            for unit in units.filter(code__in=codes[start : start + 5000])
        }

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Unit | None:
        code = str(value).strip() if value is not None else ""
        if not code:
            return None
        try:
            by_code = getattr(self, "_by_code", None)
            if by_code is not None:
                if code not in by_code:
                    raise Unit.DoesNotExist
                return by_code[code]
            return self.get_queryset(value, row).get(code=code)
        except Unit.DoesNotExist:
            raise ValueError(
                _(
                    "Không có đơn vị mã “%(code)s” trong phạm vi bạn quản lý (đơn vị cấp trên phải có trước)."
                )
                % {"code": code}
            ) from None


class ScopedResource(resources.ModelResource):
    """A resource limited to the importing user's scope; every row it saves or
    deletes is audited with its values before and after (``orgs.auditing``).

    With ``use_bulk`` the rows are written with ``bulk_create``/``bulk_update`` and
    their audit entries together at the end of the import, one per imported row."""

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        self.scope = scope
        self.actor = actor
        self._audit_rows: list[tuple[Any, dict[str, Any] | None, Any]] = []
        self._audit_before: dict[int, dict[str, Any]] = {}
        super().__init__(**kwargs)

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        super().before_import(dataset, **kwargs)
        self._audit_rows = []
        self._audit_before = {}

    def after_init_instance(
        self, instance: Any, new: bool, row: Any, **kwargs: Any
    ) -> None:
        super().after_init_instance(instance, new, row, **kwargs)
        if self._meta.use_bulk and not new and not kwargs.get("dry_run"):
            self._audit_before[id(instance)] = snapshot(instance)

    def save_instance(
        self, instance: Any, is_create: bool, row: Any, **kwargs: Any
    ) -> None:
        if kwargs.get("dry_run"):
            super().save_instance(instance, is_create, row, **kwargs)
            return
        if self._meta.use_bulk:
            super().save_instance(instance, is_create, row, **kwargs)
            before = None if is_create else self._audit_before.pop(id(instance), None)
            # a created row gets its pk (and so its snapshot) from bulk_create
            after = None if is_create else snapshot(instance)
            self._audit_rows.append((instance, before, after))
            return
        trail = AuditTrail(actor=self.actor, via="import")
        if not is_create:
            trail.watch([instance])
        super().save_instance(instance, is_create, row, **kwargs)
        trail.finish([instance])

    def delete_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        if kwargs.get("dry_run"):
            super().delete_instance(instance, row, **kwargs)
            return
        if self._meta.use_bulk:
            super().delete_instance(instance, row, **kwargs)
            before = self._audit_before.pop(id(instance), None) or snapshot(instance)
            self._audit_rows.append((instance, before, None))
            return
        trail = AuditTrail(actor=self.actor, via="import")
        trail.watch([instance])
        super().delete_instance(instance, row, **kwargs)
        trail.finish()

    def after_import(self, dataset: Any, result: Any, **kwargs: Any) -> None:
        super().after_import(dataset, result, **kwargs)
        rows, self._audit_rows = self._audit_rows, []
        if kwargs.get("dry_run") or not rows or result.has_errors():
            return  # a failed bulk write: the whole import is rolled back
        entries = []
        for instance, before, after in rows:
            if instance.pk is None:
                continue
            entry = entry_for(
                actor=self.actor,
                via="import",
                obj=None if after is None and before is not None else instance,
                old=instance,
                before=before,
                after=snapshot(instance) if before is None else after,
                unit=unit_of_row(instance),
            )
            if entry is not None:
                entries.append(entry)
        audit_record_many(entries)


class UnitResource(ScopedResource):
    code = fields.Field(attribute="code", column_name="Mã đơn vị")
    name = fields.Field(attribute="name", column_name="Tên đơn vị")
    short_name = fields.Field(attribute="short_name", column_name="Tên viết tắt")
    kind = fields.Field(
        attribute="kind",
        column_name="Loại đơn vị",
        widget=ChoiceWidget(Unit.Kind.choices),
    )
    parent = fields.Field(attribute="parent", column_name="Mã đơn vị cấp trên")
    header_parent = fields.Field(
        attribute="header_parent", column_name="Tên cơ quan chủ quản in trên văn bản"
    )
    header_name = fields.Field(
        attribute="header_name", column_name="Tên cơ quan ban hành in trên văn bản"
    )
    place_name = fields.Field(attribute="place_name", column_name="Địa danh")
    has_legal_personality = fields.Field(
        attribute="has_legal_personality",
        column_name="Có tư cách pháp nhân",
        widget=VietnameseBooleanWidget(),
    )
    valid_from = fields.Field(
        attribute="valid_from", column_name="Hiệu lực từ ngày", widget=DateWidget()
    )
    valid_to = fields.Field(
        attribute="valid_to", column_name="Hiệu lực đến ngày", widget=DateWidget()
    )

    class Meta:
        model = Unit
        import_id_fields = ["code"]
        fields = (
            "code",
            "name",
            "short_name",
            "kind",
            "parent",
            "header_parent",
            "header_name",
            "place_name",
            "has_legal_personality",
            "valid_from",
            "valid_to",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(scope=scope, actor=actor, **kwargs)
        self.fields["parent"].widget = UnitCodeWidget(scope, MANAGE_ROLES)

    def validate_instance(
        self,
        instance: Unit,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        if (
            self.scope is not None
            and not self.scope.is_superuser
            and instance.parent_id is None
        ):
            errors.setdefault(
                "parent",
                ValidationError(
                    _("Phải ghi mã đơn vị cấp trên thuộc phạm vi bạn quản lý.")
                ),
            )
        if instance.pk and instance.parent_id == instance.pk:
            errors.setdefault(
                "parent",
                ValidationError(_("Đơn vị không thể là cấp trên của chính nó.")),
            )
        super().validate_instance(instance, errors, validate_unique)

    def after_save_instance(self, instance: Unit, row: Any, **kwargs: Any) -> None:
        from orgs.models import DocumentIssuer

        path = f"{instance.parent.path if instance.parent_id else '/'}{instance.pk}/"
        if instance.path != path:
            instance.path = path
            instance.save(update_fields=["path"])
        if not kwargs.get("dry_run") and not instance.issuers.exists():
            DocumentIssuer.objects.create(
                unit=instance,
                name=instance.name,
                symbol=instance.short_name,
                header_parent=instance.header_parent,
                header_name=instance.header_name,
                place_name=instance.place_name,
            )


class PersonLoader(instance_loaders.ModelInstanceLoader):
    """Load every person the file names by its id in one query; a bad id is still
    reported on its own row."""

    def __init__(self, resource: Any, dataset: Any = None) -> None:
        super().__init__(resource, dataset)
        field = resource.fields[resource.get_import_id_fields()[0]]
        self.field = field
        ids = set()
        if dataset is not None and field.column_name in (dataset.headers or []):
            for value in dataset[field.column_name]:
                with contextlib.suppress(Exception):  # reported on its row
                    ids.add(field.widget.clean(value))
        ids.discard(None)
        self.instances = {
            instance.pk: instance
            for instance in self.get_queryset().filter(pk__in=sorted(ids))
        }

    def get_instance(self, row: Any) -> Any:
        return self.instances.get(self.field.clean(row))


class PersonResource(ScopedResource):
    id = fields.Field(
        attribute="id",
        column_name="Mã số (để trống nếu thêm mới)",
        widget=widgets.IntegerWidget(),
    )
    full_name = fields.Field(attribute="full_name", column_name="Họ và tên")
    gender = fields.Field(
        attribute="gender",
        column_name="Giới tính",
        widget=ChoiceWidget(Person.Gender.choices, blank=True),
    )
    birth_year = fields.Field(
        attribute="birth_year", column_name="Năm sinh", widget=YearWidget()
    )
    position = fields.Field(attribute="position", column_name="Chức vụ")
    unit = fields.Field(attribute="unit", column_name="Mã đơn vị")
    unit_name = fields.Field(
        attribute="unit__name", column_name="Tên đơn vị", readonly=True
    )
    is_direct_worker = fields.Field(
        attribute="is_direct_worker",
        column_name="Người lao động trực tiếp",
        widget=VietnameseBooleanWidget(),
    )
    is_leader = fields.Field(
        attribute="is_leader",
        column_name="Lãnh đạo, quản lý",
        widget=VietnameseBooleanWidget(),
    )
    email = fields.Field(attribute="email", column_name="Thư điện tử")

    class Meta:
        model = Person
        import_id_fields = ["id"]
        fields = (
            "id",
            "full_name",
            "gender",
            "birth_year",
            "position",
            "unit",
            "unit_name",
            "is_direct_worker",
            "is_leader",
            "email",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False
        # Rows are checked one by one (every error stays on its row) and written
        # in batches; the whole import is one transaction (import_data).
        use_bulk = True
        batch_size = 1000
        instance_loader_class = PersonLoader

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(scope=scope, actor=actor, **kwargs)
        self.fields["unit"].widget = UnitCodeWidget(scope, CHANGE_ROLES)
        self._seen: dict[tuple[str, int | None, int], int] = {}
        self._twins: dict[tuple[str, int | None, int], list[int]] = {}
        self._checked: set[tuple[str, int | None, int]] = set()
        self._loaded_keys: dict[int, tuple[str, int | None, int]] = {}

    def get_queryset(self) -> Any:
        return Person.objects.select_related("unit")

    def get_bulk_update_fields(self) -> list[str]:
        names = [
            field.attribute
            for name, field in self.fields.items()
            if name not in self._meta.import_id_fields
            and not field.readonly
            and field.attribute
            and "__" not in field.attribute
        ]
        return [*names, "search_name", "updated_at"]

    def get_instance(self, instance_loader: Any, row: Any) -> Any:
        instance = super().get_instance(instance_loader, row)
        if (
            instance is not None
            and self.scope is not None
            and not self.scope.can_change(instance.unit)
        ):
            return None
        return instance

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        """Resolve every unit code and look up every probable duplicate of the file
        in a few queries, instead of several queries per row."""
        super().before_import(dataset, **kwargs)
        self._seen = {}
        self._loaded_keys = {}
        unit_field = self.fields["unit"]
        headers = dataset.headers or []
        if unit_field.column_name in headers:
            unit_field.widget.preload(dataset[unit_field.column_name])
        keys = []
        for values in dataset:
            row = dict(zip(headers, values, strict=False))
            try:
                name = self.fields["full_name"].clean(row)
                year = self.fields["birth_year"].clean(row)
                unit = unit_field.clean(row)
            except Exception:  # the row reports it when it is imported
                continue
            if name and unit is not None:
                keys.append((fold(str(name)), year, unit.pk))
        self._checked = set(keys)
        self._twins = person_duplicates_among(keys)

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        self._row_number = kwargs.get("row_number")

    def after_init_instance(
        self, instance: Person, new: bool, row: Any, **kwargs: Any
    ) -> None:
        super().after_init_instance(instance, new, row, **kwargs)
        if not new:
            self._loaded_keys[id(instance)] = instance.identity_key

    def before_save_instance(self, instance: Person, row: Any, **kwargs: Any) -> None:
        # what Person.save() does, which bulk_create and bulk_update skip
        instance.full_name = " ".join(instance.full_name.split())
        instance.search_name = fold(instance.full_name)
        if instance.pk:
            instance.updated_at = timezone.now()
            # the stored person now has its new identity for the rows below
            old = self._loaded_keys.pop(id(instance), None)
            if old in self._twins and instance.pk in self._twins[old]:
                self._twins[old].remove(instance.pk)
            self._twins.setdefault(instance.identity_key, []).append(instance.pk)
            self._twins[instance.identity_key].sort()
        super().before_save_instance(instance, row, **kwargs)

    def _twin_of(self, instance: Person) -> int | None:
        """The first existing person (in the people order) who is probably the
        same as ``instance`` (``orgs.services.person_duplicates_of``)."""
        key = (fold(instance.full_name), instance.birth_year, instance.unit_id)
        if key not in self._checked:  # not seen up front: ask the database
            return (
                person_duplicates_of(
                    full_name=instance.full_name,
                    birth_year=instance.birth_year,
                    unit=instance.unit,
                    exclude_pk=instance.pk,
                )
                .values_list("pk", flat=True)
                .first()
            )
        return next((pk for pk in self._twins.get(key, ()) if pk != instance.pk), None)

    def validate_instance(
        self,
        instance: Person,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        if instance.full_name and instance.unit_id and "full_name" not in errors:
            key = (fold(instance.full_name), instance.birth_year, instance.unit_id)
            if key in self._seen:
                errors["full_name"] = ValidationError(
                    _("Trùng với dòng %(row)s trong cùng tệp.")
                    % {"row": self._seen[key]}
                )
            elif (twin := self._twin_of(instance)) is not None:
                errors["full_name"] = ValidationError(
                    _(
                        "Trùng với cá nhân đã có (mã số %(id)s): cùng họ tên, năm sinh, đơn vị. Ghi mã số để cập nhật."
                    )
                    % {"id": twin}
                )
            self._seen.setdefault(
                key, getattr(self, "_row_number", None) or len(self._seen) + 1
            )
        # Model validation without its per-row queries: the unit came from this
        # import's own lookup (so it exists), and the birth-year check constraint
        # (orgs_person_birth_year_range; PostgreSQL still enforces it) is checked
        # here, with a Vietnamese message instead of Django's generic one.
        exclude = set(errors)
        if instance.unit_id is not None:
            exclude.add("unit")
        try:
            instance.full_clean(
                exclude=exclude,
                validate_unique=validate_unique,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        year = instance.birth_year
        if "birth_year" not in errors and year is not None and not 1900 <= year <= 2100:
            errors["birth_year"] = ValidationError(
                _("Năm sinh %(year)s phải trong khoảng 1900–2100.") % {"year": year}
            )
        if errors:
            raise ValidationError(errors)
