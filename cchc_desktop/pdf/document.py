"""The whole document: page templates, the story top to bottom, a deterministic build.

Same report, same bytes: ReportLab's invariant mode fixes the dates and the
document id, and the metadata come from the report alone.
"""

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
)

from cchc_desktop import __version__
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks import Finding
from cchc_desktop.model import Report
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.body import BodyWriter
from cchc_desktop.pdf.fonts import REGULAR, register_fonts
from cchc_desktop.pdf.layout import (
    BLANK,
    HeaderBlock,
    addressee_block,
    document_number,
    signature_block,
    title_block,
)
from cchc_desktop.pdf.notes import FootArea, PageProbe, endnotes, preamble_notes
from cchc_desktop.pdf.sentences import SentenceWriter, figure_values
from cchc_desktop.pdf.tables import appendix_table, contacts_table, findings_table
from cchc_desktop.pdf.text import Para, lower_first, markup, nfc
from cchc_desktop.vnformat import format_date_long

SUMMARY = "Kết quả thực hiện công tác cải cách hành chính"
CONTACTS = "Cán bộ, công chức phụ trách công tác cải cách hành chính"


class _Words:
    """The report's recurring phrases."""

    def __init__(self, report: Report) -> None:
        self.committee = f"Ủy ban nhân dân {lower_first(nfc(report.unit.name))}"
        self.period = nfc(report.period_title)
        self.summary = f"{SUMMARY} {self.period}"
        if report.header.date is not None:
            self.date = format_date_long(report.header.date)
        else:
            self.date = f"ngày{BLANK}tháng{BLANK}năm {report.period[:4]}"
        self.number = document_number(report.header)


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, s.PAGE_NUMBER)
    canvas.drawCentredString(s.PAGE_WIDTH / 2, s.PAGE_NUMBER_Y, str(doc.page))
    canvas.restoreState()


def _templates(foot: FootArea) -> list[PageTemplate]:
    def frame(name: str, lift: float) -> Frame:
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

    first = PageTemplate(
        "first",
        [frame("first", foot.height)],
        onPageEnd=lambda canvas, doc: foot.draw(canvas),  # after the text: read in order
        autoNextPageTemplate="later",
    )
    return [first, PageTemplate("later", [frame("later", 0)], onPage=_page_number)]


class ReportDocument:
    """Builds one report's PDF; ``findings`` (when given) adds the last page listing them."""

    def __init__(
        self,
        report: Report,
        catalogue: Catalogue,
        *,
        draft: bool,
        findings: Sequence[Finding] | None = None,
    ) -> None:
        register_fonts()
        self.report = report
        self.catalogue = catalogue
        self.draft = draft
        self.findings = findings
        self.words = _Words(report)
        self.values = figure_values(catalogue, report)
        window = (report.window_from, report.window_to)
        self.sentences = SentenceWriter(catalogue, self.values, window)
        announcement = (
            f"{self.words.committee} báo cáo kết quả thực hiện công tác cải cách hành chính "
            f"{self.words.period} như sau:"
        )
        self.notes = preamble_notes(report.header, announcement)

    def build(self) -> bytes:
        """The PDF; the citations as footnotes on page 1, or as endnotes if the preamble
        does not end on page 1."""
        data, probe = self._build(footnotes=True)
        if probe.page != 1 and self.notes.notes:
            data, probe = self._build(footnotes=False)
        return data

    def _build(self, *, footnotes: bool) -> tuple[bytes, PageProbe]:
        buffer = io.BytesIO()
        foot = FootArea(self.notes.notes if footnotes else [])
        doc = BaseDocTemplate(
            buffer,
            pagesize=(s.PAGE_WIDTH, s.PAGE_HEIGHT),
            leftMargin=s.MARGIN_LEFT,
            rightMargin=s.MARGIN_RIGHT,
            topMargin=s.MARGIN_TOP,
            bottomMargin=s.MARGIN_BOTTOM,
            title=f"Báo cáo {lower_first(self.words.summary)}",
            author=self.words.committee,
            subject=nfc(self.catalogue.title),
            creator=f"CCHC Desktop {__version__}",
            lang="vi",
            invariant=1,
            initialFontName=REGULAR,  # else every page names Helvetica, not embedded
            initialFontSize=s.BODY,
            pageTemplates=_templates(foot),
        )
        story, probe = self.story(footnotes)
        doc.build(story)
        return buffer.getvalue(), probe

    def story(self, footnotes: bool) -> tuple[list[Flowable], PageProbe]:
        """Everything printed, top to bottom (the notes at the foot of page 1 aside), and the
        probe placed after the preamble."""
        st = s.styles()
        report = self.report
        story: list[Flowable] = [HeaderBlock(report)]
        story += title_block(self.words.summary, draft=self.draft)
        story += addressee_block(report.header.addressee)
        story += [Para(text, st.body) for text in self.notes.paragraphs]
        if not footnotes:
            story += endnotes(self.notes.notes)
        probe = PageProbe()
        story.append(probe)
        body = BodyWriter(self.catalogue, report.narratives, self.values, self.sentences)
        story += body.story()
        contacts = contacts_table(report.header.contacts)
        if contacts is not None:
            contacts.spaceBefore = s.GAP
            story += [Para(f"{markup(CONTACTS)}:", st.section), contacts]
        closing = (
            f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính "
            f"{self.words.period} của {self.words.committee}./."
        )
        story.append(
            KeepTogether(
                [
                    Para(markup(closing), st.body),
                    Spacer(1, 4 * mm),
                    signature_block(report.header),
                ]
            )
        )
        story += self._appendix()
        if self.findings is not None:
            story += [
                PageBreak(),
                Para("CÁC VẤN ĐỀ CÒN LẠI TRONG SỐ LIỆU", st.title),
                Para("(Trang kèm bản dự thảo, không thuộc báo cáo)", st.centred_italic),
                Spacer(1, 4 * mm),
                findings_table(self.catalogue, self.findings),
            ]
        return story, probe

    def _appendix(self) -> list[Flowable]:
        table = appendix_table(self.catalogue, self.values)
        if table is None:
            return []
        st = s.styles()
        words = self.words
        attached = (
            f"(Kèm theo Báo cáo số {markup(words.number)} {markup(words.date)} "
            f"của {markup(words.committee)})"
        )
        return [
            PageBreak(),
            Para("Phụ lục", st.title),
            Para(f"Số liệu {markup(lower_first(words.summary))}", st.summary),
            Para(attached, st.centred_italic),
            Spacer(1, 6 * mm),
            table,
        ]
