"""Year-end evaluation (bình xét): the cluster's proposals for Cờ thi đua and Bằng khen.

A ``ClusterProposal`` is what the awards app takes up as a collective nomination
once the cluster confirms it (see ``clusters.signals.cluster_proposal_confirmed``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class AwardCode(models.TextChoices):
    """The collective awards a cluster proposes; codes match ``reward_multiplier`` keys."""

    CO_CP = "CO_CP", _("Cờ thi đua của Chính phủ")
    CO_TINH = "CO_TINH", _("Cờ thi đua của UBND tỉnh, thành phố")
    BK_TTG = "BK_TTG", _("Bằng khen của Thủ tướng Chính phủ")
    BK_TINH = "BK_TINH", _("Bằng khen của Chủ tịch UBND tỉnh, thành phố")


FLAG_CODES = frozenset({AwardCode.CO_CP, AwardCode.CO_TINH})
MERIT_CODES = frozenset({AwardCode.BK_TTG, AwardCode.BK_TINH})


class ClusterProposal(TimeStampedModel):
    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Dự kiến, chờ biểu quyết")
        PASSED = "passed", _("Được hội nghị thông qua")
        NOT_PASSED = "not_passed", _("Không được thông qua")
        CONFIRMED = "confirmed", _("Đã xác nhận, gửi cấp trên")
        TAKEN_UP = "taken_up", _("Đã tiếp nhận thành hồ sơ đề nghị")
        WITHDRAWN = "withdrawn", _("Đã rút")

    TRANSITIONS = {
        Status.CANDIDATE: frozenset(
            {Status.PASSED, Status.NOT_PASSED, Status.WITHDRAWN}
        ),
        Status.PASSED: frozenset({Status.CONFIRMED, Status.WITHDRAWN}),
        Status.NOT_PASSED: frozenset({Status.WITHDRAWN}),
        Status.CONFIRMED: frozenset({Status.TAKEN_UP, Status.WITHDRAWN}),
        Status.TAKEN_UP: frozenset(),
        Status.WITHDRAWN: frozenset(),
    }

    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        verbose_name=_("Năm"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("Đơn vị được đề nghị"),
        on_delete=models.PROTECT,
        related_name="cluster_proposals",
    )
    award_code = models.CharField(
        _("Hình thức đề nghị"), max_length=20, choices=AwardCode.choices
    )
    status = models.CharField(
        _("Trạng thái"), max_length=12, choices=Status.choices, default=Status.CANDIDATE
    )
    rank = models.PositiveSmallIntegerField(_("Xếp hạng"), null=True, blank=True)
    final_score = models.DecimalField(
        _("Điểm xếp hạng"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    conference = models.ForeignKey(
        "clusters.Conference",
        verbose_name=_("Hội nghị bình xét"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    confirmed_at = models.DateTimeField(_("Xác nhận lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xác nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    taken_up_at = models.DateTimeField(_("Tiếp nhận lúc"), null=True, blank=True)
    taken_up_ref = models.CharField(_("Hồ sơ tiếp nhận"), max_length=255, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "cluster_year__cluster__authority"

    class Meta:
        verbose_name = _("Đề nghị khen thưởng của cụm, khối")
        verbose_name_plural = _("Đề nghị khen thưởng của cụm, khối")
        ordering = ["cluster_year", "award_code", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "unit", "award_code"],
                condition=~Q(status="withdrawn"),
                name="clusters_proposal_unique_award",
                violation_error_message=_(
                    "Đơn vị đã được đề nghị hình thức này trong năm."
                ),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.unit} – {self.get_award_code_display()} ({self.cluster_year.year})"
        )

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def require_transition(self, status: str) -> None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext

        if not self.can_transition_to(status):
            raise ValidationError(
                gettext("Đề nghị đang “%(now)s”, không thể chuyển sang “%(to)s”.")
                % {"now": self.get_status_display(), "to": self.Status(status).label},
                code="invalid_transition",
            )

    @property
    def last_vote(self):
        """The latest vote on this proposal (a run-off replaces an earlier one)."""
        votes = sorted(self.votes.all(), key=lambda v: (v.recorded_at, v.pk))
        return votes[-1] if votes else None

    @property
    def is_flag(self) -> bool:
        return self.award_code in FLAG_CODES
