"""Award decisions (quyết định khen thưởng), their corrections and revocations.

A decision is drafted from the approved nominees of whole dossiers (or from a
monthly recognition list), numbered from the deciding unit's register when it
is issued, and from then on it is a legal record: it is never changed and never
deleted. A mistake is put right by a new decision that cites the old one
(đính chính), an award taken back by a revoking decision (hủy bỏ, thu hồi; Luật
Thi đua, khen thưởng 2022, Chương VII).

Both guards live here as well as in the services: ``save()`` refuses to write a
row that was loaded as issued, ``delete()`` refuses an issued decision, so no
admin form, shell session or forgotten code path can alter what was signed.
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
from orgs.vn import fold

from .base import AwardType, SubjectFields, subject_constraints


class SignaturePrefix(models.TextChoices):
    """Thẩm quyền ký (NĐ 30/2020, Phụ lục I): the label is the printed abbreviation."""

    NONE = "", _("Ký trực tiếp")
    ON_BEHALF = "TM.", "TM."
    SIGNING_FOR = "KT.", "KT."
    ACTING = "Q.", "Q."
    BY_ORDER = "TL.", "TL."
    BY_AUTHORISATION = "TUQ.", "TUQ."


class RevocationCase(models.TextChoices):
    """The cases of Luật Thi đua, khen thưởng 2022, Chương VII (domain.md §2)."""

    FALSE_DECLARATION = "false_declaration", _("Khai man thành tích")
    FORGED = "forged", _("Làm giả hồ sơ, giấy tờ, cung cấp thông tin không đúng")
    UNLAWFUL = (
        "unlawful",
        _("Thẩm định, xét duyệt, đề nghị, quyết định khen thưởng trái pháp luật"),
    )
    LATER_FINDING = (
        "later_finding",
        _("Kết luận, bản án sau đó cho thấy không đủ tiêu chuẩn trong thời gian xét"),
    )


class Decision(TimeStampedModel):
    class Kind(models.TextChoices):
        AWARD = "award", _("Khen thưởng")
        CORRECTION = "correction", _("Đính chính")
        REVOCATION = "revocation", _("Hủy bỏ, thu hồi")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cơ quan quyết định"),
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    issuer = models.ForeignKey(
        "orgs.DocumentIssuer",
        verbose_name=_("Sổ văn bản"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("Loại quyết định"), max_length=12, choices=Kind.choices, default=Kind.AWARD
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    year = models.PositiveSmallIntegerField(_("Năm thành tích"))
    award_type = models.CharField(
        _("Loại hình"),
        max_length=20,
        choices=AwardType.choices,
        default=AwardType.REGULAR,
    )
    cited = models.ForeignKey(
        "self",
        verbose_name=_("Quyết định được đính chính, hủy bỏ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citing_decisions",
    )
    summary = models.CharField(_("Trích yếu"), max_length=500)
    authority = models.CharField(
        _("Thẩm quyền ban hành"),
        max_length=255,
        help_text=_("Ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG."),
    )
    issuer_text = models.CharField(
        _("Người quyết định (viết trong câu)"),
        max_length=255,
        help_text=_(
            "Ví dụ: Chủ tịch Ủy ban nhân dân quận Hai Bà Trưng — in trong danh sách kèm "
            "theo và ghi vào khen thưởng của từng người."
        ),
    )
    grounds = models.TextField(
        _("Căn cứ"), blank=True, help_text=_("Mỗi dòng một căn cứ, kết thúc bằng “;”.")
    )
    proposal = models.CharField(
        _("Theo đề nghị của"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: Theo đề nghị của Trưởng phòng Nội vụ tại Tờ trình số …,"),
    )
    conferral = models.TextField(
        _("Nội dung Điều 1"),
        help_text=_(
            "Tặng, công nhận gì cho ai (danh sách kèm theo được thêm tự động)."
        ),
    )
    achievement = models.TextField(_("Thành tích"), blank=True)
    executors = models.TextField(
        _("Cơ quan, cá nhân thi hành"),
        blank=True,
        help_text=_(
            "Ví dụ: Chánh Văn phòng, Trưởng phòng Nội vụ, Thủ trưởng các đơn vị và các "
            "cá nhân có tên tại Điều 1"
        ),
    )
    recipients = models.TextField(
        _("Nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận.")
    )
    revocation_case = models.CharField(
        _("Trường hợp hủy bỏ"),
        max_length=20,
        choices=RevocationCase.choices,
        blank=True,
    )
    reason = models.TextField(_("Lý do"), blank=True)
    signature_prefix = models.CharField(
        _("Thẩm quyền ký"),
        max_length=5,
        choices=SignaturePrefix.choices,
        default=SignaturePrefix.NONE,
        blank=True,
    )
    signature_authority = models.CharField(
        _("Ký thay, thay mặt cho"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: CHỦ TỊCH (sau KT.) hoặc ỦY BAN NHÂN DÂN (sau TM.)."),
    )
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=255)
    signer_name = models.CharField(_("Họ tên người ký"), max_length=150, blank=True)
    decision_date = models.DateField(
        _("Ngày quyết định"),
        help_text=_(
            "Tiền thưởng, tên đơn vị và căn cứ được lấy theo ngày này; ngày ban hành "
            "thay thế khi ký."
        ),
    )
    drafting_code = models.CharField(
        _("Đơn vị soạn thảo (ký hiệu)"), max_length=20, blank=True
    )
    base_salary = models.PositiveBigIntegerField(
        _("Mức lương cơ sở (đồng)"), null=True, blank=True
    )
    total_amount = models.PositiveBigIntegerField(
        _("Tổng tiền thưởng (đồng)"), default=0
    )
    fund = models.ForeignKey(
        "awards.Fund",
        verbose_name=_("Quỹ thi đua, khen thưởng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    document = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Văn bản đã cấp số"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    number = models.CharField(_("Số, ký hiệu"), max_length=60, blank=True)
    issued_at = models.DateTimeField(_("Ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người lập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Quyết định khen thưởng")
        verbose_name_plural = _("Quyết định khen thưởng")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(document__isnull=False) & ~Q(number=""),
                name="awards_decision_issued_has_number",
                violation_error_message=_("Quyết định đã ban hành phải có số."),
            ),
            models.CheckConstraint(
                condition=Q(kind="award") | Q(cited__isnull=False),
                name="awards_decision_cites_original",
                violation_error_message=_(
                    "Quyết định đính chính, hủy bỏ phải dẫn quyết định gốc."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="revocation")
                | ~Q(revocation_case="") & ~Q(reason=""),
                name="awards_decision_revocation_has_reason",
                violation_error_message=_(
                    "Quyết định hủy bỏ phải ghi trường hợp và lý do."
                ),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1945, year__lte=2100),
                name="awards_decision_year_range",
            ),
        ]
        indexes = [
            models.Index(
                fields=["unit", "status", "decision_date"], name="awards_dec_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or gettext('Dự thảo')} – {self.summary}"

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Decision:
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    def save(self, *args: Any, **kwargs: Any) -> None:
        if getattr(self, "_loaded_status", None) == self.Status.ISSUED:
            raise ValidationError(
                gettext(
                    "Quyết định đã ban hành không sửa được; hãy ban hành quyết định "
                    "đính chính."
                ),
                code="issued_read_only",
            )
        super().save(*args, **kwargs)
        self._loaded_status = self.status

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.Status.ISSUED in (self.status, getattr(self, "_loaded_status", None)):
            raise ValidationError(
                gettext("Quyết định đã ban hành không được xóa."), code="protected"
            )
        return super().delete(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:decision-detail", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def ground_lines(self) -> list[str]:
        return [line.strip() for line in self.grounds.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class DecisionLine(SubjectFields):
    """One recipient of a decision, printed in the annex as it stood that day."""

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("Quyết định"),
        on_delete=models.CASCADE,
        related_name="lines",
    )
    order = models.PositiveIntegerField(_("Số thứ tự"))
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị quản lý người nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("Đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_lines",
    )
    monthly_entry = models.ForeignKey(
        "awards.MonthlyEntry",
        verbose_name=_("Đề xuất hằng tháng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_lines",
    )
    record = models.ForeignKey(
        "awards.AwardRecord",
        verbose_name=_("Khen thưởng bị hủy bỏ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Với quyết định hủy bỏ: khen thưởng bị thu hồi."),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("Dòng được đính chính"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    display_name = models.CharField(_("Họ tên, tên tập thể"), max_length=255)
    position = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    unit_name = models.CharField(_("Đơn vị công tác"), max_length=255, blank=True)
    before = models.JSONField(_("Nội dung đã ghi"), default=dict, blank=True)
    multiplier = models.DecimalField(
        _("Hệ số tiền thưởng"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    amount = models.PositiveBigIntegerField(_("Tiền thưởng (đồng)"), default=0)
    search_name = models.CharField(max_length=255, editable=False, default="")

    objects = ScopedQuerySet.as_manager()
    scope_path = "decision__unit"

    class Meta:
        verbose_name = _("Người, tập thể trong quyết định")
        verbose_name_plural = _("Danh sách kèm theo quyết định")
        ordering = ["decision", "order", "pk"]
        constraints = [
            *subject_constraints("awards_decisionline"),
            models.UniqueConstraint(
                fields=["decision", "order"], name="awards_decisionline_order"
            ),
            models.UniqueConstraint(
                fields=["nomination"],
                condition=Q(nomination__isnull=False),
                name="awards_decisionline_one_decision_per_nominee",
                violation_error_message=_(
                    "Người được đề nghị này đã có trong một quyết định khác."
                ),
            ),
            models.UniqueConstraint(
                fields=["monthly_entry"],
                condition=Q(monthly_entry__isnull=False),
                name="awards_decisionline_one_decision_per_entry",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.decision_id and _decision_issued(self.decision_id):
            raise ValidationError(
                gettext("Danh sách của quyết định đã ban hành không sửa được."),
                code="issued_read_only",
            )
        self.display_name = " ".join(self.display_name.split())
        self.search_name = fold(self.display_name)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if _decision_issued(self.decision_id):
            raise ValidationError(
                gettext("Danh sách của quyết định đã ban hành không sửa được."),
                code="protected",
            )
        return super().delete(*args, **kwargs)

    @property
    def position_and_unit(self) -> str:
        return ", ".join(part for part in (self.position, self.unit_name) if part)


def _decision_issued(decision_id: int | None) -> bool:
    return Decision.objects.filter(
        pk=decision_id, status=Decision.Status.ISSUED
    ).exists()
