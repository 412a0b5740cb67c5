"""Initiatives (sáng kiến, Luật 2022 Điều 3) and the windows in which they are reviewed.

A recognised initiative, with the scope of influence its recognising body
confirmed, feeds the eligibility of its authors for the CSTĐ titles.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class InitiativeScope(models.IntegerChoices):
    """Scope of influence (phạm vi ảnh hưởng); higher covers lower."""

    GRASSROOTS = 10, _("Cơ sở")
    PROVINCE = 20, _("Bộ, ban, ngành, tỉnh")
    NATIONAL = 30, _("Toàn quốc")


class ReviewWindow(TimeStampedModel):
    """A period in which an organisation receives initiatives (e.g. four a year, ARTICLE-0)."""

    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị tổ chức xét"),
        on_delete=models.PROTECT,
        related_name="initiative_windows",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveSmallIntegerField(_("Đợt"))
    opens_on = models.DateField(_("Nhận từ ngày"))
    closes_on = models.DateField(_("Đến ngày"))
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("Hội đồng Sáng kiến"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "initiative"},
        related_name="initiative_windows",
    )
    assessing_body = models.CharField(
        _("Tên hội đồng xét (nếu chưa có trên hệ thống)"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Hội đồng Sáng kiến kinh nghiệm quận Hai Bà Trưng."),
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Đợt xét sáng kiến")
        verbose_name_plural = _("Đợt xét sáng kiến")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "number"], name="awards_reviewwindow_unique"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="awards_reviewwindow_range",
            ),
        ]

    def __str__(self) -> str:
        return _("Đợt %(number)s/%(year)s – %(unit)s") % {
            "number": self.number,
            "year": self.year,
            "unit": self.unit.name if self.unit_id else "",
        }


class Initiative(TimeStampedModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Chờ xét")
        RECOGNISED = "recognised", _("Được công nhận")
        NOT_RECOGNISED = "not_recognised", _("Không được công nhận")

    TRANSITIONS = {
        Status.PROPOSED: frozenset({Status.RECOGNISED, Status.NOT_RECOGNISED}),
        Status.NOT_RECOGNISED: frozenset({Status.PROPOSED}),
        Status.RECOGNISED: frozenset(),
    }

    class Field(models.TextChoices):
        TECHNICAL = "technical", _("Kỹ thuật")
        MANAGEMENT = "management", _("Quản lý")
        OPERATIONS = "operations", _("Tác nghiệp")
        TECHNOLOGY = "technology", _("Ứng dụng tiến bộ kỹ thuật")
        EDUCATION = "education", _("Giáo dục, đào tạo")
        HEALTH = "health", _("Y tế")
        ADMINISTRATION = "administration", _("Cải cách hành chính")
        OTHER = "other", _("Khác")

    title = models.CharField(_("Tên sáng kiến"), max_length=500)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị áp dụng"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    authors = models.ManyToManyField(
        "orgs.Person",
        through="InitiativeAuthor",
        verbose_name=_("Tác giả"),
        related_name="initiatives",
    )
    field = models.CharField(_("Lĩnh vực"), max_length=20, choices=Field.choices)
    description = models.TextField(_("Nội dung, tính mới"))
    applied_on = models.DateField(_("Ngày áp dụng lần đầu"), null=True, blank=True)
    effect_evidence = models.TextField(
        _("Hiệu quả, khả năng nhân rộng"),
        help_text=_("Kết quả đo được, đơn vị đã áp dụng, tài liệu chứng minh."),
    )
    requested_scope = models.PositiveSmallIntegerField(
        _("Phạm vi ảnh hưởng đề nghị"),
        choices=InitiativeScope.choices,
        default=InitiativeScope.GRASSROOTS,
    )
    window = models.ForeignKey(
        ReviewWindow,
        verbose_name=_("Đợt xét"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    status = models.CharField(
        _("Trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.PROPOSED,
    )
    assessment = models.TextField(_("Ý kiến của Hội đồng sáng kiến"), blank=True)
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("Hội đồng Sáng kiến đã xét"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "initiative"},
        related_name="assessed_initiatives",
    )
    assessed_by = models.CharField(
        _("Cơ quan công nhận"),
        max_length=255,
        blank=True,
        help_text=_("Hội đồng, người đứng đầu đã công nhận (ghi bằng chữ)."),
    )
    recognised_scope = models.PositiveSmallIntegerField(
        _("Phạm vi ảnh hưởng được công nhận"),
        choices=InitiativeScope.choices,
        null=True,
        blank=True,
    )
    recognition_number = models.CharField(
        _("Số quyết định công nhận"), max_length=60, blank=True
    )
    recognition_date = models.DateField(
        _("Ngày quyết định công nhận"), null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Sáng kiến")
        verbose_name_plural = _("Sáng kiến")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="recognised")
                | Q(
                    recognised_scope__isnull=False,
                    recognition_date__isnull=False,
                )
                & ~Q(recognition_number=""),
                name="awards_initiative_recognised_has_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:initiative-detail", args=[self.pk])

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, frozenset())

    @property
    def recognised_year(self) -> int | None:
        if self.status == self.Status.RECOGNISED and self.recognition_date:
            return self.recognition_date.year
        return None


class InitiativeAuthor(models.Model):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Sáng kiến"),
        on_delete=models.CASCADE,
        related_name="author_rows",
    )
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Tác giả"),
        on_delete=models.PROTECT,
        related_name="initiative_rows",
    )
    share = models.PositiveSmallIntegerField(
        _("Tỷ lệ đóng góp (%)"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=1)

    class Meta:
        verbose_name = _("Tác giả sáng kiến")
        verbose_name_plural = _("Tác giả sáng kiến")
        ordering = ["initiative", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "person"], name="awards_initiativeauthor_unique"
            ),
            models.CheckConstraint(
                condition=Q(share__isnull=True) | Q(share__lte=100),
                name="awards_initiativeauthor_share_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)
