"""The pledge (giao ước thi đua): draft, commitments, signature blocks, signing.

Structure after shared/domain.md §9.4: grounds → "Các đơn vị … thống nhất ký kết
giao ước thi đua với các nội dung sau:" → numbered commitments → "Tổ chức thực
hiện" → one signature column per member unit.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import ClusterYear, Pledge, PledgeCommitment, PledgeSignatory
from clusters.printing import pledge_context
from orgs.models import Unit
from orgs.vn import upper

from .common import audit, require_act_for, require_lead

DEFAULT_COMMITMENTS = [
    "Thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ chính trị được giao năm {year}.",
    "Hưởng ứng, tổ chức thực hiện có hiệu quả các phong trào thi đua do cấp trên phát động và do Cụm đề xuất.",
    "Đẩy mạnh cải cách hành chính, siết chặt kỷ luật, kỷ cương hành chính, xây dựng văn hóa công vụ.",
    "Xây dựng tổ chức Đảng, chính quyền, đoàn thể trong sạch, vững mạnh.",
    "Làm tốt công tác thi đua, khen thưởng: phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; quan "
    "tâm khen thưởng người lao động trực tiếp; thực hiện chế độ thông tin, báo cáo đúng thời hạn.",
]
COLLECTIVE_KINDS = {"province", "district", "commune", "ward", "special_zone"}


def default_signature(unit: Unit) -> dict[str, str]:
    """ "TM. ỦY BAN NHÂN DÂN QUẬN … / CHỦ TỊCH" for people's committees, "… / GIÁM ĐỐC" else."""
    name = " ".join(unit.printed_name.split())
    if unit.kind in COLLECTIVE_KINDS:
        return {"prefix": "TM.", "authority": name, "title": "CHỦ TỊCH"}
    return {
        "prefix": "",
        "authority": name,
        "title": "GIÁM ĐỐC" if unit.kind == "department" else "THỦ TRƯỞNG",
    }


def lock_pledge(pledge: Pledge) -> Pledge:
    return (
        Pledge.objects.select_for_update()
        .select_related("cluster_year__cluster__authority")
        .get(pk=pledge.pk)
    )


def _require_draft(pledge: Pledge) -> None:
    if not pledge.is_editable:
        raise ValidationError(
            _("Giao ước đã mở ký kết: không sửa nội dung được nữa."), code="not_draft"
        )


@transaction.atomic
def pledge_create(*, cluster_year: ClusterYear, actor: Any) -> Pledge:
    """A draft with the usual grounds, the five usual commitments and every member's block."""
    require_lead(actor, cluster_year)
    if Pledge.objects.filter(cluster_year=cluster_year).exists():
        raise ValidationError(_("Năm này đã có bản giao ước."), code="exists")
    cluster, year = cluster_year.cluster, cluster_year.year
    pledge = Pledge.objects.create(
        cluster_year=cluster_year,
        title=f"Bản giao ước thi đua năm {year}",
        grounds="\n".join(
            [
                *_law_grounds(year),
                f"Căn cứ Kế hoạch tổ chức phong trào thi đua năm {year} của {cluster.authority.name};",
                f"Căn cứ Quy chế hoạt động của {cluster.short_name},",
            ]
        ),
        preamble=(
            f"Các đơn vị trong {cluster.short_name} thống nhất ký kết giao ước thi đua năm "
            f"{year} với các nội dung sau:"
        ),
        implementation="\n".join(
            [
                f"Đơn vị {cluster.head_word.lower()} chủ trì theo dõi, đôn đốc việc thực hiện giao "
                "ước; tổ chức sơ kết, tổng kết, chấm điểm và bình xét thi đua theo quy chế của "
                f"{cluster.short_name}.",
                "Thủ trưởng các đơn vị thành viên chịu trách nhiệm tổ chức thực hiện các nội dung "
                "giao ước tại đơn vị mình.",
            ]
        ),
        signing_place=cluster.issuer.printed_place,
    )
    PledgeCommitment.objects.bulk_create(
        PledgeCommitment(pledge=pledge, order=i, text=text.format(year=year))
        for i, text in enumerate(DEFAULT_COMMITMENTS, start=1)
    )
    _sync_signatories(pledge)
    audit(actor, "clusters.pledge.created", pledge, cluster.authority)
    return pledge


def _law_grounds(year: int) -> list[str]:
    """The emulation law in force on 1 January of the pledge's year (2003 law until 2023)."""
    from orgs.selectors import legal_documents_in_force

    laws = legal_documents_in_force(datetime.date(year, 1, 1)).filter(
        kind="law", title__icontains="thi đua"
    )
    return [
        f"Căn cứ {law.citation or law.title};"
        for law in laws.order_by("-issued_on")[:1]
    ]


def _sync_signatories(pledge: Pledge) -> None:
    """Give every member unit a signature block (kept blocks are not touched)."""
    year = pledge.cluster_year
    existing = set(pledge.signatories.values_list("unit_id", flat=True))
    rows = []
    for membership in year.memberships.select_related("unit").order_by("order", "pk"):
        if membership.unit_id in existing:
            continue
        defaults = default_signature(membership.unit)
        rows.append(
            PledgeSignatory(
                pledge=pledge,
                unit=membership.unit,
                order=membership.order,
                name=membership.representative_name,
                role_note=membership.role_label if membership.role != "member" else "",
                **defaults,
            )
        )
    PledgeSignatory.objects.bulk_create(rows)


@transaction.atomic
def pledge_update(*, pledge: Pledge, actor: Any, **changes: Any) -> Pledge:
    pledge = lock_pledge(pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    allowed = {
        "title",
        "grounds",
        "preamble",
        "implementation",
        "signing_date",
        "signing_place",
    }
    if set(changes) - allowed:
        raise ValueError(f"Not editable: {sorted(set(changes) - allowed)}")
    before = {name: getattr(pledge, name) for name in changes}
    for name, value in changes.items():
        setattr(pledge, name, value)
    pledge.full_clean()
    pledge.save(update_fields=[*changes, "updated_at"])
    audit(
        actor,
        "clusters.pledge.changed",
        pledge,
        pledge.cluster_year.cluster.authority,
        before=before,
        after=changes,
    )
    return pledge


@transaction.atomic
def commitment_add(*, pledge: Pledge, actor: Any, text: str) -> PledgeCommitment:
    pledge = lock_pledge(pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    if not text.strip():
        raise ValidationError(_("Hãy ghi nội dung giao ước."), code="required")
    last = pledge.commitments.aggregate(last=Max("order"))["last"] or 0
    commitment = PledgeCommitment.objects.create(
        pledge=pledge, order=last + 1, text=text.strip()
    )
    audit(
        actor,
        "clusters.pledge.commitment_added",
        pledge,
        pledge.cluster_year.cluster.authority,
        text=text,
    )
    return commitment


@transaction.atomic
def commitment_update(
    *, commitment: PledgeCommitment, actor: Any, text: str
) -> PledgeCommitment:
    pledge = lock_pledge(commitment.pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    if not text.strip():
        raise ValidationError(_("Hãy ghi nội dung giao ước."), code="required")
    before = commitment.text
    commitment.text = text.strip()
    commitment.save(update_fields=["text"])
    audit(
        actor,
        "clusters.pledge.commitment_changed",
        pledge,
        pledge.cluster_year.cluster.authority,
        before=before,
        after=text,
    )
    return commitment


@transaction.atomic
def commitment_delete(*, commitment: PledgeCommitment, actor: Any) -> None:
    pledge = lock_pledge(commitment.pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    audit(
        actor,
        "clusters.pledge.commitment_removed",
        pledge,
        pledge.cluster_year.cluster.authority,
        text=commitment.text,
    )
    commitment.delete()
    _renumber(pledge)


@transaction.atomic
def commitment_move(*, commitment: PledgeCommitment, actor: Any, up: bool) -> None:
    """Swap a commitment with its neighbour; the numbers are the order."""
    pledge = lock_pledge(commitment.pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    items = list(pledge.commitments.order_by("order", "pk"))
    index = next(i for i, c in enumerate(items) if c.pk == commitment.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        for order, item in enumerate(items, start=1):
            item.order = order
        PledgeCommitment.objects.bulk_update(items, ["order"])


def _renumber(pledge: Pledge) -> None:
    items = list(pledge.commitments.order_by("order", "pk"))
    for order, item in enumerate(items, start=1):
        item.order = order
    PledgeCommitment.objects.bulk_update(items, ["order"])


@transaction.atomic
def signatory_update(
    *,
    signatory: PledgeSignatory,
    actor: Any,
    prefix: str,
    authority: str,
    title: str,
    name: str,
) -> PledgeSignatory:
    """The unit (or the head) sets how its signature block reads, before signing."""
    pledge = lock_pledge(signatory.pledge)
    signatory = (
        PledgeSignatory.objects.select_for_update()
        .select_related("unit")
        .get(pk=signatory.pk)
    )
    _require_signer(actor, pledge, signatory)
    if signatory.is_signed:
        raise ValidationError(
            _("Đơn vị đã ký: không sửa khối chữ ký được."), code="signed"
        )
    before = {
        "authority": signatory.authority,
        "title": signatory.title,
        "name": signatory.name,
    }
    signatory.prefix, signatory.authority = prefix, upper(authority.strip())
    signatory.title, signatory.name = upper(title.strip()), name.strip()
    signatory.full_clean()
    signatory.save()
    audit(
        actor,
        "clusters.pledge.signatory_changed",
        pledge,
        signatory.unit,
        before=before,
        after={
            "authority": signatory.authority,
            "title": signatory.title,
            "name": signatory.name,
        },
    )
    return signatory


def _require_signer(actor: Any, pledge: Pledge, signatory: PledgeSignatory) -> None:
    """The unit itself, or the head recording signatures at the ceremony."""
    if actor is None:
        return
    from clusters import access
    from orgs.scoping import scope_for

    scope = scope_for(actor)
    if access.leads(scope, pledge.cluster_year):
        return
    require_act_for(actor, signatory.unit)


@transaction.atomic
def pledge_open_for_signing(*, pledge: Pledge, actor: Any) -> Pledge:
    pledge = lock_pledge(pledge)
    require_lead(actor, pledge.cluster_year)
    _require_draft(pledge)
    if not pledge.commitments.exists():
        raise ValidationError(_("Giao ước chưa có nội dung nào."), code="empty")
    if pledge.signing_date is None:
        raise ValidationError(_("Hãy ghi ngày ký kết."), code="no_date")
    _sync_signatories(pledge)
    pledge.status = Pledge.Status.SIGNING
    pledge.save(update_fields=["status", "updated_at"])
    audit(
        actor, "clusters.pledge.opened", pledge, pledge.cluster_year.cluster.authority
    )
    return pledge


@transaction.atomic
def pledge_sign(
    *,
    signatory: PledgeSignatory,
    actor: Any,
    signed_at: datetime.datetime | None = None,
) -> PledgeSignatory:
    """Record that a unit signed; the pledge is signed when the last unit has."""
    pledge = lock_pledge(signatory.pledge)
    signatory = (
        PledgeSignatory.objects.select_for_update()
        .select_related("unit")
        .get(pk=signatory.pk)
    )
    _require_signer(actor, pledge, signatory)
    if pledge.status != Pledge.Status.SIGNING:
        raise ValidationError(_("Giao ước chưa mở ký kết."), code="not_signing")
    if signatory.is_signed:
        return signatory
    signatory.signed_at = signed_at or timezone.now()
    signatory.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    signatory.save(update_fields=["signed_at", "recorded_by"])
    if not pledge.signatories.filter(signed_at__isnull=True).exists():
        pledge.status = Pledge.Status.SIGNED
        pledge.snapshot = pledge_context(
            Pledge.objects.prefetch_related("commitments", "signatories")
            .select_related("cluster_year__cluster__issuer")
            .get(pk=pledge.pk)
        )
        pledge.save(update_fields=["status", "snapshot", "updated_at"])
    audit(
        actor,
        "clusters.pledge.signed",
        pledge,
        signatory.unit,
        unit_code=signatory.unit.code,
    )
    return signatory


@transaction.atomic
def pledge_unsign(*, signatory: PledgeSignatory, actor: Any) -> PledgeSignatory:
    """Correct a signature recorded by mistake (before every unit has signed)."""
    pledge = lock_pledge(signatory.pledge)
    require_lead(actor, pledge.cluster_year)
    if pledge.status != Pledge.Status.SIGNING:
        raise ValidationError(
            _("Giao ước đã ký đủ: không hủy chữ ký được."), code="signed"
        )
    signatory = PledgeSignatory.objects.select_for_update().get(pk=signatory.pk)
    signatory.signed_at, signatory.recorded_by = None, None
    signatory.save(update_fields=["signed_at", "recorded_by"])
    audit(
        actor,
        "clusters.pledge.unsigned",
        pledge,
        signatory.unit,
        unit_code=signatory.unit.code,
    )
    return signatory
