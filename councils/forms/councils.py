"""Forms of councils, compositions and members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from councils.models import (
    Composition,
    Council,
    CouncilMember,
)
from orgs.models import Person, Unit
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, Scope

from .common import (
    DateInput,
    ServiceFormMixin,
)


class CouncilForm(ServiceFormMixin, forms.ModelForm):
    symbol = forms.CharField(
        label=_("Chữ viết tắt trong ký hiệu văn bản"),
        max_length=30,
        help_text=_("Ví dụ: HĐTĐKT (văn bản “105/HĐTĐKT-NV”)."),
    )
    header_parent = forms.CharField(
        label=_("Tên cơ quan chủ quản in trên văn bản"),
        max_length=255,
        required=False,
        help_text=_("Để trống để dùng tên đơn vị thành lập hội đồng."),
    )
    header_name = forms.CharField(
        label=_("Tên hội đồng in trên văn bản"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG."),
    )

    class Meta:
        model = Council
        fields = [
            "code",
            "name",
            "kind",
            "owner_unit",
            "standing_unit",
            "meeting_interval_months",
            "founded_on",
            "dissolved_on",
            "note",
        ]
        widgets = {
            "founded_on": DateInput(),
            "dissolved_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.visible_to(scope, MANAGE_ROLES).filter(
            valid_to__isnull=True
        )
        self.fields["owner_unit"].queryset = units
        self.fields["standing_unit"].queryset = Unit.objects.visible_to(
            scope, MANAGE_ROLES
        )
        if self.instance.pk:
            del self.fields["owner_unit"]
            issuer = self.instance.issuer
            self.initial.update(
                symbol=issuer.symbol,
                header_parent=issuer.header_parent,
                header_name=issuer.header_name,
            )
        else:
            del self.fields["dissolved_on"]

    def validate_unique(self) -> None:
        """The service validates (it also creates the issuer)."""


class CompositionForm(ServiceFormMixin, forms.ModelForm):
    copy_members = forms.BooleanField(
        label=_("Chép danh sách thành viên từ thành phần trước"),
        required=False,
        initial=True,
        help_text=_("Rồi sửa những người thay đổi theo quyết định kiện toàn."),
    )

    class Meta:
        model = Composition
        fields = [
            "kind",
            "decision_number",
            "decision_date",
            "decision_issuer",
            "decision_summary",
            "valid_from",
            "note",
        ]
        widgets = {
            "decision_date": DateInput(),
            "valid_from": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["valid_from"].required = False
        self.fields["valid_from"].help_text = _("Để trống: từ ngày ký quyết định.")
        if self.instance.pk:
            del self.fields["copy_members"]

    def validate_unique(self) -> None:
        """The service reports duplicates in Vietnamese."""


class MemberForm(ServiceFormMixin, forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = [
            "person",
            "role",
            "position_title",
            "represented_unit",
            "order",
            "is_voting",
            "joined_on",
            "left_on",
            "left_note",
        ]
        widgets = {"joined_on": DateInput(), "left_on": DateInput()}

    def __init__(
        self, *args: Any, scope: Scope, council: Council, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # People of the organisation and of those it already seats; others via the admin.
        seated = CouncilMember.objects.filter(composition__council=council).values(
            "person_id"
        )
        self.fields["person"].queryset = (
            Person.objects.visible_to(scope, VIEW_ROLES)
            .filter(
                Q(unit__path__startswith=council.owner_unit.path) | Q(pk__in=seated)
            )
            .select_related("unit")
            .order_by("search_name")
        )
        self.fields["represented_unit"].queryset = Unit.objects.visible_to(
            scope, VIEW_ROLES
        )
        if not self.instance.pk:
            for name in ("left_on", "left_note"):
                del self.fields[name]
            self.fields["order"].required = False

    def validate_unique(self) -> None:
        """The service reports a second seat or a second chair in Vietnamese."""
