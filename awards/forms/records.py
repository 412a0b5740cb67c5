"""Forms of award records, yearly results and households."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardKind,
    AwardRecord,
    AwardType,
    EvaluationResult,
    Household,
    Subject,
)
from orgs.models import Person, Unit
from orgs.scoping import CHANGE_ROLES, Scope
from orgs.widgets import PersonPicker, UnitPicker, picker_setup

from .common import DateInput


class RecordForm(forms.Form):
    subject = forms.ChoiceField(label=_("Đối tượng"), choices=Subject.choices)
    # A province's secretariat sees 150,000 people and 2,551 units: search, then pick.
    person = forms.ModelChoiceField(
        label=_("Cá nhân"),
        queryset=Person.objects.none(),
        required=False,
        widget=PersonPicker,
    )
    collective = forms.ModelChoiceField(
        label=_("Tập thể"),
        queryset=Unit.objects.none(),
        required=False,
        widget=UnitPicker,
    )
    household = forms.ModelChoiceField(
        label=_("Hộ gia đình"), queryset=Household.objects.none(), required=False
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"), queryset=AwardKind.objects.all()
    )
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=1945, max_value=2100)
    award_type = forms.ChoiceField(label=_("Loại hình"), choices=AwardType.choices)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    issuer = forms.CharField(label=_("Cơ quan, người quyết định"), max_length=255)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.visible_to(scope, CHANGE_ROLES)
        self.fields["collective"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        )
        picker_setup(self, "person", scope, roles=CHANGE_ROLES)
        picker_setup(self, "collective", scope, roles=CHANGE_ROLES)
        self.fields["household"].queryset = Household.objects.visible_to(
            scope, CHANGE_ROLES
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        field = {
            "individual": "person",
            "collective": "collective",
            "household": "household",
        }.get(data.get("subject", ""), "person")
        if not data.get(field):
            self.add_error(field, gettext("Hãy chọn đối tượng được khen thưởng."))
        for other in ("person", "collective", "household"):
            if other != field:
                data[other] = None
        return data


class RecordRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    revoked_on = forms.DateField(label=_("Ngày hủy bỏ, thu hồi"), widget=DateInput())
    revocation_number = forms.CharField(
        label=_("Số quyết định"), max_length=60, required=False
    )


class RecordFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tên hoặc số quyết định"), required=False, max_length=100
    )
    year = forms.IntegerField(
        label=_("Năm"), required=False, min_value=1945, max_value=2100
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"),
        queryset=AwardKind.objects.all(),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *AwardRecord.Status.choices],
    )

    def filters(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_valid() else {}


class ResultFilterForm(forms.Form):
    q = forms.CharField(label=_("Họ tên"), required=False, max_length=100)
    year = forms.IntegerField(
        label=_("Năm"), required=False, min_value=1945, max_value=2100
    )
    result = forms.ChoiceField(
        label=_("Kết quả"),
        required=False,
        choices=[("", _("Tất cả")), *EvaluationResult.choices],
    )

    def filters(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_valid() else {}


class ResultGridChoice(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=1945, max_value=2100)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        ).filter(valid_to__isnull=True)


def grid_results(post: Any, people: list[Person]) -> dict[int, str]:
    """Read the result chosen for each person from a grid form (``result-<id>``)."""
    valid = set(EvaluationResult.values) | {""}
    chosen = {}
    for person in people:
        value = post.get(f"result-{person.pk}", "")
        if value not in valid:
            raise ValidationError(gettext("Kết quả không hợp lệ."))
        chosen[person.pk] = value
    return chosen


class HouseholdForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["head_name", "address", "unit", "members", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        ).filter(valid_to__isnull=True)
