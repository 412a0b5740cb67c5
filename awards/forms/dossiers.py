"""Forms of dossiers, nominees, files, verdict overrides and transitions."""

from __future__ import annotations

import csv
import io
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardKind,
    AwardType,
    Dossier,
    DossierItem,
    Initiative,
    Movement,
)
from awards.selectors import movements_for_unit
from awards.services.nominations import ListRow
from awards.uploads import ACCEPT
from orgs.models import Unit
from orgs.scoping import CHANGE_ROLES, Scope
from orgs.widgets import UnitPicker, picker_setup

from .common import DateInput, VersionField

MAX_LIST_LINES = 2000


class DossierForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị đề nghị"), queryset=Unit.objects.none()
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức đề nghị"), queryset=AwardKind.objects.none()
    )
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=1945, max_value=2100)
    award_type = forms.ChoiceField(label=_("Loại hình"), choices=AwardType.choices)
    procedure = forms.ChoiceField(label=_("Thủ tục"), choices=Dossier.Procedure.choices)
    movement = forms.ModelChoiceField(
        label=_("Phong trào thi đua"),
        queryset=Movement.objects.none(),
        required=False,
        help_text=_("Bắt buộc với khen thưởng theo đợt, chuyên đề."),
    )
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    planned_decision_on = forms.DateField(
        label=_("Ngày dự kiến quyết định"),
        required=False,
        widget=DateInput(),
        help_text=Dossier._meta.get_field("planned_decision_on").help_text,
    )
    submission_number = forms.CharField(
        label=_("Số tờ trình"), max_length=60, required=False
    )
    submission_date = forms.DateField(
        label=_("Ngày tờ trình"), required=False, widget=DateInput()
    )

    def __init__(
        self, *args: Any, scope: Scope, dossier: Dossier | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        units = Unit.objects.visible_to(scope, CHANGE_ROLES).filter(
            valid_to__isnull=True
        )
        self.fields["unit"].queryset = units
        self.fields["award_kind"].queryset = AwardKind.objects.filter(is_active=True)
        if dossier is not None:
            self.fields["movement"].queryset = movements_for_unit(dossier.unit)
            del self.fields["unit"], self.fields["award_kind"]
            self.fields["version"] = VersionField()
        else:
            self.fields["movement"].queryset = Movement.objects.filter(
                launched_by_id__in=scope.ancestor_ids()
            ).exclude(step=Movement.Step.CLOSED)
            self.fields["year"].initial = timezone.localdate().year - (
                1 if timezone.localdate().month < 7 else 0
            )
            if units.count() == 1:
                self.fields["unit"].initial = units.first()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit = data.get("unit") or (self.dossier.unit if self.dossier else None)
        movement = data.get("movement")
        if (
            movement is not None
            and unit is not None
            and not unit.path.startswith(movement.launched_by.path)
        ) and not movement.target_units.filter(pk__in=unit.ancestor_ids).exists():
            self.add_error(
                "movement",
                gettext("Đơn vị không thuộc phạm vi của phong trào này."),
            )
        return data


class NomineeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên (không cần dấu)"), required=False, max_length=100
    )


def parse_lines(text: str) -> list[ListRow]:
    """Read "Họ và tên[; năm sinh][; mã đơn vị]" lines; tabs and commas also separate."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [
            p.strip() for p in line.replace("\t", ";").replace(",", ";").split(";")
        ]
        rows.append(_row(number, parts))
    return rows


def _row(number: int, parts: list[str]) -> ListRow:
    name, year, code = ([*parts, "", "", ""])[:3]
    if name.isdigit() and not year:
        return ListRow(line=number, name="", person_id=int(name))
    birth = int(year) if year.isdigit() else None
    if year and birth is None and not code:
        code, birth = year, None
    return ListRow(line=number, name=name, birth_year=birth, unit_code=code)


class PasteForm(forms.Form):
    people = forms.CharField(
        label=_("Danh sách (mỗi dòng một người)"),
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Mỗi dòng: Họ và tên; năm sinh; mã đơn vị (năm sinh và mã đơn vị để phân biệt "
            "người trùng tên). Có thể dán từ Excel."
        ),
    )

    def clean_people(self) -> list[ListRow]:
        rows = parse_lines(self.cleaned_data["people"])
        if len(rows) > MAX_LIST_LINES:
            raise ValidationError(
                gettext("Tối đa %(count)s dòng mỗi lần.") % {"count": MAX_LIST_LINES}
            )
        return rows


HEADERS = {
    "ho va ten": "name",
    "nam sinh": "birth_year",
    "ma don vi": "unit_code",
    "ma so": "person_id",
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx, .csv)"),
        help_text=_("Cột: Họ và tên, Năm sinh, Mã đơn vị (hoặc Mã số của cá nhân)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self) -> list[ListRow]:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(gettext("Tệp lớn hơn 5 MB."))
        try:
            table = _read_xlsx(upload) if name.endswith(".xlsx") else _read_csv(upload)
        except Exception as error:  # a broken file: say so, whatever the parser raised
            raise ValidationError(gettext("Không đọc được tệp danh sách.")) from error
        return _rows_from_table(table)


def _read_xlsx(upload: Any) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(upload, read_only=True, data_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def _read_csv(upload: Any) -> list[list[Any]]:
    text = upload.read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _rows_from_table(table: list[list[Any]]) -> list[ListRow]:
    from orgs.vn import fold

    if not table:
        raise ValidationError(gettext("Tệp trống."))
    header = [HEADERS.get(fold(str(cell or "")).strip()) for cell in table[0]]
    if "name" not in header and "person_id" not in header:
        raise ValidationError(gettext("Thiếu cột “Họ và tên” hoặc “Mã số”."))
    rows = []
    for number, cells in enumerate(table[1:], start=1):
        values = {
            key: cells[i] for i, key in enumerate(header) if key and i < len(cells)
        }
        if not any(str(v or "").strip() for v in values.values()):
            continue
        rows.append(
            ListRow(
                line=number,
                name=str(values.get("name") or "").strip(),
                birth_year=_int(values.get("birth_year")),
                unit_code=str(values.get("unit_code") or "").strip(),
                person_id=_int(values.get("person_id")),
            )
        )
    if len(rows) > MAX_LIST_LINES:
        raise ValidationError(
            gettext("Tối đa %(count)s dòng mỗi lần.") % {"count": MAX_LIST_LINES}
        )
    return rows


def _int(value: Any) -> int | None:
    try:
        return int(float(str(value).strip())) if value not in (None, "") else None
    except ValueError:
        return None


class UploadForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Thành phần hồ sơ"),
        queryset=DossierItem.objects.none(),
        required=False,
        empty_label=_("Tài liệu khác"),
    )
    file = forms.FileField(
        label=_("Tệp"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, dossier: Dossier, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = dossier.items.select_related("component")
        self.fields["item"].label_from_instance = lambda item: item.component.name


class NominationForm(forms.Form):
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    achievement = forms.CharField(
        label=_("Thành tích (tóm tắt)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    initiative = forms.ModelChoiceField(
        label=_("Sáng kiến làm căn cứ"),
        queryset=Initiative.objects.none(),
        required=False,
    )
    version = VersionField()

    def __init__(self, *args: Any, nomination: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if nomination.person_id:
            self.fields["initiative"].queryset = Initiative.objects.filter(
                authors=nomination.person_id
            )
        else:
            del self.fields["initiative"]


class DecideForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    issuer = forms.CharField(label=_("Cơ quan, người quyết định"), max_length=255)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do hủy bỏ, thu hồi"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revoked_on = forms.DateField(label=_("Ngày hủy bỏ"), widget=DateInput())
    revocation_number = forms.CharField(
        label=_("Số quyết định hủy bỏ"), max_length=60, required=False
    )


class DossierFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *Dossier.Status.choices],
    )
    award_kind = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"),
        queryset=AwardKind.objects.all(),
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        widget=UnitPicker,  # a province sees thousands of units: search, then pick
    )
    year = forms.IntegerField(
        label=_("Năm"), required=False, min_value=1945, max_value=2100
    )
    overdue = forms.BooleanField(label=_("Chỉ hồ sơ quá hạn"), required=False)

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.visible_to(scope)
        picker_setup(self, "unit", scope)

    def filters(self) -> dict[str, Any]:
        return self.cleaned_data if self.is_valid() else {}


class PublicConsultationForm(forms.Form):
    summary = forms.CharField(
        label=_("Nội dung công khai"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Chỉ những gì phải công khai: đề nghị gì, cho ai, vì thành tích gì."
        ),
    )
    opens_on = forms.DateField(label=_("Công khai từ ngày"), widget=DateInput())
    contact = forms.CharField(
        label=_("Nơi nhận ý kiến bằng văn bản"), max_length=255, required=False
    )
