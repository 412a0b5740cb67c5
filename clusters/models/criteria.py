"""Criteria sets (bộ tiêu chí chấm điểm thi đua) and their tree of criteria.

A set belongs to a province or city, a council or a cluster. A cluster adapts the
city's set: the adapted set is a copy whose criteria remember the one they came from
(``origin``), so the changes — added, removed, new maximum, new text — and their
share are computed from the data, not typed in. A set freezes when scoring starts;
a later version is a copy.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

MAX_DEPTH = 3  # nhóm → tiêu chí → tiêu chí thành phần


class CriteriaSet(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        FROZEN = "frozen", _("Đã khóa (đang hoặc đã dùng để chấm điểm)")

    name = models.CharField(_("Tên bộ tiêu chí"), max_length=255)
    year = models.PositiveSmallIntegerField(_("Năm"))
    owner_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria_sets",
    )
    owner_cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("Cụm, khối ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria_sets",
    )
    owner_council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("Hội đồng ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criteria_sets",
    )
    scope_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Bộ tiêu chí gốc được điều chỉnh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adaptations",
    )
    previous_version = models.ForeignKey(
        "self",
        verbose_name=_("Phiên bản trước"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
        editable=False,
    )
    version = models.PositiveSmallIntegerField(
        _("Phiên bản"), default=1, editable=False
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    frozen_at = models.DateTimeField(
        _("Khóa lúc"), null=True, blank=True, editable=False
    )
    change_summary = models.JSONField(
        _("Thay đổi so với bộ gốc (lúc khóa)"), default=dict, blank=True, editable=False
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "scope_unit"

    class Meta:
        verbose_name = _("Bộ tiêu chí chấm điểm")
        verbose_name_plural = _("Bộ tiêu chí chấm điểm")
        ordering = ["-year", "name", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    owner_unit__isnull=False,
                    owner_cluster__isnull=True,
                    owner_council__isnull=True,
                )
                | Q(
                    owner_unit__isnull=True,
                    owner_cluster__isnull=False,
                    owner_council__isnull=True,
                )
                | Q(
                    owner_unit__isnull=True,
                    owner_cluster__isnull=True,
                    owner_council__isnull=False,
                ),
                name="clusters_criteriaset_one_owner",
                violation_error_message=_(
                    "Bộ tiêu chí thuộc đúng một chủ thể: đơn vị, hội đồng hoặc cụm, khối."
                ),
            ),
            models.UniqueConstraint(
                fields=["scope_unit", "name", "year", "version"],
                name="clusters_criteriaset_unique_version",
                violation_error_message=_(
                    "Đã có bộ tiêu chí cùng tên, năm và phiên bản."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="clusters_criteriaset_not_own_parent",
                violation_error_message=_(
                    "Bộ tiêu chí không thể điều chỉnh từ chính nó."
                ),
            ),
        ]

    def __str__(self) -> str:
        suffix = f" (phiên bản {self.version})" if self.version > 1 else ""
        return f"{self.name}{suffix}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:criteria-detail", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.FROZEN

    @property
    def owner(self) -> models.Model:
        return self.owner_cluster or self.owner_council or self.owner_unit


class Criterion(models.Model):
    class Kind(models.TextChoices):
        SCORED = "scored", _("Chấm điểm")
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    criteria_set = models.ForeignKey(
        CriteriaSet,
        verbose_name=_("Bộ tiêu chí"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Thuộc nhóm, tiêu chí"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.CharField(_("Mã"), max_length=20, help_text=_("Ví dụ: I, 1, 1.1."))
    title = models.CharField(_("Nội dung tiêu chí"), max_length=500)
    max_points = models.DecimalField(
        _("Điểm tối đa"),
        max_digits=6,
        decimal_places=2,
        help_text=_(
            "Với điểm thưởng, điểm trừ: mức trần của cả nhóm (điểm trừ không thấp hơn "
            "âm mức này)."
        ),
    )
    kind = models.CharField(
        _("Loại"), max_length=10, choices=Kind.choices, default=Kind.SCORED
    )
    guidance = models.TextField(_("Hướng dẫn chấm"), blank=True)
    evidence_required = models.CharField(
        _("Tài liệu kiểm chứng"), max_length=500, blank=True
    )
    order = models.PositiveIntegerField(_("Thứ tự"), default=0)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    origin = models.ForeignKey(
        "self",
        verbose_name=_("Tiêu chí tương ứng ở bộ gốc"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
    )

    class Meta:
        verbose_name = _("Tiêu chí")
        verbose_name_plural = _("Tiêu chí")
        ordering = ["criteria_set", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code"],
                name="clusters_criterion_unique_code",
                violation_error_message=_("Mã tiêu chí đã có trong bộ tiêu chí."),
            ),
            models.CheckConstraint(
                condition=Q(max_points__gte=0),
                name="clusters_criterion_max_not_negative",
                violation_error_message=_("Điểm tối đa không được âm."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="clusters_criterion_not_own_parent",
                violation_error_message=_("Tiêu chí không thể thuộc chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def floor(self) -> Decimal:
        """The lowest score: −maximum for a penalty, 0 otherwise."""
        return -self.max_points if self.kind == self.Kind.PENALTY else Decimal(0)

    @property
    def ceiling(self) -> Decimal:
        return Decimal(0) if self.kind == self.Kind.PENALTY else self.max_points
