"""Households, yearly evaluation results and the record of awards received.

An ``AwardRecord`` is a title or commendation a person, collective or household
holds: created from a decided dossier, typed in, or imported from the paper
records kept before the app existed. The number, date and issuer of the decision
are plain text so that imported records stand on their own.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel, Unit
from orgs.scoping import ScopedQuerySet
from orgs.vn import fold

from .base import (
    AwardType,
    EvaluationResult,
    SubjectFields,
    subject_constraints,
    year_label,
)

YEAR_RANGE = Q(year__gte=1945, year__lte=2100)


class Household(TimeStampedModel):
    """A household (hộ gia đình) of a commune or village, for "Gia đình văn hóa" and Giấy khen."""

    head_name = models.CharField(_("Chủ hộ"), max_length=150)
    head = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Chủ hộ (nếu có trong danh sách cá nhân)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_households",
    )
    address = models.CharField(_("Địa chỉ"), max_length=255)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Xã, phường, thôn, tổ dân phố"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    members = models.PositiveSmallIntegerField(_("Số nhân khẩu"), null=True, blank=True)
    search_name = models.CharField(
        max_length=150, editable=False, db_index=True, default=""
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Hộ gia đình")
        verbose_name_plural = _("Hộ gia đình")
        ordering = ["search_name", "pk"]

    def __str__(self) -> str:
        return _("Hộ %(name)s") % {"name": self.head_name}

    def save(self, *args, **kwargs):
        self.head_name = " ".join(self.head_name.split())
        self.search_name = fold(self.head_name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)


class YearlyResult(SubjectFields, TimeStampedModel):
    """The evaluation of a person, collective or household for one year."""

    class Source(models.TextChoices):
        ENTERED = "entered", _("Nhập trên hệ thống")
        IMPORTED = "imported", _("Nhập từ tệp")

    year = models.PositiveSmallIntegerField(
        _("Năm"),
        help_text=_("Với năm học: năm bắt đầu (2024 là năm học 2024–2025)."),
    )
    year_kind = models.CharField(
        _("Kỳ đánh giá"),
        max_length=10,
        choices=Unit.YearKind.choices,
        default=Unit.YearKind.CALENDAR,
    )
    result = models.CharField(
        _("Kết quả đánh giá"), max_length=10, choices=EvaluationResult.choices
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="yearly_results",
    )
    source = models.CharField(
        _("Nguồn"), max_length=10, choices=Source.choices, default=Source.ENTERED
    )
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Kết quả đánh giá hằng năm")
        verbose_name_plural = _("Kết quả đánh giá hằng năm")
        ordering = ["-year", "unit__path", "pk"]
        constraints = [
            *subject_constraints("awards_yearlyresult", ("year",)),
            models.CheckConstraint(
                condition=YEAR_RANGE, name="awards_yearlyresult_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name} – {self.year_text}: {self.result}"

    @property
    def year_text(self) -> str:
        return year_label(self.year, self.year_kind)


class AwardRecord(SubjectFields, TimeStampedModel):
    """A title or commendation received, with the decision that conferred it."""

    class Status(models.TextChoices):
        VALID = "valid", _("Còn hiệu lực")
        REVOKED = "revoked", _("Đã hủy bỏ, thu hồi")

    class Source(models.TextChoices):
        DOSSIER = "dossier", _("Từ hồ sơ trên hệ thống")
        MANUAL = "manual", _("Nhập tay")
        IMPORTED = "imported", _("Nhập từ tệp")

    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    year = models.PositiveSmallIntegerField(_("Năm thành tích"))
    year_kind = models.CharField(
        _("Kỳ đánh giá"),
        max_length=10,
        choices=Unit.YearKind.choices,
        default=Unit.YearKind.CALENDAR,
    )
    award_type = models.CharField(
        _("Loại hình"),
        max_length=20,
        choices=AwardType.choices,
        default=AwardType.REGULAR,
    )
    decision_number = models.CharField(_("Số quyết định"), max_length=60)
    decision_date = models.DateField(_("Ngày quyết định"))
    issuer = models.CharField(
        _("Cơ quan, người quyết định"),
        max_length=255,
        help_text=_("Ví dụ: Chủ tịch UBND thành phố Hà Nội."),
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="award_records",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    source = models.CharField(
        _("Nguồn"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    nomination = models.OneToOneField(
        "awards.Nomination",
        verbose_name=_("Đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_record",
    )
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định trên hệ thống"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        help_text=_(
            "Trống với khen thưởng nhập tay, nhập từ tệp hoặc do cấp trên quyết định."
        ),
    )
    decision_line = models.OneToOneField(
        "awards.DecisionLine",
        verbose_name=_("Dòng trong danh sách kèm theo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_record",
    )
    revoked_by = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định hủy bỏ trên hệ thống"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revoked_records",
    )
    search_name = models.CharField(
        max_length=255,
        editable=False,
        default="",
        help_text=_("Tên người, tập thể không dấu và số quyết định, để tìm kiếm."),
    )
    revoked_on = models.DateField(_("Ngày hủy bỏ, thu hồi"), null=True, blank=True)
    revocation_reason = models.TextField(_("Lý do hủy bỏ, thu hồi"), blank=True)
    revocation_number = models.CharField(
        _("Số quyết định hủy bỏ"), max_length=60, blank=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Khen thưởng đã nhận")
        verbose_name_plural = _("Khen thưởng đã nhận")
        ordering = ["-year", "-decision_date", "pk"]
        constraints = [
            *subject_constraints(
                "awards_awardrecord", ("award_kind", "year", "decision_number")
            ),
            models.CheckConstraint(
                condition=YEAR_RANGE, name="awards_awardrecord_year_range"
            ),
            models.CheckConstraint(
                condition=Q(status="valid") | Q(revoked_on__isnull=False),
                name="awards_awardrecord_revoked_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["award_kind", "year"], name="awards_record_kind_year"),
            # The list's default order: lets PostgreSQL read the first page from the
            # index instead of sorting every visible record (2.2 s → 3 ms at 600,000
            # records, docs/benchmarks.md).
            models.Index(
                fields=["-year", "-decision_date", "id"],
                name="awards_record_list_order",
            ),
            # Valid records decided in a date range (dashboard "year in numbers").
            models.Index(
                fields=["status", "decision_date"], name="awards_record_status_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_kind} {self.year_text} – {self.subject_name}"

    def save(self, *args, **kwargs):
        self.search_name = record_search_text(self.subject_name, self.decision_number)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    @property
    def year_text(self) -> str:
        return year_label(self.year, self.year_kind)

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID


def record_search_text(name: str, decision_number: str = "") -> str:
    """The folded text an award record is found by: the holder's name and the number."""
    return fold(f"{name} {decision_number}")[:255]


class AwardRecordEvent(models.Model):
    """History of an award record: created, changed, revoked (kept for the legal trail)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Ghi nhận")
        REVOKED = "revoked", _("Hủy bỏ, thu hồi")
        CHANGED = "changed", _("Sửa thông tin")

    record = models.ForeignKey(
        AwardRecord,
        verbose_name=_("Khen thưởng"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField(_("Thao tác"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)
    reason = models.TextField(_("Lý do"), blank=True)
    data = models.JSONField(_("Dữ liệu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Lịch sử khen thưởng")
        verbose_name_plural = _("Lịch sử khen thưởng")
        ordering = ["record", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.record_id} {self.action}"
