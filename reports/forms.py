"""Forms of the reports app: the filters of the statistics pages, the editable
sections of a cluster report, and the achievement report skeleton."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models import AwardKind, Subject
from orgs.models import Unit
from orgs.scoping import Scope
from reports.filters import year_choices
from reports.models import ClusterReport


def unit_choices(scope: Scope, current: Unit | None) -> list[tuple[str, str]]:
    """The units a page can open on: the viewer's granted units and their children,
    and the unit chosen now (reached by following a row)."""
    roots = list(Unit.objects.filter(path__in=scope.paths()).order_by("path"))
    if scope.is_superuser and not roots:
        roots = list(Unit.objects.filter(parent__isnull=True).order_by("name"))
    children = Unit.objects.filter(parent__in=roots).order_by("parent__path", "name")
    units = {u.pk: u for u in [*roots, *children]}
    if current is not None:
        units.setdefault(current.pk, current)
    depth = {u.pk: u.path.count("/") for u in units.values()}
    top = min(depth.values(), default=0)
    return [
        (str(u.pk), "\u2003" * (depth[u.pk] - top) + u.name)
        for u in sorted(units.values(), key=lambda u: u.path)
    ]


class StatisticsFilterForm(forms.Form):
    """The choices on top of every statistics page (read with ``parse_filters``)."""

    unit = forms.ChoiceField(label=_("Đơn vị"), required=False)
    year_from = forms.TypedChoiceField(
        label=_("Từ năm"), required=False, coerce=int, empty_value=None
    )
    year_to = forms.TypedChoiceField(
        label=_("Đến năm"), required=False, coerce=int, empty_value=None
    )
    basis = forms.ChoiceField(
        label=_("Tính theo"),
        required=False,
        choices=[
            ("achievement", _("Năm thành tích")),
            ("decision", _("Năm quyết định")),
        ],
    )
    level = forms.ChoiceField(label=_("Cấp khen thưởng"), required=False)
    subject = forms.ChoiceField(label=_("Đối tượng"), required=False)

    def __init__(
        self,
        *args: Any,
        scope: Scope,
        current: Unit | None,
        fields: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        years = [(str(y), str(y)) for y in year_choices()]
        self.fields["year_from"].choices = [("", "—"), *years]
        self.fields["year_to"].choices = [("", "—"), *years]
        self.fields["unit"].choices = unit_choices(scope, current)
        self.fields["level"].choices = [
            ("", _("Mọi cấp")),
            *[(str(v), label) for v, label in AwardKind.Level.choices],
        ]
        self.fields["subject"].choices = [("", _("Mọi đối tượng")), *Subject.choices]
        for name in list(self.fields):
            if name not in fields:
                del self.fields[name]


class FormChoiceForm(forms.Form):
    """Which form, which year, which reporting unit."""

    unit = forms.ChoiceField(label=_("Đơn vị báo cáo"), required=False)
    year = forms.TypedChoiceField(label=_("Năm báo cáo"), coerce=int, required=False)

    def __init__(
        self, *args: Any, scope: Scope, current: Unit | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(scope, current)
        self.fields["year"].choices = [(str(y), str(y)) for y in year_choices()]


class ClusterReportCreateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại báo cáo"), choices=ClusterReport.Kind.choices
    )


class ClusterReportForm(forms.Form):
    """The editable text of a cluster report; figures are filled in by the app."""

    summary = forms.CharField(label=_("Trích yếu"), max_length=500)
    situation = forms.CharField(
        label=_("I. Đặc điểm tình hình"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    results = forms.CharField(
        label=_("II. Kết quả thực hiện (phần lời, trước các bảng số liệu)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )
    assessment = forms.CharField(
        label=_("III. Đánh giá chung: ưu điểm, hạn chế, nguyên nhân"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    tasks = forms.CharField(
        label=_("IV. Phương hướng, nhiệm vụ"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    proposals = forms.CharField(
        label=_("V. Đề xuất, kiến nghị"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ClusterReportIssueForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Ngày ban hành"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    drafting_code = forms.CharField(
        label=_("Đơn vị soạn thảo (viết tắt, nếu có)"), max_length=20, required=False
    )


class AchievementForm(forms.Form):
    """The parts of a báo cáo thành tích the nominee's unit writes (domain.md §8.2)."""

    profile = forms.CharField(
        label=_("I. Sơ lược lý lịch / đặc điểm tình hình"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    achievements = forms.CharField(
        label=_("II. Thành tích đạt được"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
    )
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"), max_length=120, required=False
    )
    signer_name = forms.CharField(
        label=_("Họ tên người ký"), max_length=120, required=False
    )
    output = forms.ChoiceField(
        label=_("Tải về"),
        choices=[("pdf", "PDF"), ("docx", "Word (.docx)")],
        initial="pdf",
    )
