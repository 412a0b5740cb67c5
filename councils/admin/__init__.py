"""Django admin of the councils for the secretariat: scoped to its subtree, writing
through the services, read-only where a record is history (votes, answers, issued
minutes)."""

from . import consultations, councils, meetings

__all__ = ["consultations", "councils", "meetings"]
