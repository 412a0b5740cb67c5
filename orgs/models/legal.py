from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


class LegalDocument(TimeStampedModel):
    """A law, decree, circular or local decision that rules or parameters cite."""

    class Kind(models.TextChoices):
        LAW = "law", _("Luật")
        RESOLUTION = "resolution", _("Nghị quyết")
        DECREE = "decree", _("Nghị định")
        CIRCULAR = "circular", _("Thông tư")
        DECISION = "decision", _("Quyết định")
        DIRECTIVE = "directive", _("Chỉ thị")
        GUIDANCE = "guidance", _("Hướng dẫn")
        PLAN = "plan", _("Kế hoạch")
        REGULATION = "regulation", _("Quy chế, quy định")
        OFFICIAL_LETTER = "official_letter", _("Công văn")
        OTHER = "other", _("Văn bản khác")

    kind = models.CharField(_("Loại văn bản"), max_length=20, choices=Kind.choices)
    number = models.CharField(
        _("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 06/2022/QH15.")
    )
    issued_on = models.DateField(_("Ngày ban hành"))
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255)
    title = models.CharField(_("Trích yếu"), max_length=500)
    effective_from = models.DateField(_("Có hiệu lực từ ngày"), null=True, blank=True)
    effective_to = models.DateField(_("Hết hiệu lực từ ngày"), null=True, blank=True)
    citation = models.CharField(
        _("Cách trích dẫn trong phần căn cứ"),
        max_length=600,
        blank=True,
        help_text=_("Ví dụ: Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022."),
    )
    source_url = models.URLField(_("Nguồn"), max_length=500, blank=True)
    is_standard_ground = models.BooleanField(
        _("Là căn cứ chung của quyết định khen thưởng"),
        default=False,
        help_text=_("Được điền sẵn vào phần căn cứ của quyết định khi còn hiệu lực."),
    )
    ground_order = models.PositiveSmallIntegerField(
        _("Thứ tự trong phần căn cứ"), default=100
    )
    issuing_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị ban hành (nếu thuộc hệ thống)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_documents",
    )

    class Meta:
        verbose_name = _("Văn bản pháp lý")
        verbose_name_plural = _("Văn bản pháp lý")
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issued_on"], name="orgs_legaldocument_unique"
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="orgs_legaldocument_effective_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def is_in_force_on(self, day: datetime.date) -> bool:
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day >= self.effective_to)


class LegalParameter(TimeStampedModel):
    """A rule value that changes with the law: base salary, ratios, thresholds, deadlines."""

    class ValueType(models.TextChoices):
        INTEGER = "integer", _("Số nguyên")
        DECIMAL = "decimal", _("Số thập phân")
        RATIO = "ratio", _("Tỷ lệ (ví dụ 2/3 hoặc 0,9)")
        TEXT = "text", _("Văn bản")
        BOOLEAN = "boolean", _("Có / không")

    code = models.SlugField(_("Mã tham số"), max_length=80, unique=True)
    name = models.CharField(_("Tên tham số"), max_length=255)
    value_type = models.CharField(
        _("Kiểu giá trị"), max_length=10, choices=ValueType.choices
    )
    unit_label = models.CharField(_("Đơn vị tính"), max_length=60, blank=True)
    key_label = models.CharField(
        _("Ý nghĩa của khóa"),
        max_length=120,
        blank=True,
        help_text=_("Nếu tham số có nhiều giá trị theo khóa (ví dụ theo danh hiệu)."),
    )
    description = models.TextField(_("Mô tả"), blank=True)

    class Meta:
        verbose_name = _("Tham số pháp lý")
        verbose_name_plural = _("Tham số pháp lý")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def parse(self, raw: str):
        """Return ``raw`` as the Python value of this parameter's type."""
        text = raw.strip().replace(",", ".")
        try:
            if self.value_type == self.ValueType.INTEGER:
                return int(text)
            if self.value_type == self.ValueType.DECIMAL:
                return Decimal(text)
            if self.value_type == self.ValueType.RATIO:
                value = Fraction(text)
                if value < 0:
                    raise ValueError
                return value
            if self.value_type == self.ValueType.BOOLEAN:
                if text.lower() in {"1", "true", "có", "co", "yes"}:
                    return True
                if text.lower() in {"0", "false", "không", "khong", "no"}:
                    return False
                raise ValueError
        except (ValueError, ZeroDivisionError, InvalidOperation) as exc:
            raise ValidationError(
                _("Giá trị “%(value)s” không đúng kiểu %(type)s."),
                code="invalid_value",
                params={"value": raw, "type": self.get_value_type_display()},
            ) from exc
        return raw.strip()


class ParameterValue(TimeStampedModel):
    """One value of a parameter for a date range, optionally for one key and one unit."""

    parameter = models.ForeignKey(
        LegalParameter,
        verbose_name=_("Tham số"),
        on_delete=models.PROTECT,
        related_name="values",
    )
    key = models.CharField(_("Khóa"), max_length=80, blank=True, db_index=True)
    scope_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Áp dụng cho đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parameter_values",
        help_text=_(
            "Để trống nếu áp dụng toàn quốc; chọn tỉnh nếu là quy định riêng của tỉnh."
        ),
    )
    value = models.CharField(_("Giá trị"), max_length=255)
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến ngày"), null=True, blank=True)
    legal_basis = models.ForeignKey(
        LegalDocument,
        verbose_name=_("Căn cứ pháp lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parameter_values",
    )
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Giá trị tham số theo thời kỳ")
        verbose_name_plural = _("Giá trị tham số theo thời kỳ")
        ordering = ["parameter", "key", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="orgs_parametervalue_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parameter.code}[{self.key}] = {self.value}"

    def clean(self) -> None:
        if self.parameter_id:
            self.parameter.parse(self.value)
        overlapping = ParameterValue.objects.filter(
            parameter_id=self.parameter_id,
            key=self.key,
            scope_unit_id=self.scope_unit_id,
        ).exclude(pk=self.pk)
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        overlapping = overlapping.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
        )
        if self.valid_from and overlapping.exists():
            raise ValidationError(
                _(
                    "Thời kỳ áp dụng trùng với một giá trị khác của cùng tham số. "
                    "Hãy đặt ngày kết thúc cho giá trị cũ trước."
                ),
                code="overlap",
            )

    @property
    def typed_value(self):
        return self.parameter.parse(self.value)
