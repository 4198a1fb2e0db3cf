"""The whole document: page templates, the story top to bottom, a deterministic build.

Same report, same bytes: ReportLab's invariant mode fixes the dates and the
document id, and the metadata come from the report alone.
"""

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks import Finding
from cchc_desktop.model import Report
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.body import BodyWriter
from cchc_desktop.pdf.fonts import register_fonts
from cchc_desktop.pdf.layout import (
    BLANK,
    HeaderBlock,
    addressee_block,
    document_number,
    signature_block,
    title_block,
)
from cchc_desktop.pdf.notes import FootArea, PageProbe, endnotes, preamble_notes
from cchc_desktop.pdf.pages import a4_document
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
        doc = a4_document(
            buffer,
            title=f"Báo cáo {lower_first(self.words.summary)}",
            author=self.words.committee,
            subject=self.catalogue.title,
            foot=foot,
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
