"""Helpers shared by the cluster services: guards and audit shorthands."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from clusters import access
from orgs.models import Unit
from orgs.scoping import scope_for
from orgs.services import audit_record


def require(allowed: bool) -> None:
    """Refuse the action; services are also called from the admin and commands."""
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def require_lead(actor: Any, cluster_year: Any) -> None:
    if actor is None:  # demo seeding and data migrations act as the system
        return
    require(access.leads(scope_for(actor), cluster_year))


def require_manage(actor: Any, cluster: Any) -> None:
    if actor is None:
        return
    require(access.manages(scope_for(actor), cluster))


def require_act_for(actor: Any, unit: Unit) -> None:
    if actor is None:
        return
    require(access.acts_for(scope_for(actor), unit))


def unit_active_in_year(unit: Unit, year: int) -> bool:
    """Return True when ``unit`` existed for at least one day of ``year``."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if unit.valid_from and unit.valid_from > last:
        return False
    return not (unit.valid_to and unit.valid_to < first)


def require_active(unit: Unit, year: int) -> None:
    if not unit_active_in_year(unit, year):
        raise ValidationError(
            _("%(unit)s không còn hoạt động trong năm %(year)s.")
            % {"unit": unit.name, "year": year},
            code="unit_inactive",
        )


def audit(actor: Any, action: str, obj: models.Model, unit: Unit | None, **data: Any):
    return audit_record(actor=actor, action=action, obj=obj, unit=unit, data=data)
