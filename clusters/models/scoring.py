"""Score cards (phiếu chấm điểm): self-scores, reviews by other units, evidence, history.

A unit fills its own card; the reviewing units (the head, the first deputy for the
head's card, a team or every other member when the regulation says cross-scoring)
set verified scores with a reason where they differ. ``ScoreChange`` keeps every
value a score ever had, who set it and when: rankings are argued over, and the
trail is what settles the argument.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

POINTS = {"max_digits": 6, "decimal_places": 2}


class ScoreSheet(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đơn vị đang tự chấm")
        SUBMITTED = "submitted", _("Đã gửi, đang thẩm định")
        REVIEWED = "reviewed", _("Đã thẩm định")
        LOCKED = "locked", _("Đã công bố kết quả")

    TRANSITIONS = {
        Status.DRAFT: frozenset({Status.SUBMITTED}),
        Status.SUBMITTED: frozenset({Status.DRAFT, Status.REVIEWED}),
        Status.REVIEWED: frozenset({Status.SUBMITTED, Status.LOCKED}),
        Status.LOCKED: frozenset(),
    }

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.PROTECT,
        related_name="sheets",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="score_sheets",
    )
    criteria_set = models.ForeignKey(
        "clusters.CriteriaSet",
        verbose_name=_("Bộ tiêu chí"),
        on_delete=models.PROTECT,
        related_name="sheets",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người gửi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("Thẩm định xong lúc"), null=True, blank=True)
    return_reason = models.TextField(_("Lý do trả lại"), blank=True)

    objects = ScopedQuerySet.as_manager()
    # The card belongs to its unit; the head, reviewers and the authority see it
    # through ``clusters.selectors.sheet_visibility_q``.
    scope_path = "unit"

    class Meta:
        verbose_name = _("Phiếu chấm điểm")
        verbose_name_plural = _("Phiếu chấm điểm")
        ordering = ["cluster_year", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "unit"],
                name="clusters_scoresheet_unique_unit",
                violation_error_message=_("Đơn vị đã có phiếu chấm điểm của năm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.cluster_year}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:sheet-detail", args=[self.pk])

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def require_transition(self, status: str) -> None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext

        if not self.can_transition_to(status):
            raise ValidationError(
                gettext(
                    "Phiếu đang ở trạng thái “%(now)s”, không thể chuyển sang “%(to)s”."
                )
                % {
                    "now": self.get_status_display(),
                    "to": self.Status(status).label,
                },
                code="invalid_transition",
            )


class ScoreEntry(models.Model):
    """The unit's own score of one criterion, its comment, its explanation, and exemption."""

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="entries"
    )
    criterion = models.ForeignKey(
        "clusters.Criterion", on_delete=models.PROTECT, related_name="+"
    )
    self_points = models.DecimalField(
        _("Điểm tự chấm"), null=True, blank=True, **POINTS
    )
    comment = models.TextField(_("Giải trình kết quả"), blank=True)
    explanation = models.TextField(
        _("Giải trình khi không có tài liệu kiểm chứng"), blank=True
    )
    exempt = models.BooleanField(_("Không áp dụng với đơn vị"), default=False)
    exempt_reason = models.CharField(
        _("Lý do không áp dụng"), max_length=255, blank=True
    )
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Điểm tự chấm")
        verbose_name_plural = _("Điểm tự chấm")
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "criterion"],
                name="clusters_scoreentry_unique",
                violation_error_message=_("Tiêu chí đã có trên phiếu."),
            ),
            models.CheckConstraint(
                condition=Q(exempt=False) | ~Q(exempt_reason=""),
                name="clusters_scoreentry_exempt_has_reason",
                violation_error_message=_("Hãy ghi lý do không áp dụng."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sheet.unit_id}/{self.criterion_id}: {self.self_points}"


class Review(TimeStampedModel):
    """One reviewing unit's pass over a card."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thẩm định")
        DONE = "done", _("Đã thẩm định xong")

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị thẩm định"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    completed_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thẩm định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Lượt thẩm định")
        verbose_name_plural = _("Lượt thẩm định")
        ordering = ["sheet", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "reviewer_unit"],
                name="clusters_review_unique_reviewer",
                violation_error_message=_(
                    "Đơn vị này đã được phân công thẩm định phiếu."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer_unit} → {self.sheet.unit}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "clusters.Criterion", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(_("Điểm thẩm định"), **POINTS)
    reason = models.TextField(_("Lý do điều chỉnh"), blank=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Điểm thẩm định")
        verbose_name_plural = _("Điểm thẩm định")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"],
                name="clusters_reviewscore_unique",
                violation_error_message=_("Tiêu chí đã có điểm thẩm định."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}/{self.criterion_id}: {self.points}"


class ScoreChange(models.Model):
    """Every change of a score, an exemption or a status of a card, never edited."""

    class Field(models.TextChoices):
        SELF = "self", _("Điểm tự chấm")
        REVIEW = "review", _("Điểm thẩm định")
        EXEMPT = "exempt", _("Không áp dụng")

    sheet = models.ForeignKey(
        ScoreSheet, on_delete=models.CASCADE, related_name="changes"
    )
    criterion = models.ForeignKey(
        "clusters.Criterion", on_delete=models.PROTECT, related_name="+"
    )
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, null=True, blank=True, related_name="changes"
    )
    field = models.CharField(_("Nội dung"), max_length=10, choices=Field.choices)
    old_value = models.CharField(_("Giá trị cũ"), max_length=40, blank=True)
    new_value = models.CharField(_("Giá trị mới"), max_length=40, blank=True)
    reason = models.TextField(_("Lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thay đổi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Lịch sử thay đổi điểm")
        verbose_name_plural = _("Lịch sử thay đổi điểm")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.old_value} → {self.new_value}"


def evidence_path(instance: Evidence, filename: str) -> str:
    """Store under an unguessable name; the original name is kept in the row."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"clusters/evidence/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file proving a self-score; served only through a scoped view."""

    entry = models.ForeignKey(
        ScoreEntry, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("Tệp"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("Tên tệp"), max_length=255)
    content_type = models.CharField(_("Kiểu tệp"), max_length=100)
    size = models.PositiveIntegerField(_("Dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tải lên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("Tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Tài liệu kiểm chứng")
        verbose_name_plural = _("Tài liệu kiểm chứng")
        ordering = ["entry", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
