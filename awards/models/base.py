"""Vocabulary shared by the awards models: subjects, evaluation results, years."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Subject(models.TextChoices):
    """Who receives a title or commendation (Luật Thi đua, khen thưởng 2022, Điều 3)."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class EvaluationResult(models.TextChoices):
    """Yearly evaluation of a person or a collective (kết quả đánh giá, xếp loại)."""

    EXCELLENT = "HTXS", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    COMPLETE = "HTNV", _("Hoàn thành nhiệm vụ")
    INCOMPLETE = "KHT", _("Không hoàn thành nhiệm vụ")


# Higher is better; rules compare results with "at least".
RESULT_RANK = {"HTXS": 4, "HTTNV": 3, "HTNV": 2, "KHT": 1}


class AwardType(models.TextChoices):
    """Loại hình khen thưởng (Luật 2022, Điều 8)."""

    REGULAR = "regular", _("Thường xuyên (theo công trạng, thành tích)")
    AD_HOC = "ad_hoc", _("Đột xuất")
    MOVEMENT = "movement", _("Theo đợt, theo chuyên đề")
    LONG_SERVICE = "long_service", _("Quá trình cống hiến")
    FOREIGN = "foreign", _("Đối ngoại")


def year_label(year: int | None, year_kind: str = "calendar") -> str:
    """Return "2024" for a calendar year, "2024–2025" for the school year starting in 2024."""
    if not year:
        return ""
    return f"{year}–{year + 1}" if year_kind == "school" else str(year)


def subject_constraints(prefix: str, extra_unique: tuple[str, ...] = ()) -> list[Any]:
    """Exactly one of person / collective / household, and optional uniqueness per subject."""
    constraints: list[Any] = [
        models.CheckConstraint(
            condition=Q(
                person__isnull=False, collective__isnull=True, household__isnull=True
            )
            | Q(person__isnull=True, collective__isnull=False, household__isnull=True)
            | Q(person__isnull=True, collective__isnull=True, household__isnull=False),
            name=f"{prefix}_one_subject",
        )
    ]
    if extra_unique:
        for field in ("person", "collective", "household"):
            constraints.append(
                models.UniqueConstraint(
                    fields=[field, *extra_unique],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"{prefix}_unique_{field}",
                )
            )
    return constraints


class SubjectFields(models.Model):
    """A row about one person, one collective (a unit) or one household."""

    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
    )
    collective = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collective_%(class)s_set",
    )
    household = models.ForeignKey(
        "awards.Household",
        verbose_name=_("Hộ gia đình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
    )

    class Meta:
        abstract = True

    @property
    def subject_kind(self) -> str:
        if self.person_id:
            return Subject.INDIVIDUAL
        if self.collective_id:
            return Subject.COLLECTIVE
        return Subject.HOUSEHOLD

    @property
    def subject(self) -> Any:
        return self.person or self.collective or self.household

    @property
    def subject_key(self) -> tuple[str, int]:
        return subject_key_of(self.person_id, self.collective_id, self.household_id)

    @property
    def subject_name(self) -> str:
        subject = self.subject
        if subject is None:
            return ""
        return str(subject)


def subject_key_of(
    person_id: int | None, collective_id: int | None, household_id: int | None
) -> tuple[str, int]:
    """A hashable key for the subject of a row: ("p", id), ("u", id) or ("h", id)."""
    if person_id:
        return ("p", person_id)
    if collective_id:
        return ("u", collective_id)
    return ("h", household_id or 0)
