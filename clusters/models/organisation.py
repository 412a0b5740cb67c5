"""Clusters and blocks (cụm, khối thi đua), their years, members, leaders and rotation.

A cluster is organised by an authority (the province or city, through its council)
and keeps its own document issuer ("CTĐ7"). Everything that changes from one year
to the next — members, the head (cụm trưởng), the ordered deputies, the theme, the
scoring settings — hangs on a ``ClusterYear`` so that every past year stays readable
after units merge or disappear (1/7/2025).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet

DEPUTY_ORDINALS = {1: "thứ nhất", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư"}


class Cluster(TimeStampedModel):
    """A cụm (units alike in geography) or khối (units alike in function)."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Cụm thi đua")
        BLOCK = "block", _("Khối thi đua")

    authority = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Cơ quan tổ chức"),
        on_delete=models.PROTECT,
        related_name="organised_clusters",
        help_text=_(
            "UBND tỉnh, thành phố (qua Hội đồng Thi đua – Khen thưởng) chia cụm, khối."
        ),
    )
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("Hội đồng Thi đua – Khen thưởng tổ chức"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clusters",
    )
    kind = models.CharField(_("Loại"), max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("Số"), null=True, blank=True)
    name = models.CharField(
        _("Tên"),
        max_length=255,
        help_text=_("Ví dụ: Cụm thi đua số 8 – các quận trung tâm."),
    )
    short_name = models.CharField(
        _("Tên ngắn in trên văn bản"),
        max_length=100,
        help_text=_("Ví dụ: Cụm thi đua số 8; Khối Thi đua Tổng hợp."),
    )
    issuer = models.OneToOneField(
        "orgs.DocumentIssuer",
        verbose_name=_("Sổ văn bản của cụm, khối"),
        on_delete=models.PROTECT,
        related_name="cluster",
        editable=False,
    )
    valid_from = models.DateField(_("Thành lập từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Giải thể từ ngày"), null=True, blank=True)
    flag_quota = models.PositiveSmallIntegerField(
        _("Số đơn vị được đề nghị Cờ thi đua"),
        null=True,
        blank=True,
        help_text=_("Để trống: theo tham số “cluster_flag_quota” đang áp dụng."),
    )
    merit_quota_ratio = models.DecimalField(
        _("Tỷ lệ đơn vị được đề nghị Bằng khen"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_(
            "Ví dụ 0,3 là 30% số đơn vị thành viên. Để trống: theo tham số "
            "“cluster_merit_quota_ratio”."
        ),
    )
    note = models.TextField(_("Ghi chú"), blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "authority"

    class Meta:
        verbose_name = _("Cụm, khối thi đua")
        verbose_name_plural = _("Cụm, khối thi đua")
        ordering = ["authority__path", "kind", "number", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"],
                name="clusters_cluster_unique_name",
                violation_error_message=_("Đã có cụm, khối cùng tên."),
            ),
            models.UniqueConstraint(
                fields=["authority", "kind", "number"],
                condition=Q(number__isnull=False),
                name="clusters_cluster_unique_number",
                violation_error_message=_("Đã có cụm, khối cùng loại và số này."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="clusters_cluster_valid_range",
                violation_error_message=_("Ngày giải thể phải sau ngày thành lập."),
            ),
            models.CheckConstraint(
                condition=Q(merit_quota_ratio__isnull=True)
                | Q(merit_quota_ratio__gte=0, merit_quota_ratio__lte=1),
                name="clusters_cluster_merit_ratio_range",
                violation_error_message=_("Tỷ lệ Bằng khen phải từ 0 đến 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.short_name = " ".join(self.short_name.split())
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:cluster-detail", args=[self.pk])

    @property
    def head_word(self) -> str:
        return "Khối trưởng" if self.kind == self.Kind.BLOCK else "Cụm trưởng"

    @property
    def deputy_word(self) -> str:
        return "Khối phó" if self.kind == self.Kind.BLOCK else "Cụm phó"


class ClusterYear(TimeStampedModel):
    """One year of a cluster: its theme, its scoring rules and its ranking."""

    class ReviewMode(models.TextChoices):
        HEAD = (
            "head",
            _("Đơn vị trưởng chấm thẩm định (phó thứ nhất chấm đơn vị trưởng)"),
        )
        TEAM = "team", _("Tổ thẩm định gồm các đơn vị được phân công")
        CROSS = "cross", _("Các đơn vị chấm chéo lẫn nhau")

    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("Cụm, khối"),
        on_delete=models.PROTECT,
        related_name="years",
    )
    year = models.PositiveSmallIntegerField(_("Năm"))
    theme = models.CharField(
        _("Chủ đề năm"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển."),
    )
    criteria_set = models.ForeignKey(
        "clusters.CriteriaSet",
        verbose_name=_("Bộ tiêu chí chấm điểm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cluster_years",
    )
    review_mode = models.CharField(
        _("Cách thẩm định điểm"),
        max_length=10,
        choices=ReviewMode.choices,
        default=ReviewMode.HEAD,
        help_text=_("Theo quy chế hoạt động và nguyên tắc bình xét của cụm, khối."),
    )
    review_team = models.ManyToManyField(
        "orgs.Unit",
        verbose_name=_("Đơn vị trong tổ thẩm định"),
        blank=True,
        related_name="+",
    )
    normalise = models.BooleanField(
        _("Chuẩn hóa điểm giữa các đơn vị chấm"),
        default=False,
        help_text=_(
            "Khi nhiều đơn vị cùng chấm thẩm định: xếp hạng theo điểm đã chuẩn hóa "
            "(vẫn hiển thị điểm gốc bên cạnh)."
        ),
    )
    tie_break = models.JSONField(
        _("Thứ tự nhóm tiêu chí xét khi bằng điểm"),
        default=list,
        blank=True,
        help_text=_('Danh sách mã nhóm tiêu chí, ví dụ ["I", "IV"].'),
    )
    scoring_opens_on = models.DateField(
        _("Ngày bắt đầu tự chấm"), null=True, blank=True
    )
    self_deadline = models.DateField(_("Hạn tự chấm điểm"), null=True, blank=True)
    review_deadline = models.DateField(_("Hạn thẩm định điểm"), null=True, blank=True)
    scoring_started_at = models.DateTimeField(
        _("Bắt đầu chấm điểm lúc"), null=True, blank=True, editable=False
    )
    ranking_published_at = models.DateTimeField(
        _("Công bố kết quả lúc"), null=True, blank=True, editable=False
    )
    ranking_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người công bố"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    ranking_snapshot = models.JSONField(
        _("Bảng xếp hạng đã công bố"), default=dict, blank=True, editable=False
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster__authority"

    class Meta:
        verbose_name = _("Năm hoạt động của cụm, khối")
        verbose_name_plural = _("Năm hoạt động của cụm, khối")
        ordering = ["cluster", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "year"],
                name="clusters_clusteryear_unique",
                violation_error_message=_("Cụm, khối đã có năm này."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="clusters_clusteryear_year_range",
                violation_error_message=_("Năm phải từ 2000 đến 2100."),
            ),
            models.CheckConstraint(
                condition=Q(self_deadline__isnull=True)
                | Q(review_deadline__isnull=True)
                | Q(review_deadline__gte=F("self_deadline")),
                name="clusters_clusteryear_deadline_order",
                violation_error_message=_("Hạn thẩm định phải sau hạn tự chấm điểm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster.short_name} – {self.year}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("clusters:year-detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.ranking_published_at is not None

    @cached_property
    def leaders(self) -> list[ClusterMembership]:
        """The head, then the deputies in their order (one query, cached)."""
        rows = [
            m
            for m in self.memberships.select_related("unit")
            if m.role != ClusterMembership.Role.MEMBER
        ]
        return sorted(rows, key=lambda m: (m.role != "head", m.deputy_rank or 0))

    @property
    def head(self) -> ClusterMembership | None:
        return next((m for m in self.leaders if m.role == "head"), None)

    @property
    def first_deputy(self) -> ClusterMembership | None:
        return next((m for m in self.leaders if m.role == "deputy"), None)


class ClusterMembership(TimeStampedModel):
    """A unit's place in one year of a cluster: member, head or n-th deputy."""

    class Role(models.TextChoices):
        HEAD = "head", _("Đơn vị trưởng")
        DEPUTY = "deputy", _("Đơn vị phó")
        MEMBER = "member", _("Đơn vị thành viên")

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("Năm"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="cluster_memberships",
    )
    role = models.CharField(
        _("Vai trò"), max_length=10, choices=Role.choices, default=Role.MEMBER
    )
    deputy_rank = models.PositiveSmallIntegerField(
        _("Thứ tự đơn vị phó"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    representative_title = models.CharField(
        _("Chức vụ người đại diện"),
        max_length=150,
        blank=True,
        help_text=_("Ví dụ: Chủ tịch UBND quận; Giám đốc Sở."),
    )
    representative_name = models.CharField(
        _("Họ tên người đại diện"), max_length=150, blank=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Đơn vị thành viên")
        verbose_name_plural = _("Đơn vị thành viên")
        ordering = ["cluster_year", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "unit"],
                name="clusters_membership_unique_unit",
                violation_error_message=_("Đơn vị đã là thành viên trong năm."),
            ),
            models.UniqueConstraint(
                fields=["cluster_year"],
                condition=Q(role="head"),
                name="clusters_membership_one_head",
                violation_error_message=_("Mỗi năm chỉ có một đơn vị trưởng."),
            ),
            models.UniqueConstraint(
                fields=["cluster_year", "deputy_rank"],
                condition=Q(role="deputy"),
                name="clusters_membership_unique_deputy_rank",
                violation_error_message=_("Thứ tự đơn vị phó bị trùng."),
            ),
            models.CheckConstraint(
                condition=Q(role="deputy", deputy_rank__gte=1)
                | (~Q(role="deputy") & Q(deputy_rank__isnull=True)),
                name="clusters_membership_deputy_rank_only_for_deputies",
                violation_error_message=_("Chỉ đơn vị phó mới có thứ tự phó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.role_label})"

    @property
    def role_label(self) -> str:
        """Return "Cụm trưởng", "Cụm phó thứ nhất", "Khối phó" or "Thành viên"."""
        cluster = self.cluster_year.cluster
        if self.role == self.Role.HEAD:
            return cluster.head_word
        if self.role == self.Role.DEPUTY:
            ordinal = DEPUTY_ORDINALS.get(self.deputy_rank or 0, str(self.deputy_rank))
            return f"{cluster.deputy_word} {ordinal}"
        return str(_("Thành viên"))
