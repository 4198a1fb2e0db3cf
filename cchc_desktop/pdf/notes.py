"""The preamble and its cited documents as footnotes.

ReportLab has no footnotes, but citations live in the preamble, which starts on
page 1: the preamble carries superscript numbers, page 1's frame is shortened
by the height of the notes, and the notes are drawn at the foot of page 1 under
a short rule (as Word does). Should a very long preamble run onto page 2, the
document is built again with the notes as endnotes right after the preamble,
in small type (see ``document``).

A citation whose number the clerk's preamble mentions gets its superscript
there (after the number and its date); the others are named in a sentence of
their own before the preamble (``Thực hiện Nghị quyết số 76/NQ-CP của Chính
phủ¹; ...``). Each note is the citation's full text.
"""

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable

from cchc_desktop.model import Citation, Header
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.text import Para, markup, nfc

_NOTE_GAP = 8.0  # between the text frame and the notes' rule


@dataclass(frozen=True)
class Notes:
    paragraphs: list[str]  # the preamble, as paragraph markup with superscripts
    notes: list[str]  # one markup line a citation, numbered


def _marker(number: int) -> str:
    return f"<super>{number}</super>"


def _short(citation: Citation) -> str:
    words = [citation.kind]
    if citation.number:
        words.append(f"số {citation.number}")
    if citation.issuer:
        words.append(f"của {citation.issuer}")
    return markup(" ".join(words))


def preamble_notes(header: Header, announcement: str) -> Notes:
    """The preamble's paragraphs with markers, and the notes they point to.

    ``announcement`` is the sentence used when the clerk wrote no preamble
    (``Ủy ban nhân dân xã ... báo cáo ... như sau:``).
    """
    texts = [markup(line) for line in nfc(header.preamble).splitlines() if line.strip()]
    if not texts:
        texts = [markup(announcement)]
    citations = [c for c in header.citations if c.kind.strip()]
    notes = [f"{_marker(n)} {markup(c.text())}" for n, c in enumerate(citations, start=1)]
    unmentioned: list[str] = []
    for number, citation in enumerate(citations, start=1):
        if citation.number and _mark(texts, citation.number, number):
            continue
        unmentioned.append(f"{_short(citation)}{_marker(number)}")
    if unmentioned:
        texts.insert(0, "Thực hiện " + "; ".join(unmentioned) + ";")
    return Notes(texts, notes)


def _mark(texts: list[str], document_number: str, number: int) -> bool:
    """Put the marker after the first mention of ``document_number`` (and its date)."""
    pattern = re.compile(re.escape(markup(document_number)) + r"(?: ngày \d{1,2}/\d{1,2}/\d{4})?")
    for index, text in enumerate(texts):
        match = pattern.search(text)
        if match:
            texts[index] = text[: match.end()] + _marker(number) + text[match.end() :]
            return True
    return False


class FootArea:
    """The notes at the foot of page 1: their height, and a canvas callback to draw them."""

    def __init__(self, notes: list[str]) -> None:
        st = s.styles()
        self.paragraphs = [Para(note, st.footnote) for note in notes]
        self.heights = [p.wrap(s.FRAME_WIDTH, s.FRAME_HEIGHT)[1] for p in self.paragraphs]
        self.height = sum(self.heights) + 2 * len(self.heights) + _NOTE_GAP if notes else 0.0

    def draw(self, canvas: Canvas) -> None:
        if not self.paragraphs:
            return
        top = s.MARGIN_BOTTOM + self.height - _NOTE_GAP / 2
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(s.MARGIN_LEFT, top, s.MARGIN_LEFT + 50 * mm, top)
        y = top - 2
        for paragraph, height in zip(self.paragraphs, self.heights, strict=True):
            y -= height
            paragraph.drawOn(canvas, s.MARGIN_LEFT, y)
            y -= 2
        canvas.restoreState()


class PageProbe(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Takes no room; remembers the page it was laid out on."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = int(self.canv.getPageNumber())


def endnotes(notes: list[str]) -> list[Flowable]:
    """The notes in small type right after the preamble (when footnotes don't fit page 1)."""
    if not notes:
        return []
    st = s.styles()
    rule = HRFlowable(
        width=50 * mm, thickness=0.5, color="black", hAlign="LEFT", spaceBefore=6, spaceAfter=3
    )
    return [rule, *(Para(note, st.footnote) for note in notes)]
