"""Reads of the council review: sessions open for an agenda, the dossiers on it, and
each nominee with the vote that decided them."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AgendaEntry, Dossier, Nomination, NominationVote
from councils.models import Council, Meeting
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, Scope


def agenda_meetings(*, scope: Scope) -> QuerySet[Meeting]:
    """Sessions of emulation councils the viewer's secretariat keeps, not yet frozen."""
    return (
        Meeting.objects.filter(
            scope.units_q("council__owner_unit", MANAGE_ROLES),
            council__kind=Council.Kind.EMULATION,
            minutes__isnull=True,
        )
        .exclude(kind=Meeting.Kind.WRITTEN)
        .exclude(status=Meeting.Status.CANCELLED)
    )


def meetings_for_agenda(*, scope: Scope) -> QuerySet[Meeting]:
    """``agenda_meetings`` with how many dossiers each has on its agenda, latest first."""
    return (
        agenda_meetings(scope=scope)
        .select_related("council__owner_unit")
        .annotate(
            award_entries=Count(
                "agenda_items__award_entries",
                filter=Q(agenda_items__award_entries__is_active=True),
            )
        )
        .order_by("-starts_at", "-pk")
    )


def meeting_for_agenda(*, scope: Scope, pk: Any) -> Meeting:
    try:
        return (
            Meeting.objects.filter(
                scope.units_q("council__owner_unit", VIEW_ROLES),
                council__kind=Council.Kind.EMULATION,
            )
            .select_related(
                "council__owner_unit", "council__standing_unit", "minutes", "chair"
            )
            .get(pk=pk)
        )
    except (Meeting.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def checked_dossiers_for(meeting: Meeting) -> QuerySet[Dossier]:
    """Dossiers the council of ``meeting`` may put on its agenda."""
    return (
        Dossier.objects.filter(
            receiving_unit_id=meeting.council.owner_unit_id,
            status=Dossier.Status.CHECKED,
        )
        .select_related("unit", "award_kind", "consultation")
        .annotate(
            live_count=Count(
                "nominations",
                filter=Q(nominations__outcome=Nomination.Outcome.PROPOSED),
            )
        )
        .order_by("award_kind__order", "year", "pk")
    )


def agenda_of(meeting: Meeting) -> QuerySet[AgendaEntry]:
    return (
        AgendaEntry.objects.filter(agenda_item__meeting=meeting, is_active=True)
        .select_related("agenda_item", "dossier__unit", "dossier__award_kind")
        .annotate(
            nominee_count=Count(
                "dossier__nominations",
                filter=~Q(dossier__nominations__outcome=Nomination.Outcome.EXCLUDED),
                distinct=True,
            ),
            voted_count=Count("nomination_votes", distinct=True),
        )
        .order_by("agenda_item__order", "pk")
    )


def entry_get(*, scope: Scope, pk: Any) -> AgendaEntry:
    try:
        return (
            AgendaEntry.objects.visible_to(scope)
            .select_related(
                "agenda_item__meeting__council__owner_unit",
                "agenda_item__meeting__minutes",
                "dossier__unit",
                "dossier__receiving_unit",
                "dossier__award_kind",
            )
            .get(pk=pk)
        )
    except (AgendaEntry.DoesNotExist, ValueError):
        raise Http404(_("Không tìm thấy, hoặc bạn không có quyền xem.")) from None


def entry_nominees(entry: AgendaEntry) -> QuerySet[Nomination]:
    """The dossier's nominees still in the race, each with its vote link (or none)."""
    links = NominationVote.objects.filter(entry=entry).select_related("vote")
    return (
        entry.dossier.nominations.exclude(outcome=Nomination.Outcome.EXCLUDED)
        .prefetch_related(Prefetch("council_votes", queryset=links, to_attr="links"))
        .order_by("order", "pk")
    )


def award_sessions_ahead(scope: Scope) -> QuerySet[Meeting]:
    """Sessions from today on where the viewer's secretariat may put dossiers,
    soonest first."""
    return (
        agenda_meetings(scope=scope)
        .filter(starts_at__date__gte=timezone.localdate())
        .order_by("starts_at", "pk")
    )
