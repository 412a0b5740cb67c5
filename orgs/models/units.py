from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet
from orgs.vn import fold

from .base import TimeStampedModel


class Unit(TimeStampedModel):
    """An organisation in the management tree (đơn vị).

    The tree follows the management line (cấp quản lý): a ward under its city, a
    department under the People's Committee, a school under its ward. ``path``
    holds the ids from the root ("/1/5/23/") so a whole subtree is one indexed
    prefix lookup; it is kept by ``orgs.services``, never edited by hand.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("UBND tỉnh, thành phố")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Quận, huyện, thị xã (đến 30/6/2025)")
        COMMUNE = "commune", _("Xã")
        WARD = "ward", _("Phường")
        SPECIAL_ZONE = "special_zone", _("Đặc khu")
        DIVISION = "division", _("Phòng, ban chuyên môn")
        CENTRAL_AGENCY = "central_agency", _("Cơ quan Trung ương trên địa bàn")
        PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp công lập")
        SCHOOL = "school", _("Trường học")
        HOSPITAL = "hospital", _("Bệnh viện, cơ sở y tế")
        ENTERPRISE = "enterprise", _("Doanh nghiệp, hợp tác xã")
        MASS_ORGANISATION = "mass_organisation", _("Tổ chức chính trị – xã hội, hội")
        VILLAGE = "village", _("Thôn, ấp, bản")
        RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
        OTHER = "other", _("Cơ quan, đơn vị khác")

    class YearKind(models.TextChoices):
        CALENDAR = "calendar", _("Năm dương lịch")
        SCHOOL = "school", _("Năm học")

    code = models.CharField(
        _("Mã đơn vị"),
        max_length=40,
        unique=True,
        help_text=_("Mã duy nhất, dùng khi nhập, xuất dữ liệu (ví dụ: HN-SNV)."),
    )
    name = models.CharField(_("Tên đơn vị"), max_length=255)
    short_name = models.CharField(
        _("Tên viết tắt trong ký hiệu văn bản"),
        max_length=30,
        help_text=_("Ví dụ: UBND, SNV, HĐTĐKT."),
    )
    kind = models.CharField(_("Loại đơn vị"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Đơn vị quản lý cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    header_parent = models.CharField(
        _("Tên cơ quan chủ quản in trên văn bản"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: UBND THÀNH PHỐ HÀ NỘI. Để trống nếu không có."),
    )
    header_name = models.CharField(
        _("Tên cơ quan ban hành in trên văn bản"),
        max_length=255,
        blank=True,
        help_text=_("Để trống để dùng tên đơn vị viết hoa."),
    )
    place_name = models.CharField(
        _("Địa danh ghi trên văn bản"),
        max_length=100,
        help_text=_("Ví dụ: Hà Nội (trong dòng “Hà Nội, ngày … tháng … năm …”)."),
    )
    has_legal_personality = models.BooleanField(_("Có tư cách pháp nhân"), default=True)
    year_kind = models.CharField(
        _("Kỳ đánh giá"),
        max_length=10,
        choices=YearKind.choices,
        default=YearKind.CALENDAR,
        help_text=_("Đơn vị giáo dục có thể đánh giá theo năm học."),
    )
    valid_from = models.DateField(_("Hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(
        _("Hiệu lực đến ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng đơn vị tồn tại (ví dụ 30/6/2025 với cấp huyện)."),
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    search_name = models.CharField(
        max_length=255, editable=False, db_index=True, default=""
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = ""

    class Meta:
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="orgs_unit_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.search_name = fold(self.name)
        if (
            kwargs.get("update_fields") is not None
            and "name" in kwargs["update_fields"]
        ):
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("orgs:unit-detail", args=[self.pk])

    @property
    def printed_name(self) -> str:
        return self.header_name or self.name.upper()

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def is_active_on(self, day: datetime.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)

    @property
    def is_historic(self) -> bool:
        from django.utils import timezone

        return bool(self.valid_to and self.valid_to < timezone.localdate())


class UnitSuccession(TimeStampedModel):
    """A merger, split or transfer: records of the predecessor keep its name."""

    class Kind(models.TextChoices):
        MERGER = "merger", _("Hợp nhất, sáp nhập")
        SPLIT = "split", _("Chia tách")
        TRANSFER = "transfer", _("Chuyển giao nhiệm vụ")
        RENAME = "rename", _("Đổi tên, tổ chức lại")

    predecessor = models.ForeignKey(
        Unit,
        verbose_name=_("Đơn vị cũ"),
        on_delete=models.PROTECT,
        related_name="successions_out",
    )
    successor = models.ForeignKey(
        Unit,
        verbose_name=_("Đơn vị kế thừa"),
        on_delete=models.PROTECT,
        related_name="successions_in",
    )
    kind = models.CharField(_("Hình thức"), max_length=20, choices=Kind.choices)
    effective_on = models.DateField(_("Có hiệu lực từ ngày"))
    legal_basis = models.ForeignKey(
        "orgs.LegalDocument",
        verbose_name=_("Căn cứ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "predecessor"

    class Meta:
        verbose_name = _("Kế thừa đơn vị")
        verbose_name_plural = _("Kế thừa đơn vị")
        ordering = ["effective_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="orgs_unitsuccession_unique_pair",
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=F("successor")),
                name="orgs_unitsuccession_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class UnitNameRecord(models.Model):
    """A name a unit carried for a period, so that lookups "as of" a date print it."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("Đơn vị"),
        on_delete=models.CASCADE,
        related_name="name_records",
    )
    name = models.CharField(_("Tên"), max_length=255)
    header_name = models.CharField(_("Tên in trên văn bản"), max_length=255, blank=True)
    valid_to = models.DateField(_("Dùng đến ngày"))

    class Meta:
        verbose_name = _("Tên cũ của đơn vị")
        verbose_name_plural = _("Tên cũ của đơn vị")
        ordering = ["unit", "valid_to"]

    def __str__(self) -> str:
        return self.name
