"""The pledge (bản giao ước thi đua) the member units of a cluster year sign."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class Pledge(TimeStampedModel):
    """Grounds, numbered commitments, the implementation clause and one signature per unit."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SIGNING = "signing", _("Đang ký kết")
        SIGNED = "signed", _("Đã ký đủ")

    cluster_year = models.OneToOneField(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.PROTECT,
        related_name="pledge",
    )
    title = models.CharField(_("Tên văn bản"), max_length=255)
    grounds = models.TextField(
        _("Căn cứ"), blank=True, help_text=_("Mỗi căn cứ một dòng.")
    )
    preamble = models.TextField(_("Lời dẫn"), blank=True)
    implementation = models.TextField(
        _("Tổ chức thực hiện"), blank=True, help_text=_("Mỗi đoạn một dòng.")
    )
    signing_date = models.DateField(_("Ngày ký kết"), null=True, blank=True)
    signing_place = models.CharField(_("Địa danh"), max_length=100, blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    snapshot = models.JSONField(
        _("Bản in khi đã ký đủ"), default=dict, blank=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Bản giao ước thi đua")
        verbose_name_plural = _("Bản giao ước thi đua")
        ordering = ["cluster_year"]

    def __str__(self) -> str:
        return f"{self.title} – {self.cluster_year.cluster}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:pledge-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def ground_lines(self) -> list[str]:
        return [line.strip() for line in self.grounds.splitlines() if line.strip()]

    @property
    def implementation_lines(self) -> list[str]:
        return [
            line.strip() for line in self.implementation.splitlines() if line.strip()
        ]


class PledgeCommitment(models.Model):
    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="commitments"
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    text = models.TextField(_("Nội dung giao ước"))

    class Meta:
        verbose_name = _("Nội dung giao ước")
        verbose_name_plural = _("Nội dung giao ước")
        ordering = ["pledge", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class PledgeSignatory(models.Model):
    """The signature block of one member unit and whether it has signed."""

    class Prefix(models.TextChoices):
        NONE = "", _("(không)")
        ON_BEHALF = "TM.", "TM."
        SIGNING_FOR = "KT.", "KT."
        ACTING = "Q.", "Q."
        BY_ORDER = "TL.", "TL."
        BY_AUTHORISATION = "TUQ.", "TUQ."

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="signatories"
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    prefix = models.CharField(
        _("Quyền hạn ký"), max_length=5, choices=Prefix.choices, blank=True
    )
    authority = models.CharField(
        _("Tên cơ quan trên chữ ký"),
        max_length=255,
        help_text=_("Ví dụ: ỦY BAN NHÂN DÂN QUẬN HAI BÀ TRƯNG."),
    )
    title = models.CharField(_("Chức vụ người ký"), max_length=150)
    name = models.CharField(_("Họ tên người ký"), max_length=150, blank=True)
    role_note = models.CharField(
        _("Vai trò trong cụm"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: Cụm trưởng."),
    )
    signed_at = models.DateTimeField(_("Đã ký lúc"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Đơn vị ký giao ước")
        verbose_name_plural = _("Đơn vị ký giao ước")
        ordering = ["pledge", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "unit"],
                name="clusters_signatory_unique_unit",
                violation_error_message=_("Đơn vị đã có trong danh sách ký giao ước."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.authority} – {self.title}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None
