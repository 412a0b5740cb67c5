"""Receivers of signals from the lower apps (connected in ``AwardsConfig.ready``)."""

from __future__ import annotations

from typing import Any

from awards.models import AgendaEntry, CouncilResultSheet
from awards.printing.council import result_rows, result_sheet_context


def freeze_result_sheet(
    sender: Any, meeting: Any, document: Any, **kwargs: Any
) -> None:
    """When a session's minutes are issued, freeze the list of nominees it voted on.

    Runs inside the councils' issuing transaction: the sheet and the minutes are
    saved together or not at all.
    """
    if not AgendaEntry.objects.filter(agenda_item__meeting=meeting).exists():
        return
    context = result_sheet_context(
        meeting,
        result_rows(meeting),
        minutes_number=document.full_number,
        minutes_date=document.issued_on,
    )
    CouncilResultSheet.objects.update_or_create(
        meeting=meeting, defaults={"minutes": document, "snapshot": context}
    )
