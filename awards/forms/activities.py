"""Forms of initiatives, movements and registrations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardKind,
    Initiative,
    InitiativeScope,
    Movement,
    ReviewWindow,
)
from orgs.models import Person, Unit
from orgs.scoping import CHANGE_ROLES, Scope

from .common import DateInput, VersionField


class InitiativeForm(forms.ModelForm):
    authors = forms.ModelMultipleChoiceField(
        label=_("Tác giả"),
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    version = VersionField()

    class Meta:
        model = Initiative
        fields = [
            "title",
            "unit",
            "field",
            "description",
            "applied_on",
            "effect_evidence",
            "requested_scope",
            "window",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "effect_evidence": forms.Textarea(attrs={"rows": 3}),
            "applied_on": DateInput(),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.visible_to(scope, CHANGE_ROLES).filter(
            valid_to__isnull=True
        )
        self.fields["unit"].queryset = units
        self.fields["authors"].queryset = Person.objects.visible_to(
            scope, CHANGE_ROLES
        ).select_related("unit")
        self.fields["authors"].label_from_instance = lambda p: (
            f"{p.full_name} – {p.unit.name}"
        )
        self.fields["window"].queryset = ReviewWindow.objects.filter(
            unit_id__in=scope.ancestor_ids()
        ) | ReviewWindow.objects.visible_to(scope)
        if self.instance.pk:
            del self.fields["unit"]
            self.fields["authors"].initial = list(
                self.instance.authors.values_list("pk", flat=True)
            )
            self.fields["version"].initial = self.instance.version

    def validate_unique(self) -> None:
        """Saving is the service's job."""


class AssessForm(forms.Form):
    recognised = forms.TypedChoiceField(
        label=_("Kết quả"),
        choices=[("1", _("Công nhận sáng kiến")), ("0", _("Không công nhận"))],
        coerce=lambda v: v == "1",
    )
    assessment = forms.CharField(
        label=_("Ý kiến của Hội đồng sáng kiến"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    council = forms.ModelChoiceField(
        label=_("Hội đồng Sáng kiến"), queryset=None, required=False
    )
    assessed_by = forms.CharField(
        label=_("Cơ quan công nhận (nếu hội đồng chưa có trên hệ thống)"),
        max_length=255,
        required=False,
    )
    recognised_scope = forms.TypedChoiceField(
        label=_("Phạm vi ảnh hưởng được công nhận"),
        choices=[("", "—"), *InitiativeScope.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    recognition_number = forms.CharField(
        label=_("Số quyết định công nhận"), max_length=60, required=False
    )
    recognition_date = forms.DateField(
        label=_("Ngày quyết định"), required=False, widget=DateInput()
    )

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        from councils.models import Council

        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = Council.objects.filter(
            kind="initiative"
        ).visible_to(scope)


class MovementForm(forms.ModelForm):
    target_units = forms.ModelMultipleChoiceField(
        label=_("Đối tượng tham gia"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    pilot_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị chỉ đạo điểm"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    version = VersionField()

    class Meta:
        model = Movement
        fields = [
            "name",
            "launched_by",
            "kind",
            "theme",
            "starts_on",
            "ends_on",
            "objectives",
            "criteria",
            "models_to_replicate",
            "plan_reference",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "criteria": forms.Textarea(attrs={"rows": 3}),
            "models_to_replicate": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.visible_to(scope, CHANGE_ROLES).filter(
            valid_to__isnull=True
        )
        self.fields["launched_by"].queryset = units
        self.fields["target_units"].queryset = units
        self.fields["pilot_units"].queryset = units
        if self.instance.pk:
            del self.fields["launched_by"]
            self.fields["target_units"].initial = list(
                self.instance.target_units.values_list("pk", flat=True)
            )
            self.fields["pilot_units"].initial = list(
                self.instance.pilot_units.values_list("pk", flat=True)
            )
            self.fields["version"].initial = self.instance.version

    def validate_unique(self) -> None:
        """Saving is the service's job."""


class AdvanceForm(forms.Form):
    step = forms.ChoiceField(label=_("Chuyển sang bước"), choices=())
    done_on = forms.DateField(label=_("Ngày thực hiện"), widget=DateInput())
    note = forms.CharField(
        label=_("Nội dung đã làm"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    document = forms.CharField(
        label=_("Văn bản liên quan"), max_length=255, required=False
    )
    version = VersionField()

    def __init__(self, *args: Any, movement: Movement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Movement.Step.choices)
        self.fields["step"].choices = [(s, labels[s]) for s in movement.next_steps]
        self.fields["version"].initial = movement.version


class RegistrationForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị đăng ký"), queryset=Unit.objects.none()
    )
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    registered_on = forms.DateField(label=_("Ngày đăng ký"), widget=DateInput())
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        ).filter(valid_to__isnull=True)


class RegistrationEntryForm(forms.Form):
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức đăng ký"),
        queryset=AwardKind.objects.filter(is_active=True),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Cá nhân"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    collectives = forms.ModelMultipleChoiceField(
        label=_("Tập thể"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, registration: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inside = registration.unit.path
        self.fields["people"].queryset = Person.objects.filter(
            unit__path__startswith=inside, is_active=True
        ).order_by("search_name")
        self.fields["collectives"].queryset = Unit.objects.filter(
            path__startswith=inside, valid_to__isnull=True
        )
