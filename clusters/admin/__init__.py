"""Django admin for the secretariat: every cluster of its subtree, writing through services.

Lists are scoped (``orgs.admin.ScopedAdminMixin``; records without a unit of their
own are scoped through their card or their set); histories are read-only; creating
a cluster, a year or a membership goes through the services so the issuer, the
rules and the audit trail are the same as in the staff pages.
"""

from . import criteria, documents, organisation, scoring  # noqa: F401  (registers the models)
