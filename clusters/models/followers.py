"""Council members assigned to follow a cluster year (phân công theo dõi cụm)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class ClusterFollower(TimeStampedModel):
    """A seat of the authority's council assigned to follow, urge and attend the cluster
    (ARTICLE-0: "phân công thành viên Hội đồng theo dõi các cụm")."""

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.CASCADE,
        related_name="followers",
    )
    council_member = models.ForeignKey(
        "councils.CouncilMember",
        verbose_name=_("Thành viên hội đồng"),
        on_delete=models.PROTECT,
        related_name="followed_clusters",
    )
    assigned_on = models.DateField(_("Phân công từ ngày"), null=True, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Thành viên hội đồng theo dõi cụm, khối")
        verbose_name_plural = _("Thành viên hội đồng theo dõi cụm, khối")
        ordering = ["cluster_year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "council_member"],
                name="clusters_follower_unique",
                violation_error_message=_("Thành viên này đã được phân công theo dõi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council_member.person} → {self.cluster_year}"
