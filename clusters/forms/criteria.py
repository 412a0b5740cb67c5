"""Forms of criteria sets, cards and proposals."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import (
    AwardCode,
    ClusterYear,
    CriteriaSet,
    Criterion,
)
from orgs.models import Unit

from .common import ScopedForm, member_units


class CriteriaSetForm(ScopedForm):
    name = forms.CharField(label=_("Tên bộ tiêu chí"), max_length=255)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    owner = forms.ChoiceField(label=_("Đơn vị ban hành"))
    parent = forms.ModelChoiceField(
        label=_("Điều chỉnh từ bộ tiêu chí"),
        queryset=CriteriaSet.objects.none(),
        required=False,
        help_text=_(
            "Để trống nếu xây dựng mới. Nếu chọn, bộ mới bắt đầu bằng bản sao của bộ gốc."
        ),
    )

    def __init__(
        self, *args: Any, owners: list[tuple[str, str]], parents: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owners
        self.fields["parent"].queryset = parents


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = [
            "parent",
            "code",
            "title",
            "max_points",
            "kind",
            "guidance",
            "evidence_required",
        ]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self, *args: Any, scope: Any = None, criteria_set: CriteriaSet, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        parents = criteria_set.criteria.filter(depth__lt=2)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def validate_unique(self) -> None:
        """Uniqueness of codes is checked by the service, with a Vietnamese message."""


class ImportForm(ScopedForm):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))


class EvidenceForm(ScopedForm):
    file = forms.FileField(label=_("Tài liệu kiểm chứng"))


class ExemptionForm(ScopedForm):
    exempt = forms.BooleanField(label=_("Không áp dụng với đơn vị"), required=False)
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=255)


class ProposalForm(ScopedForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    award_code = forms.ChoiceField(
        label=_("Hình thức đề nghị"), choices=AwardCode.choices
    )

    def __init__(self, *args: Any, cluster_year: ClusterYear, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = member_units(cluster_year)
