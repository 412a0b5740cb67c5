"""Fixtures of the councils' tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _reference_rows(request: Any) -> None:
    """Put the reference data back if a transactional test flushed it earlier in the run.

    pytest may run the browser journeys (transactional, they flush the database)
    before these tests when it groups browser-parametrised tests together; the
    rules these tests read (quorum, vote thresholds, document types) must be there.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None and "db" not in request.fixturenames:
        return
    if marker is not None and marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("db")
    from orgs.models import DocumentType, LegalParameter
    from tests.conftest import load_reference_data

    missing = not LegalParameter.objects.filter(code="council_quorum").exists()
    if missing or not DocumentType.objects.filter(code="bien-ban").exists():
        load_reference_data()
