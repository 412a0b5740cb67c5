"""Signals the councils send, for higher apps (clusters, awards) to connect to.

Each is sent after the change is saved, inside the service's transaction; a
receiver that must not run on a rolled-back change uses ``transaction.on_commit``.
"""

from django.dispatch import Signal

#: A vote was recorded. Kwargs: ``vote`` (councils.Vote), ``actor``. Awards connect
#: to move the nominee the vote's ``subject`` points at.
vote_recorded = Signal()

#: A session ended (status "held"). Kwargs: ``meeting``, ``actor``.
meeting_closed = Signal()

#: The minutes of a session were numbered and frozen. Kwargs: ``meeting``,
#: ``document`` (orgs.IssuedDocument), ``actor``.
minutes_issued = Signal()

#: A written consultation was tallied. Kwargs: ``consultation``, ``vote`` (or None
#: when too few members answered in time), ``actor``.
consultation_closed = Signal()
