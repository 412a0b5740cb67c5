"""The public comment form (no login) and the secretariat's handling form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import Nomination, PublicComment
from awards.services.public import MAX_BODY, MAX_NAME


class PublicCommentForm(forms.Form):
    author_name = forms.CharField(label=_("Họ và tên"), max_length=MAX_NAME)
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử"), max_length=120, required=False
    )
    nomination = forms.ModelChoiceField(
        label=_("Góp ý về"),
        queryset=Nomination.objects.none(),
        required=False,
        empty_label=_("Cả danh sách"),
    )
    body = forms.CharField(
        label=_("Nội dung góp ý"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_BODY}),
    )
    # A field people never see (hidden by the stylesheet): robots fill it in.
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args: Any, nominees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = nominees
        self.fields["nomination"].label_from_instance = lambda n: n.display_name
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class HandleCommentForm(forms.Form):
    handling = forms.ChoiceField(
        label=_("Cách xử lý"),
        choices=[
            c
            for c in PublicComment.Handling.choices
            if c[0] != PublicComment.Handling.NEW
        ],
    )
    note = forms.CharField(
        label=_("Kết quả xử lý"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
