"""Written consultation of the members (xin ý kiến thành viên bằng văn bản)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


def _document_path(instance: ConsultationDocument, filename: str) -> str:
    # The stored name is unguessable; the original name is kept in ``title``.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"councils/consultations/{uuid.uuid4().hex}.{extension}"


class Consultation(TimeStampedModel):
    """A question the standing agency sends to every member, with a deadline.

    It is held as a session of kind "written" (``meeting``), so the tally is stored
    as a vote of that session with the same machinery as votes in a room.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SENT = "sent", _("Đang lấy ý kiến")
        CLOSED = "closed", _("Đã tổng hợp")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.SENT}),
        Status.SENT: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset(),
    }

    meeting = models.OneToOneField(
        "councils.Meeting",
        verbose_name=_("Phiên lấy ý kiến"),
        on_delete=models.PROTECT,
        related_name="consultation",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    question = models.CharField(_("Nội dung xin ý kiến"), max_length=500)
    details = models.TextField(_("Thuyết minh"), blank=True)
    deadline = models.DateTimeField(_("Hạn trả lời"))
    sent_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Tổng hợp lúc"), null=True, blank=True)
    report = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Báo cáo kết quả"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Xin ý kiến bằng văn bản")
        verbose_name_plural = _("Xin ý kiến bằng văn bản")
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("councils:consultation-detail", args=[self.pk])

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, frozenset())

    def require_transition(self, status: str) -> None:
        if not self.can_transition_to(status):
            raise ValidationError(
                _("Đợt lấy ý kiến đang “%(now)s”, không thể chuyển sang “%(to)s”."),
                code="invalid_transition",
                params={
                    "now": self.get_status_display(),
                    "to": self.Status(status).label,
                },
            )


class ConsultationDocument(TimeStampedModel):
    """A file sent with the question. Served only through a permission-checked view."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("Đợt lấy ý kiến"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("Tên tài liệu"), max_length=255)
    file = models.FileField(_("Tệp"), upload_to=_document_path, max_length=255)
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

    objects = ScopedQuerySet.as_manager()
    scope_path = "consultation__meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Tài liệu xin ý kiến")
        verbose_name_plural = _("Tài liệu xin ý kiến")
        ordering = ["consultation", "pk"]

    def __str__(self) -> str:
        return self.title


class ConsultationAnswer(TimeStampedModel):
    """One member's answer; the secretariat may record a paper answer on their behalf."""

    class Choice(models.TextChoices):
        AGREE = "agree", _("Đồng ý")
        DISAGREE = "disagree", _("Không đồng ý")
        OTHER = "other", _("Ý kiến khác")

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("Đợt lấy ý kiến"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    member = models.ForeignKey(
        "councils.CouncilMember",
        verbose_name=_("Thành viên"),
        on_delete=models.PROTECT,
        related_name="consultation_answers",
    )
    choice = models.CharField(_("Ý kiến"), max_length=20, choices=Choice.choices)
    comment = models.TextField(_("Góp ý"), blank=True)
    answered_at = models.DateTimeField(_("Trả lời lúc"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "consultation__meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Ý kiến thành viên")
        verbose_name_plural = _("Ý kiến thành viên")
        ordering = ["consultation", "member__order", "member__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "member"],
                name="councils_answer_unique_member",
                violation_error_message=_("Thành viên này đã trả lời đợt lấy ý kiến."),
            ),
            models.CheckConstraint(
                condition=~Q(choice="other", comment=""),
                name="councils_answer_other_has_comment",
                violation_error_message=_("Hãy ghi rõ ý kiến khác."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member.person} – {self.get_choice_display()}"

    @property
    def is_late(self) -> bool:
        return self.answered_at > self.consultation.deadline
