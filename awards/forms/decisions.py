"""Forms of decisions: drafting from dossiers, editing a draft, issuing, correcting,
revoking, recording recoveries, the fund budget, and the decision list filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardKind,
    Decision,
    DecisionLine,
    RevocationCase,
    SignaturePrefix,
)

from .common import DateInput, VersionField, year_choices

TEXTAREA = {"rows": 3}


class DraftFromDossiersForm(forms.Form):
    dossiers = forms.TypedMultipleChoiceField(
        label=_("Hồ sơ"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định dự kiến"), widget=DateInput(), required=False
    )

    def __init__(self, *args: Any, dossiers: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.available = {d.pk: d for d in dossiers}
        self.fields["dossiers"].choices = [(d.pk, d.reference) for d in dossiers]
        self.fields["decision_date"].initial = timezone.localdate()

    def chosen(self) -> list[Any]:
        return [self.available[pk] for pk in self.cleaned_data["dossiers"]]


class DecisionForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Decision
        fields = [
            "decision_date",
            "summary",
            "authority",
            "issuer_text",
            "grounds",
            "proposal",
            "conferral",
            "achievement",
            "executors",
            "recipients",
            "signature_prefix",
            "signature_authority",
            "signer_title",
            "signer_name",
            "drafting_code",
            "reason",
        ]
        widgets = {
            "decision_date": DateInput(),
            "grounds": forms.Textarea(attrs={"rows": 8}),
            "conferral": forms.Textarea(attrs=TEXTAREA),
            "achievement": forms.Textarea(attrs=TEXTAREA),
            "executors": forms.Textarea(attrs=TEXTAREA),
            "recipients": forms.Textarea(attrs=TEXTAREA),
            "reason": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("scope", None)
        super().__init__(*args, **kwargs)
        self.fields["signature_prefix"].choices = SignaturePrefix.choices
        if self.instance.kind != Decision.Kind.REVOCATION:
            del self.fields["reason"]

    def changes(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class IssueForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày ký, ban hành"),
        widget=DateInput(),
        help_text=_("Số được cấp theo sổ của năm này; tiền thưởng tính theo ngày này."),
    )
    version = VersionField()


class RevocationForm(forms.Form):
    lines = forms.TypedMultipleChoiceField(
        label=_("Người, tập thể bị hủy bỏ khen thưởng"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    case = forms.ChoiceField(
        label=_("Trường hợp (Luật, Chương VII)"), choices=RevocationCase.choices
    )
    reason = forms.CharField(
        label=_("Lý do cụ thể"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "Ví dụ: Kết luận thanh tra số … ngày … xác định thành tích kê khai không đúng."
        ),
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định dự kiến"), widget=DateInput()
    )

    def __init__(self, *args: Any, lines: list[DecisionLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [
            (line.pk, f"{line.order}. {line.display_name} – {line.position_and_unit}")
            for line in lines
        ]
        self.fields["decision_date"].initial = timezone.localdate()


class CorrectionLineForm(forms.Form):
    display_name = forms.CharField(
        label=_("Họ tên, tên tập thể (sửa lại)"), max_length=255
    )
    position = forms.CharField(
        label=_("Chức vụ (sửa lại)"), max_length=255, required=False
    )
    unit_name = forms.CharField(
        label=_("Đơn vị (sửa lại)"), max_length=255, required=False
    )


class RecoveryForm(forms.Form):
    amount = forms.IntegerField(label=_("Số tiền đã nộp lại (đồng)"), min_value=1)
    day = forms.DateField(label=_("Ngày nộp"), widget=DateInput())
    note = forms.CharField(label=_("Diễn giải"), max_length=500, required=False)


class BudgetForm(forms.Form):
    budget = forms.IntegerField(label=_("Dự toán của quỹ (đồng)"), min_value=0)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


class DecisionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm số, trích yếu, tên người"), required=False, max_length=100
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *Decision.Status.choices],
    )
    kind = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả")), *Decision.Kind.choices],
    )
    year = forms.TypedChoiceField(
        label=_("Năm"), required=False, coerce=int, empty_value=None
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"),
        required=False,
        queryset=AwardKind.objects.none(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Tất cả")), *year_choices()]
        self.fields["award_kind"].queryset = AwardKind.objects.filter(is_active=True)

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
