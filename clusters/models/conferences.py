"""Conferences of a cluster year and the cluster's own numbered documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class ClusterDocument(TimeStampedModel):
    """A plan, programme, regulation, report or submission of the cluster.

    Its number comes from the cluster's own register ("972/KH-CTĐ7"); the printed
    content is the issued document's snapshot.
    """

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch công tác thi đua, khen thưởng")
        PROGRAMME = "programme", _("Chương trình công tác")
        REGULATION = (
            "regulation",
            _("Quyết định ban hành Quy chế hoạt động và nguyên tắc bình xét"),
        )
        MIDYEAR_REPORT = "midyear_report", _("Báo cáo sơ kết 6 tháng")
        ANNUAL_REPORT = "annual_report", _("Báo cáo tổng kết năm")
        SUBMISSION = "submission", _("Tờ trình đề nghị khen thưởng")
        NOTICE = "notice", _("Thông báo")
        OTHER = "other", _("Văn bản khác")

    # The decree 30 document type each kind is numbered under.
    DOC_TYPES = {
        Kind.PLAN: "ke-hoach",
        Kind.PROGRAMME: "chuong-trinh",
        Kind.REGULATION: "quyet-dinh",
        Kind.MIDYEAR_REPORT: "bao-cao",
        Kind.ANNUAL_REPORT: "bao-cao",
        Kind.SUBMISSION: "to-trinh",
        Kind.NOTICE: "thong-bao",
        Kind.OTHER: "cong-van",
    }

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    kind = models.CharField(_("Loại văn bản"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("Trích yếu"), max_length=500)
    body = models.TextField(
        _("Nội dung"), blank=True, help_text=_("Mỗi đoạn một dòng.")
    )
    issued = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Số, ký hiệu đã cấp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cluster_document",
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

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Văn bản của cụm, khối")
        verbose_name_plural = _("Văn bản của cụm, khối")
        ordering = ["cluster_year", "created_at"]

    def __str__(self) -> str:
        if self.issued_id:
            return f"{self.issued.full_number} – {self.summary}"
        return f"{self.get_kind_display()} ({_('dự thảo')}) – {self.summary}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:year-detail", args=[self.cluster_year_id])


class Conference(TimeStampedModel):
    """A conference of the cluster: kick-off and pledge signing, mid-year, year-end."""

    class Kind(models.TextChoices):
        KICKOFF = (
            "kickoff",
            _(
                "Hội nghị triển khai công tác thi đua, khen thưởng và ký kết giao ước thi đua"
            ),
        )
        MIDYEAR = (
            "midyear",
            _("Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm"),
        )
        YEAR_END = "year_end", _("Hội nghị tổng kết công tác thi đua, khen thưởng năm")
        THEMATIC = "thematic", _("Sinh hoạt chuyên đề")
        OTHER = "other", _("Hội nghị khác")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã họp")
        MINUTES_ISSUED = "minutes_issued", _("Đã phát hành biên bản")

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    kind = models.CharField(_("Loại hội nghị"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("Tên hội nghị"), max_length=300)
    held_on = models.DateField(_("Ngày họp"))
    starts_at = models.TimeField(_("Bắt đầu lúc"), null=True, blank=True)
    ends_at = models.TimeField(_("Kết thúc lúc"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    host_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị đăng cai"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    guests = models.TextField(
        _("Khách mời"),
        blank=True,
        help_text=_(
            "Mỗi người một dòng, ví dụ: Phó Trưởng Ban Thi đua – Khen thưởng thành phố."
        ),
    )
    secretary_name = models.CharField(
        _("Thư ký (người ghi biên bản)"), max_length=150, blank=True
    )
    secretary_title = models.CharField(_("Chức vụ thư ký"), max_length=150, blank=True)
    discussion = models.TextField(_("Tóm tắt thảo luận"), blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.OneToOneField(
        "orgs.IssuedDocument",
        verbose_name=_("Biên bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cluster_conference",
        editable=False,
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Hội nghị của cụm, khối")
        verbose_name_plural = _("Hội nghị của cụm, khối")
        ordering = ["cluster_year", "held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gte=F("starts_at")),
                name="clusters_conference_time_order",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:conference-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.MINUTES_ISSUED


class ConferenceAttendance(models.Model):
    """Whether a member unit came, who represented it, and whether it sat in the presidium."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        ABSENT = "absent", _("Vắng mặt")

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="attendance"
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Tình trạng"), max_length=10, choices=Status.choices, default=Status.PRESENT
    )
    representative_name = models.CharField(_("Người dự"), max_length=150, blank=True)
    representative_title = models.CharField(_("Chức vụ"), max_length=150, blank=True)
    in_presidium = models.BooleanField(_("Trong Đoàn Chủ tịch"), default=False)
    absence_reason = models.CharField(_("Lý do vắng"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Đơn vị dự hội nghị")
        verbose_name_plural = _("Đơn vị dự hội nghị")
        ordering = ["conference", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "unit"],
                name="clusters_attendance_unique_unit",
                violation_error_message=_(
                    "Đơn vị này đã có trong danh sách dự hội nghị."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.get_status_display()}"


class ConferenceItem(models.Model):
    """A document discussed at the conference and what the conference did with it."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch công tác thi đua, khen thưởng")
        PROGRAMME = "programme", _("Chương trình công tác")
        REGULATION = "regulation", _("Quy chế hoạt động của cụm, khối")
        CRITERIA = "criteria", _("Tiêu chí chấm điểm thi đua")
        REPORT = "report", _("Báo cáo")
        PLEDGE = "pledge", _("Bản giao ước thi đua")
        EVALUATION = "evaluation", _("Bình xét thi đua, đề xuất đơn vị trưởng, phó")
        OTHER = "other", _("Nội dung khác")

    class Outcome(models.TextChoices):
        DISCUSSED = "discussed", _("Thảo luận, góp ý")
        ADOPTED = "adopted", _("Thông qua")
        AMENDED = "amended", _("Thông qua có sửa đổi")
        SIGNED = "signed", _("Ký kết")

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    kind = models.CharField(_("Loại"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("Nội dung"), max_length=500)
    document = models.ForeignKey(
        ClusterDocument,
        verbose_name=_("Văn bản của cụm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    criteria_set = models.ForeignKey(
        "clusters.CriteriaSet",
        verbose_name=_("Bộ tiêu chí"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(
        _("Kết quả"), max_length=10, choices=Outcome.choices, default=Outcome.DISCUSSED
    )
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Nội dung hội nghị")
        verbose_name_plural = _("Nội dung hội nghị")
        ordering = ["conference", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class ConferenceConclusion(models.Model):
    """One numbered point the conference agreed on."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="conclusions"
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    text = models.TextField(_("Nội dung kết luận"))

    class Meta:
        verbose_name = _("Kết luận hội nghị")
        verbose_name_plural = _("Kết luận hội nghị")
        ordering = ["conference", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
