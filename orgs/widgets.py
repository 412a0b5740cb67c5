"""Form widgets shared by every app.

``FastSelect`` is Django's ``Select`` rendered in Python: Django renders every
``<option>`` through its own template include, which costs ≈ 40 µs an option —
≈ 110 ms for the 2,551 units of a province in a filter form
(docs/benchmarks.md). The markup is the same as Django's templates give (name,
id, attributes, ``selected``, optgroups, escaping), so labels, ``for``/``id``
pairs and keyboard use are unchanged.
"""

from __future__ import annotations

import html
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


def _text(value: Any) -> str:
    """``conditional_escape`` without its lazy-string wrapper (called per option)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's ``attrs.html``: ``True`` as a bare name, ``False``/``None`` left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


def _options(options: list[dict[str, Any]]) -> str:
    return "\n".join(
        f'<option value="{_text(o["value"])}"{_attrs(o["attrs"])}>'
        f"{_text(o['label'])}</option>"
        for o in options
    )


class FastSelect(forms.Select):
    """A ``<select>`` whose options are built without a template per option."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(
                    f'<optgroup label="{_text(group_name)}">\n'
                    f"{_options(options)}\n</optgroup>"
                )
            else:
                parts.append(_options(options))
        body = "\n".join(parts)
        # Every piece above is escaped (``_text``), as Django's templates do.
        return mark_safe(
            f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
            f"{body}\n</select>"
        )


class UnitPicker(FastSelect):
    """A unit ``<select>`` with a search box before it.

    The select offers only the units matching the search (``orgs.selectors
    .unit_choices``): typing asks ``orgs:unit-options`` for new options (htmx);
    without script, submitting the form with the search does the same. Set
    ``choices`` and ``query`` per form (``unit_picker_setup``).
    """

    query = ""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        search = _attrs(
            {
                "type": "search",
                "name": f"{name}_q",
                "id": f"{select_id}_q",
                "value": self.query,
                "maxlength": 100,
                "class": "unit-search",
                "placeholder": gettext("Gõ tên hoặc mã đơn vị…"),
                "aria-label": gettext("Tìm đơn vị"),
                "aria-controls": select_id,
                "autocomplete": "off",
                "hx-get": f"{reverse('orgs:unit-options')}?field={name}",
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": f"#{select_id}",
                "hx-include": f"#{select_id}",
                "hx-sync": "this:replace",
            }
        )
        return mark_safe(f'<span class="unit-picker"><input{search}>{select}</span>')


def unit_picker_setup(form: Any, name: str, scope: Any) -> None:
    """Give ``form``'s unit field (a ``UnitPicker``) the options of its search."""
    from orgs.selectors import unit_choices

    field = form.fields[name]
    query = str(form.data.get(f"{name}_q", ""))[:100]
    chosen = form.data.get(name)
    widget = field.widget
    widget.query = query
    widget.choices = [("", field.empty_label)] + [
        (unit.pk, field.label_from_instance(unit))
        for unit in unit_choices(scope=scope, query=query, selected=chosen)
    ]
