"""One commune's report as received, read-only: general information, figures, texts, findings.

Four pages picked from a side list (as the wizard does): nothing can be typed,
only read, copied and printed as a PDF (draft, or final when the commune sent a
final copy without errors).
"""

from pathlib import Path

from cchc_desktop.bundle import Bundle, bundle_report
from cchc_desktop.catalogue import Catalogue, IndicatorKind
from cchc_desktop.checks import Finding, compute_derived
from cchc_desktop.checks.kinds import FindingKind, Kinds, kind_word
from cchc_desktop.model import ReportStatus, Signer
from cchc_desktop.os_words import write_failed_words
from cchc_desktop.status import status_word
from cchc_desktop.vnformat import Number, format_date_short, format_number, format_percent
from ui.province.tables import add_heading_row
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.tasks import run_task, show_failure

PAGES = ["Thông tin chung", "Số liệu", "Nội dung báo cáo", "Kết quả kiểm tra"]
RED = QColor("#b00020")
AMBER = QColor("#8a5a00")
GREY = QColor("#5f6368")
BLUE = QColor("#2f5f8a")
_COLOURS = {
    FindingKind.ERROR: RED,
    FindingKind.WARNING: AMBER,
    FindingKind.MISSING: BLUE,
    FindingKind.PENDING: GREY,
}


def figure_text(kind: IndicatorKind, value: Number) -> str:
    return format_percent(value) if kind == IndicatorKind.PERCENT else format_number(value)


def finding_words(finding: Finding, kinds: Kinds) -> str:
    """``Lỗi``, ``Cảnh báo``, ``Còn thiếu`` or ``Chờ số liệu``, as the clerk's wizard says."""
    return kind_word(kinds(finding))


def signer_words(signer: Signer) -> str:
    """``TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH — Nguyễn Văn Thắng``."""
    title = signer.title.strip().upper() or "CHỦ TỊCH"
    authority = "TM. ỦY BAN NHÂN DÂN" if signer.authority == "TM" else "KT. CHỦ TỊCH"
    return f"{authority}, {title}" + (f" — {signer.name}" if signer.name.strip() else "")


def _read_only_text(text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(text)
    return edit


class ReceivedReportDialog(QDialog):
    """A received bundle shown read-only, with its findings."""

    def __init__(self, bundle: Bundle, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.catalogue = catalogue
        self.findings = bundle.finding_list()
        self.kinds = Kinds(catalogue)
        self.setWindowTitle(
            f"{bundle.unit_name} — {bundle.period_title} — lần gửi {bundle.revision} (chỉ xem)"
        )
        self.resize(980, 640)
        self.side = QListWidget()
        self.side.setMaximumWidth(200)
        self.pages = QStackedWidget()
        self.figures = self._figures_table()
        self.texts = _read_only_text(self._texts())
        self.findings_list = self._findings_list()
        for title, page in zip(
            PAGES,
            [self._general(), self.figures, self.texts, self.findings_list],
            strict=True,
        ):
            self.side.addItem(title)
            self.pages.addWidget(page)
        self.side.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.side.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.side)
        body.addWidget(self.pages, 1)
        counts = bundle.counts(self.kinds)
        note = QLabel(
            f"Báo cáo nhận từ tệp gói dữ liệu, chỉ xem, không sửa được. "
            f"Trạng thái: {status_word(bundle.status).lower()}; "
            f"{counts.errors} lỗi, {counts.warnings} cảnh báo"
            + (f", {counts.missing} mục còn thiếu." if counts.missing else ".")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.print_button = QPushButton("In báo cáo của xã (PDF)…")
        self.print_button.clicked.connect(self.on_print_clicked)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    # -- pages -------------------------------------------------------------------------

    def _general(self) -> QWidget:
        bundle = self.bundle
        header = bundle.header
        window = ""
        if bundle.window_from and bundle.window_to:
            window = (
                f"{format_date_short(bundle.window_from)} – {format_date_short(bundle.window_to)}"
            )
        signer = header.signer
        rows = [
            ("Đơn vị", f"{bundle.unit_name} (mã {bundle.unit_code})"),
            ("Cơ quan cấp trên", bundle.parent_body),
            ("Kỳ báo cáo", f"{bundle.period_title} ({bundle.period})"),
            ("Thời gian số liệu", window),
            ("Lần gửi", str(bundle.revision)),
            ("Trạng thái", status_word(bundle.status)),
            ("Ngày lập gói", f"{bundle.created_at.astimezone():%d/%m/%Y %H:%M}"),
            ("Số văn bản", header.number),
            ("Ngày ban hành", format_date_short(header.date) if header.date else ""),
            ("Kính gửi", header.addressee),
            ("Người ký", signer_words(signer)),
            ("Nơi nhận", "\n".join(header.recipients)),
            ("Danh mục chỉ tiêu", f"{bundle.catalogue_id} {bundle.catalogue_version}"),
            ("Phần mềm", f"CCHC Desktop {bundle.app_version}"),
            ("Mã kiểm tra (SHA-256)", bundle.sha256),
        ]
        page = QWidget()
        form = QFormLayout(page)
        for label, text in rows:
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", value)
        return page

    def _figures_table(self) -> QTableWidget:
        catalogue = self.catalogue
        values: dict[str, Number] = {
            k: v
            for k, v in self.bundle.values.items()
            if catalogue.has_indicator(k) and not catalogue.indicator(k).derived
        }
        values.update(compute_derived(catalogue, values))
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(["Chỉ tiêu", "Số liệu", "Đơn vị tính"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in catalogue.sections:
            shown = [i for i in catalogue.section_indicators(section.id) if i.id in values]
            if not shown:
                continue
            add_heading_row(table, section.title, 3)
            for indicator in shown:
                row = table.rowCount()
                table.insertRow(row)
                label = indicator.label + (" (tính toán)" if indicator.derived else "")
                number = QTableWidgetItem(figure_text(indicator.kind, values[indicator.id]))
                number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, 0, QTableWidgetItem(label))
                table.setItem(row, 1, number)
                table.setItem(row, 2, QTableWidgetItem(indicator.unit))
        known = {i.id for i in catalogue.indicators}
        for key in sorted(set(self.bundle.values) - known):  # a newer catalogue's figure
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(key))
            table.setItem(row, 1, QTableWidgetItem(format_number(self.bundle.values[key])))
        return table

    def _texts(self) -> str:
        narratives = self.bundle.narratives
        blocks: list[str] = []
        preamble = self.bundle.header.preamble.strip()
        if preamble:
            blocks.append(f"Căn cứ:\n{preamble}")
        for section in self.catalogue.sections:
            parts = [
                f"— {narrative.label}:\n{narratives[key].strip()}"
                for narrative in section.narratives
                if (key := section.narrative_key(narrative.id)) in narratives
                and narratives[key].strip()
            ]
            if parts:
                blocks.append("\n".join([section.title.upper(), *parts]))
        known = set(self.catalogue.narrative_keys())
        blocks += [
            f"{key}:\n{text}" for key, text in sorted(narratives.items()) if key not in known
        ]
        return "\n\n".join(blocks) or "Báo cáo không có phần nội dung."

    def _findings_list(self) -> QListWidget:
        titles = {s.id: s.title for s in self.catalogue.sections}
        listing = QListWidget()
        listing.setWordWrap(True)

        order = list(FindingKind)  # as the wizard lists them: errors first
        for finding in sorted(self.findings, key=lambda f: order.index(self.kinds(f))):
            section = titles.get(finding.section, finding.section)
            words = finding_words(finding, self.kinds)
            item = QListWidgetItem(f"{words} — {section}: {finding.message}")
            item.setForeground(QBrush(_COLOURS[self.kinds(finding)]))
            listing.addItem(item)
        if not self.findings:
            listing.addItem("Xã gửi báo cáo không còn lỗi hay cảnh báo nào.")
        return listing

    # -- printing ----------------------------------------------------------------------

    def pdf_name(self) -> str:
        return f"{self.bundle.unit_code}_{self.bundle.period}_lan{self.bundle.revision}.pdf"

    def on_print_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "In báo cáo của xã", self.pdf_name(), "Tệp PDF (*.pdf)"
        )
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path) -> None:
        """Write the report's PDF off the UI thread: the final copy if the commune sent one
        without errors, else a draft with its findings listed on a last page."""
        from cchc_desktop.pdf import render_report_pdf

        report = bundle_report(self.bundle)
        findings = list(self.findings)
        final = report.status == ReportStatus.FINAL and not any(f.blocking for f in findings)
        catalogue = self.catalogue

        def work(progress: object, cancelled: object) -> Path:
            render_report_pdf(
                report,
                catalogue,
                path,
                final=final,
                findings=findings,
                include_findings_page=not final,
            )
            return path

        self.print_task = run_task(
            work,
            parent=self,
            label="Đang in báo cáo…",
            on_success=lambda written: self.print_button.setText(f"Đã in: {written.name}"),
            on_failure=lambda error: self.print_failed(path, error),
        )

    def print_failed(self, path: Path, error: BaseException) -> None:
        """The PDF was not written: for a system error, in words naming the file chosen
        (not the temporary one beside it, not the system's English)."""
        if not isinstance(error, OSError):
            show_failure(self, error)
            return
        QMessageBox.warning(self, "Không in được báo cáo", write_failed_words(path, error))
