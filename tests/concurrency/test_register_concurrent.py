"""Two clerks (here: eight) asking for numbers at the same moment never get the same one."""

import datetime
import threading

import pytest
from django.db import close_old_connections, connection

from orgs import services
from orgs.models import DocumentIssuer, DocumentType, IssuedDocument
from tests.factories import UnitFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("reference_data"),
]

WORKERS = 8
PER_WORKER = 5


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are a PostgreSQL test"
)
def test_concurrent_allocations_never_repeat():
    unit = UnitFactory(code="CONC", name="Đơn vị đồng thời")
    issuer = DocumentIssuer.objects.get(unit=unit)
    doc_type = DocumentType.objects.get(code="quyet-dinh")
    barrier = threading.Barrier(WORKERS)
    errors: list[BaseException] = []

    def clerk() -> None:
        try:
            barrier.wait()
            for _ in range(PER_WORKER):
                services.document_number_allocate(
                    issuer=issuer,
                    doc_type=doc_type,
                    issued_on=datetime.date(2026, 1, 5),
                    summary="Đồng thời",
                    actor=None,
                )
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=clerk) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(
        IssuedDocument.objects.filter(issuer=issuer).values_list("number", flat=True)
    )
    assert numbers == list(range(1, WORKERS * PER_WORKER + 1))
