"""Access matrix of the clusters app.

The world: a cluster of province P whose members are A (head) and B (first deputy).
Cards are open, A's still a draft: officer_b sees the year, the pledge and the
conferences, but gets 404 on A's card until the ranking is published; actions of
the head are 403 for B; membership and rotation confirmation belong to P's
secretariat. Each persona acts in turn on the same objects, so a case that
deletes something is passed by the first persona allowed to do it.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from clusters.models import AwardCode, ClusterFollower, ClusterProposal, Conference
from clusters.services import conferences, documents, pledges, rotation, scoring
from tests.access.matrix import LIST_ANY_ROLE, Case
from tests.factories_clusters import make_cluster

YEAR_VIEW = {
    "anonymous": "login",
    "outsider": 404,
    "officer_a": 200,
    "officer_b": 200,
    "leader": 200,
    "secretariat": 200,
}
LEAD = {**YEAR_VIEW, "officer_b": 403, "leader": 403}
MANAGE = {**YEAR_VIEW, "officer_a": 403, "officer_b": 403, "leader": 403}
CARD_A = {**YEAR_VIEW, "officer_b": 404}
SELF_A = {**CARD_A, "leader": 403}
HEAD_ONLY_RANKING = {**YEAR_VIEW, "officer_b": 403}
SET_OWNER = {**MANAGE}
LEAD_POST = {**LEAD, "officer_a": 302, "secretariat": 302}
MANAGE_POST = {**MANAGE, "secretariat": 302}
SELF_A_POST = {**SELF_A, "officer_a": 302, "secretariat": 302}
# A deletion: officer_a, the first persona allowed, deletes; everyone after finds nothing.
# The refusals of the others are tested in tests/clusters/test_views.py.
DELETED_BY_A = {
    **YEAR_VIEW,
    "officer_a": 302,
    "officer_b": 404,
    "leader": 404,
    "secretariat": 404,
}


def build(world: Any) -> dict[str, Any]:
    from tests.factories_councils import (
        CompositionFactory,
        CouncilFactory,
        CouncilMemberFactory,
    )

    built = make_cluster(world)
    year = built.year
    scoring.scoring_start(cluster_year=year, actor=None)
    sheet_a = built.sheet(world.unit_a)
    entry_a = sheet_a.entries.get(criterion__code="1")
    evidence = scoring.evidence_add(
        entry=entry_a,
        upload=io.BytesIO(b"%PDF-1.4 demo"),
        name="bc.pdf",
        size=13,
        actor=None,
    )
    conference = conferences.conference_create(
        cluster_year=year,
        kind=Conference.Kind.KICKOFF,
        held_on=datetime.date(2024, 2, 21),
        actor=None,
    )
    pledge = pledges.pledge_create(cluster_year=year, actor=None)
    document = documents.cluster_document_create(
        cluster_year=year,
        kind="plan",
        summary="Kế hoạch công tác thi đua, khen thưởng năm 2024",
        actor=None,
    )
    proposal = rotation.rotation_propose(
        cluster_year=year, head=world.unit_b, deputies=[world.unit_a], actor=None
    )
    council = CouncilFactory(owner_unit=world.province)
    member = CouncilMemberFactory(composition=CompositionFactory(council=council))
    follower = ClusterFollower.objects.create(cluster_year=year, council_member=member)
    return {
        "year": year,
        "cluster": built.cluster,
        "set": built.criteria_set,
        "criterion": built.criterion("1"),
        "sheet_a": sheet_a,
        "entry_a": entry_a,
        "evidence": evidence,
        "review_of_a": sheet_a.reviews.get(),
        "conference": conference,
        "attendance_a": conference.attendance.get(unit=world.unit_a),
        "pledge": pledge,
        "commitment": pledge.commitments.first(),
        "signatory_a": pledge.signatories.get(unit=world.unit_a),
        "document": document,
        "rotation": proposal,
        "membership_b": year.memberships.get(unit=world.unit_b),
        "follower": follower,
        "proposal": ClusterProposal.objects.create(
            cluster_year=year, unit=world.unit_a, award_code=AwardCode.CO_TINH
        ),
    }


def pk(name: str) -> Any:
    return lambda world, objects: {"pk": objects[name].pk}


CASES = [
    # Clusters and years
    Case("clusters:cluster-list", LIST_ANY_ROLE),
    Case("clusters:cluster-detail", YEAR_VIEW, kwargs=pk("cluster")),
    Case("clusters:year-detail", YEAR_VIEW, kwargs=pk("year")),
    Case("clusters:year-settings", LEAD, kwargs=pk("year")),
    Case("clusters:year-leadership", MANAGE, kwargs=pk("year")),
    Case("clusters:membership-add", MANAGE, kwargs=pk("year")),
    Case("clusters:membership-remove", MANAGE, kwargs=pk("membership_b")),
    Case("clusters:follower-add", MANAGE, kwargs=pk("year")),
    Case("clusters:follower-remove", MANAGE_POST, kwargs=pk("follower"), method="post"),
    Case("clusters:rotation-propose", LEAD, kwargs=pk("year")),
    Case("clusters:rotation-confirm", MANAGE, kwargs=pk("rotation")),
    Case("clusters:rotation-reject", MANAGE, kwargs=pk("rotation")),
    Case("clusters:rotation-vote", LEAD, kwargs=pk("rotation")),
    Case("clusters:year-roll", MANAGE, kwargs=pk("year")),
    # Conferences and documents
    Case("clusters:conference-create", LEAD, kwargs=pk("year")),
    Case("clusters:conference-detail", YEAR_VIEW, kwargs=pk("conference")),
    Case("clusters:conference-update", LEAD, kwargs=pk("conference")),
    Case(
        "clusters:attendance-set",
        {**LEAD_POST},
        kwargs=pk("attendance_a"),
        method="post",
        data=lambda w, o: {f"a{o['attendance_a'].pk}-status": "present"},
    ),
    Case("clusters:conference-item-add", LEAD, kwargs=pk("conference")),
    Case("clusters:conclusion-add", LEAD, kwargs=pk("conference")),
    Case("clusters:conference-held", LEAD, kwargs=pk("conference")),
    Case("clusters:minutes-issue", LEAD, kwargs=pk("conference")),
    Case("clusters:minutes-pdf", YEAR_VIEW, kwargs=pk("conference")),
    Case("clusters:document-create", LEAD, kwargs=pk("year")),
    Case("clusters:document-issue", LEAD, kwargs=pk("document")),
    # Pledge
    Case("clusters:pledge-create", LEAD_POST, kwargs=pk("year"), method="post"),
    Case("clusters:pledge-detail", YEAR_VIEW, kwargs=pk("pledge")),
    Case("clusters:pledge-update", LEAD, kwargs=pk("pledge")),
    Case("clusters:pledge-open", LEAD, kwargs=pk("pledge")),
    Case("clusters:pledge-pdf", YEAR_VIEW, kwargs=pk("pledge")),
    Case(
        "clusters:commitment-add",
        LEAD_POST,
        kwargs=pk("pledge"),
        method="post",
        data=lambda w, o: {"text": "Nội dung mới"},
    ),
    Case(
        "clusters:commitment-update",
        LEAD_POST,
        kwargs=pk("commitment"),
        method="post",
        data=lambda w, o: {"text": "Sửa"},
    ),
    Case(
        "clusters:commitment-move",
        LEAD_POST,
        kwargs=pk("commitment"),
        method="post",
        data=lambda w, o: {"direction": "down"},
    ),
    Case(
        "clusters:commitment-delete",
        DELETED_BY_A,
        kwargs=pk("commitment"),
        method="post",
    ),
    Case("clusters:signatory-update", LEAD, kwargs=pk("signatory_a")),
    Case("clusters:signatory-sign", LEAD_POST, kwargs=pk("signatory_a"), method="post"),
    Case(
        "clusters:signatory-unsign", LEAD_POST, kwargs=pk("signatory_a"), method="post"
    ),
    # Criteria sets (the set belongs to province P: only its secretariat edits it)
    Case("clusters:criteria-list", LIST_ANY_ROLE),
    Case(
        "clusters:criteria-create",
        {**LIST_ANY_ROLE, "officer_b": 403, "leader": 403},
    ),
    Case("clusters:criteria-detail", YEAR_VIEW, kwargs=pk("set")),
    Case("clusters:criteria-export", YEAR_VIEW, kwargs=pk("set")),
    Case("clusters:criteria-import", SET_OWNER, kwargs=pk("set")),
    Case("clusters:criterion-add", SET_OWNER, kwargs=pk("set")),
    Case("clusters:criteria-freeze", SET_OWNER, kwargs=pk("set")),
    Case("clusters:criteria-copy", MANAGE_POST, kwargs=pk("set"), method="post"),
    Case("clusters:criterion-edit", SET_OWNER, kwargs=pk("criterion")),
    Case("clusters:criterion-delete", SET_OWNER, kwargs=pk("criterion")),
    # Scoring: A's card is a draft, so B (its reviewer) does not see it yet.
    Case("clusters:scoring", YEAR_VIEW, kwargs=pk("year")),
    Case("clusters:scoring-start", LEAD_POST, kwargs=pk("year"), method="post"),
    Case("clusters:sheet-detail", CARD_A, kwargs=pk("sheet_a")),
    Case("clusters:sheet-history", CARD_A, kwargs=pk("sheet_a")),
    Case(
        "clusters:sheet-save",
        SELF_A_POST,
        kwargs=pk("sheet_a"),
        method="post",
        data=lambda w, o: {f"p-{o['criterion'].pk}": "12"},
    ),
    Case("clusters:sheet-submit", SELF_A, kwargs=pk("sheet_a")),
    Case("clusters:sheet-return", {**CARD_A, "leader": 403}, kwargs=pk("sheet_a")),
    Case(
        "clusters:review-accept",
        {**CARD_A, "officer_a": 403, "leader": 403, "secretariat": 302},
        kwargs=pk("review_of_a"),
        method="post",
    ),
    Case(
        "clusters:review-complete",
        {**CARD_A, "officer_a": 403, "leader": 403, "secretariat": 302},
        kwargs=pk("review_of_a"),
        method="post",
    ),
    Case(
        "clusters:review-reopen",
        {**SELF_A_POST},
        kwargs=pk("review_of_a"),
        method="post",
    ),
    Case("clusters:entry-detail", CARD_A, kwargs=pk("entry_a")),
    Case("clusters:evidence-upload", SELF_A_POST, kwargs=pk("entry_a"), method="post"),
    Case(
        "clusters:entry-exemption",
        SELF_A_POST,
        kwargs=pk("entry_a"),
        method="post",
        data=lambda w, o: {"exempt": ""},
    ),
    Case("clusters:evidence-download", CARD_A, kwargs=pk("evidence")),
    Case(
        "clusters:evidence-delete", DELETED_BY_A, kwargs=pk("evidence"), method="post"
    ),
    # Ranking and evaluation: before publication, members other than the head do not see it.
    Case("clusters:ranking", HEAD_ONLY_RANKING, kwargs=pk("year")),
    Case("clusters:ranking-pdf", HEAD_ONLY_RANKING, kwargs=pk("year")),
    Case("clusters:ranking-xlsx", HEAD_ONLY_RANKING, kwargs=pk("year")),
    Case("clusters:ranking-publish", LEAD, kwargs=pk("year")),
    Case("clusters:evaluation", HEAD_ONLY_RANKING, kwargs=pk("year")),
    Case("clusters:proposal-create", LEAD, kwargs=pk("year")),
    Case("clusters:proposal-vote", LEAD, kwargs=pk("proposal")),
    Case("clusters:proposal-confirm", LEAD, kwargs=pk("proposal")),
    Case("clusters:proposal-withdraw", LEAD, kwargs=pk("proposal")),
]
