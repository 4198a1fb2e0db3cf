"""Page geometry and type sizes of Decree 30/2020/NĐ-CP, Appendix I.

A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; body 14 pt
justified with a 1.27 cm first-line indent, 6 pt between paragraphs, line
spacing a little over single; the header, signature and recipients at the sizes
of the decree's table.
"""

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm

from cchc_desktop.pdf.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
PAGE_NUMBER_Y = PAGE_HEIGHT - 12 * mm  # baseline, centred in the top margin

BODY = 14.0
LEADING = 17.0
INDENT = 1.27 * cm
GAP = 6.0  # points between paragraphs

HEADER_LEFT_WIDTH = 70 * mm  # the issuer's column; the national motto's takes the rest
HEADER_SMALL = 12.0  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HEADER = 13.0  # parent and issuing body, Số, national motto
DATELINE = 14.0
PAGE_NUMBER = 13.0
TABLE = 12.0
RECIPIENTS_TITLE = 12.0
RECIPIENTS = 11.0
FOOTNOTE = 10.0


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    part: ParagraphStyle
    section: ParagraphStyle
    point: ParagraphStyle
    draft: ParagraphStyle
    title: ParagraphStyle
    summary: ParagraphStyle
    addressee: ParagraphStyle
    centred: ParagraphStyle
    centred_italic: ParagraphStyle
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle
    authority: ParagraphStyle
    signer: ParagraphStyle
    footnote: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles, built once (fonts registered first)."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY,
        leading=LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=INDENT,
        spaceBefore=GAP,
        allowWidows=0,
        allowOrphans=0,
    )
    heading = ParagraphStyle(
        "heading", parent=body, fontName=BOLD, alignment=TA_LEFT, keepWithNext=1
    )
    centred = ParagraphStyle(
        "centred", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=0
    )
    return Styles(
        body=body,
        part=heading,
        section=heading,
        point=ParagraphStyle("point", parent=heading, fontName=ITALIC),
        draft=ParagraphStyle("draft", parent=centred, fontName=BOLD, leading=BODY * 1.15),
        title=ParagraphStyle("title", parent=centred, fontName=BOLD, spaceBefore=14),
        summary=ParagraphStyle("summary", parent=centred, fontName=BOLD, keepWithNext=1),
        addressee=ParagraphStyle("addressee", parent=centred, spaceBefore=GAP),
        centred=centred,
        centred_italic=ParagraphStyle("centred_italic", parent=centred, fontName=ITALIC),
        recipients_title=ParagraphStyle(
            "recipients_title",
            fontName=BOLD_ITALIC,
            fontSize=RECIPIENTS_TITLE,
            leading=RECIPIENTS_TITLE * 1.2,
        ),
        recipients=ParagraphStyle(
            "recipients", fontName=REGULAR, fontSize=RECIPIENTS, leading=RECIPIENTS * 1.15
        ),
        authority=ParagraphStyle("authority", parent=centred, fontName=BOLD, leading=BODY * 1.2),
        signer=ParagraphStyle("signer", parent=centred, fontName=BOLD),
        footnote=ParagraphStyle(
            "footnote",
            fontName=REGULAR,
            fontSize=FOOTNOTE,
            leading=FOOTNOTE * 1.2,
            alignment=TA_JUSTIFY,
        ),
    )
