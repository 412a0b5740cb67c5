from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet
from orgs.vn import document_number

from .base import TimeStampedModel


class DocumentType(models.Model):
    """A document type and its abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III)."""

    code = models.SlugField(_("Mã"), max_length=20, unique=True)
    name = models.CharField(_("Tên loại văn bản"), max_length=100)
    abbreviation = models.CharField(
        _("Chữ viết tắt"),
        max_length=10,
        blank=True,
        help_text=_("Để trống với công văn: ký hiệu chỉ gồm tên cơ quan."),
    )
    template_ref = models.CharField(_("Mẫu trình bày"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("Loại văn bản")
        verbose_name_plural = _("Loại văn bản")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class DocumentIssuer(TimeStampedModel):
    """A body that issues numbered documents: a unit, its council, a cluster."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("Cơ quan, đơn vị")
        COUNCIL = "council", _("Hội đồng")
        CLUSTER = "cluster", _("Cụm, khối thi đua")
        OTHER = "other", _("Khác")

    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="issuers",
    )
    kind = models.CharField(
        _("Loại"), max_length=10, choices=Kind.choices, default=Kind.UNIT
    )
    name = models.CharField(_("Tên cơ quan ban hành"), max_length=255)
    symbol = models.CharField(
        _("Chữ viết tắt tên cơ quan"),
        max_length=30,
        help_text=_("Phần sau loại văn bản trong ký hiệu, ví dụ UBND, HĐTĐKT, CTĐ7."),
    )
    header_parent = models.CharField(
        _("Tên cơ quan chủ quản in trên văn bản"), max_length=255, blank=True
    )
    header_name = models.CharField(
        _("Tên cơ quan ban hành in trên văn bản"), max_length=255, blank=True
    )
    place_name = models.CharField(_("Địa danh"), max_length=100, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Cơ quan ban hành văn bản")
        verbose_name_plural = _("Cơ quan ban hành văn bản")
        ordering = ["unit__path", "kind", "symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "symbol"],
                name="orgs_documentissuer_unique_symbol",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def printed_name(self) -> str:
        return self.header_name or self.name.upper()

    @property
    def printed_place(self) -> str:
        return self.place_name or self.unit.place_name


class DocumentRegister(models.Model):
    """The running counter of one issuer, one year and one document type."""

    issuer = models.ForeignKey(
        DocumentIssuer, on_delete=models.PROTECT, related_name="registers"
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    doc_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="registers"
    )
    last_number = models.PositiveIntegerField(_("Số cuối cùng đã cấp"), default=0)

    class Meta:
        verbose_name = _("Sổ đăng ký văn bản đi")
        verbose_name_plural = _("Sổ đăng ký văn bản đi")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "doc_type"],
                name="orgs_documentregister_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issuer.symbol} {self.year} {self.doc_type.abbreviation}: {self.last_number}"


class IssuedDocument(TimeStampedModel):
    """A numbered outgoing document. Never deleted, never renumbered."""

    issuer = models.ForeignKey(
        DocumentIssuer,
        verbose_name=_("Cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    doc_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("Loại văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveIntegerField(_("Số"))
    symbol = models.CharField(_("Ký hiệu"), max_length=60)
    issued_on = models.DateField(_("Ngày ban hành"))
    summary = models.CharField(_("Trích yếu"), max_length=500)
    drafting_code = models.CharField(
        _("Đơn vị soạn thảo (viết tắt)"), max_length=20, blank=True
    )
    snapshot = models.JSONField(
        _("Nội dung in"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, editable=False
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    source = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người cấp số"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "issuer__unit"

    class Meta:
        verbose_name = _("Văn bản đã cấp số")
        verbose_name_plural = _("Văn bản đã cấp số")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "doc_type", "number"],
                name="orgs_issueddocument_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="orgs_issueddocument_number_positive"
            ),
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="orgs_issueddoc_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_number} – {self.summary}"

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Văn bản đã cấp số không được xóa."), code="protected")

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("orgs:document-detail", args=[self.pk])

    @property
    def full_number(self) -> str:
        """Return "05/QĐ-UBND": the number, zero-padded below 10, then the symbol."""
        return document_number(self.number, self.symbol)
