"""Monthly recognition: "điển hình tiên tiến, người tốt, việc tốt" (ARTICLE-2, domain.md §10).

Where an organisation asks for it (dated parameter ``monthly_recognition_min``
set for that organisation), each unit under it proposes its outstanding people
every month; the secretariat reviews the month's list and turns the accepted
ones into a decision like any other. Units that have not proposed the minimum by
the deadline (parameter ``monthly_recognition_deadline_day``) are listed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

MONTH_RANGE = Q(month__gte=1, month__lte=12)
YEAR_RANGE = Q(year__gte=2000, year__lte=2100)


class MonthlyProposal(TimeStampedModel):
    """What one unit proposes for one month."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")

    organisation = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cấp tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="monthly_proposals_received",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị đề xuất"),
        on_delete=models.PROTECT,
        related_name="monthly_proposals",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    month = models.PositiveSmallIntegerField(_("Tháng"))
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người gửi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Đề xuất điển hình hằng tháng")
        verbose_name_plural = _("Đề xuất điển hình hằng tháng")
        ordering = ["-year", "-month", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "unit", "year", "month"],
                name="awards_monthlyproposal_unique",
                violation_error_message=_("Đơn vị đã có đề xuất của tháng này."),
            ),
            models.CheckConstraint(
                condition=MONTH_RANGE, name="awards_monthlyproposal_month"
            ),
            models.CheckConstraint(
                condition=YEAR_RANGE, name="awards_monthlyproposal_year"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(unit)s – tháng %(month)s/%(year)s") % {
            "unit": self.unit.name,
            "month": self.month,
            "year": self.year,
        }

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:monthly-proposal", args=[self.pk])

    @property
    def period(self) -> str:
        return f"{self.month:02d}/{self.year}"


class MonthlyEntry(models.Model):
    """One person proposed, with the deed or the month's achievement."""

    class Category(models.TextChoices):
        EXEMPLARY = "exemplary", _("Điển hình tiên tiến")
        GOOD_DEED = "good_deed", _("Người tốt, việc tốt")
        EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ trong tháng")

    class Outcome(models.TextChoices):
        PROPOSED = "proposed", _("Đề xuất")
        ACCEPTED = "accepted", _("Được chọn")
        NOT_ACCEPTED = "not_accepted", _("Không chọn")

    proposal = models.ForeignKey(
        MonthlyProposal,
        verbose_name=_("Đề xuất"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("Cá nhân"),
        on_delete=models.PROTECT,
        related_name="monthly_entries",
    )
    display_name = models.CharField(_("Họ và tên"), max_length=150)
    position = models.CharField(_("Chức vụ, nghề nghiệp"), max_length=255, blank=True)
    unit_name = models.CharField(_("Đơn vị, nơi ở"), max_length=255, blank=True)
    category = models.CharField(
        _("Loại"), max_length=12, choices=Category.choices, default=Category.GOOD_DEED
    )
    deed = models.TextField(_("Việc làm, thành tích"))
    is_direct_worker = models.BooleanField(_("Người lao động trực tiếp"), default=False)
    outcome = models.CharField(
        _("Kết quả xét"),
        max_length=12,
        choices=Outcome.choices,
        default=Outcome.PROPOSED,
    )
    outcome_reason = models.CharField(_("Lý do"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    objects = ScopedQuerySet.as_manager()
    scope_path = "proposal__unit"

    class Meta:
        verbose_name = _("Người được đề xuất hằng tháng")
        verbose_name_plural = _("Người được đề xuất hằng tháng")
        ordering = ["proposal", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "person"],
                name="awards_monthlyentry_unique_person",
                violation_error_message=_("Người này đã có trong đề xuất tháng."),
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_accepted") | ~Q(outcome_reason=""),
                name="awards_monthlyentry_rejection_has_reason",
                violation_error_message=_("Phải ghi lý do không chọn."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name


class MonthlyList(TimeStampedModel):
    """The secretariat's list for one month, which becomes a decision."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang xét")
        DRAFTED = "drafted", _("Đã lập dự thảo quyết định")

    organisation = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cấp xét"),
        on_delete=models.PROTECT,
        related_name="monthly_lists",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    month = models.PositiveSmallIntegerField(_("Tháng"))
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        verbose_name=_("Hình thức khen thưởng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decision = models.OneToOneField(
        "awards.Decision",
        verbose_name=_("Quyết định"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monthly_list",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "organisation"

    class Meta:
        verbose_name = _("Danh sách biểu dương hằng tháng")
        verbose_name_plural = _("Danh sách biểu dương hằng tháng")
        ordering = ["-year", "-month", "organisation__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "month"],
                name="awards_monthlylist_unique",
                violation_error_message=_("Đã có danh sách của tháng này."),
            ),
            models.CheckConstraint(
                condition=MONTH_RANGE, name="awards_monthlylist_month"
            ),
            models.CheckConstraint(
                condition=YEAR_RANGE, name="awards_monthlylist_year"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Danh sách tháng %(month)s/%(year)s – %(unit)s") % {
            "month": self.month,
            "year": self.year,
            "unit": self.organisation.name,
        }

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse(
            "awards:monthly-month",
            args=[self.organisation_id, self.year, self.month],
        )
