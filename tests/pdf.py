"""PDF files with a text layer, made in the test: the way most letters reach an officer."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent.parent / "shared/seed/kamerbrief-ai-fabriek-2025.txt"


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with a text layer: each page's lines in Helvetica (WinAnsi, so € is \\200)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        body = "BT /F1 11 Tf 14 TL 72 760 Td "
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            body += f"({escaped}) Tj T* "
        stream = (body + "ET").encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content
        )
        kids.append(len(objects))
    refs = " ".join(f"{k} 0 R" for k in kids).encode()
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def seed_as_pdf() -> bytes:
    """The seed letter as the PDF it came from: its pages (the runs of blank lines in its text)
    as pages, its lines as lines."""
    text = SEED.read_text("utf-8")
    return text_pdf([page.splitlines() for page in re.split(r"\n\s*\n\s*\n\s*\n", text)])
