"""Report drafts kept by the reports app.

A cluster's mid-year or year-end report (báo cáo sơ kết 6 tháng / tổng kết năm,
domain.md §9.7) is written by its head unit: the app fills in the cluster's
figures, the head writes the text. Issuing it takes the next "BC" number of the
cluster's register and stores the printed content as the document's snapshot, so a
re-print shows the figures as they stood that day.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class ClusterReport(TimeStampedModel):
    class Kind(models.TextChoices):
        MIDYEAR = "midyear", _("Báo cáo sơ kết 6 tháng đầu năm")
        ANNUAL = "annual", _("Báo cáo tổng kết năm")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    # The text sections, in the order they print (I … V).
    SECTIONS = ("situation", "results", "assessment", "tasks", "proposals")

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm của cụm, khối"),
        on_delete=models.PROTECT,
        related_name="report_drafts",
    )
    kind = models.CharField(_("Loại báo cáo"), max_length=10, choices=Kind.choices)
    summary = models.CharField(_("Trích yếu"), max_length=500)
    sections = models.JSONField(_("Nội dung các phần"), default=dict, blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    issued = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Số, ký hiệu đã cấp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cluster_report",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Báo cáo của cụm, khối")
        verbose_name_plural = _("Báo cáo của cụm, khối")
        ordering = ["-cluster_year__year", "cluster_year__cluster__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "kind"],
                name="reports_clusterreport_one_per_kind",
                violation_error_message=_("Năm này đã có báo cáo loại này."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft", issued__isnull=True)
                | Q(status="issued", issued__isnull=False),
                name="reports_clusterreport_issued_has_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.cluster_year}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reports:cluster-report-detail", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    def section(self, name: str) -> str:
        return str((self.sections or {}).get(name, ""))
