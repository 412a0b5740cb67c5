"""Fixtures of the awards tests: a frozen "today" inside the 2025 year-end season."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache() -> Any:
    # The public comment form rate-limits by client through the cache.
    cache.clear()
    yield
    cache.clear()
