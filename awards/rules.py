"""Object permissions of the awards app (django-rules), shared by views and admin.

- A unit officer manages the dossiers, results, initiatives and registrations
  of their unit's subtree; leaders read them.
- The secretariat of the *receiving* unit (the level that holds the conferring
  authority) processes the dossiers submitted to it: ``awards.process_dossier``.
- Movements are also seen by the units below the launching unit.
- The catalogue and the eligibility rules are read by all staff and kept by the
  secretariat; legal records are never deleted (revoked instead).
"""

from __future__ import annotations

from typing import Any

import rules

from orgs.rules import (
    can_change_in_scope,
    can_manage_in_scope,
    can_view_in_scope,
    is_secretariat,
    is_staff_user,
    superuser,
)
from orgs.scoping import MANAGE_ROLES, VIEW_ROLES, scope_for


def _dossier_of(obj: Any) -> Any:
    """The dossier behind a dossier, a nominee, a file, a verdict or a public comment."""
    if hasattr(obj, "receiving_unit_id"):
        return obj
    if hasattr(obj, "consultation_id"):
        obj = obj.consultation
    return getattr(obj, "dossier", None)


@rules.predicate
def manages_receiving_unit(user: Any, obj: Any = None) -> bool:
    """The secretariat whose subtree holds the dossier's receiving unit."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    if obj is None:
        return scope.has_role(*MANAGE_ROLES)
    dossier = _dossier_of(obj)
    return scope.covers(getattr(dossier, "receiving_unit", None), MANAGE_ROLES)


@rules.predicate
def sees_movement(user: Any, movement: Any = None) -> bool:
    """Units see the movements launched in their subtree and those launched above them."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    if movement is None:
        return scope.has_role(*VIEW_ROLES)
    if scope.covers(movement.launched_by, VIEW_ROLES):
        return True
    return movement.launched_by_id in scope.ancestor_ids()


# Dossiers ---------------------------------------------------------------------------
rules.add_perm("awards.view_dossier", can_view_in_scope)
rules.add_perm("awards.add_dossier", can_change_in_scope)
rules.add_perm("awards.change_dossier", can_change_in_scope)
rules.add_perm("awards.submit_dossier", can_change_in_scope)
rules.add_perm("awards.process_dossier", manages_receiving_unit)
rules.add_perm("awards.delete_dossier", superuser)
for model in ("nomination", "dossierfile", "dossieritem", "dossiertransition"):
    rules.add_perm(f"awards.view_{model}", can_view_in_scope)
    rules.add_perm(f"awards.add_{model}", superuser)
    rules.add_perm(f"awards.change_{model}", superuser)
    rules.add_perm(f"awards.delete_{model}", superuser)
for model in ("eligibilityresult", "eligibilityoverride"):
    rules.add_perm(f"awards.view_{model}", can_view_in_scope)
    rules.add_perm(f"awards.add_{model}", superuser)
    rules.add_perm(f"awards.change_{model}", superuser)
    rules.add_perm(f"awards.delete_{model}", superuser)
rules.add_perm("awards.override_eligibility", manages_receiving_unit)

# Public comment: the receiving secretariat opens the window and handles comments.
for model in ("publicconsultation", "publiccomment"):
    rules.add_perm(f"awards.view_{model}", can_view_in_scope)
    rules.add_perm(f"awards.add_{model}", superuser)
    rules.add_perm(f"awards.change_{model}", manages_receiving_unit)
    rules.add_perm(f"awards.delete_{model}", superuser)

# Records of the past: units keep their own; revocation is the secretariat's.
for model in ("household", "yearlyresult"):
    rules.add_perm(f"awards.view_{model}", can_view_in_scope)
    rules.add_perm(f"awards.add_{model}", can_change_in_scope)
    rules.add_perm(f"awards.change_{model}", can_change_in_scope)
    rules.add_perm(f"awards.delete_{model}", can_manage_in_scope)
rules.add_perm("awards.view_awardrecord", can_view_in_scope)
rules.add_perm("awards.add_awardrecord", can_change_in_scope)
rules.add_perm("awards.change_awardrecord", can_manage_in_scope)
rules.add_perm("awards.revoke_awardrecord", can_manage_in_scope)
rules.add_perm("awards.delete_awardrecord", superuser)

# Initiatives: units register them; the secretariat records the council's assessment.
rules.add_perm("awards.view_initiative", can_view_in_scope)
rules.add_perm("awards.add_initiative", can_change_in_scope)
rules.add_perm("awards.change_initiative", can_change_in_scope)
rules.add_perm("awards.assess_initiative", can_manage_in_scope)
rules.add_perm("awards.delete_initiative", superuser)
rules.add_perm("awards.view_reviewwindow", can_view_in_scope)
rules.add_perm("awards.add_reviewwindow", can_manage_in_scope)
rules.add_perm("awards.change_reviewwindow", can_manage_in_scope)
rules.add_perm("awards.delete_reviewwindow", superuser)

# Movements.
rules.add_perm("awards.view_movement", sees_movement)
rules.add_perm("awards.add_movement", can_change_in_scope)
rules.add_perm("awards.change_movement", can_change_in_scope)
rules.add_perm("awards.delete_movement", superuser)

# Registrations.
rules.add_perm("awards.view_registration", can_view_in_scope)
rules.add_perm("awards.add_registration", can_change_in_scope)
rules.add_perm("awards.change_registration", can_change_in_scope)
rules.add_perm("awards.delete_registration", superuser)

# The catalogue and the rules: data of the law, kept by the secretariat.
for model in (
    "awardkind",
    "awardobject",
    "dossiercomponentkind",
    "awardauthority",
    "awardkindcomponent",
    "awardkindname",
    "eligibilityrule",
):
    rules.add_perm(f"awards.view_{model}", is_staff_user)
    rules.add_perm(f"awards.add_{model}", is_secretariat)
    rules.add_perm(f"awards.change_{model}", is_secretariat)
    rules.add_perm(f"awards.delete_{model}", superuser)


# Issue 6: council review, decisions, certificates, fund, monthly recognition -------


@rules.predicate
def sees_decision(user: Any, decision: Any = None) -> bool:
    """The deciding unit's staff, and the staff of a unit one of its recipients belongs to."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    if decision is None:
        return scope.has_role(*VIEW_ROLES)
    if scope.covers(decision.unit, VIEW_ROLES):
        return True
    from awards.selectors.decisions import decision_visibility

    return (
        type(decision)
        .objects.filter(decision_visibility(scope), pk=decision.pk)
        .exists()
    )


@rules.predicate
def manages_organisation(user: Any, obj: Any = None) -> bool:
    """The secretariat of the organisation a monthly proposal or list belongs to."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    if obj is None:
        return scope.has_role(*MANAGE_ROLES)
    return scope.covers(getattr(obj, "organisation", None), MANAGE_ROLES)


@rules.predicate
def manages_authority(user: Any, proposal: Any = None) -> bool:
    """The secretariat of the province (or city) whose cluster made the proposal."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    if proposal is None:
        return scope.has_role(*MANAGE_ROLES)
    return scope.covers(proposal.cluster_year.cluster.authority, MANAGE_ROLES)


rules.add_perm("awards.view_decision", sees_decision)
rules.add_perm("awards.add_decision", can_manage_in_scope)
rules.add_perm("awards.change_decision", can_manage_in_scope)
rules.add_perm("awards.manage_decision", can_manage_in_scope)
rules.add_perm("awards.delete_decision", superuser)
rules.add_perm("awards.view_decisionline", can_view_in_scope)
rules.add_perm("awards.view_certificate", can_view_in_scope)
rules.add_perm("awards.view_fund", can_view_in_scope)
rules.add_perm("awards.add_fund", can_manage_in_scope)
rules.add_perm("awards.change_fund", can_manage_in_scope)
rules.add_perm("awards.view_fundentry", can_view_in_scope)
for model in ("decisionline", "certificate", "fundentry", "fund"):
    rules.add_perm(f"awards.delete_{model}", superuser)
for model in ("decisionline", "certificate", "fundentry"):
    rules.add_perm(f"awards.add_{model}", superuser)
    rules.add_perm(f"awards.change_{model}", superuser)

# Council review: the receiving unit's secretariat builds the agenda and records votes.
rules.add_perm("awards.build_agenda", can_manage_in_scope)
rules.add_perm("awards.vote_nominee", manages_receiving_unit)
for model in ("agendaentry", "nominationvote", "councilresultsheet"):
    rules.add_perm(f"awards.view_{model}", can_view_in_scope)
    rules.add_perm(f"awards.add_{model}", superuser)
    rules.add_perm(f"awards.change_{model}", superuser)
    rules.add_perm(f"awards.delete_{model}", superuser)

# Monthly recognition: units propose; the organisation's secretariat reviews.
rules.add_perm("awards.view_monthlyproposal", can_view_in_scope | manages_organisation)
rules.add_perm("awards.add_monthlyproposal", can_change_in_scope)
rules.add_perm("awards.change_monthlyproposal", can_change_in_scope)
rules.add_perm("awards.delete_monthlyproposal", superuser)
rules.add_perm("awards.view_monthlyentry", can_view_in_scope)
rules.add_perm("awards.add_monthlyentry", superuser)
rules.add_perm("awards.change_monthlyentry", superuser)
rules.add_perm("awards.delete_monthlyentry", superuser)
rules.add_perm("awards.view_monthlylist", can_view_in_scope)
rules.add_perm("awards.add_monthlylist", can_manage_in_scope)
rules.add_perm("awards.change_monthlylist", can_manage_in_scope)
rules.add_perm("awards.delete_monthlylist", superuser)
rules.add_perm("awards.review_monthly", manages_organisation)

# Search across people, units and records; cluster proposals taken up as dossiers.
rules.add_perm("awards.search", is_staff_user)
rules.add_perm("awards.take_up_cluster_proposal", manages_authority)
