"""Reads of the foundation. Selectors take the viewer's scope and shape the query."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from orgs.models import (
    DocumentIssuer,
    IssuedDocument,
    LegalDocument,
    ParameterValue,
    Person,
    Unit,
    UnitNameRecord,
)
from orgs.scoping import Scope
from orgs.vn import fold


class ParameterMissing(ValidationError):
    pass


def _in_force(row: ParameterValue, on: datetime.date) -> bool:
    return row.valid_from <= on and (row.valid_to is None or row.valid_to >= on)


def _nearest_first(
    rows: list[ParameterValue], unit: Unit | None
) -> list[ParameterValue]:
    """Keep the rows that apply to ``unit`` (its own, an ancestor's or the national
    one), the nearest first: a province's own rule wins over the national one."""
    if unit is None or not unit.path:
        return [row for row in rows if row.scope_unit_id is None]
    rank = {unit_id: depth for depth, unit_id in enumerate(unit.ancestor_ids)}
    kept = [
        row for row in rows if row.scope_unit_id is None or row.scope_unit_id in rank
    ]
    kept.sort(key=lambda row: -rank[row.scope_unit_id] if row.scope_unit_id else 1)
    return kept


def _parameter_rows() -> QuerySet[ParameterValue]:
    return ParameterValue.objects.select_related(
        "parameter", "legal_basis", "scope_unit"
    )


def _missing(code: str, key: str, on: datetime.date) -> ParameterMissing:
    return ParameterMissing(
        _("Chưa có giá trị của tham số “%(code)s”%(key)s áp dụng ngày %(day)s."),
        code="parameter_missing",
        params={
            "code": code,
            "key": f" ({key})" if key else "",
            "day": on.strftime("%d/%m/%Y"),
        },
    )


def parameter_value_record(
    code: str, *, on: datetime.date, key: str = "", unit: Unit | None = None
) -> ParameterValue:
    """Return the value row of parameter ``code`` in force on ``on``.

    A value set for ``unit`` or its nearest ancestor (a province's own rule) wins
    over the national one. Raises ``ParameterMissing`` when none applies.
    """
    candidates = (
        _parameter_rows()
        .filter(parameter__code=code, key=key, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    )
    if unit is not None and unit.path:
        candidates = candidates.filter(
            Q(scope_unit__isnull=True) | Q(scope_unit_id__in=unit.ancestor_ids)
        )
    else:
        candidates = candidates.filter(scope_unit__isnull=True)
    rows = _nearest_first(list(candidates), unit)
    if not rows:
        raise _missing(code, key, on)
    return rows[0]


class ParameterSnapshot:
    """The value rows of a few parameters, read in one query, that answer like
    ``parameter_value_record`` for any day and any unit the read covered (pages
    that need the same rules for several units ask the database once)."""

    def __init__(self, rows: list[ParameterValue]) -> None:
        self.rows = rows

    def record(
        self, code: str, *, on: datetime.date, key: str = "", unit: Unit | None = None
    ) -> ParameterValue | None:
        rows = [
            row
            for row in self.rows
            if row.parameter.code == code and row.key == key and _in_force(row, on)
        ]
        found = _nearest_first(rows, unit)
        return found[0] if found else None


def parameter_snapshot(codes: Any, units: Q) -> ParameterSnapshot:
    """The rows of parameters ``codes``, national or set for a unit matching ``units``
    (a Q on the value row, e.g. ``Q(scope_unit_id__in=...)``), whatever their dates."""
    rows = _parameter_rows().filter(
        Q(scope_unit__isnull=True) | units, parameter__code__in=list(codes)
    )
    return ParameterSnapshot(list(rows))


def parameter_value(
    code: str, *, on: datetime.date, key: str = "", unit: Unit | None = None
) -> Any:
    """Return the typed value (int, Decimal, Fraction, bool or str) of ``code`` on ``on``."""
    return parameter_value_record(code, on=on, key=key, unit=unit).typed_value


def parameter_value_or(
    code: str,
    default: Any,
    *,
    on: datetime.date,
    key: str = "",
    unit: Unit | None = None,
) -> Any:
    try:
        return parameter_value(code, on=on, key=key, unit=unit)
    except ParameterMissing:
        return default


def legal_documents_in_force(on: datetime.date) -> QuerySet[LegalDocument]:
    return LegalDocument.objects.filter(
        Q(effective_from__isnull=True) | Q(effective_from__lte=on),
        Q(effective_to__isnull=True) | Q(effective_to__gt=on),
    )


def unit_name_on(unit: Unit, day: datetime.date) -> str:
    """Return the name ``unit`` carried on ``day``."""
    record = (
        UnitNameRecord.objects.filter(unit=unit, valid_to__gte=day)
        .order_by("valid_to")
        .first()
    )
    return record.name if record else unit.name


def unit_list(
    *, scope: Scope, query: str = "", kind: str = "", include_historic: bool = True
) -> QuerySet[Unit]:
    children = (
        Unit.objects.filter(parent=OuterRef("pk"))
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # A correlated subquery runs for the page's rows only, not a GROUP BY over the tree.
    units = (
        Unit.objects.visible_to(scope)
        .select_related("parent")
        .annotate(
            child_count=Coalesce(Subquery(children, output_field=IntegerField()), 0)
        )
    )
    if query:
        units = units.filter(
            Q(search_name__contains=fold(query)) | Q(code__iexact=query.strip())
        )
    if kind:
        units = units.filter(kind=kind)
    if not include_historic:
        units = units.filter(valid_to__isnull=True)
    return units.order_by("path")


PICKER_LIMIT = 50


def _first_matching(
    rows: QuerySet[Any], matching: QuerySet[Any], selected: Any, limit: int
) -> list[Any]:
    """The first ``limit`` matching rows, the selected one first when it is visible
    but not among them (a picker must never drop the current choice)."""
    found = list(matching[:limit])
    chosen = str(selected or "")
    if chosen.isdigit() and all(str(row.pk) != chosen for row in found):
        found = list(rows.filter(pk=int(chosen))) + found
    return found


def unit_choices(
    *,
    scope: Scope,
    query: str = "",
    selected: Any = None,
    roles: Any = None,
    limit: int = PICKER_LIMIT,
) -> list[Unit]:
    """Units a picker offers: those matching ``query`` (accents ignored, or the
    exact code), in the order of the tree — never the thousands of a province."""
    units = Unit.objects.visible_to(scope, roles).order_by("path")
    matching = units
    if query.strip():
        matching = units.filter(
            Q(search_name__contains=fold(query)) | Q(code__iexact=query.strip())
        )
    return _first_matching(units, matching, selected, limit)


def person_choices(
    *,
    scope: Scope,
    query: str = "",
    selected: Any = None,
    roles: Any = None,
    limit: int = PICKER_LIMIT,
) -> list[Person]:
    """People a picker offers: those whose name contains ``query``, accents ignored."""
    people = (
        Person.objects.visible_to(scope, roles)
        .select_related("unit")
        .order_by("search_name", "pk")
    )
    matching = (
        people.filter(search_name__contains=fold(query)) if query.strip() else people
    )
    return _first_matching(people, matching, selected, limit)


def person_label(person: Person) -> str:
    """How a person is told apart from namesakes in a list."""
    return f"{person.full_name} ({person.birth_year or '—'}, {person.unit.name})"


PICKERS: dict[str, tuple[Any, Any]] = {
    "units": (unit_choices, str),
    "people": (person_choices, person_label),
}


def picker_choices(
    source: str, *, scope: Scope, query: str, selected: Any, roles: Any = None
) -> list[tuple[int, str]]:
    choose, label = PICKERS[source]
    rows = choose(scope=scope, query=query, selected=selected, roles=roles)
    return [(row.pk, label(row)) for row in rows]


def unit_detail(*, scope: Scope, pk: int) -> Unit:
    from orgs.scoping import get_visible_or_404

    return get_visible_or_404(
        Unit.objects.select_related("parent").prefetch_related(
            "successions_in__predecessor", "successions_out__successor", "name_records"
        ),
        scope,
        pk=pk,
    )


def person_list(
    *, scope: Scope, query: str = "", unit: Unit | None = None
) -> QuerySet[Person]:
    people = Person.objects.visible_to(scope).select_related("unit")
    if query:
        people = people.filter(search_name__contains=fold(query))
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    return people.order_by("search_name", "pk")


def person_duplicate_groups(*, scope: Scope) -> QuerySet[Any]:
    """Return (folded name, birth year, unit) groups that hold more than one person."""
    return (
        Person.objects.visible_to(scope)
        .values("search_name", "birth_year", "unit_id", "unit__name")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .order_by("search_name")
    )


def document_list(
    *, scope: Scope, query: str = "", year: int | None = None
) -> QuerySet[IssuedDocument]:
    documents = IssuedDocument.objects.visible_to(scope).select_related(
        "issuer", "doc_type", "issuer__unit"
    )
    if query:
        documents = documents.filter(
            Q(summary__icontains=query) | Q(symbol__icontains=query)
        )
    if year:
        documents = documents.filter(year=year)
    return documents


def issuer_list(*, scope: Scope) -> QuerySet[DocumentIssuer]:
    return DocumentIssuer.objects.visible_to(scope).select_related("unit")


def current_parameters(*, on: datetime.date) -> QuerySet[ParameterValue]:
    return (
        ParameterValue.objects.select_related("parameter", "legal_basis", "scope_unit")
        .filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("parameter__code", "key", "scope_unit__path")
    )
