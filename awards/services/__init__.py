"""Writes of the awards app, one module per entity.

Every function takes keyword arguments and the acting user, runs in one
transaction, locks (``select_for_update``) or compares-and-sets the row it
changes, guards the move, validates, saves with ``update_fields`` and leaves an
audit entry. Views, the admin, the demo and issue 6 call the same functions.
"""
