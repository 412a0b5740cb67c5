"""Nomination dossiers (hồ sơ đề nghị khen thưởng) and their workflow.

A unit proposes people, collectives or households for one award kind. The
dossier moves up the management line to the unit that holds the conferring
authority on the decision date (``receiving_unit``), whose secretariat checks it
and puts it to the council. States and legal moves live here, in one place;
each move is a service in ``awards.services.dossiers`` and leaves a
``DossierTransition`` row (who, when, why, and the deadline of the new step)
from which reports compute processing times.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .base import AwardType, year_label
from .catalogue import AwardKindComponent


class Dossier(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi, chờ tiếp nhận")
        UNDER_REVIEW = "under_review", _("Đang thẩm định")
        RETURNED = "returned", _("Trả lại để bổ sung")
        RESUBMITTED = "resubmitted", _("Đã bổ sung, gửi lại")
        CHECKED = "checked", _("Đã thẩm định, chờ trình Hội đồng")
        AT_COUNCIL = "at_council", _("Đã trình Hội đồng")
        APPROVED = "approved", _("Hội đồng đề nghị khen thưởng")
        NOT_APPROVED = "not_approved", _("Hội đồng không đề nghị")
        DECIDED = "decided", _("Đã có quyết định")
        WITHDRAWN = "withdrawn", _("Đã rút")
        REVOKED = "revoked", _("Quyết định đã bị hủy bỏ")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.SUBMITTED, Status.WITHDRAWN}),
        # Recall (back to draft) only until the secretariat starts checking.
        Status.SUBMITTED: frozenset(
            {Status.DRAFT, Status.UNDER_REVIEW, Status.WITHDRAWN}
        ),
        Status.UNDER_REVIEW: frozenset(
            {Status.RETURNED, Status.CHECKED, Status.WITHDRAWN}
        ),
        Status.RETURNED: frozenset({Status.RESUBMITTED, Status.WITHDRAWN}),
        Status.RESUBMITTED: frozenset(
            {Status.RETURNED, Status.UNDER_REVIEW, Status.WITHDRAWN}
        ),
        Status.CHECKED: frozenset(
            {Status.AT_COUNCIL, Status.RETURNED, Status.WITHDRAWN}
        ),
        # Back to "checked" when the item is taken off the council's agenda.
        Status.AT_COUNCIL: frozenset(
            {Status.APPROVED, Status.NOT_APPROVED, Status.CHECKED}
        ),
        Status.APPROVED: frozenset({Status.DECIDED}),
        Status.NOT_APPROVED: frozenset(),
        Status.DECIDED: frozenset({Status.REVOKED}),
        Status.WITHDRAWN: frozenset(),
        Status.REVOKED: frozenset(),
    }
    # The unit edits its nominees and files only in these states.
    EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
    # A dossier in these states is a pending proposal (duplicate checks look at them).
    PENDING = frozenset(
        {
            Status.DRAFT,
            Status.SUBMITTED,
            Status.UNDER_REVIEW,
            Status.RETURNED,
            Status.RESUBMITTED,
            Status.CHECKED,
            Status.AT_COUNCIL,
            Status.APPROVED,
        }
    )
    # Waiting on the secretariat of the receiving unit (its queue).
    IN_QUEUE = frozenset(
        {
            Status.SUBMITTED,
            Status.UNDER_REVIEW,
            Status.RESUBMITTED,
            Status.CHECKED,
            Status.AT_COUNCIL,
            Status.APPROVED,
        }
    )
    # Key of the dated parameter ``deadline_working_days`` for the step each state
    # opens; the clock of the appraisal runs from the (re)submission.
    DEADLINE_KEYS: dict[str, str] = {
        Status.SUBMITTED: "dossier_reception",
        Status.RESUBMITTED: "dossier_reception",
        Status.UNDER_REVIEW: "appraisal",
        Status.RETURNED: "dossier_correction",
    }

    class Procedure(models.TextChoices):
        NORMAL = "normal", _("Thủ tục thông thường")
        SIMPLIFIED = "simplified", _("Thủ tục đơn giản")

    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="award_dossiers",
    )
    receiving_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cấp tiếp nhận, xét duyệt"),
        on_delete=models.PROTECT,
        related_name="received_award_dossiers",
        help_text=_("Đơn vị có thẩm quyền quyết định vào ngày dự kiến quyết định."),
    )
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Danh hiệu, hình thức đề nghị"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    year = models.PositiveSmallIntegerField(_("Năm thành tích"))
    year_kind = models.CharField(
        _("Kỳ đánh giá"), max_length=10, default="calendar", editable=False
    )
    award_type = models.CharField(
        _("Loại hình khen thưởng"),
        max_length=20,
        choices=AwardType.choices,
        default=AwardType.REGULAR,
    )
    procedure = models.CharField(
        _("Thủ tục"),
        max_length=20,
        choices=Procedure.choices,
        default=Procedure.NORMAL,
    )
    movement = models.ForeignKey(
        "awards.Movement",
        verbose_name=_("Phong trào thi đua"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    title = models.CharField(_("Trích yếu"), max_length=500)
    achievements = models.TextField(_("Tóm tắt thành tích"), blank=True)
    submission_number = models.CharField(_("Số tờ trình"), max_length=60, blank=True)
    submission_date = models.DateField(_("Ngày tờ trình"), null=True, blank=True)
    planned_decision_on = models.DateField(
        _("Ngày dự kiến quyết định"),
        null=True,
        blank=True,
        help_text=_(
            "Điều kiện, thẩm quyền và tham số được xét theo ngày này (để trống: hôm nay)."
        ),
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("Chuyển trạng thái lúc"), null=True)
    deadline = models.DateField(_("Hạn xử lý bước hiện tại"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("Gửi lần cuối lúc"), null=True, blank=True)
    last_reason = models.TextField(
        _("Lý do của bước gần nhất"),
        blank=True,
        help_text=_("Ví dụ: lý do trả lại để bổ sung."),
    )
    decision_number = models.CharField(_("Số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("Ngày quyết định"), null=True, blank=True)
    decision_issuer = models.CharField(
        _("Cơ quan, người quyết định"), max_length=255, blank=True
    )
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định trên hệ thống"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        help_text=_(
            "Quyết định (dự thảo hoặc đã ban hành) lấy danh sách từ hồ sơ này."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("Hồ sơ đề nghị khen thưởng")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1945, year__lte=2100),
                name="awards_dossier_year_range",
            ),
            models.CheckConstraint(
                condition=~Q(award_type="movement") | Q(movement__isnull=False),
                name="awards_dossier_movement_type_has_movement",
            ),
            models.CheckConstraint(
                condition=~Q(status="decided")
                | Q(decision_date__isnull=False) & ~Q(decision_number=""),
                name="awards_dossier_decided_has_decision",
            ),
        ]
        indexes = [
            models.Index(
                fields=["receiving_unit", "status"], name="awards_dossier_queue"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:dossier-detail", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"HS-{self.year}-{self.pk or 0:05d}"

    @property
    def year_text(self) -> str:
        return year_label(self.year, self.year_kind)

    @property
    def decision_day(self) -> datetime.date:
        """The date rules, authority and parameters are read on."""
        return self.decision_date or self.planned_decision_on or timezone.localdate()

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.deadline
            and self.status in self.DEADLINE_KEYS
            and self.deadline < timezone.localdate()
        )

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, frozenset())

    def require_transition(self, status: str) -> None:
        if not self.can_transition_to(status):
            raise ValidationError(
                gettext("Không thể chuyển hồ sơ từ “%(current)s” sang “%(target)s”.")
                % {
                    "current": self.get_status_display(),
                    "target": self.Status(status).label,
                },
                code="invalid_transition",
            )


class DossierItem(models.Model):
    """One line of the dossier's checklist, materialised from the award kind's components."""

    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    component = models.ForeignKey(
        "awards.DossierComponentKind",
        verbose_name=_("Thành phần"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    required = models.BooleanField(_("Bắt buộc"), default=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)

    class Meta:
        verbose_name = _("Thành phần của hồ sơ")
        verbose_name_plural = _("Thành phần của hồ sơ")
        ordering = ["dossier", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "component"], name="awards_dossieritem_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.component)


def _upload_to(instance: DossierFile, filename: str) -> str:
    # The stored name is random: the original name is kept only as metadata.
    return (
        f"awards/dossiers/{instance.dossier_id}/{instance.token}.{instance.extension}"
    )


class DossierFile(models.Model):
    """An uploaded document, served only through a scoped view (never a MEDIA URL)."""

    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    item = models.ForeignKey(
        DossierItem,
        verbose_name=_("Thành phần"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="files",
    )
    file = models.FileField(_("Tệp"), upload_to=_upload_to, max_length=255)
    token = models.CharField(max_length=32, editable=False)
    extension = models.CharField(_("Định dạng"), max_length=8, editable=False)
    original_name = models.CharField(_("Tên tệp"), max_length=150)
    content_type = models.CharField(_("Kiểu nội dung"), max_length=100)
    size = models.PositiveIntegerField(_("Dung lượng (byte)"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tải lên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("Tải lên lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__unit"

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")
        ordering = ["dossier", "item__order", "uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="awards_dossierfile_token"),
        ]

    def __str__(self) -> str:
        return self.original_name


class DossierTransition(models.Model):
    """One step of a dossier's history: who moved it, when, why, and the next deadline."""

    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_status = models.CharField(
        _("Từ trạng thái"), max_length=20, choices=Dossier.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("Sang trạng thái"), max_length=20, choices=Dossier.Status.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("Thời điểm"), default=timezone.now, db_index=True)
    reason = models.TextField(_("Lý do, ghi chú"), blank=True)
    deadline = models.DateField(_("Hạn của bước mới"), null=True, blank=True)

    class Meta:
        verbose_name = _("Lịch sử xử lý hồ sơ")
        verbose_name_plural = _("Lịch sử xử lý hồ sơ")
        ordering = ["dossier", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.from_status} → {self.to_status}"


def components_for(award_kind_id: int, procedure: str) -> models.QuerySet:
    """The checklist rows of ``award_kind`` for ``procedure`` (normal or simplified)."""
    return AwardKindComponent.objects.filter(
        award_kind_id=award_kind_id, procedure=procedure
    ).select_related("component")
