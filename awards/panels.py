"""What the awards app adds to foundation pages: navigation, dashboard cards and the
history sections of a person's and a unit's page (orgs.registry)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from awards import selectors
from orgs.registry import once_per_request


def can(permission: str) -> Any:
    return lambda request: request.user.has_perm(permission)


def _counts(request: HttpRequest) -> dict[str, int]:
    """Draft decisions, cluster proposals to take up and dossiers waiting for a
    decision: one query for the cards that show them."""
    from awards.selectors.dashboard import dashboard_counts

    manages = request.user.has_perm("awards.manage_decision")
    return once_per_request(
        request,
        "awards.counts",
        lambda: dashboard_counts(
            request.scope,
            drafts=manages,
            proposals=request.user.has_perm("awards.take_up_cluster_proposal"),
            waiting=manages,
        ),
    )


def upcoming_meetings(request: HttpRequest) -> tuple[list[Any], list[Any]]:
    """(sessions ahead where the viewer's secretariat puts dossiers; planned sessions
    of the councils the viewer manages or sits on): one query for the decisions card
    and the reports' sessions card."""
    from awards.selectors.council import award_sessions_ahead
    from councils.models import Meeting
    from councils.selectors import planned_meetings, read_two

    def read() -> tuple[list[Any], list[Any]]:
        agenda = Meeting.objects.filter(pk__in=[])
        if request.user.has_perm("awards.manage_decision"):
            agenda = award_sessions_ahead(request.scope)
        return read_two(
            Meeting.objects.select_related("council__owner_unit").order_by(
                "starts_at", "pk"
            ),
            agenda,
            planned_meetings(request.scope, timezone.now()),
            (5, 10),
        )

    return once_per_request(request, "awards.meetings", read)


def unit_dashboard(request: HttpRequest) -> dict[str, Any] | None:
    """Dossiers the unit must correct (returned), for unit officers."""
    if not request.user.has_perm("awards.add_dossier"):
        return None
    from awards.selectors.dashboard import returned_dossiers

    return {"returned": returned_dossiers(request.scope)}


def receiving_queue(request: HttpRequest) -> dict[str, dict[str, int]]:
    """``selectors.receiving_counts`` of the viewer, computed once per request: the
    awards queue card and the reports "queue by age" and "overdue" cards share it."""
    return once_per_request(
        request,
        "awards.receiving_counts",
        lambda: selectors.receiving_counts(request.scope),
    )


def queue_dashboard(request: HttpRequest) -> dict[str, Any] | None:
    """The secretariat's queue by step, and how many are overdue."""
    if not request.user.has_perm("awards.process_dossier"):
        return None
    return selectors.dossier_counts_for_queue(request.scope, receiving_queue(request))


def person_history(request: HttpRequest, person: Any) -> dict[str, Any] | None:
    if not request.user.has_perm("awards.view_awardrecord", person):
        return None
    return {
        **selectors.subject_history(person=person),
        "history_url": reverse("awards:history-person", args=[person.pk]),
    }


def unit_history(request: HttpRequest, unit: Any) -> dict[str, Any] | None:
    if not request.user.has_perm("awards.view_awardrecord", unit):
        return None
    return {
        **selectors.subject_history(unit=unit),
        "unit": unit,
        "history_url": reverse("awards:history-unit", args=[unit.pk]),
    }


def decisions_dashboard(request: HttpRequest) -> dict[str, Any] | None:
    """For the secretariat: dossiers waiting for a decision, drafts, open agendas."""
    if not request.user.has_perm("awards.manage_decision"):
        return None
    return {
        "waiting": _counts(request)["waiting"],
        "drafts": _counts(request)["drafts"],
        "sessions": upcoming_meetings(request)[0],
    }


def monthly_dashboard(request: HttpRequest) -> dict[str, Any] | None:
    """Late units of the month (secretariat) or the unit's own proposals (officers)."""
    from awards.selectors import monthly

    return monthly.monthly_card(request.scope)


def cluster_dashboard(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("awards.take_up_cluster_proposal"):
        return None
    count = _counts(request)["proposals"]
    return {"count": count} if count else None
