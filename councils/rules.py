"""Object permissions of the councils (django-rules).

- The secretariat of the council's organisation (role SECRETARIAT on the owner
  unit or above) keeps everything: councils, compositions, sessions, votes.
- Staff whose scope covers the owner unit read it; so do the members sitting on
  the council today, who also answer its written consultations.
- Everybody else sees nothing (the selectors answer 404).
- A task may be marked done by the secretariat, the member it was given to, or
  the officers of the unit it was given to.
"""

from __future__ import annotations

from typing import Any

import rules

from councils.selectors import is_member_anywhere, member_council_ids
from orgs.rules import can_manage_in_scope, can_view_in_scope, superuser
from orgs.scoping import CHANGE_ROLES, scope_for


def council_id_of(obj: Any) -> int | None:
    """Follow ``scope_path`` up to the council ("meeting__council__owner_unit")."""
    path = getattr(type(obj), "scope_path", "")
    if not path.endswith("owner_unit"):
        return None
    target = obj
    for attribute in filter(None, path.removesuffix("owner_unit").split("__")):
        target = getattr(target, attribute, None)
        if target is None:
            return None
    return target.pk


def _member_council_ids(user: Any) -> set[int]:
    cached = getattr(user, "_councils_member_ids", None)
    if cached is None:
        cached = set(
            member_council_ids(user.pk).values_list(
                "composition__council_id", flat=True
            )
        )
        user._councils_member_ids = cached
    return cached


@rules.predicate
def is_council_member(user: Any, obj: Any = None) -> bool:
    """The user sits on the object's council today (any council when no object)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if obj is None:
        return is_member_anywhere(user)
    return council_id_of(obj) in _member_council_ids(user)


@rules.predicate
def is_task_assignee(user: Any, task: Any = None) -> bool:
    if task is None or not getattr(user, "is_authenticated", False):
        return False
    member = task.assignee_member
    if member is not None and member.person.user_id == user.pk:
        return True
    units = scope_for(user).granted_unit_ids(CHANGE_ROLES)
    return task.assignee_unit_id is not None and task.assignee_unit_id in units


can_view_council = can_view_in_scope | is_council_member

MODELS = (
    "council",
    "composition",
    "councilmember",
    "meeting",
    "attendance",
    "agendaitem",
    "vote",
    "conclusion",
    "task",
    "consultation",
    "consultationdocument",
    "consultationanswer",
)
for model in MODELS:
    rules.add_perm(f"councils.view_{model}", can_view_council)
    rules.add_perm(f"councils.add_{model}", can_manage_in_scope)
    rules.add_perm(f"councils.change_{model}", can_manage_in_scope)
    rules.add_perm(f"councils.delete_{model}", can_manage_in_scope)

# Legal records: a council, a composition, a session are never deleted in the app.
for model in ("council", "composition", "meeting", "consultation"):
    rules.set_perm(f"councils.delete_{model}", superuser)

# Individual answers are read by the secretariat and staff; members see the tally.
rules.add_perm("councils.view_answers", can_view_in_scope)
rules.add_perm("councils.answer_consultation", is_council_member)
rules.add_perm("councils.record_answer", can_manage_in_scope)
rules.add_perm("councils.issue_minutes", can_manage_in_scope)
rules.add_perm("councils.complete_task", can_manage_in_scope | is_task_assignee)
