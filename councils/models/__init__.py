"""Models of the councils: composition history, sessions, votes, written consultations."""

from .conclusions import Conclusion, Task
from .consultations import Consultation, ConsultationAnswer, ConsultationDocument
from .councils import Composition, Council, CouncilMember
from .meetings import AgendaItem, Attendance, Meeting
from .votes import AbstractVote, Vote

__all__ = [
    "AbstractVote",
    "AgendaItem",
    "Attendance",
    "Composition",
    "Conclusion",
    "Consultation",
    "ConsultationAnswer",
    "ConsultationDocument",
    "Council",
    "CouncilMember",
    "Meeting",
    "Task",
    "Vote",
]
