"""The A4 document both PDFs are built in: margins, the first page and the numbered others.

Page numbers are centred at the top from page 2 (Decree 30); the report's first
page may keep room at its foot for the footnotes of the preamble (``FootArea``).
Built in ReportLab's invariant mode: the same content gives the same bytes.
"""

from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from cchc_desktop import __version__
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.fonts import REGULAR
from cchc_desktop.pdf.notes import FootArea
from cchc_desktop.pdf.text import nfc


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, s.PAGE_NUMBER)
    canvas.drawCentredString(s.PAGE_WIDTH / 2, s.PAGE_NUMBER_Y, str(doc.page))
    canvas.restoreState()


def _frame(name: str, lift: float) -> Frame:
    return Frame(
        s.MARGIN_LEFT,
        s.MARGIN_BOTTOM + lift,
        s.FRAME_WIDTH,
        s.FRAME_HEIGHT - lift,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _templates(foot: FootArea | None) -> list[PageTemplate]:
    if foot is None:
        first = PageTemplate("first", [_frame("first", 0)], autoNextPageTemplate="later")
    else:
        first = PageTemplate(
            "first",
            [_frame("first", foot.height)],
            onPageEnd=lambda canvas, doc: foot.draw(canvas),  # after the text: read in order
            autoNextPageTemplate="later",
        )
    return [first, PageTemplate("later", [_frame("later", 0)], onPage=_page_number)]


def a4_document(
    out: BinaryIO, *, title: str, author: str, subject: str, foot: FootArea | None = None
) -> BaseDocTemplate:
    """An A4 document in the decree's margins, writing to ``out``, with its metadata."""
    return BaseDocTemplate(
        out,
        pagesize=(s.PAGE_WIDTH, s.PAGE_HEIGHT),
        leftMargin=s.MARGIN_LEFT,
        rightMargin=s.MARGIN_RIGHT,
        topMargin=s.MARGIN_TOP,
        bottomMargin=s.MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=nfc(subject),
        creator=f"CCHC Desktop {__version__}",
        lang="vi",
        invariant=1,
        initialFontName=REGULAR,  # else every page names Helvetica, not embedded
        initialFontSize=s.BODY,
        pageTemplates=_templates(foot),
    )
