"""Spreadsheet import and export of compositions and their members.

A district's 22 members usually arrive as an xlsx typed from the kiện toàn
decision. Each row is checked and every problem reported in Vietnamese on its row;
an import with any bad row saves nothing (see ``orgs.resources``). Rows may only
point at councils the importer manages. A member is matched to an existing
person by name (without accents), birth year and unit, or created.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from councils.models import Composition, Council, CouncilMember
from councils.services import rechain
from orgs.models import Person
from orgs.resources import (
    ChoiceWidget,
    DateWidget,
    ScopedResource,
    UnitCodeWidget,
    VietnameseBooleanWidget,
    YearWidget,
)
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, Scope
from orgs.vn import fold

COUNCIL_COLUMN = "Mã hội đồng"
DECISION_COLUMN = "Số quyết định"
NAME_COLUMN = "Họ và tên"
YEAR_COLUMN = "Năm sinh"
UNIT_COLUMN = "Mã đơn vị công tác"


def _text(row: Any, column: str) -> str:
    value = row.get(column) if row is not None else None
    return str(value).strip() if value is not None else ""


class CouncilCodeWidget(widgets.ForeignKeyWidget):
    """A council by its code, among those the importer manages."""

    def __init__(self, scope: Scope | None) -> None:
        super().__init__(Council, field="code")
        self.scope = scope

    def councils(self) -> Any:
        councils = Council.objects.all()
        return councils.visible_to(self.scope, MANAGE_ROLES) if self.scope else councils

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Council | None:
        code = str(value).strip() if value is not None else ""
        if not code:
            raise ValueError(_("Thiếu mã hội đồng."))
        try:
            return self.councils().get(code=code)
        except Council.DoesNotExist:
            raise ValueError(
                _("Không có hội đồng mã “%(code)s” trong phạm vi bạn quản lý.")
                % {"code": code}
            ) from None


class CompositionWidget(widgets.ForeignKeyWidget):
    """The composition of the row's council set by the decision number in this column."""

    def __init__(self, scope: Scope | None) -> None:
        super().__init__(Composition, field="decision_number")
        self.councils = CouncilCodeWidget(scope)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Composition | None:
        council = self.councils.clean(row.get(COUNCIL_COLUMN), row)
        number = str(value).strip() if value is not None else ""
        found = Composition.objects.filter(
            council=council, decision_number=number
        ).first()
        if found is None:
            raise ValueError(
                _(
                    "Hội đồng “%(council)s” chưa có quyết định số “%(number)s”: nhập quyết "
                    "định (thành phần) trước."
                )
                % {"council": council.code, "number": number}
            )
        return found

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.decision_number if value else ""


class PersonWidget(widgets.ForeignKeyWidget):
    """Find the person by folded name, birth year and unit; create one if none."""

    def __init__(self, scope: Scope | None, actor: Any) -> None:
        super().__init__(Person, field="full_name")
        self.scope, self.actor = scope, actor
        self.units = UnitCodeWidget(scope, VIEW_ROLES)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Person | None:
        name = " ".join(str(value or "").split())
        if not name:
            raise ValueError(_("Thiếu họ và tên."))
        unit = self.units.clean(row.get(UNIT_COLUMN), row)
        if unit is None:
            raise ValueError(_("Thiếu mã đơn vị công tác."))
        year = YearWidget().clean(row.get(YEAR_COLUMN), row)
        people = Person.objects.filter(
            search_name=fold(name), birth_year=year, unit=unit
        )
        if len(people[:2]) > 1:
            raise ValueError(
                _(
                    "Có nhiều cá nhân cùng tên %(name)s, năm sinh, đơn vị: nhập qua trang quản trị."
                )
                % {"name": name}
            )
        if people:
            return people[0]
        if self.scope is not None and not self.scope.can_change(unit):
            raise ValueError(
                _(
                    "Chưa có %(name)s tại %(unit)s, và bạn không được thêm cá nhân của đơn vị này."
                )
                % {"name": name, "unit": unit.name}
            )
        return Person.objects.create(full_name=name, birth_year=year, unit=unit)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.full_name if value else ""


class VotingWidget(VietnameseBooleanWidget):
    """Blank means "votes": most members do."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        if value is None or not str(value).strip():
            return True
        return super().clean(value, row, **kwargs)


class CompositionResource(ScopedResource):
    council = fields.Field(attribute="council", column_name=COUNCIL_COLUMN)
    kind = fields.Field(
        attribute="kind",
        column_name="Hình thức",
        widget=ChoiceWidget(Composition.Kind.choices),
    )
    decision_number = fields.Field(
        attribute="decision_number", column_name=DECISION_COLUMN
    )
    decision_date = fields.Field(
        attribute="decision_date", column_name="Ngày quyết định", widget=DateWidget()
    )
    decision_issuer = fields.Field(
        attribute="decision_issuer", column_name="Cơ quan ban hành"
    )
    decision_summary = fields.Field(
        attribute="decision_summary", column_name="Trích yếu"
    )
    valid_from = fields.Field(
        attribute="valid_from", column_name="Áp dụng từ ngày", widget=DateWidget()
    )

    class Meta:
        model = Composition
        import_id_fields = ["council", "decision_number"]
        fields = (
            "council",
            "kind",
            "decision_number",
            "decision_date",
            "decision_issuer",
            "decision_summary",
            "valid_from",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(scope=scope, actor=actor, **kwargs)
        self.fields["council"].widget = CouncilCodeWidget(scope)

    def get_queryset(self) -> Any:
        queryset = Composition.objects.select_related("council")
        return queryset.visible_to(self.scope, MANAGE_ROLES) if self.scope else queryset

    def get_instance(self, instance_loader: Any, row: Any) -> Composition | None:
        """An unknown council is a row error reported in Vietnamese, not a crash."""
        try:
            council = CouncilCodeWidget(self.scope).clean(row.get(COUNCIL_COLUMN), row)
        except ValueError:
            return None
        number = _text(row, DECISION_COLUMN)
        return (
            self.get_queryset().filter(council=council, decision_number=number).first()
        )

    def import_instance(self, instance: Composition, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)
        if instance.valid_from is None:
            instance.valid_from = instance.decision_date

    def after_save_instance(
        self, instance: Composition, row: Any, **kwargs: Any
    ) -> None:
        rechain(instance.council)  # audited by ScopedResource.save_instance


class CouncilMemberResource(ScopedResource):
    council = fields.Field(
        attribute="composition__council__code",
        column_name=COUNCIL_COLUMN,
        readonly=True,
    )
    composition = fields.Field(attribute="composition", column_name=DECISION_COLUMN)
    order = fields.Field(
        attribute="order", column_name="STT", widget=widgets.IntegerWidget()
    )
    person = fields.Field(attribute="person", column_name=NAME_COLUMN)
    birth_year = fields.Field(
        attribute="person__birth_year", column_name=YEAR_COLUMN, readonly=True
    )
    unit = fields.Field(
        attribute="person__unit__code", column_name=UNIT_COLUMN, readonly=True
    )
    position_title = fields.Field(attribute="position_title", column_name="Chức vụ")
    role = fields.Field(
        attribute="role",
        column_name="Vai trò trong hội đồng",
        widget=ChoiceWidget(CouncilMember.Role.choices),
    )
    represented_unit = fields.Field(
        attribute="represented_unit", column_name="Mã đơn vị đại diện"
    )
    is_voting = fields.Field(
        attribute="is_voting", column_name="Có quyền biểu quyết", widget=VotingWidget()
    )

    class Meta:
        model = CouncilMember
        fields = (
            "council",
            "composition",
            "order",
            "person",
            "birth_year",
            "unit",
            "position_title",
            "role",
            "represented_unit",
            "is_voting",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(scope=scope, actor=actor, **kwargs)
        self.fields["composition"].widget = CompositionWidget(scope)
        self.fields["person"].widget = PersonWidget(scope, actor)
        self.fields["represented_unit"].widget = UnitCodeWidget(scope, VIEW_ROLES)

    def get_queryset(self) -> Any:
        queryset = CouncilMember.objects.select_related(
            "composition__council", "person__unit", "represented_unit"
        )
        return queryset.visible_to(self.scope, VIEW_ROLES) if self.scope else queryset

    def get_instance(self, instance_loader: Any, row: Any) -> CouncilMember | None:
        """The seat of this person in this composition, if the file updates it."""
        try:
            composition = CompositionWidget(self.scope).clean(
                row.get(DECISION_COLUMN), row
            )
            unit = UnitCodeWidget(self.scope, VIEW_ROLES).clean(
                row.get(UNIT_COLUMN), row
            )
        except ValueError:
            return None
        return (
            CouncilMember.objects.filter(
                composition=composition,
                person__search_name=fold(_text(row, NAME_COLUMN)),
                person__unit=unit,
            )
            .select_related("composition__council")
            .first()
        )

    def import_instance(self, instance: CouncilMember, row: Any, **kwargs: Any) -> None:
        super().import_instance(instance, row, **kwargs)
        if instance.order is None:
            instance.order = 0

    def validate_instance(
        self,
        instance: CouncilMember,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        if instance.composition_id and self.scope is not None:
            council = instance.composition.council
            if not self.scope.covers(council.owner_unit, MANAGE_ROLES):
                errors.setdefault(
                    "composition",
                    ValidationError(_("Bạn không quản lý hội đồng này.")),
                )
        super().validate_instance(instance, errors, validate_unique)
