"""Shared pieces of the clusters forms."""

from __future__ import annotations

from typing import Any

from django import forms

from clusters.models import (
    ClusterYear,
)
from orgs.models import Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ScopedForm(forms.Form):
    def __init__(self, *args: Any, scope: Any = None, **kwargs: Any) -> None:
        self.scope = scope
        super().__init__(*args, **kwargs)


def member_units(cluster_year: ClusterYear) -> Any:
    return Unit.objects.filter(cluster_memberships__cluster_year=cluster_year).order_by(
        "cluster_memberships__order", "name"
    )
