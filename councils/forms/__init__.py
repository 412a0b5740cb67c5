"""Forms of the councils' staff screens. They only collect values; services decide."""

from .common import (
    DATETIME_FORMAT,
    DateInput,
    DateTimeInput,
    ServiceFormMixin,
    datetime_field,
)
from .consultations import (
    AnswerForm,
    ConsultationForm,
    DocumentUploadForm,
    MultipleFileField,
    MultipleFileInput,
    RecordAnswerForm,
)
from .councils import (
    CompositionForm,
    CouncilForm,
    MemberForm,
)
from .meetings import (
    AgendaItemForm,
    AttendanceForm,
    ConclusionForm,
    MeetingCloseForm,
    MeetingForm,
    MinutesIssueForm,
    TaskCompleteForm,
    TaskForm,
    VoteForm,
)

__all__ = [
    "DATETIME_FORMAT",
    "AgendaItemForm",
    "AnswerForm",
    "AttendanceForm",
    "CompositionForm",
    "ConclusionForm",
    "ConsultationForm",
    "CouncilForm",
    "DateInput",
    "DateTimeInput",
    "DocumentUploadForm",
    "MeetingCloseForm",
    "MeetingForm",
    "MemberForm",
    "MinutesIssueForm",
    "MultipleFileField",
    "MultipleFileInput",
    "RecordAnswerForm",
    "ServiceFormMixin",
    "TaskCompleteForm",
    "TaskForm",
    "VoteForm",
    "datetime_field",
]
