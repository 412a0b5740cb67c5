"""Object-level permissions of the foundation (django-rules).

The predicates answer "may this user do this to this object?" from the user's
scope: the role behind the grant and whether the object's unit lies in the granted
subtree. The same permission names serve the staff views and the Django admin.
"""

from __future__ import annotations

from typing import Any

import rules

from orgs.scoping import CHANGE_ROLES, MANAGE_ROLES, VIEW_ROLES, scope_for


def unit_of(obj: Any) -> Any:
    """Follow the model's ``scope_path`` from ``obj`` to the unit that owns it."""
    path = getattr(type(obj), "scope_path", None)
    if path is None:
        return None
    target = obj
    for attribute in filter(None, path.split("__")):
        target = getattr(target, attribute, None)
        if target is None:
            return None
    return target


def _role_predicate(roles: frozenset[str], name: str) -> Any:
    @rules.predicate(name=name)
    def check(user: Any, obj: Any = None) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        scope = scope_for(user)
        if obj is None:
            return scope.has_role(*roles)
        return scope.covers(unit_of(obj), roles)

    return check


can_view_in_scope = _role_predicate(VIEW_ROLES, "can_view_in_scope")
can_change_in_scope = _role_predicate(CHANGE_ROLES, "can_change_in_scope")
can_manage_in_scope = _role_predicate(MANAGE_ROLES, "can_manage_in_scope")


@rules.predicate
def is_secretariat(user: Any) -> bool:
    return getattr(user, "is_authenticated", False) and scope_for(user).has_role(
        *MANAGE_ROLES
    )


@rules.predicate
def is_staff_user(user: Any) -> bool:
    return getattr(user, "is_authenticated", False) and scope_for(user).has_role(
        *VIEW_ROLES
    )


superuser = rules.is_superuser

# Units: everybody sees their subtree; the secretariat keeps the tree.
rules.add_perm("orgs.view_unit", can_view_in_scope)
rules.add_perm("orgs.add_unit", can_manage_in_scope)
rules.add_perm("orgs.change_unit", can_manage_in_scope)
rules.add_perm("orgs.delete_unit", superuser)
rules.add_perm("orgs.view_unitsuccession", can_view_in_scope)
rules.add_perm("orgs.add_unitsuccession", can_manage_in_scope)
rules.add_perm("orgs.change_unitsuccession", can_manage_in_scope)
rules.add_perm("orgs.delete_unitsuccession", superuser)

# People: unit officers keep their own unit's people.
rules.add_perm("orgs.view_person", can_view_in_scope)
rules.add_perm("orgs.add_person", can_change_in_scope)
rules.add_perm("orgs.change_person", can_change_in_scope)
rules.add_perm("orgs.delete_person", can_manage_in_scope)

# Roles: only the secretariat hands them out, only inside its subtree.
rules.add_perm("orgs.view_roleassignment", can_manage_in_scope)
rules.add_perm("orgs.add_roleassignment", can_manage_in_scope)
rules.add_perm("orgs.change_roleassignment", can_manage_in_scope)
rules.add_perm("orgs.delete_roleassignment", can_manage_in_scope)

# Legal reference data: read by all staff, kept by the secretariat.
for model in ("legaldocument", "legalparameter", "parametervalue", "publicholiday"):
    rules.add_perm(f"orgs.view_{model}", is_staff_user)
    rules.add_perm(f"orgs.add_{model}", is_secretariat)
    rules.add_perm(f"orgs.change_{model}", is_secretariat)
    rules.add_perm(f"orgs.delete_{model}", superuser)
rules.add_perm("orgs.view_documenttype", is_staff_user)
rules.add_perm("orgs.add_documenttype", superuser)
rules.add_perm("orgs.change_documenttype", superuser)
rules.add_perm("orgs.delete_documenttype", superuser)

# Documents: numbered documents are read-only records.
rules.add_perm("orgs.view_documentissuer", can_view_in_scope)
rules.add_perm("orgs.add_documentissuer", can_manage_in_scope)
rules.add_perm("orgs.change_documentissuer", can_manage_in_scope)
rules.add_perm("orgs.delete_documentissuer", superuser)
rules.add_perm("orgs.view_issueddocument", can_view_in_scope)
rules.add_perm("orgs.issue_document", can_manage_in_scope)
rules.add_perm("orgs.view_auditentry", can_manage_in_scope)


@rules.predicate
def owns_job(user: Any, job: Any = None) -> bool:
    if job is None:
        return getattr(user, "is_authenticated", False)
    return job.user_id == user.pk or (
        job.unit_id is not None and scope_for(user).can_manage(job.unit)
    )


rules.add_perm("orgs.view_backgroundjob", owns_job | superuser)
