"""The access matrix: every staff URL, every persona, the status each must get.

Each app adds its cases in ``tests/access/cases_<app>.py`` as a list ``CASES``.
A case builds the URL for an object owned by unit A (or no object) and states
the expected status per persona. ``test_every_url_covered`` fails when a URL of
the app has no case, so a new view cannot escape the matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERSONAS = ("anonymous", "outsider", "officer_a", "officer_b", "leader", "secretariat")

# Common expectations. "login" means a redirect to the login page.
OWN_A_VIEW = {
    "anonymous": "login",
    "outsider": 404,
    "officer_a": 200,
    "officer_b": 404,
    "leader": 200,
    "secretariat": 200,
}
OWN_A_CHANGE = {
    "anonymous": "login",
    "outsider": 404,
    "officer_a": 200,
    "officer_b": 404,
    "leader": 403,
    "secretariat": 200,
}
OWN_A_MANAGE = {
    "anonymous": "login",
    "outsider": 404,
    "officer_a": 403,
    "officer_b": 404,
    "leader": 403,
    "secretariat": 200,
}
LIST_ANY_ROLE = {
    "anonymous": "login",
    "outsider": 403,
    "officer_a": 200,
    "officer_b": 200,
    "leader": 200,
    "secretariat": 200,
}
LIST_CHANGERS = {
    "anonymous": "login",
    "outsider": 403,
    "officer_a": 200,
    "officer_b": 200,
    "leader": 403,
    "secretariat": 200,
}
LIST_MANAGERS = {
    "anonymous": "login",
    "outsider": 403,
    "officer_a": 403,
    "officer_b": 403,
    "leader": 403,
    "secretariat": 200,
}
EVERYONE_LOGGED_IN = {
    "anonymous": "login",
    "outsider": 200,
    "officer_a": 200,
    "officer_b": 200,
    "leader": 200,
    "secretariat": 200,
}
PUBLIC = dict.fromkeys(PERSONAS, 200)


@dataclass
class Case:
    url_name: str
    expect: dict[str, Any]
    kwargs: Callable[[Any, dict[str, Any]], dict[str, Any]] | None = None
    method: str = "get"
    data: Callable[[Any, dict[str, Any]], dict[str, Any]] | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.url_name}:{self.method}{('-' + self.note) if self.note else ''}"
