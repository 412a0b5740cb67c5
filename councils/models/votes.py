"""Vote results with the rule they were judged by, frozen at recording time."""

from __future__ import annotations

from fractions import Fraction

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.voting import (
    VoteBase,
    VoteCounts,
    VoteMethod,
    VoteOutcome,
    VoteRule,
    vote_outcome,
)
from orgs.scoping import ScopedQuerySet


class AbstractVote(models.Model):
    """The counts of one vote, the rule in force that day and the result.

    Reusable: a cluster conference or an award vote subclasses it and adds its own
    link (``agenda_item``, ``conference``…). The rule is copied, not referenced, so
    a later change of the legal parameters never changes a recorded result.
    """

    question = models.CharField(_("Nội dung biểu quyết"), max_length=500)
    method = models.CharField(
        _("Hình thức"),
        max_length=20,
        choices=VoteMethod.choices,
        default=VoteMethod.SHOW_OF_HANDS,
    )
    votes_for = models.PositiveIntegerField(_("Tán thành"), default=0)
    votes_against = models.PositiveIntegerField(_("Không tán thành"), default=0)
    abstentions = models.PositiveIntegerField(_("Không biểu quyết"), default=0)
    invalid = models.PositiveIntegerField(_("Phiếu không hợp lệ"), default=0)
    written_for = models.PositiveIntegerField(
        _("Ý kiến bằng văn bản tán thành"), default=0
    )
    written_against = models.PositiveIntegerField(
        _("Ý kiến bằng văn bản không tán thành"), default=0
    )
    members_total = models.PositiveIntegerField(_("Tổng số thành viên"))
    members_present = models.PositiveIntegerField(_("Số thành viên có mặt"))
    base_size = models.PositiveIntegerField(_("Số dùng để tính tỷ lệ"))
    rule_key = models.CharField(_("Mã quy tắc"), max_length=40, blank=True)
    base_kind = models.CharField(
        _("Tính tỷ lệ trên"), max_length=20, choices=VoteBase.choices
    )
    threshold_numerator = models.PositiveIntegerField(_("Tỷ lệ tối thiểu (tử số)"))
    threshold_denominator = models.PositiveIntegerField(_("Tỷ lệ tối thiểu (mẫu số)"))
    threshold_strict = models.BooleanField(_("Phải vượt tỷ lệ"))
    required_method = models.CharField(
        _("Hình thức quy định"), max_length=20, blank=True
    )
    absent_written_counted = models.BooleanField(
        _("Tính ý kiến bằng văn bản của người vắng mặt")
    )
    legal_basis = models.CharField(_("Căn cứ"), max_length=500, blank=True)
    percentage = models.DecimalField(
        _("Tỷ lệ tán thành (%)"), max_digits=5, decimal_places=2
    )
    passed = models.BooleanField(_("Được thông qua"))
    recorded_at = models.DateTimeField(_("Ghi nhận lúc"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(members_present__lte=F("members_total")),
                name="%(app_label)s_%(class)s_present_le_total",
                violation_error_message=_(
                    "Số thành viên có mặt không được lớn hơn tổng số thành viên."
                ),
            ),
            models.CheckConstraint(
                condition=Q(
                    members_present__gte=F("votes_for")
                    + F("votes_against")
                    + F("abstentions")
                    + F("invalid")
                ),
                name="%(app_label)s_%(class)s_ballots_le_present",
                violation_error_message=_(
                    "Tổng số phiếu không được vượt số thành viên có mặt."
                ),
            ),
            models.CheckConstraint(
                condition=Q(
                    members_total__gte=F("members_present")
                    + F("written_for")
                    + F("written_against")
                ),
                name="%(app_label)s_%(class)s_written_le_absent",
                violation_error_message=_(
                    "Số ý kiến bằng văn bản không được vượt số thành viên vắng mặt."
                ),
            ),
            models.CheckConstraint(
                condition=Q(base_size__lte=F("members_total")),
                name="%(app_label)s_%(class)s_base_le_total",
                violation_error_message=_(
                    "Số dùng để tính tỷ lệ không được lớn hơn tổng số thành viên."
                ),
            ),
            models.CheckConstraint(
                condition=Q(threshold_denominator__gte=1)
                & Q(threshold_numerator__lte=F("threshold_denominator")),
                name="%(app_label)s_%(class)s_threshold_fraction",
                violation_error_message=_(
                    "Tỷ lệ tối thiểu phải là một phân số từ 0 đến 1."
                ),
            ),
            models.CheckConstraint(
                condition=Q(percentage__gte=0, percentage__lte=100),
                name="%(app_label)s_%(class)s_percentage_range",
                violation_error_message=_("Tỷ lệ phần trăm phải từ 0 đến 100."),
            ),
        ]

    @property
    def threshold(self) -> Fraction:
        return Fraction(self.threshold_numerator, self.threshold_denominator)

    @property
    def counts(self) -> VoteCounts:
        return VoteCounts(
            members_total=self.members_total,
            members_present=self.members_present,
            votes_for=self.votes_for,
            votes_against=self.votes_against,
            abstentions=self.abstentions,
            invalid=self.invalid,
            written_for=self.written_for,
            written_against=self.written_against,
        )

    def fill(self, counts: VoteCounts, rule: VoteRule) -> VoteOutcome:
        """Set the counts, a copy of ``rule`` and the result (validating the counts)."""
        outcome = vote_outcome(counts, rule)
        for name in VoteCounts.__dataclass_fields__:
            setattr(self, name, getattr(counts, name))
        self.rule_key, self.base_kind = rule.key, rule.base
        self.threshold_numerator = rule.threshold.numerator
        self.threshold_denominator = rule.threshold.denominator
        self.threshold_strict, self.required_method = rule.strict, rule.method
        self.absent_written_counted = rule.absent_written_count
        self.legal_basis = rule.legal_basis[:500]
        self.base_size, self.percentage = outcome.base_size, outcome.percentage
        self.passed = outcome.passed
        return outcome

    @property
    def rule(self) -> VoteRule:
        return VoteRule(
            threshold=self.threshold,
            strict=self.threshold_strict,
            base=self.base_kind,
            method=self.required_method,
            absent_written_count=self.absent_written_counted,
            legal_basis=self.legal_basis,
            key=self.rule_key,
        )


class Vote(AbstractVote):
    """A vote on an agenda item, optionally about a subject of another app (a nominee)."""

    agenda_item = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("Nội dung phiên họp"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    subject_type = models.ForeignKey(
        ContentType,
        verbose_name=_("Loại đối tượng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(
        _("Mã đối tượng"), null=True, blank=True
    )
    subject = GenericForeignKey("subject_type", "subject_id")

    objects = ScopedQuerySet.as_manager()
    scope_path = "agenda_item__meeting__council__owner_unit"

    class Meta(AbstractVote.Meta):
        verbose_name = _("Kết quả biểu quyết")
        verbose_name_plural = _("Kết quả biểu quyết")
        ordering = ["agenda_item", "recorded_at", "pk"]
        indexes = [
            models.Index(
                fields=["subject_type", "subject_id"], name="councils_vote_subject"
            )
        ]

    def __str__(self) -> str:
        return self.question
