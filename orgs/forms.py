from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from orgs.models import Person, Unit
from orgs.scoping import CHANGE_ROLES, Scope


class PersonForm(forms.ModelForm):
    allow_duplicate = forms.BooleanField(
        label=_("Xác nhận không trùng với người đã có"),
        required=False,
        help_text=_(
            "Chỉ đánh dấu khi chắc chắn đây là một người khác cùng họ tên, năm sinh, đơn vị."
        ),
    )

    class Meta:
        model = Person
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "position",
            "unit",
            "is_direct_worker",
            "is_leader",
            "email",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(
            scope, CHANGE_ROLES
        ).filter(valid_to__isnull=True)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("allow_duplicate", None)
        return data

    def validate_unique(self) -> None:
        """Uniqueness is the service's job (it knows about confirmed twins)."""


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Loại đơn vị"),
        required=False,
        choices=[("", _("Tất cả")), *Unit.Kind.choices],
    )
