from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from orgs import services
from orgs.models import DocumentIssuer, DocumentType
from orgs.pdf import render_pdf
from orgs.printing import document_render_context, sample_decision_context


class Command(BaseCommand):
    help = "In văn bản mẫu (quyết định theo Nghị định 30/2020) ra tệp PDF."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--unit", required=True, help="Mã đơn vị ban hành, ví dụ HN-SNV"
        )
        parser.add_argument("--out", required=True, help="Đường dẫn tệp PDF")
        parser.add_argument(
            "--issue",
            action="store_true",
            help="Cấp số thật trong sổ văn bản trước khi in",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        issuer = DocumentIssuer.objects.filter(
            unit__code=options["unit"], kind=DocumentIssuer.Kind.UNIT
        ).first()
        if issuer is None:
            raise CommandError(f"Không có đơn vị mã {options['unit']}.")
        today = timezone.localdate()
        if options["issue"]:
            document = services.sample_document_issue(
                issuer=issuer, actor=None, issued_on=today
            )
            template, context = document_render_context(document)
            self.stdout.write(f"Đã cấp số {document.full_number}")
        else:
            doc_type = DocumentType.objects.get(code="quyet-dinh")
            sample = sample_decision_context(issuer=issuer, doc_type=doc_type, on=today)
            template, context = sample["template"], {"doc": sample["doc"]}
        Path(options["out"]).write_bytes(render_pdf(template, context))
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {options['out']}"))
