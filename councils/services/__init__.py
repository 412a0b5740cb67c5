"""Writes of the councils. Every function is keyword-only, takes the acting user,
runs in one transaction, validates before saving and leaves an audit entry.

Split by topic: ``councils`` (councils, compositions, members), ``meetings``
(sessions, attendance, agenda, conclusions, tasks), ``votes``, ``minutes`` and
``consultations``; everything is re-exported here.
"""

from .common import require_quorum
from .conclusions import (
    conclusion_create,
    conclusion_update,
    task_complete,
    task_create,
)
from .consultations import (
    consultation_answer,
    consultation_close,
    consultation_create,
    consultation_report_draft,
    consultation_send,
    document_add,
)
from .councils import (
    composition_create,
    composition_update,
    council_create,
    council_update,
    member_add,
    member_leave,
    member_remove,
    member_update,
    rechain,
)
from .meetings import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_update,
    attendance_mark,
    attendance_mark_all_present,
    meeting_cancel,
    meeting_close,
    meeting_create,
    meeting_update,
    sync_attendance,
)
from .minutes import minutes_draft, minutes_issue
from .votes import session_counts, vote_delete, vote_record

__all__ = [
    "agenda_item_create",
    "agenda_item_delete",
    "agenda_item_update",
    "attendance_mark",
    "attendance_mark_all_present",
    "composition_create",
    "composition_update",
    "conclusion_create",
    "conclusion_update",
    "consultation_answer",
    "consultation_close",
    "consultation_create",
    "consultation_report_draft",
    "consultation_send",
    "council_create",
    "council_update",
    "document_add",
    "meeting_cancel",
    "meeting_close",
    "meeting_create",
    "meeting_update",
    "member_add",
    "member_leave",
    "member_remove",
    "member_update",
    "minutes_draft",
    "minutes_issue",
    "rechain",
    "require_quorum",
    "session_counts",
    "sync_attendance",
    "task_complete",
    "task_create",
    "vote_delete",
    "vote_record",
]
