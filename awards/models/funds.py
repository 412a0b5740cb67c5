"""The emulation-and-commendation fund of a deciding level (Quỹ thi đua, khen thưởng).

One fund per unit and year, with its budget (dự toán). The ledger is
append-only: every issued decision that pays a reward writes one spending entry;
a revoking decision writes the amount to recover; recoveries are entered as
they come in. Reports read ``FundEntry`` directly (fund, year, decision, kind,
amount), so the balance is always a sum of rows, never a stored number.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class Fund(TimeStampedModel):
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cấp quản lý quỹ"),
        on_delete=models.PROTECT,
        related_name="award_funds",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    budget = models.PositiveBigIntegerField(
        _("Dự toán (đồng)"),
        default=0,
        help_text=_("Tổng nguồn của quỹ trong năm (ngân sách và nguồn đóng góp)."),
    )
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Quỹ thi đua, khen thưởng")
        verbose_name_plural = _("Quỹ thi đua, khen thưởng")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="awards_fund_unique_year",
                violation_error_message=_("Đơn vị đã có quỹ của năm này."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1945, year__lte=2100),
                name="awards_fund_year_range",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Quỹ TĐKT %(unit)s năm %(year)s") % {
            "unit": self.unit.name,
            "year": self.year,
        }

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:fund-detail", args=[self.pk])


class FundEntry(models.Model):
    class Kind(models.TextChoices):
        SPENT = "spent", _("Chi tiền thưởng")
        TO_RECOVER = "to_recover", _("Phải thu hồi")
        RECOVERED = "recovered", _("Đã thu hồi")

    fund = models.ForeignKey(
        Fund, verbose_name=_("Quỹ"), on_delete=models.PROTECT, related_name="entries"
    )
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("Quyết định"),
        on_delete=models.PROTECT,
        related_name="fund_entries",
    )
    kind = models.CharField(_("Loại bút toán"), max_length=12, choices=Kind.choices)
    amount = models.PositiveBigIntegerField(_("Số tiền (đồng)"))
    entry_date = models.DateField(_("Ngày ghi sổ"))
    note = models.CharField(_("Diễn giải"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Ghi lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "fund__unit"

    class Meta:
        verbose_name = _("Bút toán quỹ thi đua, khen thưởng")
        verbose_name_plural = _("Sổ quỹ thi đua, khen thưởng")
        ordering = ["fund", "entry_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="awards_fundentry_amount_positive",
                violation_error_message=_("Số tiền phải lớn hơn 0."),
            ),
            models.UniqueConstraint(
                fields=["decision", "kind"],
                condition=Q(kind__in=["spent", "to_recover"]),
                name="awards_fundentry_one_per_decision",
                violation_error_message=_("Quyết định này đã được ghi vào sổ quỹ."),
            ),
        ]
        indexes = [
            models.Index(fields=["fund", "kind"], name="awards_fundentry_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValidationError(
                gettext("Sổ quỹ chỉ ghi thêm, không sửa bút toán."), code="protected"
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValidationError(
            gettext("Sổ quỹ chỉ ghi thêm, không xóa bút toán."), code="protected"
        )
