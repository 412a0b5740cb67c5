"""Access matrix of the councils: a council owned by unit A, with a session, votes,
a task and a written consultation. Members' own access is tested in
``tests/councils/test_permissions.py`` (no matrix persona sits on a council)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.matrix import (
    LIST_ANY_ROLE,
    LIST_MANAGERS,
    OWN_A_MANAGE,
    OWN_A_VIEW,
    Case,
)

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def build(world: Any) -> dict[str, Any]:
    from councils import services
    from tests.factories_councils import at, mark, seated_council

    council, composition, members = seated_council(
        world.unit_a, size=4, people=[world.person_a]
    )
    meeting = services.meeting_create(
        council=council, actor=None, starts_at=at(D(2022, 3, 9))
    )
    mark(meeting, present=4)
    item = services.agenda_item_create(
        meeting=meeting, actor=None, title="Kế hoạch năm"
    )
    vote = services.vote_record(
        agenda_item=item,
        actor=None,
        question="Thông qua",
        method="show_of_hands",
        votes_for=4,
    )
    conclusion = services.conclusion_create(
        meeting=meeting, actor=None, text="Thống nhất"
    )
    task = services.task_create(
        conclusion=conclusion,
        actor=None,
        description="Tham mưu",
        assignee_member=members[1],
    )
    consultation = services.consultation_create(
        council=council,
        actor=None,
        question="Xin ý kiến",
        deadline=at(D(2099, 1, 1)),
        files=[SimpleUploadedFile("danh-sach.pdf", PDF)],
    )
    return {
        "council": council,
        "composition": composition,
        "member": members[1],
        "meeting": meeting,
        "attendance": meeting.attendances.first(),
        "item": item,
        "vote": vote,
        "conclusion": conclusion,
        "task": task,
        "consultation": consultation,
        "document": consultation.documents.first(),
    }


def pk_of(name: str) -> Any:
    return lambda w, o: {"pk": o[name].pk}


POSTED = {**OWN_A_MANAGE, "secretariat": 302}
MEMBERS_ONLY = {**OWN_A_MANAGE, "officer_a": 403, "leader": 403, "secretariat": 403}

CASES = [
    Case("councils:council-list", LIST_ANY_ROLE),
    Case("councils:council-create", LIST_MANAGERS),
    Case("councils:council-detail", OWN_A_VIEW, kwargs=pk_of("council")),
    Case("councils:council-update", OWN_A_MANAGE, kwargs=pk_of("council")),
    Case("councils:composition-create", OWN_A_MANAGE, kwargs=pk_of("council")),
    Case("councils:composition-detail", OWN_A_VIEW, kwargs=pk_of("composition")),
    Case("councils:composition-update", OWN_A_MANAGE, kwargs=pk_of("composition")),
    Case("councils:member-create", OWN_A_MANAGE, kwargs=pk_of("composition")),
    Case("councils:member-update", OWN_A_MANAGE, kwargs=pk_of("member")),
    Case("councils:meeting-create", OWN_A_MANAGE, kwargs=pk_of("council")),
    Case("councils:meeting-detail", OWN_A_VIEW, kwargs=pk_of("meeting")),
    Case("councils:meeting-update", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case("councils:meeting-close", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case("councils:meeting-cancel", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case(
        "councils:attendance-all-present",
        POSTED,
        kwargs=pk_of("meeting"),
        method="post",
    ),
    Case("councils:attendance-update", OWN_A_MANAGE, kwargs=pk_of("attendance")),
    Case(
        "councils:attendance-update",
        POSTED,
        kwargs=pk_of("attendance"),
        method="post",
        data=lambda w, o: {"status": "present"},
    ),
    Case("councils:agenda-create", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case("councils:agenda-update", OWN_A_MANAGE, kwargs=pk_of("item")),
    Case("councils:agenda-delete", OWN_A_MANAGE, kwargs=pk_of("item")),
    Case("councils:vote-create", OWN_A_MANAGE, kwargs=pk_of("item")),
    Case(
        "councils:vote-create",
        POSTED,
        kwargs=pk_of("item"),
        method="post",
        data=lambda w, o: {
            "question": "Thông qua lần hai",
            "method": "show_of_hands",
            "votes_for": 3,
            "votes_against": 1,
            "abstentions": 0,
        },
    ),
    Case("councils:vote-delete", OWN_A_MANAGE, kwargs=pk_of("vote")),
    Case("councils:conclusion-create", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case("councils:conclusion-update", OWN_A_MANAGE, kwargs=pk_of("conclusion")),
    Case("councils:task-create", OWN_A_MANAGE, kwargs=pk_of("conclusion")),
    Case("councils:task-complete", OWN_A_MANAGE, kwargs=pk_of("task")),
    Case("councils:minutes-issue", OWN_A_MANAGE, kwargs=pk_of("meeting")),
    Case("councils:minutes-pdf", OWN_A_VIEW, kwargs=pk_of("meeting")),
    Case("councils:consultation-create", OWN_A_MANAGE, kwargs=pk_of("council")),
    Case("councils:consultation-detail", OWN_A_VIEW, kwargs=pk_of("consultation")),
    Case(
        "councils:consultation-document-add", OWN_A_MANAGE, kwargs=pk_of("consultation")
    ),
    Case("councils:consultation-send", OWN_A_MANAGE, kwargs=pk_of("consultation")),
    Case("councils:consultation-answer", MEMBERS_ONLY, kwargs=pk_of("consultation")),
    Case("councils:consultation-record", OWN_A_MANAGE, kwargs=pk_of("consultation")),
    Case("councils:consultation-close", OWN_A_MANAGE, kwargs=pk_of("consultation")),
    Case("councils:consultation-pdf", OWN_A_VIEW, kwargs=pk_of("consultation")),
    Case("councils:consultation-document", OWN_A_VIEW, kwargs=pk_of("document")),
]
