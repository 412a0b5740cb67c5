"""Spreadsheet import and export of cluster members (django-import-export).

One row per member unit and year: "CTĐ7/2023", the unit code, its role. Every row
is checked and reported in Vietnamese; a file with a bad row saves nothing. Rows
may only name clusters and units inside the importer's scope.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from clusters.models import ClusterMembership, ClusterYear
from orgs.resources import ChoiceWidget, ScopedResource, UnitCodeWidget, YearWidget
from orgs.scoping import MANAGE_ROLES, Scope


class ClusterYearWidget(widgets.ForeignKeyWidget):
    """ "CTĐ7/2023": the cluster's document symbol and the year."""

    def __init__(self, scope: Scope | None) -> None:
        super().__init__(ClusterYear)
        self.scope = scope

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> ClusterYear | None:
        text = str(value or "").strip()
        symbol, _sep, year = text.rpartition("/")
        if not symbol or not year.isdigit():
            raise ValueError(
                _("“%(value)s” phải có dạng ký hiệu/năm, ví dụ CTĐ7/2023.")
                % {"value": text}
            )
        years = ClusterYear.objects.filter(
            cluster__issuer__symbol=symbol, year=int(year)
        )
        if self.scope is not None:
            years = years.visible_to(self.scope, MANAGE_ROLES)
        found = years.first()
        if found is None:
            raise ValueError(
                _(
                    "Không có năm %(year)s của cụm, khối “%(symbol)s” trong phạm vi bạn quản lý."
                )
                % {"year": year, "symbol": symbol}
            )
        return found

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return f"{value.cluster.issuer.symbol}/{value.year}" if value else ""


class MembershipResource(ScopedResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="Cụm, khối/năm")
    unit = fields.Field(attribute="unit", column_name="Mã đơn vị")
    unit_name = fields.Field(
        attribute="unit__name", column_name="Tên đơn vị", readonly=True
    )
    role = fields.Field(
        attribute="role",
        column_name="Vai trò",
        widget=ChoiceWidget(ClusterMembership.Role.choices),
    )
    deputy_rank = fields.Field(
        attribute="deputy_rank", column_name="Thứ tự phó", widget=YearWidget()
    )
    order = fields.Field(
        attribute="order", column_name="Thứ tự", widget=widgets.IntegerWidget()
    )
    representative_title = fields.Field(
        attribute="representative_title", column_name="Chức vụ người đại diện"
    )
    representative_name = fields.Field(
        attribute="representative_name", column_name="Họ tên người đại diện"
    )

    class Meta:
        model = ClusterMembership
        import_id_fields = ["cluster_year", "unit"]
        fields = (
            "cluster_year",
            "unit",
            "unit_name",
            "role",
            "deputy_rank",
            "order",
            "representative_title",
            "representative_name",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def __init__(
        self, scope: Scope | None = None, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(scope=scope, actor=actor, **kwargs)
        self.fields["cluster_year"].widget = ClusterYearWidget(scope)
        self.fields["unit"].widget = UnitCodeWidget(scope, MANAGE_ROLES)

    def get_queryset(self) -> Any:
        members = ClusterMembership.objects.select_related(
            "unit", "cluster_year__cluster__issuer"
        )
        return members.visible_to(self.scope) if self.scope is not None else members

    def validate_instance(
        self,
        instance: ClusterMembership,
        import_validation_errors: Any = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        if instance.cluster_year_id and instance.unit_id:
            from clusters.services.common import unit_active_in_year

            if not unit_active_in_year(instance.unit, instance.cluster_year.year):
                errors.setdefault(
                    "unit",
                    ValidationError(
                        _("%(unit)s không còn hoạt động trong năm %(year)s.")
                        % {
                            "unit": instance.unit.name,
                            "year": instance.cluster_year.year,
                        }
                    ),
                )
        super().validate_instance(instance, errors, validate_unique)
