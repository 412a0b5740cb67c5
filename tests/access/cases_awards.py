"""Access matrix of the awards app: every URL, every persona, on objects of unit A.

Deleting posts (remove a nominee, a file, a registration entry) succeed for the
first persona allowed (officer A); later personas then find nothing (404).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.cache import cache

from awards.models import EligibilityResult, PublicComment, Verdict
from awards.services import dossiers as dossier_services
from awards.services import initiatives as initiative_services
from awards.services import movements as movement_services
from awards.services import public as public_services
from awards.services import registrations as registration_services
from tests.access.matrix import (
    LIST_ANY_ROLE,
    LIST_CHANGERS,
    LIST_MANAGERS,
    OWN_A_CHANGE,
    OWN_A_MANAGE,
    OWN_A_VIEW,
    PUBLIC,
    Case,
)
from tests.factories import PersonFactory
from tests.factories_awards import (
    HouseholdFactory,
    complete,
    dossier,
    kind,
    record,
    results,
    under_review,
)

D = datetime.date
POST_CHANGE = {**OWN_A_CHANGE, "officer_a": 302, "secretariat": 302}
POST_MANAGE = {**OWN_A_MANAGE, "secretariat": 302}
POST_GONE = {
    "anonymous": "login",
    "outsider": 404,
    "officer_a": 302,
    "officer_b": 404,
    "leader": 404,
    "secretariat": 404,
}


def build(world: Any) -> dict[str, Any]:
    cache.clear()  # the public comment form rate-limits by client
    person = world.person_a
    results(person, y2024="HTTNV")
    draft = complete(dossier(world.unit_a, "LDTT", people=[person]))
    extra = PersonFactory(unit=world.unit_a)
    review = under_review(dossier(world.unit_a, "CSTDT", people=[extra]))
    failed = EligibilityResult.objects.filter(
        dossier=review, verdict=Verdict.FAILED
    ).first()
    consultation = public_services.public_consultation_open(
        dossier=review, actor=None, summary="Đề nghị tặng danh hiệu"
    )
    comment = PublicComment.objects.create(
        consultation=consultation, author_name="Người dân", body="Đồng ý"
    )
    initiative = initiative_services.initiative_create(
        actor=None,
        unit=world.unit_a,
        authors=[person.pk],
        title="Số hóa hồ sơ",
        field="management",
        description="Mô tả",
        effect_evidence="Hiệu quả",
    )
    movement = movement_services.movement_create(
        actor=None,
        launched_by=world.unit_a,
        name="Thi đua số hóa",
        kind="thematic",
        starts_on=D(2025, 1, 1),
    )
    registration = registration_services.registration_create(
        actor=None, unit=world.unit_a, year=2025, registered_on=D(2025, 1, 10)
    )
    registration_services.registration_entries_add(
        registration=registration,
        actor=None,
        award_kind=kind("LDTT"),
        person_ids=[person.pk],
    )
    return PartTwo(
        world,
        {
            "draft": draft,
            "nomination": draft.nominations.get(),
            "file": draft.files.first(),
            "review": review,
            "review_nomination": review.nominations.get(),
            "failed": failed,
            "consultation": consultation,
            "comment": comment,
            "record": record(person, "LDTT", 2023),
            "household": HouseholdFactory(unit=world.unit_a),
            "initiative": initiative,
            "movement": movement,
            "registration": registration,
            "entry": registration.entries.get(),
        },
    )


class PartTwo(dict):
    """The objects of issue 6 (council, decisions, funds, monthly, clusters) are built
    on first use, so the cases of part I do not pay for them."""

    def __init__(self, world: Any, objects: dict[str, Any]) -> None:
        super().__init__(objects)
        self.world = world

    def __missing__(self, key: str) -> Any:
        self.update(build_part_two(self.world))
        return dict.__getitem__(self, key)


def build_part_two(world: Any) -> dict[str, Any]:
    from awards.models import DecisionLine, MonthlyEntry, RevocationCase
    from awards.services import council_review
    from awards.services import decision_amendments as amendments
    from awards.services import monthly as monthly_services
    from awards.services.decision_issue import decision_issue
    from clusters.models import AwardCode, ClusterProposal
    from orgs.models import LegalParameter, ParameterValue
    from tests.factories_awards import (
        approved,
        checked,
        council_session,
        draft_decision,
        issued_decision,
    )
    from tests.factories_clusters import make_cluster

    unit, planned = world.unit_a, D(2025, 1, 20)
    people = [world.person_a, *(PersonFactory(unit=unit) for _ in range(3))]
    meeting = council_session(unit, size=5)

    def giay_khen(*persons: Any) -> Any:
        return dossier(unit, "GIAY_KHEN", people=list(persons), planned=planned)

    voted = checked(giay_khen(people[0]))
    (done,) = council_review.agenda_add(meeting=meeting, dossiers=[voted], actor=None)
    council_review.nominee_vote_record(
        entry=done,
        nomination=voted.nominations.get(),
        actor=None,
        method="show_of_hands",
        votes_for=5,
    )
    council_review.entry_conclude(entry=done, actor=None)
    decision = issued_decision([voted])
    pending = checked(giay_khen(people[1], people[2]))
    (open_entry,) = council_review.agenda_add(
        meeting=meeting, dossiers=[pending], actor=None
    )
    first, second = pending.nominations.order_by("order")
    link = council_review.nominee_vote_record(
        entry=open_entry,
        nomination=first,
        actor=None,
        method="show_of_hands",
        votes_for=4,
    )
    draft = draft_decision([approved(giay_khen(people[3]))])
    line = decision.lines.get()
    correction = amendments.correction_draft(original=decision, actor=None)
    corrected = amendments.correction_line_set(
        decision=correction,
        original_line=line,
        actor=None,
        display_name="Nguyễn Văn Anh",
    )
    revocation = amendments.revocation_draft(
        original=decision,
        actor=None,
        line_ids=[line.pk],
        case=RevocationCase.FALSE_DECLARATION,
        reason="Kết luận thanh tra",
    )
    revocation = decision_issue(
        decision=revocation, actor=None, issued_on=D(2025, 6, 5)
    )
    ParameterValue.objects.create(
        parameter=LegalParameter.objects.get(code="monthly_recognition_min"),
        scope_unit=unit,
        value="1",
        valid_from=D(2017, 1, 1),
    )
    resident = PersonFactory(unit=world.unit_a1)
    proposals = {}
    for month in (4, 5):
        proposals[month] = monthly_services.monthly_proposal_open(
            unit=world.unit_a1, year=2025, month=month, actor=None
        )
        monthly_services.monthly_entry_add(
            proposal=proposals[month], actor=None, person=resident, deed="Việc tốt"
        )
    monthly_services.monthly_proposal_submit(proposal=proposals[4], actor=None)
    cluster = make_cluster(world)
    return {
        "meeting": meeting,
        "open_entry": open_entry,
        "vote_link": link,
        "second": second,
        "decision": decision,
        "certificate": decision.certificates.get(),
        "draft_decision": draft,
        "correction": correction,
        "original_line": line,
        "correction_line": DecisionLine.objects.get(pk=corrected.pk),
        "revocation": revocation,
        "fund": decision.fund,
        "proposal_draft": proposals[5],
        "proposal_submitted": proposals[4],
        "monthly_draft_entry": MonthlyEntry.objects.get(proposal=proposals[5]),
        "monthly_entry": MonthlyEntry.objects.get(proposal=proposals[4]),
        "cluster_proposal": ClusterProposal.objects.create(
            cluster_year=cluster.year,
            unit=unit,
            award_code=AwardCode.CO_TINH,
            status=ClusterProposal.Status.CONFIRMED,
        ),
    }


def pk(name: str) -> Any:
    return lambda w, o: {"pk": o[name].pk}


def move(name: str, action: str) -> Any:
    return lambda w, o: {"pk": o[name].pk, "action": action}


CASES = [
    Case("awards:dossier-list", LIST_ANY_ROLE),
    Case("awards:dossier-create", LIST_CHANGERS),
    Case("awards:dossier-detail", OWN_A_VIEW, kwargs=pk("draft")),
    Case("awards:dossier-update", OWN_A_CHANGE, kwargs=pk("draft")),
    Case("awards:dossier-export", OWN_A_VIEW, kwargs=pk("draft")),
    Case("awards:dossier-evaluate", POST_CHANGE, kwargs=pk("draft"), method="post"),
    Case("awards:public-comment-open", OWN_A_MANAGE, kwargs=pk("review")),
    Case("awards:dossier-transition", OWN_A_CHANGE, kwargs=move("draft", "submit")),
    Case(
        "awards:dossier-transition",
        POST_CHANGE,
        kwargs=move("draft", "submit"),
        method="post",
        note="submit",
    ),
    Case(
        "awards:dossier-transition",
        OWN_A_MANAGE,
        kwargs=move("review", "return"),
        note="return",
    ),
    Case(
        "awards:dossier-transition",
        POST_MANAGE,
        kwargs=move("review", "return"),
        method="post",
        data=lambda w, o: {"reason": "Thiếu biên bản"},
        note="return",
    ),
    Case("awards:dossier-queue", LIST_MANAGERS),
    Case("awards:dossier-nominees", OWN_A_CHANGE, kwargs=pk("draft")),
    Case(
        "awards:dossier-nominees",
        POST_CHANGE,
        kwargs=pk("draft"),
        method="post",
        data=lambda w, o: {"person": [w.person_a.pk]},
    ),
    Case(
        "awards:dossier-nominees-paste",
        POST_CHANGE,
        kwargs=pk("draft"),
        method="post",
        data=lambda w, o: {"people": "Nguyễn Văn Ánh; 1980"},
    ),
    Case(
        "awards:dossier-nominees-import", POST_CHANGE, kwargs=pk("draft"), method="post"
    ),
    Case(
        "awards:dossier-nominees-registrations",
        POST_CHANGE,
        kwargs=pk("draft"),
        method="post",
    ),
    Case("awards:nomination-detail", OWN_A_VIEW, kwargs=pk("nomination")),
    Case(
        "awards:nomination-update",
        POST_CHANGE,
        kwargs=pk("nomination"),
        method="post",
        data=lambda w, o: {"position": "Chuyên viên", "achievement": "Hoàn thành tốt"},
    ),
    Case("awards:nomination-remove", POST_GONE, kwargs=pk("nomination"), method="post"),
    Case("awards:nomination-exclude", OWN_A_MANAGE, kwargs=pk("review_nomination")),
    Case(
        "awards:nomination-restore",
        POST_MANAGE,
        kwargs=pk("review_nomination"),
        method="post",
    ),
    Case("awards:eligibility-override", OWN_A_MANAGE, kwargs=pk("failed")),
    Case("awards:dossier-file-upload", POST_CHANGE, kwargs=pk("draft"), method="post"),
    Case("awards:dossier-file", OWN_A_VIEW, kwargs=pk("file")),
    Case("awards:dossier-file-remove", POST_GONE, kwargs=pk("file"), method="post"),
    Case("awards:public-list", PUBLIC),
    Case(
        "awards:public-detail",
        PUBLIC,
        kwargs=lambda w, o: {"public_id": o["consultation"].public_id},
    ),
    Case(
        "awards:public-detail",
        dict.fromkeys(PUBLIC, 302),
        kwargs=lambda w, o: {"public_id": o["consultation"].public_id},
        method="post",
        data=lambda w, o: {
            "author_name": "Lê Văn Dân",
            "body": "Tôi đồng ý với đề nghị.",
        },
    ),
    Case("awards:public-comment-handle", OWN_A_MANAGE, kwargs=pk("comment")),
    Case("awards:record-list", LIST_ANY_ROLE),
    Case("awards:record-create", LIST_CHANGERS),
    Case("awards:record-export", LIST_ANY_ROLE),
    Case("awards:record-revoke", OWN_A_MANAGE, kwargs=pk("record")),
    Case("awards:result-list", LIST_ANY_ROLE),
    Case("awards:result-entry", LIST_CHANGERS),
    Case("awards:household-list", LIST_ANY_ROLE),
    Case("awards:household-create", LIST_CHANGERS),
    Case("awards:household-update", OWN_A_CHANGE, kwargs=pk("household")),
    Case("awards:initiative-list", LIST_ANY_ROLE),
    Case("awards:initiative-create", LIST_CHANGERS),
    Case("awards:initiative-detail", OWN_A_VIEW, kwargs=pk("initiative")),
    Case("awards:initiative-update", OWN_A_CHANGE, kwargs=pk("initiative")),
    Case("awards:initiative-assess", OWN_A_MANAGE, kwargs=pk("initiative")),
    Case("awards:movement-list", LIST_ANY_ROLE),
    Case("awards:movement-create", LIST_CHANGERS),
    Case("awards:movement-detail", OWN_A_VIEW, kwargs=pk("movement")),
    Case("awards:movement-update", OWN_A_CHANGE, kwargs=pk("movement")),
    Case(
        "awards:movement-advance",
        POST_CHANGE,
        kwargs=pk("movement"),
        method="post",
        data=lambda w, o: {"step": "launch", "done_on": "2025-02-01"},
    ),
    Case("awards:registration-list", LIST_ANY_ROLE),
    Case("awards:registration-create", LIST_CHANGERS),
    Case("awards:registration-detail", OWN_A_VIEW, kwargs=pk("registration")),
    Case("awards:registration-submit", OWN_A_CHANGE, kwargs=pk("registration")),
    Case(
        "awards:registration-entry-remove", POST_GONE, kwargs=pk("entry"), method="post"
    ),
]

MANAGE_VIEW_ONLY = {**OWN_A_MANAGE}
PROVINCE_MANAGE = {**OWN_A_MANAGE, "officer_a": 404, "leader": 403}


def month(year: int, number: int) -> Any:
    def kwargs(w: Any, o: dict[str, Any]) -> dict[str, Any]:
        o["proposal_submitted"]  # builds the monthly objects before the URL is used
        return {"org": w.unit_a.pk, "year": year, "month": number}

    return kwargs


CASES += [
    # Council review
    Case("awards:agenda-meetings", LIST_MANAGERS),
    Case("awards:agenda-session", OWN_A_VIEW, kwargs=pk("meeting")),
    Case(
        "awards:agenda-session",
        {**OWN_A_MANAGE, "secretariat": 200},
        kwargs=pk("meeting"),
        method="post",
        note="add",
    ),
    Case("awards:agenda-results-pdf", OWN_A_VIEW, kwargs=pk("meeting")),
    Case("awards:agenda-entry", OWN_A_VIEW, kwargs=pk("open_entry")),
    Case(
        "awards:agenda-vote",
        POST_MANAGE,
        kwargs=lambda w, o: {"pk": o["open_entry"].pk, "nomination": o["second"].pk},
        method="post",
        data=lambda w, o: {"method": "show_of_hands", "votes_for": 5},
    ),
    Case(
        "awards:agenda-vote-list",
        POST_MANAGE,
        kwargs=pk("open_entry"),
        method="post",
        data=lambda w, o: {"method": "show_of_hands", "votes_for": 5},
    ),
    Case(
        "awards:agenda-mode",
        POST_MANAGE,
        kwargs=pk("open_entry"),
        method="post",
        data=lambda w, o: {"mode": "per_nominee"},
    ),
    Case("awards:agenda-conclude", OWN_A_MANAGE, kwargs=pk("open_entry")),
    Case("awards:agenda-remove", OWN_A_MANAGE, kwargs=pk("open_entry")),
    Case(
        "awards:agenda-vote-delete", POST_MANAGE, kwargs=pk("vote_link"), method="post"
    ),
    # Decisions
    Case("awards:decision-list", LIST_ANY_ROLE),
    Case("awards:decision-pending", LIST_MANAGERS),
    Case("awards:decision-detail", OWN_A_VIEW, kwargs=pk("decision")),
    Case("awards:decision-update", OWN_A_MANAGE, kwargs=pk("draft_decision")),
    Case("awards:decision-issue", OWN_A_MANAGE, kwargs=pk("draft_decision")),
    Case("awards:decision-discard", OWN_A_MANAGE, kwargs=pk("draft_decision")),
    Case("awards:decision-correct", OWN_A_MANAGE, kwargs=pk("decision")),
    Case(
        "awards:decision-correction-line",
        OWN_A_MANAGE,
        kwargs=lambda w, o: {"pk": o["correction"].pk, "line": o["original_line"].pk},
    ),
    Case(
        "awards:decision-line-remove",
        POST_MANAGE,
        kwargs=pk("correction_line"),
        method="post",
    ),
    Case("awards:decision-revoke", OWN_A_MANAGE, kwargs=pk("decision")),
    Case("awards:decision-recover", OWN_A_MANAGE, kwargs=pk("revocation")),
    Case("awards:decision-pdf", OWN_A_VIEW, kwargs=pk("decision")),
    Case("awards:decision-export", OWN_A_VIEW, kwargs=pk("decision")),
    Case("awards:decision-certificates", OWN_A_VIEW, kwargs=pk("decision")),
    # The public verification of a certificate: the same for everyone
    Case("awards:certificate-check", PUBLIC),
    Case(
        "awards:certificate-verify",
        PUBLIC,
        kwargs=lambda w, o: {"code": o["certificate"].code},
    ),
    # Fund ledger
    Case("awards:fund-list", LIST_ANY_ROLE),
    Case("awards:fund-detail", OWN_A_VIEW, kwargs=pk("fund")),
    Case("awards:fund-budget", OWN_A_MANAGE, kwargs=pk("fund")),
    Case("awards:fund-export", OWN_A_VIEW, kwargs=pk("fund")),
    # History and search
    Case("awards:search", LIST_ANY_ROLE),
    Case(
        "awards:history-person", OWN_A_VIEW, kwargs=lambda w, o: {"pk": w.person_a.pk}
    ),
    Case("awards:history-unit", OWN_A_VIEW, kwargs=lambda w, o: {"pk": w.unit_a.pk}),
    # Cluster proposals (a cluster of province P proposing unit A)
    Case("awards:cluster-proposals", LIST_MANAGERS),
    Case(
        "awards:cluster-proposal-take-up",
        {**PROVINCE_MANAGE, "leader": 403},
        kwargs=pk("cluster_proposal"),
    ),
    # Monthly recognition (unit A asks; its child A1 proposes)
    Case("awards:monthly-home", LIST_ANY_ROLE),
    Case("awards:monthly-open", LIST_CHANGERS),
    Case("awards:monthly-proposal", OWN_A_VIEW, kwargs=pk("proposal_draft")),
    Case("awards:monthly-submit", OWN_A_CHANGE, kwargs=pk("proposal_draft")),
    Case(
        "awards:monthly-entry-remove",
        POST_GONE,
        kwargs=pk("monthly_draft_entry"),
        method="post",
    ),
    Case(
        "awards:monthly-entry-review",
        POST_MANAGE,
        kwargs=pk("monthly_entry"),
        method="post",
        data=lambda w, o: {"accepted": "1"},
    ),
    Case("awards:monthly-month", OWN_A_VIEW, kwargs=month(2025, 4)),
    Case(
        "awards:monthly-decision",
        POST_MANAGE,
        kwargs=month(2025, 4),
        method="post",
    ),
]

__all__ = ["CASES", "build", "dossier_services"]
