"""Dossiers on a council's agenda and the council's vote on each nominee.

The session, its attendance, quorum and the vote counts belong to the councils
app (``councils.Meeting``, ``AgendaItem``, ``Vote``): a vote here is a
``councils.Vote`` recorded with the award kind's rule key, so the minutes list
it and the rule in force that day is copied with it. This module only says which
dossier sits on which agenda item and which vote decided which nominee.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import TimeStampedModel
from orgs.scoping import ScopedQuerySet


class AgendaEntry(TimeStampedModel):
    """A checked dossier put on an agenda item of a council session."""

    class Mode(models.TextChoices):
        PER_NOMINEE = "per_nominee", _("Biểu quyết từng người")
        PER_LIST = "per_list", _("Biểu quyết cả danh sách")

    agenda_item = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("Nội dung phiên họp"),
        on_delete=models.PROTECT,
        related_name="award_entries",
    )
    dossier = models.ForeignKey(
        "awards.Dossier",
        verbose_name=_("Hồ sơ"),
        on_delete=models.PROTECT,
        related_name="agenda_entries",
    )
    mode = models.CharField(
        _("Cách biểu quyết"),
        max_length=12,
        choices=Mode.choices,
        default=Mode.PER_NOMINEE,
    )
    is_active = models.BooleanField(_("Đang trong chương trình"), default=True)
    concluded_at = models.DateTimeField(_("Chốt kết quả lúc"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người đưa vào"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "dossier__receiving_unit"

    class Meta:
        verbose_name = _("Hồ sơ trình Hội đồng")
        verbose_name_plural = _("Hồ sơ trình Hội đồng")
        ordering = ["agenda_item__meeting", "agenda_item__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(is_active=True),
                name="awards_agendaentry_one_active_per_dossier",
                violation_error_message=_(
                    "Hồ sơ đã có trong chương trình một phiên họp."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agenda_item} – {self.dossier.reference}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("awards:agenda-entry", args=[self.pk])


class NominationVote(models.Model):
    """The council's vote that decided one nominee (one vote may decide a whole list).

    ``vote`` is empty for a nominee the council took off the list before a list
    vote; ``excluded_reason`` then says why.
    """

    entry = models.ForeignKey(
        AgendaEntry,
        verbose_name=_("Hồ sơ trình Hội đồng"),
        on_delete=models.CASCADE,
        related_name="nomination_votes",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("Người, tập thể được đề nghị"),
        on_delete=models.PROTECT,
        related_name="council_votes",
    )
    vote = models.ForeignKey(
        "councils.Vote",
        verbose_name=_("Kết quả biểu quyết"),
        # Deleting a mistaken vote (allowed until the minutes are issued) clears it here.
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    excluded_reason = models.CharField(
        _("Lý do không đưa ra biểu quyết"), max_length=500, blank=True
    )

    objects = ScopedQuerySet.as_manager()
    scope_path = "entry__dossier__receiving_unit"

    class Meta:
        verbose_name = _("Biểu quyết đối với người được đề nghị")
        verbose_name_plural = _("Biểu quyết đối với người được đề nghị")
        ordering = ["entry", "nomination__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "nomination"],
                name="awards_nominationvote_unique",
                violation_error_message=_("Người này đã có kết quả biểu quyết."),
            ),
            models.CheckConstraint(
                condition=Q(vote__isnull=False) | ~Q(excluded_reason=""),
                name="awards_nominationvote_vote_or_reason",
                violation_error_message=_(
                    "Phải có kết quả biểu quyết hoặc lý do không đưa ra biểu quyết."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination} – {self.vote_id or self.excluded_reason}"


class CouncilResultSheet(models.Model):
    """The list of every nominee voted on in a session, frozen with its minutes.

    The councils' minutes print each vote; when a whole list was voted at once the
    names are not in them, so this sheet (annex of the minutes) lists every
    nominee with the counts, the percentage and the result as they stood.
    """

    meeting = models.OneToOneField(
        "councils.Meeting",
        verbose_name=_("Phiên họp"),
        on_delete=models.PROTECT,
        related_name="award_result_sheet",
    )
    minutes = models.ForeignKey(
        "orgs.IssuedDocument",
        verbose_name=_("Biên bản"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    snapshot = models.JSONField(_("Nội dung in"), default=dict)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "meeting__council__owner_unit"

    class Meta:
        verbose_name = _("Danh sách kết quả biểu quyết khen thưởng")
        verbose_name_plural = _("Danh sách kết quả biểu quyết khen thưởng")

    def __str__(self) -> str:
        return str(self.meeting)
