"""The pages of councils, clusters, awards and reports that users open daily, for
``bench/pages.py`` (imported there when present).

Each page picks its object from the seed_bench data the way a user would meet it
at its worst: the dossier with the most nominees in the secretariat's queue, the
largest cluster, the decision with the longest annex, the person and the unit
with the longest award history.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models import Count
from django.urls import reverse

from bench.pages import Page


@cache
def _ids() -> dict[str, int]:
    from awards.models import AwardRecord, Decision, Dossier
    from clusters.models import ClusterYear
    from councils.models import Meeting

    def top(queryset: Any, field: str) -> int:
        return (
            queryset.annotate(n=Count(field))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)[0]
        )

    return {
        "dossier": top(
            Dossier.objects.filter(status=Dossier.Status.UNDER_REVIEW), "nominations"
        ),
        "year": top(ClusterYear.objects.all(), "memberships"),
        "meeting": Meeting.objects.order_by("-starts_at").values_list("pk", flat=True)[
            0
        ],
        "decision": top(Decision.objects.all(), "lines"),
        "person": AwardRecord.objects.filter(person__isnull=False)
        .values("person")
        .annotate(n=Count("pk"))
        .order_by("-n", "person")
        .values_list("person", flat=True)[0],
        "unit": AwardRecord.objects.filter(collective__isnull=True)
        .values("unit")
        .annotate(n=Count("pk"))
        .order_by("-n", "unit")
        .values_list("unit", flat=True)[0],
    }


def _url(name: str, key: str | None = None, query: str = "") -> Any:
    def build(context: dict[str, Any]) -> str:
        args = [_ids()[key]] if key else []
        return reverse(name, args=args) + query

    return build


def pages() -> list[Page]:
    return [
        Page("reports dashboard", _url("reports:index")),
        Page("dossier queue", _url("awards:dossier-queue")),
        Page("dossier list", _url("awards:dossier-list")),
        Page("dossier detail", _url("awards:dossier-detail", "dossier")),
        Page("cluster ranking", _url("clusters:ranking", "year")),
        Page("scoring grid", _url("clusters:scoring", "year")),
        Page("award history person", _url("awards:history-person", "person")),
        Page("award history unit", _url("awards:history-unit", "unit")),
        Page("award records list", _url("awards:record-list")),
        Page("search nguyen van an", _url("awards:search", query="?q=nguyen+van+an")),
        Page("council session", _url("councils:meeting-detail", "meeting")),
        Page("decision list", _url("awards:decision-list")),
        Page("decision detail (longest)", _url("awards:decision-detail", "decision")),
    ]
