"""Models of the awards app: catalogue, records, initiatives, movements, dossiers,
eligibility, registrations and public comment."""

from .base import (
    RESULT_RANK,
    AwardType,
    EvaluationResult,
    Subject,
    subject_key_of,
    year_label,
)
from .catalogue import (
    AwardAuthority,
    AwardKind,
    AwardKindComponent,
    AwardKindName,
    AwardObject,
    DossierComponentKind,
)
from .certificates import Certificate, format_code, normalise_code
from .council import AgendaEntry, CouncilResultSheet, NominationVote
from .decisions import Decision, DecisionLine, RevocationCase, SignaturePrefix
from .dossiers import Dossier, DossierFile, DossierItem, DossierTransition
from .eligibility import (
    EligibilityOverride,
    EligibilityResult,
    EligibilityRule,
    Verdict,
)
from .funds import Fund, FundEntry
from .initiatives import Initiative, InitiativeAuthor, InitiativeScope, ReviewWindow
from .monthly import MonthlyEntry, MonthlyList, MonthlyProposal
from .movements import Movement, MovementStepRecord
from .nominations import Nomination
from .public import PublicComment, PublicConsultation
from .records import (
    AwardRecord,
    AwardRecordEvent,
    Household,
    YearlyResult,
    record_search_text,
)
from .registrations import Registration, RegistrationEntry

__all__ = [
    "RESULT_RANK",
    "AgendaEntry",
    "AwardAuthority",
    "AwardKind",
    "AwardKindComponent",
    "AwardKindName",
    "AwardObject",
    "AwardRecord",
    "AwardRecordEvent",
    "AwardType",
    "Certificate",
    "CouncilResultSheet",
    "Decision",
    "DecisionLine",
    "Dossier",
    "DossierComponentKind",
    "DossierFile",
    "DossierItem",
    "DossierTransition",
    "EligibilityOverride",
    "EligibilityResult",
    "EligibilityRule",
    "EvaluationResult",
    "Fund",
    "FundEntry",
    "Household",
    "Initiative",
    "InitiativeAuthor",
    "InitiativeScope",
    "MonthlyEntry",
    "MonthlyList",
    "MonthlyProposal",
    "Movement",
    "MovementStepRecord",
    "Nomination",
    "NominationVote",
    "PublicComment",
    "PublicConsultation",
    "Registration",
    "RegistrationEntry",
    "ReviewWindow",
    "RevocationCase",
    "SignaturePrefix",
    "Subject",
    "Verdict",
    "YearlyResult",
    "format_code",
    "normalise_code",
    "record_search_text",
    "subject_key_of",
    "year_label",
]
