"""Forms of conferences, votes, documents and the pledge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import (
    ClusterDocument,
    ClusterYear,
    Conference,
    ConferenceAttendance,
    ConferenceItem,
    PledgeSignatory,
)
from councils.voting import VoteMethod

from .common import DATE, TIME, ScopedForm, member_units


class ConferenceForm(forms.ModelForm):
    class Meta:
        model = Conference
        fields = [
            "kind",
            "title",
            "held_on",
            "starts_at",
            "ends_at",
            "place",
            "host_unit",
            "guests",
            "secretary_name",
            "secretary_title",
            "discussion",
        ]
        widgets = {
            "held_on": DATE,
            "starts_at": TIME,
            "ends_at": TIME,
            "guests": forms.Textarea(attrs={"rows": 3}),
            "discussion": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(
        self, *args: Any, scope: Any = None, cluster_year: ClusterYear, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_unit"].queryset = member_units(cluster_year)
        self.fields["title"].required = False

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if not data.get("title"):
            data.pop("title", None)
        return data


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = ConferenceAttendance
        fields = [
            "status",
            "representative_name",
            "representative_title",
            "in_presidium",
            "absence_reason",
        ]


class ConferenceItemForm(forms.ModelForm):
    class Meta:
        model = ConferenceItem
        fields = ["kind", "title", "document", "outcome", "note"]

    def __init__(
        self, *args: Any, scope: Any = None, cluster_year: ClusterYear, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = cluster_year.documents.select_related(
            "issued"
        )


class ConclusionForm(ScopedForm):
    text = forms.CharField(
        label=_("Nội dung kết luận"), widget=forms.Textarea(attrs={"rows": 3})
    )


class VoteForm(ScopedForm):
    method = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[
            (VoteMethod.SECRET_BALLOT, VoteMethod.SECRET_BALLOT.label),
            (VoteMethod.SHOW_OF_HANDS, VoteMethod.SHOW_OF_HANDS.label),
        ],
    )
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = forms.IntegerField(
        label=_("Không tán thành"), min_value=0, initial=0
    )
    abstentions = forms.IntegerField(
        label=_("Không biểu quyết"), min_value=0, initial=0
    )
    invalid = forms.IntegerField(label=_("Phiếu không hợp lệ"), min_value=0, initial=0)


class ConferenceVoteForm(VoteForm):
    conference = forms.ModelChoiceField(
        label=_("Hội nghị"), queryset=Conference.objects.none()
    )

    def __init__(self, *args: Any, cluster_year: ClusterYear, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        conferences = cluster_year.conferences.exclude(
            status=Conference.Status.MINUTES_ISSUED
        )
        self.fields["conference"].queryset = conferences.order_by("-held_on")
        year_end = (
            conferences.filter(kind=Conference.Kind.YEAR_END)
            .order_by("-held_on")
            .first()
        )
        if year_end is not None:
            self.fields["conference"].initial = year_end.pk


class IssueForm(ScopedForm):
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)
    drafting_code = forms.CharField(
        label=_("Đơn vị soạn thảo (viết tắt, nếu có)"), required=False, max_length=20
    )


class ClusterDocumentForm(forms.ModelForm):
    class Meta:
        model = ClusterDocument
        fields = ["kind", "summary", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, scope: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class PledgeForm(ScopedForm):
    title = forms.CharField(label=_("Tên văn bản"), max_length=255)
    grounds = forms.CharField(
        label=_("Căn cứ (mỗi dòng một căn cứ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    preamble = forms.CharField(
        label=_("Lời dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    implementation = forms.CharField(
        label=_("Tổ chức thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    signing_date = forms.DateField(label=_("Ngày ký kết"), required=False, widget=DATE)
    signing_place = forms.CharField(label=_("Địa danh"), required=False, max_length=100)


class CommitmentForm(ScopedForm):
    text = forms.CharField(
        label=_("Nội dung giao ước"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SignatoryForm(forms.ModelForm):
    class Meta:
        model = PledgeSignatory
        fields = ["prefix", "authority", "title", "name"]
