"""A letter to the Tweede Kamer as paragraphs of clean text: from plain text, a PDF's text
layer, or the HTML of officielebekendmakingen.nl, each paragraph keeping its page and number."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from reconcile.errors import InputError, os_reason

# A letter is a few pages; a file far larger than any letter is refused before it is read.
MAX_LETTER_BYTES = 50 * 1024 * 1024
# A PDF's size says little of what it unpacks to: its pages are counted before any is read,
# and the text read from them is weighed as it comes (pypdf 6 or later caps each stream).
MAX_PDF_PAGES = 500
MAX_PDF_TEXT = 20_000_000  # characters; a long Kamerbrief has some 100,000

_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
# The line that ends a page of a letter in the Rijkshuisstijl, "Pagina 2 van 7" (a text layer
# may space it "P agina"), or "Page 2 of 7": it ends a page, and is no text of the letter.
_PAGE_MARK = re.compile(
    r"^[ \t]*(?:P ?a ?g ?i ?n ?a[ \t]+\d+[ \t]+van|Page[ \t]+\d+[ \t]+of)[ \t]+\d+[ \t]*"
    r"(?:\r?\n|$)",
    re.MULTILINE | re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z]")
# Footnote numbers a PDF's text layer glues to the word or full stop before them
# ("verkenning.3", "maatregelen1", "c.s.?"): digits (or the ? of a lost superscript) that
# follow a lower-case letter, or a full stop after a word of three letters or more.
_GLUED_NOTE = re.compile(r"(?<=[a-zà-ÿ])\d{1,2}(?=[\s.,;:)]|$)|(?<=[a-zà-ÿ]{3}\.)\d{1,2}(?=\s|$)")
_LOST_SUPERSCRIPT = re.compile(r"(?<=\.)\?(?=\s|$)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# The capital I of "AI" read as a lower-case l ("Al-fabriek"): fixed only in a letter that
# writes such a compound, so a Dutch "Al" elsewhere stays itself.
_AI_COMPOUND = re.compile(r"\bAl-[a-zA-Z]")
_AI_WORD = re.compile(r"\bAl\b")


@dataclass(frozen=True)
class Paragraph:
    text: str
    number: int  # counted from 1 over the letter (over the page for a PDF)
    page: int | None = None  # for a PDF
    footnote: bool = False


@dataclass(frozen=True)
class Letter:
    path: Path
    kind: str  # text, pdf, html
    title: str  # the document's own title, or "" when it has none
    identifier: str  # e.g. kst-26643-1340 from the HTML's metadata, or ""
    paragraphs: tuple[Paragraph, ...]


def read_letter(path: Path) -> Letter:
    """The letter at ``path``; InputError (exit 2) when it is missing, empty, binary or has no
    text to read."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("{path} is a folder, not a letter", path=path)
        if size > MAX_LETTER_BYTES:
            raise InputError(
                "{path} is {size} MB, larger than any letter ({limit} MB): not read",
                path=path,
                size=size // (1024 * 1024),
                limit=MAX_LETTER_BYTES // (1024 * 1024),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("letter {path} does not exist", path=path) from None
    except OSError as exc:
        raise InputError(
            "letter {path} cannot be read: {problem}", path=path, problem=os_reason(exc)
        ) from None
    if not data.strip():
        raise InputError("letter {path} is empty", path=path)
    if data.startswith(b"%PDF-"):
        return _read_pdf(path, data)
    text = _decode(path, data)
    if _looks_like_html(path, text):
        return _read_html(path, text)
    pages = text.split("\f")
    if len(pages) == 1 and _PAGE_MARK.search(text):
        # a PDF's text layer saved as text: "Pagina 1 van 7" ends each page
        pages = [_drop_margin(page) for page in _PAGE_MARK.split(text)]
        if not pages[-1].strip():
            pages.pop()
    return Letter(path, "text", "", "", _paragraphs(pages, numbered=len(pages) > 1))


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Windows Notepad may save it
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192] or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InputError(
            "{path} is not a letter: a binary file (read are plain text, PDF and HTML)", path=path
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # older Windows text files
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text[:8192]) // 20:
        raise InputError(
            "{path} is not a letter: a binary file (read are plain text, PDF and HTML)", path=path
        )
    if not text.strip():
        raise InputError("letter {path} is empty", path=path)
    return text


def _looks_like_html(path: Path, text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    xhtml = head.startswith("<?xml") and "<html" in head
    return (
        path.suffix.lower() in (".html", ".htm", ".xhtml")
        or xhtml
        or head.startswith(("<!doctype html", "<html"))
    )


def _drop_margin(page: str) -> str:
    """A page of a letter in the Rijkshuisstijl without its margin column, which a text layer
    puts after the page's last line of text, even mid-sentence ("... zijn van andere" /
    "Ministerie van" / "Inf rastructuur en" / ... / "Kenmerk" / ... / "landen voor ..."):
    the trailing run of three or more short lines none of which ends a sentence."""
    lines = page.rstrip().split("\n")
    width = max((len(line.strip()) for line in lines), default=0)
    cut = len(lines)
    while cut > 0:
        line = lines[cut - 1].strip()
        if line and (len(line) >= 0.6 * width or _ends_sentence(line)):
            break
        cut -= 1
    if sum(1 for line in lines[cut:] if line.strip()) < 3:
        return page
    return "\n".join(lines[:cut]) + "\n"


def _paragraphs(pages: list[str], numbered: bool) -> tuple[Paragraph, ...]:
    """Paragraphs of a letter's pages as text (a PDF's text layer, or a text file whose form
    feeds separate its pages): lines broken mid-sentence joined, footnotes kept apart, and a
    sentence that runs on past the footnotes on to the next page joined again. ``numbered``:
    the pages are real pages, and paragraphs are counted per page."""
    paragraphs: list[Paragraph] = []
    notes = _Notes()
    for index, page_text in enumerate(pages, start=1):
        on_page = index if numbered else None
        number = 0 if numbered else len(paragraphs)
        for lines, footnote in _split_page(page_text, notes):
            number += 1
            paragraphs.append(Paragraph(_join_lines(lines), number, on_page, footnote))
    return _clean(_run_on(paragraphs))


class _Notes:
    """The number the next footnote will have: footnotes are numbered on through a letter, so
    a line "3 Kamerstuk ..." is a footnote only when 3 is the next one."""

    def __init__(self) -> None:
        self.next = 1

    def starts(self, line: str) -> bool:
        match = _FOOTNOTE.match(line)
        if match and int(match.group(1)) == self.next:
            self.next += 1
            return True
        return False


def _split_page(page_text: str, notes: _Notes) -> list[tuple[list[str], bool]]:
    """A page's lines in paragraphs. A blank line ends one; without blank lines (as a PDF's
    text layer has it) a short line that ends a sentence, a short heading, or the next
    footnote's number does."""
    lines = [" ".join(line.split()) for line in page_text.replace("\r\n", "\n").split("\n")]
    width = max((len(line) for line in lines), default=0)
    groups: list[tuple[list[str], bool]] = []
    current: list[str] = []
    footnote = False
    for line in lines:
        starts_note = bool(line) and notes.starts(line)
        if current and (
            not line or starts_note or (not footnote and _ends_paragraph(current[-1], line, width))
        ):
            groups.append((current, footnote))
            current, footnote = [], False
        if starts_note:
            footnote = True
        if line:
            current.append(line)
    if current:
        groups.append((current, footnote))
    return groups


def _ends_paragraph(previous: str, line: str, width: int) -> bool:
    if not (line[:1].isupper() or line[:1].isdigit() or line[:1] in '"“‘(€•-'):
        return False
    if _ends_sentence(previous):
        return len(previous) < 0.8 * width or _is_heading(line, width)
    return _is_heading(previous, width)


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(_strip_notes(line)))


def _is_heading(line: str, width: int) -> bool:
    """A short line that starts in capitals and ends no sentence ("Indiening voorstel")."""
    return line[:1].isupper() and not _ends_sentence(line) and len(line) < 0.6 * width


def _join_lines(lines: list[str]) -> str:
    text = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith("-") and line[:1].islower() and not re.search(r"\b[A-Z]\w?-$", text):
            text = text[:-1] + line  # "begrotings-" + "wijzigingen"
        elif text.endswith("-"):
            text += line  # "Staten-" + "Generaal", "AI-" + "fabriek"
        else:
            text += " " + line
    return text


_FIGURE = set("0123456789€")


def _run_on(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph that stops mid-sentence goes on in the next body paragraph that starts in
    lower case, or that starts a page with a figure (the footnotes at the foot of a page stand
    between them). The pieces are
    joined once at the end, so a letter of many such pieces costs its length."""
    merged: list[tuple[Paragraph, list[str]]] = []
    body: list[str] | None = None  # the pieces of the last body paragraph
    for paragraph in paragraphs:
        if paragraph.footnote:
            merged.append((paragraph, [paragraph.text]))
            continue
        # a page may go on with a figure too: "... bijna" / (page 2) "70 miljoen euro ..."
        goes_on = paragraph.text[:1].islower() or (
            paragraph.page is not None and paragraph.number == 1 and paragraph.text[:1] in _FIGURE
        )
        if body is not None and goes_on:
            end = body[-1] if len(body[-1]) > 8 else " ".join(body[-2:])
            if not _SENTENCE_END.search(_strip_notes(end)):
                body.append(paragraph.text)
                continue
        body = [paragraph.text]
        merged.append((paragraph, body))
    return [
        Paragraph(" ".join(pieces), p.number, p.page, p.footnote) if len(pieces) > 1 else p
        for p, pieces in merged
    ]


def _strip_notes(text: str) -> str:
    return _LOST_SUPERSCRIPT.sub("", _GLUED_NOTE.sub("", text))


def _clean(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    ai = any(_AI_COMPOUND.search(p.text) for p in paragraphs)
    cleaned = []
    for p in paragraphs:
        text = " ".join(p.text.replace("\u00ad", "").split())
        text = text if p.footnote else _strip_notes(text)
        if ai:
            text = _AI_WORD.sub("AI", text)
        cleaned.append(Paragraph(text, p.number, p.page, p.footnote))
    return tuple(cleaned)


def _read_pdf(path: Path, data: bytes) -> Letter:
    # pypdf only for a PDF: pure Python, no system libraries; every other letter goes without.
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError("{path}: reading a PDF needs the package pypdf", path=path) from None
    # pypdf logs what it repairs ("EOF marker not found") to standard error; what matters to
    # the officer is whether the letter could be read, which the error below says.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("{path} is an encrypted PDF: save it without a password", path=path)
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise InputError(
                "{path} has {pages} pages, more than any letter ({limit}): not read",
                path=path,
                pages=count,
                limit=MAX_PDF_PAGES,
            )
        pages: list[str] = []
        read = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            marked = _PAGE_MARK.search(text)
            pages.append(_drop_margin(_PAGE_MARK.sub("", text)) if marked else text)
            read += len(pages[-1])
            if read > MAX_PDF_TEXT:
                raise InputError(
                    "{path} holds more text than any letter (over {limit} characters): not read",
                    path=path,
                    limit=MAX_PDF_TEXT,
                )
        title = str(reader.metadata.get("/Title") or "") if reader.metadata else ""
    except InputError:
        raise
    except Exception as exc:  # a PDF from outside may break pypdf anywhere: it is unreadable
        problem = str(exc) if isinstance(exc, PyPdfError) else f"{type(exc).__name__}: {exc}"
        raise InputError(
            "{path} is not a readable PDF: {problem}", path=path, problem=problem
        ) from None
    finally:
        log.setLevel(level)
    paragraphs = _paragraphs(pages, numbered=True)
    if not any(p.text for p in paragraphs):
        raise InputError(
            "{path} has no text layer (a scanned letter?): read it with OCR first", path=path
        )
    return Letter(path, "pdf", title, "", paragraphs)


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "br", "tr", "dd"}
_SKIPPED = {"script", "style", "head", "nav", "header", "footer", "noscript", "button", "form"}
# Where officielebekendmakingen.nl keeps the document itself, apart from the site around it.
_CONTENT_IDS = {"broodtekst", "stuk", "main-content"}
_CONTENT_CLASSES = {"stuk", "broodtekst", "kamerstuk"}


class _LetterHTML(HTMLParser):
    """Block-level text of an officielebekendmakingen.nl page; footnote references
    (``<a class="nootnum">``, ``<sup>``) dropped, the notes themselves (``div#noten``) kept
    apart. What is open is counted, not searched, so that a page nested a million deep or
    closing tags it never opened costs no more than its length."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool, bool]] = []  # text, in the content, a footnote
        self.meta: dict[str, str] = {}
        self.title = ""
        self._text: list[str] = []
        self._stack: list[tuple[str, bool, bool, bool]] = []  # tag, skip, content, note
        self._open: dict[str, int] = {}  # how many of each tag are open
        self._skip = self._content = self._note = 0  # how many open elements are each
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("name"):
            self.meta[a["name"].lower()] = a.get("content", "")
            return
        if tag == "title":
            self._in_title = True
        if tag in ("meta", "link", "img", "input", "hr", "br"):
            if tag == "br":
                self._flush()
            return
        classes = set(a.get("class", "").split())
        skip = tag in _SKIPPED or tag == "sup" or "nootnum" in classes or "note-close" in classes
        content = a.get("id", "") in _CONTENT_IDS or bool(classes & _CONTENT_CLASSES)
        note = a.get("id") == "noten" or {"voet", "noot"} <= classes
        if tag in _BLOCKS:
            self._flush()
        self._stack.append((tag, skip, content, note))
        self._open[tag] = self._open.get(tag, 0) + 1
        self._skip += skip
        self._content += content
        self._note += note

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self._flush()
        if not self._open.get(tag):
            return  # closes nothing that is open
        while self._stack:
            name, skip, content, note = self._stack.pop()
            self._open[name] -= 1
            self._skip -= skip
            self._content -= content
            self._note -= note
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._skip:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.blocks.append((text, self._content > 0, self._note > 0))

    def close(self) -> None:
        super().close()
        self._flush()


def _read_html(path: Path, text: str) -> Letter:
    parser = _LetterHTML()
    parser.feed(text)
    parser.close()
    blocks = parser.blocks
    if any(content for _, content, _ in blocks):  # only the document, not the site around it
        blocks = [b for b in blocks if b[1]]
    paragraphs = [
        Paragraph(text, number, None, footnote=note)
        for number, (text, _, note) in enumerate(blocks, start=1)
    ]
    if not paragraphs:
        raise InputError("letter {path} is empty", path=path)
    title = parser.meta.get("dc.title") or parser.meta.get("dcterms.title") or parser.title
    identifier = parser.meta.get("dc.identifier") or parser.meta.get("dcterms.identifier") or ""
    return Letter(path, "html", " ".join(title.split()), identifier, _clean(paragraphs))
