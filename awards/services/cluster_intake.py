"""Taking up a cluster's confirmed year-end proposal (Cờ thi đua, Bằng khen) as a
collective nomination dossier of the unit proposed.

The cluster has voted and confirmed; its conference minutes are the "biên bản
bình xét" of the dossier and are attached as a PDF printed from their snapshot.
The dossier opens as a draft of the nominated unit, which adds its report of
achievements (Luật 2022 Điều 84) and submits it along the usual path.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardKind, Dossier
from clusters.models import ClusterProposal
from clusters.services.evaluation import proposal_take_up
from orgs.pdf import render_pdf
from orgs.printing import document_render_context
from orgs.services import audit_record

from . import dossiers as flow
from . import files as file_services
from . import nominations as nomination_services

MINUTES_COMPONENTS = ("bien-ban-binh-xet", "bien-ban-xet-khen-thuong")


def _achievements(proposal: ClusterProposal) -> str:
    cluster_year = proposal.cluster_year
    parts = [
        _("Được %(cluster)s đề nghị năm %(year)s")
        % {"cluster": cluster_year.cluster.name, "year": cluster_year.year}
    ]
    if proposal.rank:
        parts.append(_("xếp thứ %(rank)s") % {"rank": proposal.rank})
    if proposal.final_score is not None:
        parts.append(_("điểm %(score)s") % {"score": proposal.final_score})
    return ", ".join(parts) + "."


def _attach_minutes(dossier: Dossier, proposal: ClusterProposal, actor: Any) -> None:
    conference = proposal.conference
    minutes = conference.minutes if conference is not None else None
    if minutes is None:
        return
    item = dossier.items.filter(component__code__in=MINUTES_COMPONENTS).first()
    template, context = document_render_context(minutes)
    content = render_pdf(template, context)
    name = f"bien-ban-{minutes.full_number.replace('/', '-')}.pdf"
    file_services.dossier_file_upload(
        dossier=dossier,
        actor=actor,
        uploaded=SimpleUploadedFile(name, content, content_type="application/pdf"),
        item=item,
    )


@transaction.atomic
def cluster_proposal_take_up(
    *,
    proposal: ClusterProposal,
    actor: Any,
    planned_decision_on: datetime.date | None = None,
) -> Dossier:
    """Open the collective dossier for a confirmed proposal and mark it taken up."""
    proposal = ClusterProposal.objects.select_related(
        "unit", "cluster_year__cluster", "conference__minutes"
    ).get(pk=proposal.pk)
    if proposal.status != ClusterProposal.Status.CONFIRMED:
        raise ValidationError(
            _("Đề nghị không còn chờ tiếp nhận (đã tiếp nhận hoặc đã rút)."),
            code="conflict",
        )
    kind = AwardKind.objects.get(code=proposal.award_code)
    year = proposal.cluster_year.year
    cluster = proposal.cluster_year.cluster
    dossier = flow.dossier_create(
        actor=actor,
        unit=proposal.unit,
        award_kind=kind,
        year=year,
        title=_("Đề nghị tặng %(kind)s năm %(year)s cho %(unit)s (%(cluster)s đề nghị)")
        % {
            "kind": kind.name,
            "year": year,
            "unit": proposal.unit.name,
            "cluster": cluster.name,
        },
        achievements=_achievements(proposal),
        planned_decision_on=planned_decision_on,
    )
    nomination_services.nominations_add(
        dossier=dossier,
        actor=actor,
        collective_ids=[proposal.unit_id],
        achievement=_achievements(proposal),
    )
    _attach_minutes(dossier, proposal, actor)
    proposal_take_up(proposal=proposal, actor=actor, reference=dossier.reference)
    audit_record(
        actor=actor,
        action="awards.cluster_proposal.taken_up",
        obj=dossier,
        unit=proposal.unit,
        data={"proposal": proposal.pk, "cluster": cluster.name},
    )
    return dossier
