from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

STATUS_CLASS = {
    "submitted": "info",
    "resubmitted": "info",
    "under_review": "info",
    "returned": "warn",
    "checked": "ok",
    "at_council": "ok",
    "approved": "ok",
    "decided": "ok",
    "not_approved": "bad",
    "revoked": "bad",
}
VERDICT_CLASS = {"passed": "ok", "failed": "bad", "unknown": "warn"}
OUTCOME_CLASS = {
    "approved": "ok",
    "awarded": "ok",
    "excluded": "bad",
    "not_approved": "bad",
    "revoked": "bad",
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, "")


@register.filter
def verdict_class(verdict: str) -> str:
    return VERDICT_CLASS.get(verdict, "")


@register.filter
def outcome_class(outcome: str) -> str:
    return OUTCOME_CLASS.get(outcome, "")


@register.filter
def move_url(move: Any, dossier: Any) -> str:
    from django.urls import reverse

    return reverse(
        "awards:dossier-transition",
        kwargs={"pk": dossier.pk, "action": move.verb.replace("_", "-")},
    )


@register.filter
def who(user: Any) -> str:
    """A user's full name, else the username, else a dash (system actions)."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
