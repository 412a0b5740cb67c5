"""The council's result and the decision, moves that issue 6 calls from council
votes and decisions: ``dossier_approve``, ``dossier_not_approve``,
``dossier_decide``, ``dossier_revoke``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import (
    AwardRecord,
    Dossier,
    Nomination,
)

from . import records as record_services
from .common import require_reason
from .workflow import MOVES, lock, move

S = Dossier.Status


# Results of the council and the decision (issue 6 calls these) -------------------------


def _live(dossier: Dossier) -> dict[int, Nomination]:
    return {
        n.pk: n for n in dossier.nominations.filter(outcome=Nomination.Outcome.PROPOSED)
    }


@transaction.atomic
def dossier_approve(
    *,
    dossier: Dossier,
    actor: Any,
    reason: str = "",
    approved_ids: Iterable[int] | None = None,
    rejected: dict[int, str] | None = None,
    version: int | None = None,
) -> Dossier:
    """Record that the council recommends the award.

    ``approved_ids`` (default: every nominee still proposed) become APPROVED; the
    others become NOT_APPROVED with their reason from ``rejected`` (or ``reason``).
    """
    locked = lock(dossier, version)
    live = _live(locked)
    rejected = {int(k): v for k, v in (rejected or {}).items()}
    approved = set(live) - set(rejected) if approved_ids is None else set(approved_ids)
    strangers = (approved | set(rejected)) - set(live)
    if strangers:
        raise ValidationError(
            _("Có người không thuộc danh sách đang đề nghị của hồ sơ."), code="stranger"
        )
    if not approved:
        raise ValidationError(
            _("Không có ai được Hội đồng đề nghị: hãy ghi “Hội đồng không đề nghị”."),
            code="none_approved",
        )
    moved = move(
        locked,
        target=S.APPROVED,
        sources=MOVES["approve"],
        actor=actor,
        verb="approved",
        reason=reason.strip(),
    )
    changed, now = [], timezone.now()
    for pk, nomination in live.items():
        nomination.updated_at = now
        if pk in approved:
            nomination.outcome, nomination.outcome_reason = (
                Nomination.Outcome.APPROVED,
                "",
            )
        else:
            nomination.outcome = Nomination.Outcome.NOT_APPROVED
            nomination.outcome_reason = (
                rejected.get(pk)
                or reason
                or _("Không đạt tỷ lệ biểu quyết của Hội đồng.")
            )
        changed.append(nomination)
    Nomination.objects.bulk_update(changed, ["outcome", "outcome_reason", "updated_at"])
    return moved


@transaction.atomic
def dossier_not_approve(
    *, dossier: Dossier, actor: Any, reason: str, version: int | None = None
) -> Dossier:
    reason = require_reason(reason)
    moved = move(
        dossier,
        target=S.NOT_APPROVED,
        sources=MOVES["not_approve"],
        actor=actor,
        verb="not_approved",
        reason=reason,
        version=version,
    )
    moved.nominations.filter(outcome=Nomination.Outcome.PROPOSED).update(
        outcome=Nomination.Outcome.NOT_APPROVED,
        outcome_reason=reason,
        updated_at=timezone.now(),
    )
    return moved


@transaction.atomic
def dossier_decide(
    *,
    dossier: Dossier,
    actor: Any,
    decision_number: str,
    decision_date: datetime.date,
    issuer: str,
    version: int | None = None,
    decision: Any = None,
    line_ids: dict[int, int] | None = None,
) -> Dossier:
    """Record the decision and create the award records of every approved nominee.

    A decision issued in the app passes itself (``decision``) and the annex line
    of each nominee (``line_ids``) so that every record links to them; a decision
    of a higher authority is only recorded by number, date and issuer.
    """
    if not decision_number.strip() or not issuer.strip():
        raise ValidationError(
            _("Phải ghi số quyết định và cơ quan, người quyết định."), code="decision"
        )
    moved = move(
        dossier,
        target=S.DECIDED,
        sources=MOVES["decide"],
        actor=actor,
        verb="decided",
        version=version,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        decision_issuer=issuer.strip(),
    )
    approved = list(
        moved.nominations.filter(outcome=Nomination.Outcome.APPROVED).select_related(
            "dossier"
        )
    )
    record_services.award_records_create_for_nominations(
        nominations=approved,
        decision_number=decision_number,
        decision_date=decision_date,
        issuer=issuer,
        actor=actor,
        decision=decision,
        line_ids=line_ids,
    )
    moved.nominations.filter(pk__in=[n.pk for n in approved]).update(
        outcome=Nomination.Outcome.AWARDED, updated_at=timezone.now()
    )
    return moved


@transaction.atomic
def dossier_revoke(
    *,
    dossier: Dossier,
    actor: Any,
    reason: str,
    revoked_on: datetime.date,
    revocation_number: str = "",
    version: int | None = None,
) -> Dossier:
    """Revoke a decided dossier: its award records are marked revoked, history kept."""
    reason = require_reason(reason)
    moved = move(
        dossier,
        target=S.REVOKED,
        sources=MOVES["revoke"],
        actor=actor,
        verb="revoked",
        reason=reason,
        version=version,
    )
    record_services.award_records_revoke_many(
        records=AwardRecord.objects.filter(
            nomination__dossier=moved, status=AwardRecord.Status.VALID
        ),
        actor=actor,
        reason=reason,
        revoked_on=revoked_on,
        revocation_number=revocation_number,
    )
    moved.nominations.filter(outcome=Nomination.Outcome.AWARDED).update(
        outcome=Nomination.Outcome.REVOKED,
        outcome_reason=reason,
        updated_at=timezone.now(),
    )
    return moved
