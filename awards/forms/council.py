"""Forms of the council review: the dossiers to put on a session's agenda and the
counts of a vote (per nominee or for the whole list)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import AgendaEntry
from councils.voting import VoteMethod

COUNT_FIELDS = (
    "votes_for",
    "votes_against",
    "abstentions",
    "invalid",
    "written_for",
    "written_against",
)


class AgendaAddForm(forms.Form):
    dossiers = forms.TypedMultipleChoiceField(
        label=_("Hồ sơ đã thẩm định"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, dossiers: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.available = {d.pk: d for d in dossiers}
        self.fields["dossiers"].choices = [
            (d.pk, f"{d.reference} – {d.title}") for d in dossiers
        ]

    def chosen(self) -> list[Any]:
        return [self.available[pk] for pk in self.cleaned_data["dossiers"]]


class VoteForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[
            (VoteMethod.SECRET_BALLOT, VoteMethod.SECRET_BALLOT.label),
            (VoteMethod.SHOW_OF_HANDS, VoteMethod.SHOW_OF_HANDS.label),
        ],
    )
    votes_for = forms.IntegerField(label=_("Tán thành"), min_value=0)
    votes_against = forms.IntegerField(
        label=_("Không tán thành"), min_value=0, initial=0, required=False
    )
    abstentions = forms.IntegerField(
        label=_("Không biểu quyết"), min_value=0, initial=0, required=False
    )
    invalid = forms.IntegerField(
        label=_("Không hợp lệ"), min_value=0, initial=0, required=False
    )
    written_for = forms.IntegerField(
        label=_("Văn bản tán thành"), min_value=0, initial=0, required=False
    )
    written_against = forms.IntegerField(
        label=_("Văn bản không tán thành"), min_value=0, initial=0, required=False
    )

    def counts(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) or 0 for name in COUNT_FIELDS}
        return {"method": self.cleaned_data["method"], **data}


class ListVoteForm(VoteForm):
    """One vote for the whole list; the names struck off first, each with its reason."""

    def __init__(self, *args: Any, nominees: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nominees = nominees
        for nominee in nominees:
            self.fields[f"exclude_{nominee.pk}"] = forms.CharField(
                label=nominee.display_name, required=False, max_length=500
            )

    def excluded(self) -> dict[int, str]:
        return {
            n.pk: self.cleaned_data[f"exclude_{n.pk}"].strip()
            for n in self.nominees
            if self.cleaned_data.get(f"exclude_{n.pk}", "").strip()
        }


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Cách biểu quyết"), choices=AgendaEntry.Mode.choices
    )
