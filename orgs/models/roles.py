from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet

from .base import TimeStampedModel


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Thường trực thi đua, khen thưởng")
    UNIT_OFFICER = "unit_officer", _("Cán bộ làm công tác thi đua, khen thưởng")
    LEADER = "leader", _("Lãnh đạo, người xem báo cáo")
    COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng")
    CLUSTER_OFFICER = "cluster_officer", _("Cán bộ cụm, khối thi đua")


class RoleAssignment(TimeStampedModel):
    """A role a user holds for a unit and, through the tree, for everything under it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Tài khoản"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    role = models.CharField(_("Vai trò"), max_length=30, choices=Role.choices)
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến ngày"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Phân quyền theo đơn vị")
        verbose_name_plural = _("Phân quyền theo đơn vị")
        ordering = ["user", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role"], name="orgs_roleassignment_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="orgs_roleassignment_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
