"""Django admin of the awards app, by topic: the catalogue, records, activities and
dossiers of part I (``dossiers``); the council review, decisions, certificates,
the fund ledger and monthly recognition of part II (``decisions``)."""

from . import decisions, dossiers  # noqa: F401  (registration happens on import)
