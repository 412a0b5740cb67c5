"""Two clerks scheduling sessions at once, or marking attendance while a vote is
recorded: the council and session row locks keep numbers and counts right."""

import datetime
import threading

import pytest
from django.db import close_old_connections, connection

from councils import services
from councils.models import Meeting
from tests.factories_councils import at, seated_council

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are a PostgreSQL test"
    ),
]

WORKERS = 6


def _run(workers, job) -> list[BaseException]:
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            job(index)
        except BaseException as error:  # reported by the caller
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_sessions_created_at_once_get_distinct_numbers(world):
    council = seated_council(world.unit_a, size=3)[0]
    errors = _run(
        WORKERS,
        lambda i: services.meeting_create(
            council=council, actor=None, starts_at=at(datetime.date(2022, 3, 1 + i))
        ),
    )
    assert errors == []
    numbers = sorted(
        Meeting.objects.filter(council=council).values_list("number", flat=True)
    )
    assert numbers == list(range(1, WORKERS + 1))
