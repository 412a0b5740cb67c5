"""Registration for titles at the start of the year (đăng ký thi đua).

Optional under the 2022 law (Điều 7 no longer makes it a basis) but kept by most
bodies; the entries pre-fill the year-end nominations.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .base import SubjectFields, subject_constraints, year_label


class Registration(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang lập")
        SUBMITTED = "submitted", _("Đã gửi")

    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị đăng ký"),
        on_delete=models.PROTECT,
        related_name="award_registrations",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    year_kind = models.CharField(
        _("Kỳ đánh giá"), max_length=10, default="calendar", editable=False
    )
    registered_on = models.DateField(_("Ngày đăng ký"))
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Đăng ký thi đua")
        verbose_name_plural = _("Đăng ký thi đua")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], name="awards_registration_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.year_text}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:registration-detail", args=[self.pk])

    @property
    def year_text(self) -> str:
        return year_label(self.year, self.year_kind)


class RegistrationEntry(SubjectFields):
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("Bản đăng ký"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Danh hiệu, hình thức đăng ký"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "registration__unit"

    class Meta:
        verbose_name = _("Nội dung đăng ký")
        verbose_name_plural = _("Nội dung đăng ký")
        ordering = ["registration", "award_kind", "pk"]
        constraints = subject_constraints(
            "awards_registrationentry", ("registration", "award_kind")
        )

    def __str__(self) -> str:
        return f"{self.subject_name}: {self.award_kind}"
