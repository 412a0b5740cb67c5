"""Models of the foundation: units, people, roles, legal parameters, documents, audit."""

from .audit import AuditEntry
from .base import TimeStampedModel
from .calendar import PublicHoliday
from .documents import DocumentIssuer, DocumentRegister, DocumentType, IssuedDocument
from .jobs import BackgroundJob
from .legal import LegalDocument, LegalParameter, ParameterValue
from .people import Person
from .roles import Role, RoleAssignment
from .units import Unit, UnitNameRecord, UnitSuccession

__all__ = [
    "AuditEntry",
    "BackgroundJob",
    "DocumentIssuer",
    "DocumentRegister",
    "DocumentType",
    "IssuedDocument",
    "LegalDocument",
    "LegalParameter",
    "ParameterValue",
    "Person",
    "PublicHoliday",
    "Role",
    "RoleAssignment",
    "TimeStampedModel",
    "Unit",
    "UnitNameRecord",
    "UnitSuccession",
]
