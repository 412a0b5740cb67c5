"""Spreadsheet import and export of award records and yearly results
(django-import-export), following ``orgs/resources.py``.

Past awards given before the app existed come in from Excel: each row names the
recipient (a person by id, or by name + birth year + unit code; or a collective
by unit code), the award kind by code, the year and the decision. Every problem
is reported in Vietnamese on its row, and a file with any bad row saves nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from awards.models import (
    AwardKind,
    AwardRecord,
    AwardType,
    EvaluationResult,
    YearlyResult,
)
from orgs.models import Person, Unit
from orgs.resources import ChoiceWidget, DateWidget, ScopedResource, YearWidget
from orgs.scoping import CHANGE_ROLES
from orgs.vn import fold


class AwardKindWidget(widgets.ForeignKeyWidget):
    """An award kind by its code (CSTDCS) or its exact name."""

    def __init__(self) -> None:
        super().__init__(AwardKind, field="code")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> AwardKind | None:
        text = str(value or "").strip()
        if not text:
            return None
        found = AwardKind.objects.filter(code__iexact=text).first() or next(
            (k for k in AwardKind.objects.all() if fold(k.name) == fold(text)), None
        )
        if found is None:
            raise ValueError(
                _(
                    "Không có danh hiệu, hình thức “%(value)s” (ghi mã, ví dụ LDTT, CSTDCS)."
                )
                % {"value": text}
            )
        return found

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.code if value else ""


class SubjectResolver:
    """Find the person or collective of a row inside the importer's scope."""

    PERSON_ID = "Mã cá nhân"
    NAME = "Họ và tên"
    BIRTH = "Năm sinh"
    UNIT = "Mã đơn vị"
    COLLECTIVE = "Mã đơn vị tập thể"

    def __init__(self, scope: Any) -> None:
        self.scope = scope

    def people(self) -> Any:
        people = Person.objects.select_related("unit")
        return (
            people
            if self.scope is None
            else people.visible_to(self.scope, CHANGE_ROLES)
        )

    def units(self) -> Any:
        units = Unit.objects.all()
        return (
            units if self.scope is None else units.visible_to(self.scope, CHANGE_ROLES)
        )

    def resolve(self, row: Any) -> tuple[Person | None, Unit | None]:
        collective = str(row.get(self.COLLECTIVE) or "").strip()
        if collective:
            unit = self.units().filter(code=collective).first()
            if unit is None:
                raise ValueError(
                    _("Không có đơn vị mã “%(code)s” trong phạm vi bạn quản lý.")
                    % {"code": collective}
                )
            return None, unit
        return self._person(row), None

    def _person(self, row: Any) -> Person:
        person_id = str(row.get(self.PERSON_ID) or "").strip()
        if person_id:
            person = (
                self.people().filter(pk=int(float(person_id))).first()
                if person_id.replace(".", "").isdigit()
                else None
            )
            if person is None:
                raise ValueError(
                    _("Không có cá nhân mã số %(id)s trong phạm vi bạn quản lý.")
                    % {"id": person_id}
                )
            return person
        name = str(row.get(self.NAME) or "").strip()
        if not name:
            raise ValueError(
                _("Thiếu “Họ và tên” (hoặc “Mã cá nhân”, “Mã đơn vị tập thể”).")
            )
        matches = self.people().filter(search_name=fold(name))
        birth = YearWidget().clean(row.get(self.BIRTH))
        if birth:
            matches = matches.filter(birth_year=birth)
        unit_code = str(row.get(self.UNIT) or "").strip()
        if unit_code:
            matches = matches.filter(unit__code=unit_code)
        found = list(matches[:2])
        if not found:
            raise ValueError(
                _("Không tìm thấy “%(name)s” trong phạm vi bạn quản lý.")
                % {"name": name}
            )
        if len(found) > 1:
            raise ValueError(
                _(
                    "Có nhiều người tên “%(name)s”: ghi thêm năm sinh, mã đơn vị hoặc mã cá nhân."
                )
                % {"name": name}
            )
        return found[0]


class SubjectMixin:
    """Resolve the recipient before the row is validated; report problems on the row."""

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        self._subject_error = None
        try:
            self._subject = SubjectResolver(self.scope).resolve(row)
        except ValueError as error:
            self._subject, self._subject_error = (None, None), str(error)

    def import_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)  # type: ignore[misc]
        person, collective = self._subject
        instance.person, instance.collective = person, collective
        subject = person or collective
        if subject is not None:
            instance.unit = person.unit if person else collective
            instance.year_kind = instance.unit.year_kind

    def validate_instance(
        self,
        instance: Any,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        if self._subject_error:
            errors["person"] = ValidationError(self._subject_error)
        super().validate_instance(instance, errors, validate_unique)  # type: ignore[misc]


class AwardRecordResource(SubjectMixin, ScopedResource):
    person_id = fields.Field(
        attribute="person_id", column_name=SubjectResolver.PERSON_ID, readonly=True
    )
    name = fields.Field(
        column_name=SubjectResolver.NAME,
        readonly=True,
        dehydrate_method="dehydrate_name",
    )
    birth = fields.Field(
        attribute="person__birth_year", column_name=SubjectResolver.BIRTH, readonly=True
    )
    unit_code = fields.Field(
        attribute="unit__code", column_name=SubjectResolver.UNIT, readonly=True
    )
    collective_code = fields.Field(
        attribute="collective__code",
        column_name=SubjectResolver.COLLECTIVE,
        readonly=True,
    )
    award_kind = fields.Field(
        attribute="award_kind",
        column_name="Mã danh hiệu, hình thức",
        widget=AwardKindWidget(),
    )
    year = fields.Field(attribute="year", column_name="Năm", widget=YearWidget())
    award_type = fields.Field(
        attribute="award_type",
        column_name="Loại hình",
        widget=ChoiceWidget(AwardType.choices, blank=True),
    )
    decision_number = fields.Field(
        attribute="decision_number", column_name="Số quyết định"
    )
    decision_date = fields.Field(
        attribute="decision_date", column_name="Ngày quyết định", widget=DateWidget()
    )
    issuer = fields.Field(attribute="issuer", column_name="Cơ quan quyết định")
    note = fields.Field(attribute="note", column_name="Ghi chú")

    class Meta:
        model = AwardRecord
        fields = (
            "person_id",
            "name",
            "birth",
            "unit_code",
            "collective_code",
            "award_kind",
            "year",
            "award_type",
            "decision_number",
            "decision_date",
            "issuer",
            "note",
        )
        import_id_fields: tuple = ()
        clean_model_instances = True
        skip_unchanged = False
        report_skipped = False

    def dehydrate_name(self, record: AwardRecord) -> str:
        return record.subject_name

    def get_instance(self, instance_loader: Any, row: Any) -> None:
        return None  # each row is a new record; duplicates are caught by the constraint check

    def import_instance(self, instance: AwardRecord, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)
        instance.source = AwardRecord.Source.IMPORTED
        instance.award_type = instance.award_type or AwardType.REGULAR

    def validate_instance(
        self,
        instance: AwardRecord,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        kind, person, collective = (
            instance.award_kind if instance.award_kind_id else None,
            instance.person,
            instance.collective,
        )
        if kind and (person or collective):
            subject = "individual" if person else "collective"
            if not kind.allows(subject):
                errors["award_kind"] = ValidationError(
                    _("“%(kind)s” không tặng cho đối tượng này.") % {"kind": kind.name}
                )
            elif AwardRecord.objects.filter(
                person=person,
                collective=collective,
                award_kind=kind,
                year=instance.year,
                decision_number=(instance.decision_number or "").strip(),
            ).exists():
                errors["decision_number"] = ValidationError(
                    _("Khen thưởng này đã có trên hệ thống.")
                )
        super().validate_instance(instance, errors, validate_unique)

    def after_save_instance(
        self, instance: AwardRecord, row: Any, **kwargs: Any
    ) -> None:
        if kwargs.get("dry_run"):
            return
        from awards.models import AwardRecordEvent

        AwardRecordEvent.objects.create(
            record=instance,
            action=AwardRecordEvent.Action.CREATED,
            actor=self.actor
            if getattr(self.actor, "is_authenticated", False)
            else None,
            data={"source": "imported"},
        )

    def filter_export(self, queryset: Any, **kwargs: Any) -> Any:
        records = queryset.select_related(
            "person", "collective", "household", "unit", "award_kind"
        )
        return records if self.scope is None else records.visible_to(self.scope)


class YearlyResultResource(SubjectMixin, ScopedResource):
    person_id = fields.Field(
        attribute="person_id", column_name=SubjectResolver.PERSON_ID, readonly=True
    )
    name = fields.Field(
        column_name=SubjectResolver.NAME,
        readonly=True,
        dehydrate_method="dehydrate_name",
    )
    birth = fields.Field(
        attribute="person__birth_year", column_name=SubjectResolver.BIRTH, readonly=True
    )
    unit_code = fields.Field(
        attribute="unit__code", column_name=SubjectResolver.UNIT, readonly=True
    )
    collective_code = fields.Field(
        attribute="collective__code",
        column_name=SubjectResolver.COLLECTIVE,
        readonly=True,
    )
    year = fields.Field(attribute="year", column_name="Năm", widget=YearWidget())
    result = fields.Field(
        attribute="result",
        column_name="Kết quả",
        widget=ChoiceWidget(EvaluationResult.choices),
    )
    note = fields.Field(attribute="note", column_name="Ghi chú")

    class Meta:
        model = YearlyResult
        fields = (
            "person_id",
            "name",
            "birth",
            "unit_code",
            "collective_code",
            "year",
            "result",
            "note",
        )
        import_id_fields: tuple = ()
        clean_model_instances = True
        skip_unchanged = False
        report_skipped = False

    def dehydrate_name(self, row: YearlyResult) -> str:
        return row.subject_name

    def get_instance(self, instance_loader: Any, row: Any) -> Any:
        """An existing result of the same subject and year is corrected, not duplicated."""
        person, collective = getattr(self, "_subject", (None, None))
        year = YearWidget().clean(row.get("Năm"))
        if (person or collective) and year:
            return YearlyResult.objects.filter(
                person=person, collective=collective, year=year
            ).first()
        return None

    def import_instance(self, instance: YearlyResult, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)
        instance.source = YearlyResult.Source.IMPORTED

    def filter_export(self, queryset: Any, **kwargs: Any) -> Any:
        rows = queryset.select_related("person", "collective", "household", "unit")
        return rows if self.scope is None else rows.visible_to(self.scope)
