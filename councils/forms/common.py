"""Widgets and helpers shared by the councils' forms."""

from __future__ import annotations

from typing import Any

from django import forms

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def datetime_field(
    label: Any, required: bool = True, **kwargs: Any
) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=[DATETIME_FORMAT, "%d/%m/%Y %H:%M"],
        **kwargs,
    )


class ServiceFormMixin:
    """``service_fields()``: the cleaned values, minus form-only fields."""

    form_only: tuple[str, ...] = ()

    def service_fields(self) -> dict[str, Any]:
        return {
            key: value
            for key, value in self.cleaned_data.items()  # type: ignore[attr-defined]
            if key not in self.form_only
        }
