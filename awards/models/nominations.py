"""One nominee of a dossier: a person, a collective or a household."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .base import SubjectFields, subject_constraints


class Nomination(SubjectFields, TimeStampedModel):
    """One nominee of a dossier, with what is printed about them taken at the time."""

    class Outcome(models.TextChoices):
        PROPOSED = "proposed", _("Đề nghị")
        EXCLUDED = "excluded", _("Loại khỏi danh sách khi thẩm định")
        APPROVED = "approved", _("Hội đồng đề nghị")
        NOT_APPROVED = "not_approved", _("Hội đồng không đề nghị")
        AWARDED = "awarded", _("Đã được khen thưởng")
        REVOKED = "revoked", _("Đã bị hủy bỏ")

    dossier = models.ForeignKey(
        "awards.Dossier",
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    display_name = models.CharField(_("Họ tên, tên tập thể"), max_length=255)
    position = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    unit_name = models.CharField(_("Đơn vị công tác"), max_length=255, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("Năm sinh"), null=True, blank=True)
    gender = models.CharField(_("Giới tính"), max_length=10, blank=True)
    is_direct_worker = models.BooleanField(_("Người lao động trực tiếp"), default=False)
    is_leader = models.BooleanField(_("Lãnh đạo, quản lý"), default=False)
    achievement = models.TextField(_("Thành tích (tóm tắt)"), blank=True)
    initiative = models.ForeignKey(
        "awards.Initiative",
        verbose_name=_("Sáng kiến làm căn cứ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    outcome = models.CharField(
        _("Kết quả"),
        max_length=20,
        choices=Outcome.choices,
        default=Outcome.PROPOSED,
        db_index=True,
    )
    outcome_reason = models.TextField(_("Lý do"), blank=True)
    order = models.PositiveIntegerField(_("Số thứ tự"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__unit"

    # Outcomes that still count as a pending or granted proposal.
    LIVE = frozenset({Outcome.PROPOSED, Outcome.APPROVED, Outcome.AWARDED})

    class Meta:
        verbose_name = _("Người, tập thể được đề nghị")
        verbose_name_plural = _("Danh sách đề nghị")
        ordering = ["dossier", "order", "pk"]
        constraints = subject_constraints("awards_nomination", ("dossier",))

    def __str__(self) -> str:
        return self.display_name
