"""After the database-restart fault: is anything of LOAD-W half-written?

Checks, for the decisions of unit LOAD-W (bench/load/drafts.py):
- every issued decision has its number, its register document and one award
  record per line; no draft has any of these;
- the numbers of the register are 1..N with no gap or repeat, N is the register's
  last number, and every numbered document belongs to exactly one decision.
Exit status 1 when a check fails.

    DATABASE_URL=… DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.load.check_register
"""

from __future__ import annotations

import sys


def main() -> int:
    import django

    django.setup()
    from django.db.models import Count

    from awards.models import Decision
    from orgs.models import DocumentRegister, IssuedDocument

    decisions = Decision.objects.filter(unit__code="LOAD-W").annotate(
        line_count=Count("lines", distinct=True),
        record_count=Count("records", distinct=True),
    )
    issued = [d for d in decisions if d.status == Decision.Status.ISSUED]
    drafts = [d for d in decisions if d.status == Decision.Status.DRAFT]
    problems: list[str] = []
    for d in issued:
        if not d.number or d.document_id is None:
            problems.append(f"decision {d.pk} issued without number/document")
        if d.record_count != d.line_count:
            problems.append(
                f"decision {d.pk}: {d.line_count} lines, {d.record_count} records"
            )
    for d in drafts:
        if d.number or d.document_id is not None or d.record_count:
            problems.append(f"draft {d.pk} has a number, document or record")

    print(f"LOAD-W decisions: {len(issued)} issued, {len(drafts)} drafts")
    if issued:
        issuer_id = issued[0].issuer_id
        documents = IssuedDocument.objects.filter(
            issuer_id=issuer_id, doc_type__code="quyet-dinh"
        )
        numbers = sorted(documents.values_list("number", flat=True))
        registers = DocumentRegister.objects.filter(
            issuer_id=issuer_id, doc_type__code="quyet-dinh"
        )
        last = sum(r.last_number for r in registers)
        owned = set(
            Decision.objects.filter(document__in=documents).values_list(
                "document_id", flat=True
            )
        )
        orphans = documents.exclude(pk__in=owned).count()
        print(
            f"register: last number {last}, {len(numbers)} numbered documents "
            f"(numbers {numbers[:1]}…{numbers[-1:]}), {orphans} without a decision"
        )
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append("numbers are not 1..N")
        if last != len(numbers) or len(numbers) != len(issued):
            problems.append(
                f"register {last} / documents {len(numbers)} / issued {len(issued)}"
            )
        if orphans:
            problems.append(f"{orphans} numbered documents without a decision")
    for problem in problems:
        print("PROBLEM:", problem)
    print("consistent" if not problems else "INCONSISTENT")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
