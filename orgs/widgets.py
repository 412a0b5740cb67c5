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
from django.utils.translation import gettext, gettext_noop


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


class SearchSelect(FastSelect):
    """A ``<select>`` with a search box before it, for choices too many to list
    (a province has 2,551 units and 150,000 people).

    The select offers only the rows matching the search: typing asks
    ``options_url`` for new options (htmx); without script, submitting the form
    with the search does the same. ``picker_setup`` fills ``choices`` and
    ``query`` per form.
    """

    source = ""  # a key of ``orgs.selectors.PICKERS``
    options_url = ""
    placeholder = ""
    search_label = ""
    query = ""
    roles = ""  # "change": offer only what the viewer may change

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        url = f"{reverse(self.options_url)}?field={name}"
        if self.roles:
            url += f"&roles={self.roles}"
        search = _attrs(
            {
                "type": "search",
                "name": f"{name}_q",
                "id": f"{select_id}_q",
                "value": self.query,
                "maxlength": 100,
                "class": "picker-search",
                "placeholder": gettext(self.placeholder),
                "aria-label": gettext(self.search_label),
                "aria-controls": select_id,
                "autocomplete": "off",
                "hx-get": url,
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": f"#{select_id}",
                "hx-include": f"#{select_id}",
                "hx-sync": "this:replace",
            }
        )
        return mark_safe(f'<span class="picker"><input{search}>{select}</span>')


class UnitPicker(SearchSelect):
    source = "units"
    options_url = "orgs:unit-options"
    placeholder = gettext_noop("Gõ tên hoặc mã đơn vị…")
    search_label = gettext_noop("Tìm đơn vị")


class PersonPicker(SearchSelect):
    source = "people"
    options_url = "orgs:person-options"
    placeholder = gettext_noop("Gõ họ tên, không cần dấu…")
    search_label = gettext_noop("Tìm cá nhân")


def picker_setup(form: Any, name: str, scope: Any, *, roles: Any = None) -> None:
    """Give ``form``'s picker field the options matching its search."""
    from orgs.selectors import picker_choices

    field = form.fields[name]
    widget = field.widget
    widget.query = str(form.data.get(f"{name}_q", ""))[:100]
    widget.roles = "change" if roles else ""
    found = picker_choices(
        widget.source,
        scope=scope,
        query=widget.query,
        selected=form.data.get(name),
        roles=roles,
    )
    widget.choices = [("", field.empty_label), *found]
