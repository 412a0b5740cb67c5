"""Access matrix of the reports app: every URL, every persona.

Statistics and forms are open to every staff role, each seeing its own subtree's
figures; naming a unit outside the viewer's subtree answers 404. A cluster report
belongs to a cluster of P where A leads and A1 is the other member (B is out);
an achievement report to a nominee of a dossier of A.
"""

from __future__ import annotations

from typing import Any

from reports import services
from tests.access.matrix import (
    LIST_ANY_ROLE,
    OWN_A_CHANGE,
    OWN_A_VIEW,
    Case,
)
from tests.factories_awards import dossier
from tests.factories_clusters import make_cluster

# A unit named in the query string: officer B may not ask for A's figures.
UNIT_A_FIGURES = {**LIST_ANY_ROLE, "officer_b": 404}
POST_CHANGE = {**OWN_A_CHANGE, "officer_a": 302, "secretariat": 302}


def build(world: Any) -> dict[str, Any]:
    built = make_cluster(world, members=[world.unit_a, world.unit_a1])
    report = services.cluster_report_create(
        cluster_year=built.year, kind="annual", actor=None
    )
    nomination = dossier(
        world.unit_a, "LDTT", people=[world.person_a]
    ).nominations.get()
    return {"year": built.year, "report": report, "nomination": nomination}


def unit_a(world: Any, objects: dict[str, Any]) -> dict[str, Any]:
    return {"unit": world.unit_a.pk}


def _report(world: Any, objects: dict[str, Any]) -> dict[str, Any]:
    return {"pk": objects["report"].pk}


def _report_form(world: Any, objects: dict[str, Any]) -> dict[str, Any]:
    report = objects["report"]
    report.refresh_from_db()
    return {
        "summary": report.summary,
        "situation": "Đặc điểm tình hình",
        "results": "",
        "assessment": "",
        "tasks": "",
        "proposals": "",
        "version": report.version,
    }


CASES = [
    Case("reports:index", LIST_ANY_ROLE),
    Case("reports:awards", LIST_ANY_ROLE),
    Case("reports:awards", UNIT_A_FIGURES, data=unit_a, note="unit-a"),
    Case("reports:direct-workers", UNIT_A_FIGURES, data=unit_a),
    Case("reports:initiatives", LIST_ANY_ROLE),
    Case("reports:funds", LIST_ANY_ROLE),
    Case("reports:cluster-scores", LIST_ANY_ROLE),
    Case("reports:processing", UNIT_A_FIGURES, data=unit_a),
    Case(
        "reports:drill",
        UNIT_A_FIGURES,
        kwargs=lambda w, o: {"dataset": "awards"},
        data=unit_a,
    ),
    Case(
        "reports:drill",
        LIST_ANY_ROLE,
        kwargs=lambda w, o: {"dataset": "dossiers"},
        note="dossiers",
    ),
    Case(
        "reports:form",
        UNIT_A_FIGURES,
        kwargs=lambda w, o: {"code": "0602"},
        data=unit_a,
    ),
    Case(
        "reports:form-pdf",
        UNIT_A_FIGURES,
        kwargs=lambda w, o: {"code": "0601"},
        data=unit_a,
    ),
    Case(
        "reports:form-xlsx",
        UNIT_A_FIGURES,
        kwargs=lambda w, o: {"code": "0603"},
        data=unit_a,
    ),
    Case("reports:cluster-report-list", LIST_ANY_ROLE),
    Case(
        "reports:cluster-report-create",
        OWN_A_CHANGE,
        kwargs=lambda w, o: {"pk": o["year"].pk},
    ),
    Case("reports:cluster-report-detail", OWN_A_VIEW, kwargs=_report),
    Case(
        "reports:cluster-report-detail",
        POST_CHANGE,
        kwargs=_report,
        method="post",
        data=_report_form,
    ),
    Case("reports:cluster-report-pdf", OWN_A_VIEW, kwargs=_report),
    Case("reports:cluster-report-issue", OWN_A_CHANGE, kwargs=_report),
    Case("reports:achievement-list", LIST_ANY_ROLE),
    Case(
        "reports:achievement",
        OWN_A_VIEW,
        kwargs=lambda w, o: {"pk": o["nomination"].pk},
    ),
]
