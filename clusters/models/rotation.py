"""Leadership rotation: next year's head and deputies as proposed, confirmed or not."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .organisation import ClusterYear


class RotationProposal(TimeStampedModel):
    """Next year's head and deputies as the year-end conference proposed them.

    The authority confirms (or rejects) it; rolling the cluster into the next year
    applies only a confirmed proposal — the deputy never becomes head by itself.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đã đề xuất, chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã được cấp trên xác nhận")
        REJECTED = "rejected", _("Không được xác nhận")

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("Năm đề xuất"),
        on_delete=models.PROTECT,
        related_name="rotation_proposals",
    )
    target_year = models.PositiveSmallIntegerField(_("Cho năm"))
    head = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị trưởng đề xuất"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    basis = models.CharField(
        _("Căn cứ đề xuất"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Hội nghị tổng kết ngày 28/12/2021 giới thiệu, đề xuất."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người đề xuất"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("Ngày xác nhận"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xác nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_ref = models.CharField(
        _("Văn bản xác nhận"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Thông báo số …/TB-HĐTĐKT ngày …"),
    )
    rejection_reason = models.TextField(_("Lý do không xác nhận"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Đề xuất luân phiên đơn vị trưởng, phó")
        verbose_name_plural = _("Đề xuất luân phiên đơn vị trưởng, phó")
        ordering = ["cluster_year", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year"],
                condition=Q(status__in=["proposed", "confirmed"]),
                name="clusters_rotation_one_open_proposal",
                violation_error_message=_(
                    "Năm này đã có đề xuất luân phiên đang chờ hoặc đã xác nhận."
                ),
            ),
            models.CheckConstraint(
                condition=Q(target_year__gte=2000, target_year__lte=2101),
                name="clusters_rotation_target_year_range",
                violation_error_message=_("Năm áp dụng không hợp lệ."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster_year.cluster} – {self.target_year}: {self.head}"


class RotationDeputy(models.Model):
    proposal = models.ForeignKey(
        RotationProposal, on_delete=models.CASCADE, related_name="deputies"
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị phó đề xuất"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    rank = models.PositiveSmallIntegerField(_("Thứ tự"))

    class Meta:
        verbose_name = _("Đơn vị phó đề xuất")
        verbose_name_plural = _("Đơn vị phó đề xuất")
        ordering = ["proposal", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "rank"],
                name="clusters_rotationdeputy_unique_rank",
                violation_error_message=_("Thứ tự đơn vị phó bị trùng."),
            ),
            models.UniqueConstraint(
                fields=["proposal", "unit"],
                name="clusters_rotationdeputy_unique_unit",
                violation_error_message=_("Đơn vị phó bị trùng."),
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="clusters_rotationdeputy_rank_positive",
                violation_error_message=_("Thứ tự đơn vị phó bắt đầu từ 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.unit}"
