"""Forms of written consultations: question and files, answers."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import (
    ConsultationAnswer,
    CouncilMember,
)
from councils.uploads import ALLOWED_EXTENSIONS
from orgs.scoping import Scope

from .common import (
    datetime_field,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": _accept()}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def _accept() -> str:
    return ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


class ConsultationForm(forms.Form):
    question = forms.CharField(label=_("Nội dung xin ý kiến"), max_length=500)
    details = forms.CharField(
        label=_("Thuyết minh"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    deadline = datetime_field(_("Hạn trả lời"))
    files = MultipleFileField(
        label=_("Tài liệu gửi kèm"),
        required=False,
        help_text=_("PDF, Word, Excel, ảnh; tối đa 10 MB mỗi tệp."),
    )

    def __init__(self, *args: Any, scope: Scope | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "deadline",
                (timezone.localtime() + datetime.timedelta(days=3)).replace(
                    hour=17, minute=0, second=0, microsecond=0
                ),
            )


class DocumentUploadForm(forms.Form):
    upload = forms.FileField(
        label=_("Tệp"),
        widget=forms.ClearableFileInput(attrs={"accept": _accept()}),
        help_text=_("PDF, Word, Excel, ảnh; tối đa 10 MB."),
    )
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255, required=False)


class AnswerForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Ý kiến"),
        choices=ConsultationAnswer.Choice.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Góp ý"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RecordAnswerForm(AnswerForm):
    member = forms.ModelChoiceField(
        label=_("Thành viên"), queryset=CouncilMember.objects.none()
    )
    at = datetime_field(
        _("Nhận ý kiến lúc"), required=False, help_text=_("Để trống: bây giờ.")
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.order_fields(["member", "choice", "comment", "at"])
