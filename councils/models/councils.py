"""The council, its compositions (thành lập, kiện toàn) and the members of each."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet
from orgs.vn import short_date


class Council(TimeStampedModel):
    """A council (hội đồng) set up by an organisation, with its own document issuer.

    The Hội đồng Thi đua – Khen thưởng of a district issues documents in its own
    name ("105/HĐTĐKT-NV"), so each council owns an ``orgs.DocumentIssuer`` of kind
    COUNCIL; its minutes are numbered in that issuer's register.
    """

    class Kind(models.TextChoices):
        EMULATION = "emulation", _("Hội đồng Thi đua – Khen thưởng")
        INITIATIVE = "initiative", _("Hội đồng Sáng kiến")
        OTHER = "other", _("Hội đồng khác")

    code = models.CharField(
        _("Mã hội đồng"),
        max_length=40,
        unique=True,
        help_text=_("Mã duy nhất, dùng khi nhập, xuất dữ liệu (ví dụ: HN-HBT-HĐTĐKT)."),
    )
    name = models.CharField(_("Tên hội đồng"), max_length=255)
    kind = models.CharField(
        _("Loại hội đồng"), max_length=20, choices=Kind.choices, default=Kind.EMULATION
    )
    owner_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cơ quan, đơn vị thành lập"),
        on_delete=models.PROTECT,
        related_name="councils",
    )
    issuer = models.OneToOneField(
        "orgs.DocumentIssuer",
        verbose_name=_("Cơ quan ban hành văn bản của hội đồng"),
        on_delete=models.PROTECT,
        related_name="council",
    )
    standing_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cơ quan thường trực"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standing_councils",
        help_text=_("Ví dụ: Phòng Nội vụ, Sở Nội vụ."),
    )
    meeting_interval_months = models.PositiveSmallIntegerField(
        _("Chu kỳ họp thường kỳ (tháng)"),
        null=True,
        blank=True,
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Ví dụ 3: họp mỗi quý một lần. Để trống nếu không họp định kỳ."),
    )
    founded_on = models.DateField(_("Ngày thành lập"), null=True, blank=True)
    dissolved_on = models.DateField(
        _("Ngày giải thể"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng hội đồng hoạt động."),
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "owner_unit"

    class Meta:
        verbose_name = _("Hội đồng")
        verbose_name_plural = _("Hội đồng")
        ordering = ["owner_unit__path", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting_interval_months__isnull=True)
                | Q(meeting_interval_months__gte=1, meeting_interval_months__lte=12),
                name="councils_council_interval_range",
                violation_error_message=_("Chu kỳ họp thường kỳ từ 1 đến 12 tháng."),
            ),
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(founded_on__isnull=True)
                | Q(dissolved_on__gte=F("founded_on")),
                name="councils_council_dissolved_after_founded",
                violation_error_message=_("Ngày giải thể phải sau ngày thành lập."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("councils:council-detail", args=[self.pk])


class Composition(TimeStampedModel):
    """The membership set by one decision (thành lập or kiện toàn), and its period.

    The decision usually predates the app, so its number, date and issuer are kept
    as text; ``decision_document`` links the register entry when there is one.
    ``valid_to`` is kept by the services: the day before the next composition.
    """

    class Kind(models.TextChoices):
        FOUNDING = "founding", _("Thành lập")
        RECONSTITUTION = "reconstitution", _("Kiện toàn")

    council = models.ForeignKey(
        Council,
        verbose_name=_("Hội đồng"),
        on_delete=models.PROTECT,
        related_name="compositions",
    )
    kind = models.CharField(
        _("Hình thức"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.RECONSTITUTION,
    )
    decision_number = models.CharField(
        _("Số, ký hiệu quyết định"),
        max_length=60,
        help_text=_("Ví dụ: 4084/QĐ-UBND."),
    )
    decision_date = models.DateField(_("Ngày quyết định"))
    decision_issuer = models.CharField(
        _("Cơ quan ban hành quyết định"),
        max_length=255,
        help_text=_("Ví dụ: UBND quận Hai Bà Trưng."),
    )
    decision_summary = models.CharField(_("Trích yếu"), max_length=500, blank=True)
    decision_document = models.ForeignKey(
        "orgs.IssuedDocument",
        verbose_name=_("Văn bản trong sổ (nếu có)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    valid_from = models.DateField(
        _("Áp dụng từ ngày"),
        help_text=_("Thường là ngày ký quyết định."),
    )
    valid_to = models.DateField(
        _("Áp dụng đến ngày"),
        null=True,
        blank=True,
        help_text=_("Tự tính: ngày trước khi quyết định kiện toàn sau có hiệu lực."),
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "council__owner_unit"

    class Meta:
        verbose_name = _("Thành phần hội đồng (theo quyết định)")
        verbose_name_plural = _("Thành phần hội đồng (theo quyết định)")
        ordering = ["council", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "valid_from"],
                name="councils_composition_unique_start",
                violation_error_message=_(
                    "Đã có thành phần hội đồng áp dụng từ ngày này."
                ),
            ),
            models.UniqueConstraint(
                fields=["council", "decision_number", "decision_date"],
                name="councils_composition_unique_decision",
                violation_error_message=_("Quyết định này đã được ghi nhận."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="councils_composition_valid_range",
                violation_error_message=_(
                    "Ngày kết thúc phải sau ngày bắt đầu áp dụng."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("%(kind)s theo Quyết định số %(number)s ngày %(day)s") % {
            "kind": self.get_kind_display(),
            "number": self.decision_number,
            "day": short_date(self.decision_date) if self.decision_date else "…",
        }

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("councils:composition-detail", args=[self.pk])

    def is_in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (
            self.valid_to is None or day <= self.valid_to
        )


class CouncilMember(TimeStampedModel):
    """A person's seat in one composition, with the role the decision gives them."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        FIRST_VICE_CHAIR = "first_vice_chair", _("Phó Chủ tịch thứ nhất")
        STANDING_VICE_CHAIR = "standing_vice_chair", _("Phó Chủ tịch thường trực")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        STANDING_MEMBER = "standing_member", _("Ủy viên thường trực")
        MEMBER = "member", _("Ủy viên")
        SECRETARY = "secretary", _("Thư ký")

    composition = models.ForeignKey(
        Composition,
        verbose_name=_("Thành phần theo quyết định"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Cá nhân"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(
        _("Vai trò trong hội đồng"),
        max_length=30,
        choices=Role.choices,
        default=Role.MEMBER,
    )
    position_title = models.CharField(
        _("Chức vụ ghi trong quyết định"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Chủ tịch UBND quận. Để trống để dùng chức vụ của cá nhân."),
    )
    represented_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cơ quan, đơn vị đại diện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    is_voting = models.BooleanField(
        _("Có quyền biểu quyết"),
        default=True,
        help_text=_(
            "Được tính vào tổng số thành viên khi xét số dự họp và biểu quyết."
        ),
    )
    joined_on = models.DateField(
        _("Tham gia từ ngày"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu từ ngày quyết định có hiệu lực."),
    )
    left_on = models.DateField(
        _("Thôi làm thành viên từ ngày"),
        null=True,
        blank=True,
        help_text=_("Từ ngày này người đó không còn là thành viên."),
    )
    left_note = models.CharField(_("Lý do thôi"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "composition__council__owner_unit"

    class Meta:
        verbose_name = _("Thành viên hội đồng")
        verbose_name_plural = _("Thành viên hội đồng")
        ordering = ["composition", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["composition", "person"],
                name="councils_member_unique_person",
                violation_error_message=_("Người này đã có trong thành phần hội đồng."),
            ),
            models.UniqueConstraint(
                fields=["composition"],
                condition=Q(role="chair"),
                name="councils_member_one_chair",
                violation_error_message=_("Thành phần này đã có Chủ tịch Hội đồng."),
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gt=F("joined_on")),
                name="councils_member_left_after_joined",
                violation_error_message=_(
                    "Ngày thôi làm thành viên phải sau ngày tham gia."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"

    @property
    def title(self) -> str:
        """The position printed next to the name: the decision's wording first."""
        return self.position_title or self.person.position

    def sits_on(self, day: datetime.date) -> bool:
        """Return True when this seat is held on ``day`` (the composition aside)."""
        if self.joined_on and day < self.joined_on:
            return False
        return not (self.left_on and day >= self.left_on)
