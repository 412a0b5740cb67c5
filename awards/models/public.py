"""Public comment (lấy ý kiến nhân dân) before the council considers the highest awards.

NĐ 98/2023 Điều 46 khoản 1 and NĐ 152/2025 Điều 60 khoản 3: the proposal is
published for 10 working days (parameter ``deadline_working_days``, key
``public_comment``). The public page shows only what must be public.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet


class PublicConsultation(models.Model):
    dossier = models.OneToOneField(
        "awards.Dossier",
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="consultation",
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    summary = models.TextField(
        _("Nội dung công khai"),
        help_text=_(
            "Chỉ những gì phải công khai: đề nghị gì, cho ai, vì thành tích gì."
        ),
    )
    opens_on = models.DateField(_("Từ ngày"))
    closes_on = models.DateField(_("Đến hết ngày"))
    working_days = models.PositiveSmallIntegerField(_("Số ngày làm việc"))
    contact = models.CharField(
        _("Nơi nhận ý kiến bằng văn bản"), max_length=255, blank=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người mở"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__unit"

    class Meta:
        verbose_name = _("Lấy ý kiến nhân dân")
        verbose_name_plural = _("Lấy ý kiến nhân dân")
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="awards_publicconsultation_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.dossier)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:public-detail", args=[self.public_id])

    def is_open_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    def is_closed_on(self, day: datetime.date | None = None) -> bool:
        return (day or timezone.localdate()) > self.closes_on


class PublicComment(models.Model):
    class Handling(models.TextChoices):
        NEW = "new", _("Chưa xử lý")
        ACCEPTED = "accepted", _("Tiếp thu, xác minh")
        ANSWERED = "answered", _("Đã trả lời")
        DISMISSED = "dismissed", _("Không xem xét (không có nội dung, trùng lặp)")
        FORWARDED = "forwarded", _("Chuyển cơ quan có thẩm quyền")

    consultation = models.ForeignKey(
        PublicConsultation,
        verbose_name=_("Đợt lấy ý kiến"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("Về người, tập thể"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="public_comments",
    )
    author_name = models.CharField(_("Họ tên người góp ý"), max_length=120)
    contact = models.CharField(_("Điện thoại, thư điện tử"), max_length=120, blank=True)
    body = models.TextField(_("Nội dung"))
    client_hash = models.CharField(max_length=64, editable=False, blank=True)
    received_at = models.DateTimeField(_("Nhận lúc"), auto_now_add=True)
    handling = models.CharField(
        _("Xử lý"), max_length=10, choices=Handling.choices, default=Handling.NEW
    )
    handling_note = models.TextField(_("Kết quả xử lý"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("Xử lý lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "consultation__dossier__unit"

    class Meta:
        verbose_name = _("Ý kiến nhân dân")
        verbose_name_plural = _("Ý kiến nhân dân")
        ordering = ["consultation", "received_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"
