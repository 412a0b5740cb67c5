"""Emulation movements (phong trào thi đua) and the five steps of Luật 2022 Điều 17."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class Movement(TimeStampedModel):
    """A movement launched by a unit; its units nominate "theo đợt, chuyên đề" under it."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường xuyên (hằng năm)")
        THEMATIC = "thematic", _("Theo chuyên đề")
        CAMPAIGN = "campaign", _("Theo đợt")

    class Step(models.TextChoices):
        """Luật 2022, Điều 17: the content of organising a movement, in order."""

        PLAN = "plan", _("1. Xác định mục tiêu, phạm vi, đối tượng, tiêu chí, kế hoạch")
        LAUNCH = "launch", _("2. Phát động, triển khai")
        CHECK = "check", _("3. Kiểm tra việc thực hiện")
        SPREAD = (
            "spread",
            _("4. Tuyên truyền, phát hiện, nhân rộng điển hình tiên tiến"),
        )
        REVIEW = "review", _("5. Sơ kết, tổng kết, khen thưởng")
        CLOSED = "closed", _("Đã kết thúc")

    ORDER = [
        Step.PLAN,
        Step.LAUNCH,
        Step.CHECK,
        Step.SPREAD,
        Step.REVIEW,
        Step.CLOSED,
    ]
    # Steps 3–5 repeat (mid-term reviews), so the check step may follow a review.
    TRANSITIONS = {
        Step.PLAN: frozenset({Step.LAUNCH}),
        Step.LAUNCH: frozenset({Step.CHECK}),
        Step.CHECK: frozenset({Step.SPREAD}),
        Step.SPREAD: frozenset({Step.REVIEW}),
        Step.REVIEW: frozenset({Step.CHECK, Step.CLOSED}),
        Step.CLOSED: frozenset(),
    }

    name = models.CharField(_("Tên phong trào"), max_length=500)
    launched_by = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị phát động"),
        on_delete=models.PROTECT,
        related_name="movements",
    )
    kind = models.CharField(_("Hình thức"), max_length=20, choices=Kind.choices)
    theme = models.CharField(_("Chủ đề, khẩu hiệu"), max_length=500, blank=True)
    starts_on = models.DateField(_("Bắt đầu"))
    ends_on = models.DateField(_("Kết thúc"), null=True, blank=True)
    target_units = models.ManyToManyField(
        "orgs.Unit",
        verbose_name=_("Đối tượng tham gia"),
        blank=True,
        related_name="targeted_movements",
    )
    pilot_units = models.ManyToManyField(
        "orgs.Unit",
        verbose_name=_("Đơn vị chỉ đạo điểm"),
        blank=True,
        related_name="piloted_movements",
    )
    objectives = models.TextField(_("Mục tiêu, nội dung"), blank=True)
    criteria = models.TextField(_("Tiêu chí thi đua"), blank=True)
    models_to_replicate = models.TextField(
        _("Mô hình, điển hình cần nhân rộng"), blank=True
    )
    plan_reference = models.CharField(
        _("Kế hoạch, văn bản phát động"),
        max_length=255,
        blank=True,
        help_text=_("Số, ngày của kế hoạch hoặc văn bản phát động."),
    )
    step = models.CharField(
        _("Bước hiện tại"), max_length=10, choices=Step.choices, default=Step.PLAN
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "launched_by"

    class Meta:
        verbose_name = _("Phong trào thi đua")
        verbose_name_plural = _("Phong trào thi đua")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="awards_movement_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:movement-detail", args=[self.pk])

    def can_transition_to(self, step: str) -> bool:
        return step in self.TRANSITIONS.get(self.step, frozenset())

    @property
    def next_steps(self) -> list[str]:
        return [s for s in self.ORDER if self.can_transition_to(s)]


class MovementStepRecord(models.Model):
    """A step reached, with when and what was done (the movement's history)."""

    movement = models.ForeignKey(
        Movement,
        verbose_name=_("Phong trào"),
        on_delete=models.CASCADE,
        related_name="step_records",
    )
    step = models.CharField(_("Bước"), max_length=10, choices=Movement.Step.choices)
    done_on = models.DateField(_("Ngày thực hiện"))
    note = models.TextField(_("Nội dung đã làm"), blank=True)
    document = models.CharField(_("Văn bản liên quan"), max_length=255, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Bước của phong trào")
        verbose_name_plural = _("Các bước của phong trào")
        ordering = ["movement", "done_on", "pk"]

    def __str__(self) -> str:
        return f"{self.movement_id}: {self.get_step_display()}"
