"""Factories and helpers for the awards tests. The catalogue and the rules come from
the reference-data migrations; these build people's histories and dossiers."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from awards.models import (
    AwardKind,
    AwardRecord,
    Dossier,
    Household,
    Initiative,
    InitiativeAuthor,
    YearlyResult,
)
from awards.services import dossiers as dossier_services
from awards.services import files as file_services
from awards.services import nominations as nomination_services
from tests.factories import UnitFactory

D = datetime.date
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code)


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    head_name = factory.Sequence(lambda n: f"Nguyễn Văn Hộ {n}")
    address = "Số 1, tổ 2"
    unit = factory.SubFactory(UnitFactory)


class YearlyResultFactory(DjangoModelFactory):
    class Meta:
        model = YearlyResult

    year = 2024
    result = "HTTNV"
    person = None
    collective = None
    household = None

    @factory.lazy_attribute
    def unit(self) -> Any:
        subject = self.person or self.collective or self.household
        return subject.unit if hasattr(subject, "unit") else subject


def results(subject: Any, **by_year: str) -> None:
    """results(person, y2022="HTXS", y2023="HTTNV")"""
    field = _field(subject)
    for key, value in by_year.items():
        YearlyResultFactory(**{field: subject}, year=int(key[1:]), result=value)


def _field(subject: Any) -> str:
    name = type(subject).__name__
    return {"Person": "person", "Unit": "collective", "Household": "household"}[name]


def record(subject: Any, code: str, year: int, **extra: Any) -> AwardRecord:
    field = _field(subject)
    unit = subject.unit if field != "collective" else subject
    defaults = {
        "decision_number": f"{year}/QĐ-T",
        "decision_date": D(year + 1, 1, 15),
        "issuer": "Chủ tịch UBND",
        "unit": unit,
    }
    return AwardRecord.objects.create(
        **{field: subject}, award_kind=kind(code), year=year, **{**defaults, **extra}
    )


def initiative(
    person: Any, scope: int | None, recognised_on: datetime.date | None, **extra: Any
) -> Initiative:
    status = (
        Initiative.Status.RECOGNISED if recognised_on else Initiative.Status.PROPOSED
    )
    item = Initiative.objects.create(
        title=extra.pop("title", f"Sáng kiến của {person.full_name}"),
        unit=person.unit,
        field="management",
        description="Cải tiến quy trình",
        effect_evidence="Giảm 30% thời gian xử lý",
        status=status,
        recognised_scope=scope if recognised_on else None,
        recognition_number="01/QĐ-SK" if recognised_on else "",
        recognition_date=recognised_on,
        assessed_by="Hội đồng Sáng kiến",
        **extra,
    )
    InitiativeAuthor.objects.create(initiative=item, person=person)
    return item


def pdf(name: str = "to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def dossier(
    unit: Any,
    code: str = "LDTT",
    *,
    year: int = 2024,
    actor: Any = None,
    people: list[Any] = (),
    planned: datetime.date | None = None,
    award_type: str = "regular",
    procedure: str = "normal",
    movement: Any = None,
    collectives: list[Any] = (),
    households: list[Any] = (),
) -> Dossier:
    created = dossier_services.dossier_create(
        actor=actor,
        unit=unit,
        award_kind=kind(code),
        year=year,
        title=f"Đề nghị {code} năm {year}",
        planned_decision_on=planned or D(year + 1, 1, 20),
        award_type=award_type,
        procedure=procedure,
        movement=movement,
    )
    if people or collectives or households:
        nomination_services.nominations_add(
            dossier=created,
            actor=actor,
            person_ids=[p.pk for p in people],
            collective_ids=[u.pk for u in collectives],
            household_ids=[h.pk for h in households],
        )
    return created


def complete(target: Dossier, actor: Any = None) -> Dossier:
    """Attach a PDF to every required checklist line."""
    for item in target.items.filter(required=True):
        file_services.dossier_file_upload(
            dossier=target, actor=actor, uploaded=pdf(), item=item
        )
    return target


def submitted(target: Dossier, actor: Any = None) -> Dossier:
    complete(target, actor)
    return dossier_services.dossier_submit(dossier=target, actor=actor)


def under_review(target: Dossier, actor: Any = None) -> Dossier:
    target = submitted(target, actor)
    return dossier_services.dossier_start_review(dossier=target, actor=actor)


# Part II: council review, decisions, certificates --------------------------------------

SESSION_DAY = D(2025, 1, 10)
DECISION_DAY = D(2025, 1, 20)
SIGNER = {
    "signature_prefix": "KT.",
    "signature_authority": "CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Lê Văn Ký",
}


def checked(target: Dossier, actor: Any = None) -> Dossier:
    """Complete, submitted, reviewed and accepted (failed checks accepted with a reason)."""
    from awards.models import EligibilityResult, Verdict
    from awards.services.eligibility import eligibility_override
    from tests.factories import UserFactory

    target = under_review(target, actor)
    for result in EligibilityResult.objects.filter(
        dossier=target, verdict=Verdict.FAILED
    ):
        # An override names who accepted it: a clerk of the test when none is given.
        eligibility_override(
            result=result,
            actor=actor or UserFactory(username="tham-dinh"),
            reason="Chấp nhận (thử).",
        )
    return dossier_services.dossier_accept(dossier=target, actor=actor)


def approved(target: Dossier, actor: Any = None) -> Dossier:
    """Checked, sent to the council and approved as a whole (no recorded vote)."""
    target = checked(target, actor)
    target = dossier_services.dossier_send_to_council(dossier=target, actor=actor)
    return dossier_services.dossier_approve(dossier=target, actor=actor)


def council_session(
    unit: Any,
    size: int = 10,
    *,
    day: datetime.date = SESSION_DAY,
    present: int | None = None,
) -> Any:
    """A council of ``unit`` with ``size`` voting members and a session on ``day``."""
    from councils import services as council_services
    from tests.factories_councils import at, mark, seated_council

    council, _composition, _members = seated_council(
        unit, size=size, decision_date=D(2020, 12, 17)
    )
    meeting = council_services.meeting_create(
        council=council, actor=None, starts_at=at(day, 8)
    )
    mark(meeting, present=size if present is None else present)
    return meeting


def draft_decision(
    dossiers: list[Dossier], actor: Any = None, day: datetime.date = DECISION_DAY
) -> Any:
    from awards.services.decision_drafts import (
        decision_draft_from_dossiers,
        decision_update,
    )

    draft = decision_draft_from_dossiers(
        dossiers=dossiers, actor=actor, decision_date=day
    )
    return decision_update(decision=draft, actor=actor, **SIGNER)


def issued_decision(
    dossiers: list[Dossier], actor: Any = None, day: datetime.date = DECISION_DAY
) -> Any:
    from awards.services.decision_issue import decision_issue

    return decision_issue(decision=draft_decision(dossiers, actor, day), actor=actor)
