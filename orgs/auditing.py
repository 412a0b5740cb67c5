"""Audit the writes that do not go through a service: Django admin saves and deletes,
inline formsets, bulk deletes and spreadsheet imports.

Services write their own entry (``orgs.services.audit_record``). A generic write path
wraps itself in an ``AuditTrail``: ``watch`` snapshots the rows before the write,
``finish`` compares them with the database afterwards and writes one entry per row
that was created, changed or deleted — unless a service already audited that row
during the write, so nothing is logged twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max

from orgs.models import AuditEntry
from orgs.rules import unit_of
from orgs.services import _jsonable, audit_record

Key = tuple[type[models.Model], Any]


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The stored values of ``obj``'s own columns, as JSON-ready data (without
    ``auto_now`` timestamps: the entry has its own time)."""
    return {
        field.name: _jsonable(field.value_from_object(obj))
        for field in obj._meta.concrete_fields
        if not getattr(field, "auto_now", False)
    }


def _unit(obj: models.Model) -> Any:
    try:
        unit = unit_of(obj)
    except Exception:  # a parent already deleted, a broken path: audit anyway
        return None
    from orgs.models import Unit

    return unit if isinstance(unit, Unit) and unit.pk else None


class AuditTrail:
    def __init__(self, *, actor: Any, via: str) -> None:
        self.actor = actor
        self.via = via
        self.mark = AuditEntry.objects.aggregate(last=Max("pk"))["last"] or 0
        self.before: dict[Key, tuple[models.Model, dict[str, Any], Any]] = {}

    @staticmethod
    def _key(obj: models.Model) -> Key:
        return (obj._meta.concrete_model, obj.pk)

    def watch(self, objects: Iterable[models.Model]) -> None:
        """Remember the stored state of ``objects`` (read again from the database)."""
        by_model: dict[type[models.Model], list[Any]] = defaultdict(list)
        for obj in objects:
            if obj.pk is not None:
                by_model[obj._meta.concrete_model].append(obj.pk)
        for model, pks in by_model.items():
            for stored in model._base_manager.filter(pk__in=pks):
                self.before.setdefault(
                    self._key(stored), (stored, snapshot(stored), _unit(stored))
                )

    def finish(self, objects: Iterable[models.Model] = ()) -> int:
        """Audit every watched or given row that differs from its snapshot."""
        keys = set(self.before) | {
            self._key(obj) for obj in objects if obj.pk is not None
        }
        by_model: dict[type[models.Model], list[Any]] = defaultdict(list)
        for model, pk in keys:
            by_model[model].append(pk)
        written = 0
        for model, pks in by_model.items():
            current = {o.pk: o for o in model._base_manager.filter(pk__in=pks)}
            content_type = ContentType.objects.get_for_model(model)
            audited = set(
                AuditEntry.objects.filter(
                    pk__gt=self.mark, content_type=content_type, object_id__in=pks
                ).values_list("object_id", flat=True)
            )
            for pk in pks:
                written += self._record(model, pk, current.get(pk), audited)
        return written

    def _record(
        self, model: type[models.Model], pk: Any, now: Any, audited: set[Any]
    ) -> int:
        old, before, unit = self.before.get((model, pk), (None, None, None))
        after = snapshot(now) if now is not None else None
        if pk in audited:
            return 0
        entry = entry_for(
            actor=self.actor,
            via=self.via,
            obj=now,
            old=old,
            unit=unit,
            before=before,
            after=after,
        )
        if entry is None:
            return 0
        audit_record(**entry)
        return 1


def entry_for(
    *,
    actor: Any,
    via: str,
    obj: models.Model | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    old: models.Model | None = None,
    unit: Any = None,
) -> dict[str, Any] | None:
    """The ``audit_record`` arguments for one row going from ``before`` to ``after``
    (snapshots; None when the row did not exist), or None when nothing changed."""
    if before == after:
        return None
    if before is None:
        verb, data = "created", {"before": {}, "after": after}
    elif after is None:
        verb, data = "deleted", {"before": before, "after": {}}
    else:
        changed = [name for name in after if before.get(name) != after[name]]
        verb = "changed"
        data = {
            "before": {name: before.get(name) for name in changed},
            "after": {name: after[name] for name in changed},
        }
    if via == "import" and verb != "deleted":
        verb = "imported"
    model = (obj if obj is not None else old)._meta.concrete_model
    opts = model._meta
    return {
        "actor": actor,
        "action": f"{opts.app_label}.{opts.model_name}.{verb}",
        "obj": obj if obj is not None else old,
        "unit": _unit(obj) if obj is not None else unit,
        "data": {**data, "via": via},
    }
