"""The machinery shared by every dossier move: where a move may start, the lock,
the legality check, the deadline of the next step, the transition record and the
audit entry."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    Dossier,
    DossierItem,
    DossierTransition,
    Nomination,
)
from orgs.services import audit_record

from .common import changed_by_someone_else, deadline_after

S = Dossier.Status
# Where each move may start from. ``Dossier.TRANSITIONS`` says which moves the law
# allows at all; a move's verb also fixes who makes it and from where.
MOVES: dict[str, frozenset[str]] = {
    "submit": frozenset({S.DRAFT}),
    "recall": frozenset({S.SUBMITTED, S.RESUBMITTED}),
    "resubmit": frozenset({S.RETURNED}),
    "withdraw": frozenset(
        {S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.RETURNED, S.RESUBMITTED, S.CHECKED}
    ),
    "start_review": frozenset({S.SUBMITTED, S.RESUBMITTED}),
    "return": frozenset({S.UNDER_REVIEW, S.CHECKED}),
    "accept": frozenset({S.UNDER_REVIEW}),
    "send_to_council": frozenset({S.CHECKED}),
    "remove_from_council": frozenset({S.AT_COUNCIL}),
    "approve": frozenset({S.AT_COUNCIL}),
    "not_approve": frozenset({S.AT_COUNCIL}),
    "decide": frozenset({S.APPROVED}),
    "revoke": frozenset({S.DECIDED}),
}


def move_is_legal(verb: str, dossier: Dossier) -> bool:
    return dossier.status in MOVES[verb]


# The machinery of a move --------------------------------------------------------------


def lock(dossier: Dossier, version: int | None = None) -> Dossier:
    locked = (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("unit", "award_kind", "receiving_unit", "movement")
        .get(pk=dossier.pk)
    )
    if version is not None and locked.version != version:
        raise changed_by_someone_else()
    return locked


def _deadline(dossier: Dossier, target: str) -> datetime.date | None:
    key = Dossier.DEADLINE_KEYS.get(target)
    if key is None:
        return None
    today = timezone.localdate()
    start = today
    if target == S.UNDER_REVIEW and dossier.submitted_at:
        start = timezone.localdate(dossier.submitted_at)
    return deadline_after(start, key, on=today)


def move(
    dossier: Dossier,
    *,
    target: str,
    sources: Iterable[str],
    actor: Any,
    verb: str,
    reason: str = "",
    version: int | None = None,
    guard: Callable[[Dossier], None] | None = None,
    **fields: Any,
) -> Dossier:
    """Lock, check the move is legal from here, guard, change, record and audit."""
    locked = lock(dossier, version)
    if locked.status not in set(sources):
        raise ValidationError(
            _("Thao tác này không áp dụng cho hồ sơ đang ở trạng thái “%(status)s”.")
            % {"status": locked.get_status_display()},
            code="invalid_transition",
        )
    locked.require_transition(target)
    if guard is not None:
        guard(locked)
    previous = locked.status
    locked.status = target
    locked.status_changed_at = timezone.now()
    locked.last_reason = reason
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.deadline = _deadline(locked, target)
    locked.version += 1
    locked.full_clean()
    locked.save(
        update_fields=[
            "status",
            "status_changed_at",
            "last_reason",
            "deadline",
            "version",
            "updated_at",
            *fields,
        ]
    )
    DossierTransition.objects.create(
        dossier=locked,
        from_status=previous,
        to_status=target,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        at=locked.status_changed_at,
        reason=reason,
        deadline=locked.deadline,
    )
    audit_record(
        actor=actor,
        action=f"awards.dossier.{verb}",
        obj=locked,
        unit=locked.unit,
        data={"from": previous, "to": target, "reason": reason},
    )
    return locked


def missing_components(dossier: Dossier) -> list[DossierItem]:
    return list(
        dossier.items.filter(required=True, files__isnull=True).select_related(
            "component"
        )
    )


def guard_complete(dossier: Dossier) -> None:
    problems = []
    if not dossier.nominations.filter(outcome=Nomination.Outcome.PROPOSED).exists():
        problems.append(_("Hồ sơ chưa có người, tập thể nào được đề nghị."))
    missing = missing_components(dossier)
    if missing:
        problems.append(
            _("Còn thiếu thành phần hồ sơ bắt buộc: %(items)s.")
            % {"items": "; ".join(item.component.name for item in missing)}
        )
    if problems:
        raise ValidationError(problems, code="incomplete")
