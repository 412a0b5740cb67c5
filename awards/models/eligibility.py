"""Data-driven eligibility rules and their verdicts per nominee.

A rule is a rule *kind* (the Python check in ``awards.eligibility.kinds``) with
JSON parameters, the legal basis, a validity period and, optionally, a
province. A new decree is a new row with new dates, not new code.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .base import AwardType, Subject


class Verdict(models.TextChoices):
    PASSED = "passed", _("Đạt")
    FAILED = "failed", _("Không đạt")
    UNKNOWN = "unknown", _("Chưa xác định được")


class EligibilityRule(TimeStampedModel):
    class Kind(models.TextChoices):
        MIN_RESULT = "min_result", _("Kết quả đánh giá năm xét tối thiểu")
        TITLE_IN_YEAR = "title_in_year", _("Đã đạt danh hiệu trong năm xét")
        RESULT_OR_INITIATIVE = (
            "result_or_initiative",
            _("Kết quả đánh giá hoặc có sáng kiến"),
        )
        INITIATIVE = "initiative", _("Có sáng kiến được công nhận")
        CONSECUTIVE_TITLES = "consecutive_titles", _("Danh hiệu liên tục")
        TITLES_IN_WINDOW = "titles_in_window", _("Số lần đạt danh hiệu trong khoảng")
        CONSECUTIVE_RESULTS = (
            "consecutive_results",
            _("Kết quả đánh giá liên tục"),
        )
        PRIOR_AWARD = "prior_award", _("Đã có hình thức khen thưởng trước")
        MEMBERS_RESULT = (
            "members_result",
            _("Tỷ lệ thành viên tập thể đạt kết quả"),
        )
        MEMBERS_TITLE_SHARE = (
            "members_title_share",
            _("Tỷ lệ thành viên tập thể đạt danh hiệu"),
        )
        MEMBERS_TITLE_COUNT = (
            "members_title_count",
            _("Số thành viên tập thể đạt danh hiệu"),
        )
        RATIO_CAP = "ratio_cap", _("Tỷ lệ tối đa của đơn vị (theo tỉnh)")
        DUPLICATE_IN_YEAR = "duplicate_in_year", _("Trùng đề nghị trong năm")
        ONE_ACHIEVEMENT = (
            "one_achievement",
            _("Một thành tích chỉ khen một lần"),
        )
        HIGHER_PENDING = "higher_pending", _("Đang có đề nghị cấp cao hơn")
        ANY_OF = "any_of", _("Đạt một trong các điều kiện")
        ALL_OF = "all_of", _("Đạt tất cả các điều kiện")

    # Checked once per dossier rather than per nominee.
    DOSSIER_LEVEL = frozenset({Kind.RATIO_CAP})

    code = models.SlugField(_("Mã quy tắc"), max_length=60)
    name = models.CharField(_("Tên điều kiện"), max_length=255)
    kind = models.CharField(_("Loại quy tắc"), max_length=30, choices=Kind.choices)
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Áp dụng cho danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eligibility_rules",
        help_text=_("Để trống: áp dụng cho mọi danh hiệu, hình thức."),
    )
    subject = models.CharField(
        _("Đối tượng"),
        max_length=20,
        choices=Subject.choices,
        blank=True,
        help_text=_("Để trống: mọi đối tượng."),
    )
    award_types = models.JSONField(
        _("Chỉ áp dụng cho loại hình"),
        default=list,
        blank=True,
        help_text=_(
            'Danh sách mã loại hình, ví dụ ["regular"]; để trống: mọi loại hình.'
        ),
    )
    params = models.JSONField(_("Tham số"), default=dict, blank=True)
    fail_as_unknown = models.BooleanField(
        _("Không đạt thì ghi “chưa xác định”"),
        default=False,
        help_text=_(
            "Dùng khi điều kiện chỉ là một trong nhiều tiêu chuẩn thay thế nhau."
        ),
    )
    legal_basis = models.ForeignKey(
        "orgs.LegalDocument",
        verbose_name=_("Căn cứ pháp lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    article = models.CharField(_("Điều khoản"), max_length=120, blank=True)
    valid_from = models.DateField(_("Áp dụng từ ngày"))
    valid_to = models.DateField(_("Áp dụng đến ngày"), null=True, blank=True)
    scope_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Chỉ áp dụng cho tỉnh, đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("Đang dùng"), default=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=100)
    note = models.CharField(_("Ghi chú, nguồn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Điều kiện xét tặng")
        verbose_name_plural = _("Điều kiện xét tặng")
        ordering = ["award_kind__code", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="awards_eligibilityrule_code_from",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="awards_eligibilityrule_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (
            self.valid_to is None or day <= self.valid_to
        )

    def applies_to_type(self, award_type: str) -> bool:
        return not self.award_types or award_type in self.award_types

    @property
    def basis_text(self) -> str:
        parts = [self.article, str(self.legal_basis) if self.legal_basis_id else ""]
        return ", ".join(p for p in parts if p)


class EligibilityResult(models.Model):
    """The verdict of one rule for one nominee (or for the whole dossier), on a date."""

    dossier = models.ForeignKey(
        "awards.Dossier",
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="eligibility_results",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("Người, tập thể được đề nghị"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="eligibility_results",
    )
    rule = models.ForeignKey(
        EligibilityRule,
        verbose_name=_("Điều kiện"),
        on_delete=models.PROTECT,
        related_name="results",
    )
    verdict = models.CharField(_("Kết quả"), max_length=10, choices=Verdict.choices)
    reason = models.TextField(_("Giải thích"))
    evaluated_on = models.DateField(_("Xét theo ngày"))
    evaluated_at = models.DateTimeField(_("Kiểm tra lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__unit"

    class Meta:
        verbose_name = _("Kết quả kiểm tra điều kiện")
        verbose_name_plural = _("Kết quả kiểm tra điều kiện")
        ordering = ["dossier", "nomination", "rule__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "rule"],
                condition=Q(nomination__isnull=False),
                name="awards_eligibilityresult_unique_nominee",
            ),
            models.UniqueConstraint(
                fields=["dossier", "rule"],
                condition=Q(nomination__isnull=True),
                name="awards_eligibilityresult_unique_dossier",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.verdict}"


class EligibilityOverride(models.Model):
    """The secretariat's written decision to accept a failed check, kept with who and when.

    Overrides outlive re-evaluation: they are keyed by nominee (or dossier) and
    rule code, and a later verdict that passes simply makes them moot.
    """

    dossier = models.ForeignKey(
        "awards.Dossier",
        verbose_name=_("Hồ sơ"),
        on_delete=models.CASCADE,
        related_name="eligibility_overrides",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("Người, tập thể được đề nghị"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="eligibility_overrides",
    )
    rule_code = models.SlugField(_("Mã điều kiện"), max_length=60)
    reason = models.TextField(_("Lý do chấp nhận"))
    failed_reason = models.TextField(_("Nội dung không đạt lúc chấp nhận"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người chấp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__unit"

    class Meta:
        verbose_name = _("Chấp nhận ngoại lệ điều kiện")
        verbose_name_plural = _("Chấp nhận ngoại lệ điều kiện")
        ordering = ["dossier", "at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "rule_code"],
                condition=Q(nomination__isnull=False),
                name="awards_eligibilityoverride_unique_nominee",
            ),
            models.UniqueConstraint(
                fields=["dossier", "rule_code"],
                condition=Q(nomination__isnull=True),
                name="awards_eligibilityoverride_unique_dossier",
            ),
            models.CheckConstraint(
                condition=~Q(reason=""), name="awards_eligibilityoverride_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_code}: {self.reason[:40]}"


__all__ = [
    "AwardType",
    "EligibilityOverride",
    "EligibilityResult",
    "EligibilityRule",
    "Verdict",
]
