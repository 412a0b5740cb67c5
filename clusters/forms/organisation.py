"""Forms of years, leaders, members, rotation and followers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from clusters.models import (
    ClusterYear,
    CriteriaSet,
)
from orgs.models import Unit
from orgs.workdays import add_working_days

from .common import DATE, ScopedForm, member_units


class YearSettingsForm(ScopedForm):
    theme = forms.CharField(label=_("Chủ đề năm"), required=False, max_length=255)
    criteria_set = forms.ModelChoiceField(
        label=_("Bộ tiêu chí chấm điểm"),
        queryset=CriteriaSet.objects.none(),
        required=False,
    )
    review_mode = forms.ChoiceField(
        label=_("Cách thẩm định điểm"), choices=ClusterYear.ReviewMode.choices
    )
    review_team = forms.ModelMultipleChoiceField(
        label=_("Đơn vị trong tổ thẩm định"),
        queryset=Unit.objects.none(),
        required=False,
    )
    normalise = forms.BooleanField(
        label=_("Chuẩn hóa điểm khi nhiều đơn vị cùng chấm thẩm định"), required=False
    )
    tie_break = forms.CharField(
        label=_("Thứ tự nhóm tiêu chí xét khi bằng điểm"),
        required=False,
        help_text=_("Các mã nhóm cách nhau bởi dấu phẩy, ví dụ: I, IV."),
    )
    scoring_opens_on = forms.DateField(
        label=_("Ngày bắt đầu tự chấm"), required=False, widget=DATE
    )
    self_deadline = forms.DateField(
        label=_("Hạn tự chấm điểm"), required=False, widget=DATE
    )
    self_working_days = forms.IntegerField(
        label=_("hoặc: số ngày làm việc kể từ ngày bắt đầu"),
        required=False,
        min_value=1,
        max_value=120,
    )
    review_deadline = forms.DateField(
        label=_("Hạn thẩm định điểm"), required=False, widget=DATE
    )
    review_working_days = forms.IntegerField(
        label=_("hoặc: số ngày làm việc kể từ hạn tự chấm"),
        required=False,
        min_value=1,
        max_value=120,
    )

    def __init__(
        self, *args: Any, cluster_year: ClusterYear, criteria_sets: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria_set"].queryset = criteria_sets
        self.fields["review_team"].queryset = member_units(cluster_year)

    def clean_tie_break(self) -> list[str]:
        raw = self.cleaned_data.get("tie_break", "")
        return [
            part.strip() for part in raw.replace(";", ",").split(",") if part.strip()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        opens = data.get("scoring_opens_on")
        if data.get("self_working_days"):
            if not opens:
                raise ValidationError(
                    _("Ghi ngày bắt đầu tự chấm để tính hạn theo ngày làm việc.")
                )
            data["self_deadline"] = add_working_days(opens, data["self_working_days"])
        if data.get("review_working_days"):
            if not data.get("self_deadline"):
                raise ValidationError(_("Cần hạn tự chấm để tính hạn thẩm định."))
            data["review_deadline"] = add_working_days(
                data["self_deadline"], data["review_working_days"]
            )
        return data

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("self_working_days", None)
        data.pop("review_working_days", None)
        data.pop("review_team", None)
        return data


class LeadershipForm(ScopedForm):
    head = forms.ModelChoiceField(
        label=_("Đơn vị trưởng"), queryset=Unit.objects.none()
    )
    deputy_1 = forms.ModelChoiceField(
        label=_("Đơn vị phó thứ nhất"), queryset=Unit.objects.none(), required=False
    )
    deputy_2 = forms.ModelChoiceField(
        label=_("Đơn vị phó thứ hai"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args: Any, cluster_year: ClusterYear, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("head", "deputy_1", "deputy_2"):
            self.fields[name].queryset = member_units(cluster_year)

    def deputies(self) -> list[Unit]:
        return [
            u
            for u in (
                self.cleaned_data.get("deputy_1"),
                self.cleaned_data.get("deputy_2"),
            )
            if u
        ]


class RotationForm(LeadershipForm):
    basis = forms.CharField(
        label=_("Căn cứ đề xuất"),
        required=False,
        max_length=255,
        help_text=_("Ví dụ: Hội nghị tổng kết ngày 28/12/2021 giới thiệu, đề xuất."),
    )


class RotationConfirmForm(ScopedForm):
    decided_on = forms.DateField(label=_("Ngày xác nhận"), widget=DATE)
    decision_ref = forms.CharField(
        label=_("Văn bản xác nhận"), required=False, max_length=255
    )


class ReasonForm(ScopedForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


class RollForm(ScopedForm):
    theme = forms.CharField(label=_("Chủ đề năm mới"), required=False, max_length=255)


class MembershipAddForm(ScopedForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    representative_title = forms.CharField(
        label=_("Chức vụ người đại diện"), required=False, max_length=150
    )
    representative_name = forms.CharField(
        label=_("Họ tên người đại diện"), required=False, max_length=150
    )

    def __init__(self, *args: Any, cluster_year: ClusterYear, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        authority = cluster_year.cluster.authority
        self.fields["unit"].queryset = (
            Unit.objects.filter(path__startswith=authority.path)
            .exclude(cluster_memberships__cluster_year=cluster_year)
            .order_by("name")
        )


class FollowerForm(ScopedForm):
    council_member = forms.ModelChoiceField(
        label=_("Thành viên hội đồng"), queryset=Unit.objects.none()
    )
    assigned_on = forms.DateField(
        label=_("Phân công từ ngày"), required=False, widget=DATE
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)

    def __init__(self, *args: Any, cluster_year: ClusterYear, **kwargs: Any) -> None:
        from councils.models import CouncilMember

        super().__init__(*args, **kwargs)
        authority = cluster_year.cluster.authority
        self.fields["council_member"].queryset = (
            CouncilMember.objects.filter(
                composition__council__owner_unit__path__startswith=authority.path,
                composition__valid_to__isnull=True,
                left_on__isnull=True,
            )
            .select_related("person", "composition__council")
            .order_by("composition__council__name", "order")
        )
        self.fields["council_member"].label_from_instance = lambda m: (
            f"{m.person.full_name} – {m.get_role_display()}, {m.composition.council.name}"
        )
