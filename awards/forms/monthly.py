"""Forms of monthly recognition: opening a month, adding a person, reviewing one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import MonthlyEntry
from orgs.models import Person, Unit
from orgs.scoping import CHANGE_ROLES, Scope

from .common import year_choices

MONTHS = [(m, f"{m:02d}") for m in range(1, 13)]


class ProposalOpenForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị đề xuất"), queryset=Unit.objects.none()
    )
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int)
    month = forms.TypedChoiceField(label=_("Tháng"), coerce=int, choices=MONTHS)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        ).order_by("path")
        self.fields["year"].choices = year_choices(2017)
        today = timezone.localdate()
        self.fields["year"].initial, self.fields["month"].initial = (
            today.year,
            today.month,
        )


class EntryForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Cá nhân của đơn vị"), queryset=Person.objects.none(), required=False
    )
    full_name = forms.CharField(
        label=_("Hoặc họ tên người dân, người lao động"),
        max_length=150,
        required=False,
        help_text=_("Người chưa có trong danh sách cá nhân sẽ được thêm vào đơn vị."),
    )
    position = forms.CharField(
        label=_("Nghề nghiệp, chức vụ"), max_length=255, required=False
    )
    category = forms.ChoiceField(label=_("Loại"), choices=MonthlyEntry.Category.choices)
    deed = forms.CharField(
        label=_("Việc làm, thành tích"), widget=forms.Textarea(attrs={"rows": 3})
    )
    is_direct_worker = forms.BooleanField(
        label=_("Người lao động trực tiếp"), required=False
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            unit__path__startswith=unit.path
        ).order_by("search_name", "pk")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("person") and not (data.get("full_name") or "").strip():
            raise ValidationError(_("Hãy chọn một người hoặc ghi họ tên."))
        return data


class ReviewForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label=_("Kết quả"),
        coerce=lambda value: value == "1",
        choices=[("1", _("Chọn")), ("0", _("Không chọn"))],
    )
    reason = forms.CharField(
        label=_("Lý do không chọn"), max_length=500, required=False
    )
