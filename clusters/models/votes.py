"""Votes of a cluster conference, recorded with the councils' vote machinery.

The voters are the member units (one vote each), not council members: the counts
are units, the rule is the dated one for key ``CLUSTER`` (falling back to the
general rule), and the rule is copied onto the record as councils do.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from councils.models.votes import AbstractVote
from orgs.scoping import ScopedQuerySet

RULE_KEY = "CLUSTER"


class ConferenceVote(AbstractVote):
    item = models.ForeignKey(
        "clusters.ConferenceItem",
        verbose_name=_("Nội dung hội nghị"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    proposal = models.ForeignKey(
        "clusters.ClusterProposal",
        verbose_name=_("Đề nghị khen thưởng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
    )
    rotation = models.ForeignKey(
        "clusters.RotationProposal",
        verbose_name=_("Đề xuất đơn vị trưởng, phó"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "item__conference__cluster_year__cluster__authority"

    class Meta(AbstractVote.Meta):
        verbose_name = _("Kết quả biểu quyết tại hội nghị cụm, khối")
        verbose_name_plural = _("Kết quả biểu quyết tại hội nghị cụm, khối")
        ordering = ["item", "recorded_at", "pk"]

    def __str__(self) -> str:
        return self.question
