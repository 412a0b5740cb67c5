"""Draft decisions for the database-restart fault (``bench/load/db_restart.sh``).

Makes a top-level unit ``LOAD-W`` with its own number register, LOAD_DRAFTS draft
decisions of that unit (each with one approved dossier and one person), and the
account ``load.writer`` (secretariat of LOAD-W) that issues them over HTTP during
the restart. Uses the test factories (the ``test`` extra).
"""

from __future__ import annotations

import os
import time


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from bench.load.prepare import PASSWORD
    from orgs import services
    from orgs.models import Role
    from tests.factories import PersonFactory, UnitFactory
    from tests.factories_awards import approved, dossier, draft_decision

    count = int(os.environ.get("LOAD_DRAFTS", "150"))
    started = time.perf_counter()
    unit = UnitFactory(code="LOAD-W", name="Phường Ghi Thử")
    for _ in range(count):
        draft_decision(
            [approved(dossier(unit, "GIAY_KHEN", people=[PersonFactory(unit=unit)]))]
        )
    user = get_user_model().objects.create(
        username="load.writer", password=make_password(PASSWORD), is_staff=True
    )
    services.role_grant(user=user, unit=unit, role=Role.SECRETARIAT, actor=None)
    print(f"{count} draft decisions of LOAD-W: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
