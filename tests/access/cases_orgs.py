from __future__ import annotations

from typing import Any

from orgs.models import DocumentIssuer
from tests.access.matrix import (
    EVERYONE_LOGGED_IN,
    LIST_ANY_ROLE,
    LIST_CHANGERS,
    OWN_A_CHANGE,
    OWN_A_VIEW,
    PUBLIC,
    Case,
)


def build(world: Any) -> dict[str, Any]:
    from orgs import services

    issuer = DocumentIssuer.objects.get(unit=world.unit_a)
    import datetime

    document = services.sample_document_issue(
        issuer=issuer, actor=None, issued_on=datetime.date(2024, 5, 6)
    )
    from orgs.models import BackgroundJob

    job = BackgroundJob.objects.create(
        kind="x", label="Việc của A", user=world.officer_a, unit=world.unit_a
    )
    return {"issuer_a": issuer, "document_a": document, "job_a": job}


CASES = [
    Case("orgs:dashboard", EVERYONE_LOGGED_IN),
    Case("orgs:unit-list", LIST_ANY_ROLE),
    Case("orgs:unit-options", LIST_ANY_ROLE),
    Case("orgs:unit-detail", OWN_A_VIEW, kwargs=lambda w, o: {"pk": w.unit_a.pk}),
    Case("orgs:person-list", LIST_ANY_ROLE),
    Case("orgs:person-create", LIST_CHANGERS),
    Case("orgs:person-options", LIST_ANY_ROLE),
    Case("orgs:person-detail", OWN_A_VIEW, kwargs=lambda w, o: {"pk": w.person_a.pk}),
    Case("orgs:person-update", OWN_A_CHANGE, kwargs=lambda w, o: {"pk": w.person_a.pk}),
    Case(
        "orgs:person-update",
        {**OWN_A_CHANGE, "officer_a": 302, "secretariat": 302},
        kwargs=lambda w, o: {"pk": w.person_a.pk},
        method="post",
        data=lambda w, o: {
            "full_name": "Nguyễn Văn Ánh",
            "birth_year": 1980,
            "unit": w.unit_a.pk,
            "gender": "male",
            "position": "Chuyên viên",
        },
    ),
    Case("orgs:document-list", LIST_ANY_ROLE),
    Case(
        "orgs:document-detail",
        OWN_A_VIEW,
        kwargs=lambda w, o: {"pk": o["document_a"].pk},
    ),
    Case(
        "orgs:document-pdf", OWN_A_VIEW, kwargs=lambda w, o: {"pk": o["document_a"].pk}
    ),
    Case(
        "orgs:document-sample-pdf",
        OWN_A_VIEW,
        kwargs=lambda w, o: {"pk": o["issuer_a"].pk},
    ),
    Case("orgs:parameter-list", LIST_ANY_ROLE),
    Case("healthz", PUBLIC),
    Case(
        "orgs:job-detail",
        {**OWN_A_VIEW, "leader": 404},
        kwargs=lambda w, o: {"pk": o["job_a"].pk},
    ),
    Case(
        "orgs:job-download",
        {**OWN_A_VIEW, "leader": 404, "officer_a": 404, "secretariat": 404},
        kwargs=lambda w, o: {"pk": o["job_a"].pk},
        note="no file yet",
    ),
]
