"""What a session concluded, and the tasks its conclusions assign."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

from .meetings import AgendaItem, Meeting


class Conclusion(TimeStampedModel):
    """What the council concluded; it may assign tasks."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("Phiên họp"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("Thuộc nội dung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conclusions",
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"))
    text = models.TextField(_("Kết luận"))

    objects = ScopedQuerySet.as_manager()
    scope_path = "meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Kết luận")
        verbose_name_plural = _("Kết luận")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="councils_conclusion_unique_order",
                violation_error_message=_("Số thứ tự kết luận đã được dùng."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.text[:80]}"


class Task(TimeStampedModel):
    """A task a conclusion assigns to a member, a unit, or both, with a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        CANCELLED = "cancelled", _("Không thực hiện")

    conclusion = models.ForeignKey(
        Conclusion,
        verbose_name=_("Kết luận"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    description = models.TextField(_("Nhiệm vụ"))
    assignee_member = models.ForeignKey(
        "councils.CouncilMember",
        verbose_name=_("Giao thành viên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    assignee_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Giao cơ quan, đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_tasks",
    )
    coordinating = models.CharField(_("Đơn vị phối hợp"), max_length=255, blank=True)
    due_on = models.DateField(_("Thời hạn"), null=True, blank=True)
    status = models.CharField(
        _("Tình trạng"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    result_note = models.TextField(_("Kết quả thực hiện"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "conclusion__meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Nhiệm vụ được giao")
        verbose_name_plural = _("Nhiệm vụ được giao")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assignee_member__isnull=False)
                | Q(assignee_unit__isnull=False),
                name="councils_task_has_assignee",
                violation_error_message=_(
                    "Hãy chọn thành viên hoặc cơ quan, đơn vị được giao."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False)
                | (~Q(status="done") & Q(done_on__isnull=True)),
                name="councils_task_done_on_iff_done",
                violation_error_message=_(
                    "Ngày hoàn thành chỉ ghi khi nhiệm vụ đã hoàn thành."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        day = today or timezone.localdate()
        return bool(
            self.status == self.Status.OPEN and self.due_on and self.due_on < day
        )

    @property
    def assignee_label(self) -> str:
        names = []
        if self.assignee_member_id:
            names.append(self.assignee_member.person.full_name)
        if self.assignee_unit_id:
            names.append(self.assignee_unit.name)
        return "; ".join(names)
