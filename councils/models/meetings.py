"""Sessions of a council: agenda, attendance, conclusions and the tasks they assign."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet
from orgs.vn import ordinal


class Meeting(TimeStampedModel):
    """A session (phiên họp): held in a room, or in writing (xin ý kiến bằng văn bản).

    Sessions in a room are numbered within the year ("phiên họp lần thứ Nhất năm
    2022"); written consultations have their own count. Issuing the minutes
    freezes the session.
    """

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường kỳ")
        EXTRAORDINARY = "extraordinary", _("Bất thường")
        WRITTEN = "written", _("Lấy ý kiến bằng văn bản")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã họp")
        CANCELLED = "cancelled", _("Đã hủy")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.PLANNED: frozenset({Status.HELD, Status.CANCELLED}),
        Status.HELD: frozenset(),
        Status.CANCELLED: frozenset(),
    }

    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    kind = models.CharField(
        _("Hình thức"), max_length=20, choices=Kind.choices, default=Kind.REGULAR
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveSmallIntegerField(_("Lần thứ"))
    subject = models.CharField(_("Nội dung chính"), max_length=500, blank=True)
    starts_at = models.DateTimeField(_("Thời gian bắt đầu"))
    ends_at = models.DateTimeField(_("Thời gian kết thúc"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Chủ trì (chủ tọa)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Thư ký phiên họp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary_title = models.CharField(
        _("Chức vụ của thư ký"),
        max_length=255,
        blank=True,
        help_text=_("Chỉ cần khi thư ký không phải thành viên hội đồng."),
    )
    guests = models.TextField(
        _("Khách mời"), blank=True, help_text=_("Mỗi dòng một người hoặc cơ quan.")
    )
    summary = models.TextField(_("Diễn biến chung của phiên họp"), blank=True)
    minutes = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Biên bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "council__owner_unit"

    class Meta:
        verbose_name = _("Phiên họp")
        verbose_name_plural = _("Phiên họp")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "number"],
                condition=~Q(kind="written"),
                name="councils_meeting_unique_number",
                violation_error_message=_("Số phiên họp trong năm đã được dùng."),
            ),
            models.UniqueConstraint(
                fields=["council", "year", "number"],
                condition=Q(kind="written"),
                name="councils_meeting_unique_written_number",
                violation_error_message=_("Số đợt lấy ý kiến trong năm đã được dùng."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="councils_meeting_number_positive",
                violation_error_message=_("Số phiên họp phải từ 1 trở lên."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="councils_meeting_ends_after_start",
                violation_error_message=_(
                    "Thời gian kết thúc phải sau thời gian bắt đầu."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.council}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        if self.kind == self.Kind.WRITTEN and hasattr(self, "consultation"):
            return self.consultation.get_absolute_url()
        return reverse("councils:meeting-detail", args=[self.pk])

    @property
    def title(self) -> str:
        """Return "Phiên họp lần thứ Nhất năm 2022" (or the written equivalent)."""
        if self.kind == self.Kind.WRITTEN:
            text = _("Lấy ý kiến bằng văn bản lần thứ %(n)s năm %(year)s")
        elif self.kind == self.Kind.EXTRAORDINARY:
            text = _("Phiên họp lần thứ %(n)s năm %(year)s (bất thường)")
        else:
            text = _("Phiên họp lần thứ %(n)s năm %(year)s")
        return text % {"n": ordinal(self.number), "year": self.year}

    @property
    def session_date(self) -> datetime.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def is_frozen(self) -> bool:
        """Minutes issued or session cancelled: the record no longer changes."""
        return self.minutes_id is not None or self.status == self.Status.CANCELLED

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, frozenset())

    def require_transition(self, status: str) -> None:
        if not self.can_transition_to(status):
            raise ValidationError(
                _("Phiên họp đang “%(now)s”, không thể chuyển sang “%(to)s”."),
                code="invalid_transition",
                params={
                    "now": self.get_status_display(),
                    "to": self.Status(status).label,
                },
            )


class Attendance(models.Model):
    """Whether a member sat in a session; the list comes from the composition in force."""

    class Status(models.TextChoices):
        UNMARKED = "unmarked", _("Chưa điểm danh")
        PRESENT = "present", _("Có mặt")
        ABSENT = "absent", _("Vắng mặt")
        REPRESENTED = "represented", _("Vắng, cử người dự thay")

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("Phiên họp"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    member = models.ForeignKey(
        "councils.CouncilMember",
        verbose_name=_("Thành viên"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    status = models.CharField(
        _("Điểm danh"), max_length=20, choices=Status.choices, default=Status.UNMARKED
    )
    reason = models.CharField(_("Lý do vắng"), max_length=255, blank=True)
    representative = models.CharField(
        _("Người dự thay (họ tên, chức vụ)"), max_length=255, blank=True
    )
    written_opinion = models.BooleanField(
        _("Có ý kiến bằng văn bản"),
        default=False,
        help_text=_("Thành viên vắng mặt đã gửi ý kiến bằng văn bản."),
    )
    marked_at = models.DateTimeField(_("Điểm danh lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Điểm danh")
        verbose_name_plural = _("Điểm danh")
        ordering = ["meeting", "member__order", "member__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                name="councils_attendance_unique",
                violation_error_message=_(
                    "Thành viên đã có trong danh sách điểm danh."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="present", written_opinion=True),
                name="councils_attendance_written_only_if_absent",
                violation_error_message=_(
                    "Chỉ thành viên vắng mặt mới gửi ý kiến bằng văn bản."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="represented") | Q(representative=""),
                name="councils_attendance_representative_only_if_represented",
                violation_error_message=_(
                    "Chỉ ghi người dự thay khi thành viên cử người dự thay."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member.person} – {self.get_status_display()}"

    @property
    def is_present(self) -> bool:
        return self.status == self.Status.PRESENT


class AgendaItem(TimeStampedModel):
    """A point on the agenda, with the documents it concerns and the discussion."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("Phiên họp"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"))
    title = models.CharField(_("Nội dung"), max_length=500)
    presenter = models.CharField(
        _("Cơ quan, người trình bày"), max_length=255, blank=True
    )
    documents = models.TextField(
        _("Văn bản, tài liệu liên quan"),
        blank=True,
        help_text=_(
            "Mỗi dòng một văn bản, ví dụ: Văn bản số 105/HĐTĐKT-NV ngày 18/02/2022."
        ),
    )
    related_documents = models.ManyToManyField(
        "orgs.IssuedDocument",
        verbose_name=_("Văn bản trong sổ"),
        blank=True,
        related_name="+",
    )
    discussion = models.TextField(_("Ý kiến thảo luận"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Nội dung phiên họp")
        verbose_name_plural = _("Nội dung phiên họp")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="councils_agendaitem_unique_order",
                violation_error_message=_("Số thứ tự nội dung đã được dùng."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    @property
    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]
