from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.scoping import ScopedQuerySet


def job_result_path(instance: BackgroundJob, filename: str) -> str:
    return f"jobs/{instance.pk}/{uuid.uuid4().hex}/{filename}"


class BackgroundJob(models.Model):
    """A long piece of work (a batch of certificates, a large import) run by the task
    queue (django-tasks), with the progress the user watches and the file it produced."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    kind = models.CharField(_("Loại việc"), max_length=60)
    label = models.CharField(_("Tên công việc"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    params = models.JSONField(_("Tham số"), default=dict, blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("Tổng số bước"), default=0)
    done = models.PositiveIntegerField(_("Đã xong"), default=0)
    message = models.TextField(_("Thông báo"), blank=True)
    result = models.FileField(_("Kết quả"), upload_to=job_result_path, blank=True)
    result_name = models.CharField(_("Tên tệp kết quả"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit"

    class Meta:
        verbose_name = _("Công việc chạy nền")
        verbose_name_plural = _("Công việc chạy nền")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("orgs:job-detail", args=[self.pk])

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
