"""A small writer of Word (.docx) files, for drafts the units keep editing in Word.

Only what a báo cáo thành tích needs: paragraphs (bold, italic, centred), tables
with borders, two-column blocks without borders (letterhead, signatures), A4 with
the decree 30 margins and a Times-metric font. No dependency beyond the standard
library: a .docx is a zip of a few XML parts.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MM = 56.7  # twips per millimetre

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f"<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="60" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
)


def _run(text: str, *, bold: bool = False, italic: bool = False, size: int = 0) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "both",
    size: int = 0,
    indent: bool = False,
) -> str:
    ppr = f'<w:jc w:val="{align}"/>'
    if indent:
        ppr += '<w:ind w:firstLine="567"/>'
    return (
        f"<w:p><w:pPr>{ppr}</w:pPr>"
        f"{_run(text, bold=bold, italic=italic, size=size)}</w:p>"
    )


class Docx:
    """Build a document part by part, then take ``bytes()``."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def paragraph(self, text: str, **style: object) -> None:
        self.parts.append(_paragraph(text, **style))  # type: ignore[arg-type]

    def blank(self) -> None:
        self.parts.append("<w:p/>")

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int] | None = None,
    ) -> None:
        """A bordered table; ``widths`` in millimetres."""
        grid = "".join(f'<w:gridCol w:w="{int(w * MM)}"/>' for w in (widths or []))
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        borders = "".join(
            border.format(side)
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        xml = [
            f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}'
            f"</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ]
        xml.append(self._row(headers, bold=True, widths=widths))
        xml += [self._row(row, widths=widths) for row in rows]
        xml.append("</w:tbl>")
        self.parts.append("".join(xml))

    def columns(
        self, left: Sequence[tuple[str, dict]], right: Sequence[tuple[str, dict]]
    ) -> None:
        """Two borderless columns of centred lines (letterhead, signatures)."""
        cells = []
        for lines in (left, right):
            body = (
                "".join(
                    _paragraph(text, align="center", **style) for text, style in lines
                )
                or "<w:p/>"
            )
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{int(80 * MM)}" w:type="dxa"/></w:tcPr>{body}</w:tc>'
            )
        self.parts.append(
            '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
            f'<w:gridCol w:w="{int(80 * MM)}"/><w:gridCol w:w="{int(80 * MM)}"/></w:tblGrid>'
            f"<w:tr>{''.join(cells)}</w:tr></w:tbl>"
        )

    @staticmethod
    def _row(
        values: Sequence[str],
        *,
        bold: bool = False,
        widths: Sequence[int] | None = None,
    ) -> str:
        cells = []
        for index, value in enumerate(values):
            width = (
                f'<w:tcPr><w:tcW w:w="{int(widths[index] * MM)}" w:type="dxa"/></w:tcPr>'
                if widths and index < len(widths)
                else ""
            )
            body = _paragraph(
                str(value), bold=bold, align="center" if bold else "left", size=12
            )
            cells.append(f"<w:tc>{width}{body}</w:tc>")
        return f"<w:tr>{''.join(cells)}</w:tr>"

    def bytes(self) -> bytes:
        section = (
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{int(20 * MM)}" w:right="{int(15 * MM)}" '
            f'w:bottom="{int(20 * MM)}" w:left="{int(30 * MM)}" w:header="708" '
            'w:footer="708" w:gutter="0"/></w:sectPr>'
        )
        document = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {W}><w:body>{''.join(self.parts)}{section}</w:body></w:document>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", ROOT_RELS)
            archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
            archive.writestr("word/styles.xml", STYLES)
            archive.writestr("word/document.xml", document)
        return buffer.getvalue()


def achievement_docx(doc: dict) -> bytes:
    """The báo cáo thành tích (print context ``doc``) as a Word file."""
    out = Docx()
    head = doc["letterhead"]
    nation, slogan = doc["motto"]
    out.columns(
        [(head["parent"], {}), (head["name"], {"bold": True})] if head["name"] else [],
        [
            (nation, {"bold": True, "size": 13}),
            (slogan, {"bold": True}),
            (head["date_line"], {"italic": True}),
        ],
    )
    out.blank()
    out.paragraph(doc["kind_title"], bold=True, align="center")
    out.paragraph(doc["summary"], bold=True, align="center")
    out.paragraph(doc["subject_line"], italic=True, align="center")
    out.paragraph(doc["part_one"], bold=True)
    for line in doc["profile"]:
        out.paragraph(line, indent=True)
    out.paragraph(doc["part_two"], bold=True)
    if doc["results"]:
        out.paragraph(doc["results_intro"], indent=True)
        rows = [[r["year"], r["result"]] for r in doc["results"]]
        out.table(doc["results_headers"], rows, [30, 120])
    for line in doc["achievements"]:
        out.paragraph(line, indent=True)
    out.paragraph(doc["part_three"], bold=True)
    history = [
        [h["year"], h["award"], h["decision"], h["issuer"]] for h in doc["history"]
    ]
    out.table(doc["history_headers"], history or [["", "", "", ""]], [18, 55, 45, 47])
    out.blank()
    left, right = doc["left_signature"], doc["right_signature"]
    out.columns(
        [(left["title"], {"bold": True}), (left["note"], {"italic": True})],
        [
            (right["title"], {"bold": True}),
            (right["note"], {"italic": True}),
            ("", {}),
            ("", {}),
            ("", {}),
            (right["name"], {"bold": True}),
        ],
    )
    return out.bytes()
