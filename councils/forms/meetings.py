"""Forms of sessions: details, attendance, agenda, votes, conclusions, tasks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import (
    AgendaItem,
    Attendance,
    Conclusion,
    Council,
    CouncilMember,
    Meeting,
    Task,
)
from councils.voting import VoteMethod
from orgs.models import Person, Unit
from orgs.scoping import VIEW_ROLES, Scope

from .common import (
    DateInput,
    ServiceFormMixin,
    datetime_field,
)


class MeetingForm(ServiceFormMixin, forms.ModelForm):
    starts_at = datetime_field(_("Thời gian bắt đầu"))
    ends_at = datetime_field(_("Thời gian kết thúc"), required=False)

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "starts_at",
            "ends_at",
            "place",
            "subject",
            "chair",
            "secretary",
            "secretary_title",
            "guests",
            "summary",
        ]
        widgets = {
            "guests": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(
        self, *args: Any, scope: Scope, council: Council, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice
            for choice in Meeting.Kind.choices
            if choice[0] != Meeting.Kind.WRITTEN
        ]
        seated = CouncilMember.objects.filter(composition__council=council).values(
            "person_id"
        )
        people = Person.objects.filter(
            Q(pk__in=seated) | Q(unit__path__startswith=council.owner_unit.path)
        ).order_by("search_name")
        self.fields["chair"].queryset = Person.objects.filter(pk__in=seated).order_by(
            "search_name"
        )
        self.fields["secretary"].queryset = people
        self.fields["chair"].help_text = _("Để trống: Chủ tịch Hội đồng ngày họp.")
        self.fields["secretary"].help_text = _("Để trống: Thư ký Hội đồng ngày họp.")
        if not self.instance.pk:
            del self.fields["ends_at"]

    def validate_unique(self) -> None:
        """Numbers are allocated by the service."""


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["status", "reason", "representative", "written_opinion"]

    def __init__(self, *args: Any, scope: Scope | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        prefix = f"att-{self.instance.pk}"
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"{prefix}-{name}"
            field.required = False
        self.fields["status"].required = True
        self.fields["reason"].widget.attrs["placeholder"] = _("Lý do vắng")
        self.fields["representative"].widget.attrs["placeholder"] = _("Người dự thay")

    def validate_unique(self) -> None:
        """Attendance rows are created by the service, never by the form."""


class AgendaItemForm(ServiceFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["order", "title", "presenter", "documents", "discussion"]
        widgets = {
            "documents": forms.Textarea(attrs={"rows": 3}),
            "discussion": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Để trống: xếp cuối.")

    def validate_unique(self) -> None:
        """The service numbers the items."""


class VoteForm(forms.Form):
    question = forms.CharField(label=_("Nội dung biểu quyết"), max_length=500)
    method = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[c for c in VoteMethod.choices if c[0] != VoteMethod.WRITTEN],
    )
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = forms.IntegerField(
        label=_("Không tán thành"), min_value=0, initial=0
    )
    abstentions = forms.IntegerField(
        label=_("Không biểu quyết"), min_value=0, initial=0
    )
    invalid = forms.IntegerField(
        label=_("Phiếu không hợp lệ"), min_value=0, initial=0, required=False
    )
    written_for = forms.IntegerField(
        label=_("Văn bản: tán thành"), min_value=0, initial=0, required=False
    )
    written_against = forms.IntegerField(
        label=_("Văn bản: không tán thành"), min_value=0, initial=0, required=False
    )

    def __init__(
        self, *args: Any, item: AgendaItem | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        prefix = f"vote-{item.pk}" if item else "vote"
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"{prefix}-{name}"
        if item is not None:
            self.initial.setdefault("question", item.title)

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in ("invalid", "written_for", "written_against"):
            data[name] = data.get(name) or 0
        return data


class ConclusionForm(ServiceFormMixin, forms.ModelForm):
    class Meta:
        model = Conclusion
        fields = ["agenda_item", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(
        self, *args: Any, scope: Scope, meeting: Meeting, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()

    def validate_unique(self) -> None:
        """The service numbers conclusions."""


class TaskForm(ServiceFormMixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = [
            "description",
            "assignee_member",
            "assignee_unit",
            "coordinating",
            "due_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_on": DateInput(),
        }

    def __init__(
        self, *args: Any, scope: Scope, meeting: Meeting, **kwargs: Any
    ) -> None:
        from councils.selectors import members_on

        super().__init__(*args, **kwargs)
        self.fields["assignee_member"].queryset = members_on(
            meeting.council_id, meeting.session_date
        )
        self.fields["assignee_unit"].queryset = Unit.objects.visible_to(
            scope, VIEW_ROLES
        )


class TaskCompleteForm(forms.Form):
    done_on = forms.DateField(
        label=_("Ngày hoàn thành"), widget=DateInput(), initial=timezone.localdate
    )
    result_note = forms.CharField(
        label=_("Kết quả thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MeetingCloseForm(forms.Form):
    ends_at = datetime_field(_("Thời gian kết thúc"))


class MinutesIssueForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày ban hành biên bản"),
        widget=DateInput(),
        required=False,
        help_text=_("Để trống: ngày họp."),
    )
