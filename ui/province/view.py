"""«Tổng hợp»: the province office's screen — who has reported, and the sums.

Choose the province and the period; the table lists every official commune of
the province, reported or missing, with revision, status and the commune's
error and warning counts; beside it, the totals of every count and money figure
over the communes that reported, rates computed from the totals. Bundles are
imported from files or a whole folder off the UI thread (``ui.tasks``), with a
dialog listing what became of each file. A commune's report opens read-only on
a double-click. The table goes to CSV for Excel, the totals to a PDF.

The view owns its own connection to the province database (a file apart from
the clerk's reports); a background import opens another.
"""

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.os_words import write_failed_words
from cchc_desktop.periods import parse_period
from cchc_desktop.province import (
    ImportCancelled,
    ImportResult,
    ProvinceDatabase,
    Summary,
    import_paths,
    latest_import,
    list_conflicts,
    load_bundle,
    province_summary,
    reported_periods,
    write_summary_csv,
)
from cchc_desktop.province.words import RATE_NOTE
from cchc_desktop.units import provinces
from ui.province.conflicts_dialog import ConflictsDialog
from ui.province.report_dialog import ReceivedReportDialog
from ui.province.result_dialog import ImportResultDialog
from ui.province.tables import (
    BUNDLE_ROLE,
    COMMUNE_COLUMNS,
    TOTAL_COLUMNS,
    fill_communes,
    fill_totals,
    read_only_table,
)
from ui.qt import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.tasks import Cancelled, Progress, Task, TaskCancelled, run_task

TITLE = "Tổng hợp báo cáo của các xã, phường (cấp tỉnh)"
LAST_PROVINCE = "last_province"
LAST_PERIOD = "last_period"
BUNDLE_FILTER = "Gói dữ liệu CCHC (*.cchc.json *.json);;Tất cả các tệp (*)"
_STANDARD_KINDS = ("Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y")


def offered_periods(reported: Sequence[str], today: dt.date) -> list[str]:
    """Periods with reports, and this year's and last year's periodic ones, newest first."""
    codes = set(reported)
    for year in (today.year, today.year - 1):
        codes.update(f"{year}-{kind}" for kind in _STANDARD_KINDS)
    return sorted(codes, key=lambda p: parse_period(p).sort_key(), reverse=True)


def period_label(code: str) -> str:
    """How the period box names a period: ``Quý I năm 2026``; an ad hoc one with its code."""
    period = parse_period(code)
    title = period.title()
    title = title[:1].upper() + title[1:]
    return f"{title} ({period.kind})" if period.is_ad_hoc else title


def default_period(today: dt.date) -> str:
    """The quarter whose report is due next: quý I until mid-March, and so on."""
    for kind in ("Q1", "Q2", "Q3", "Q4"):
        window = parse_period(f"{today.year}-{kind}").default_window()
        if window is not None and today <= window[1] + dt.timedelta(days=45):
            return f"{today.year}-{kind}"
    return f"{today.year}-Q4"


class ProvinceView(QWidget):
    """The summary screen; ``close_requested`` when the officer goes back to the report list."""

    close_requested = Signal()
    summary_changed = Signal()  # after each reload

    def __init__(
        self,
        catalogue: Catalogue,
        db_path: Path | None = None,
        parent: QWidget | None = None,
        *,
        show_back: bool = True,
    ) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.db = ProvinceDatabase.open(db_path)  # ProvinceDatabaseError: the caller says so
        self.summary: Summary | None = None
        self.import_task: Task | None = None
        self.pdf_task: Task | None = None
        self.result_dialog: ImportResultDialog | None = None
        self._building = True
        self._build(show_back)
        province, period = self.db.setting(LAST_PROVINCE), self.db.setting(LAST_PERIOD)
        if not province or not period:  # nothing remembered: the last import's, if any
            latest = latest_import(self.db)
            if latest is not None:
                province, period = province or latest[0], period or latest[1]
        index = self.province_box.findData(province) if province else -1
        self.province_box.setCurrentIndex(max(index, 0))
        self._fill_periods(period or default_period(dt.date.today()))
        self._building = False
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _build(self, show_back: bool) -> None:
        title = QLabel(TITLE)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.back_button = QPushButton("← Danh sách báo cáo")
        self.back_button.clicked.connect(self.close_requested.emit)
        self.back_button.setVisible(show_back)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(title, 1)

        self.province_box = QComboBox()
        for code, name in provinces():
            self.province_box.addItem(f"{code} — {name}", code)
        self.province_box.currentIndexChanged.connect(self.on_province_changed)
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        self.period_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period_box.setMinimumContentsLength(20)
        self.period_box.setToolTip(
            "Chọn kỳ, hoặc gõ mã kỳ: 2026-Q1 … 2026-Q4, 2026-H1, 2026-9M, 2026-Y"
        )
        self.period_box.activated.connect(lambda _index: self.reload())
        line = self.period_box.lineEdit()
        if line is not None:
            line.editingFinished.connect(self.reload)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Tỉnh, thành phố:"))
        choose.addWidget(self.province_box, 1)
        choose.addWidget(QLabel("Kỳ báo cáo:"))
        choose.addWidget(self.period_box)

        self.import_files_button = QPushButton("Nhập gói dữ liệu…")
        self.import_files_button.setToolTip("Chọn một hoặc nhiều tệp .cchc.json các xã gửi")
        self.import_files_button.clicked.connect(self.on_import_files_clicked)
        self.import_folder_button = QPushButton("Nhập cả thư mục…")
        self.import_folder_button.setToolTip("Mọi tệp .json trong thư mục và các thư mục con")
        self.import_folder_button.clicked.connect(self.on_import_folder_clicked)
        self.conflicts_button = QPushButton("Xung đột…")
        self.conflicts_button.clicked.connect(self.on_conflicts_clicked)
        self.csv_button = QPushButton("Xuất CSV…")
        self.csv_button.clicked.connect(self.on_csv_clicked)
        self.pdf_button = QPushButton("In bảng tổng hợp (PDF)…")
        self.pdf_button.clicked.connect(self.on_pdf_clicked)
        actions = QHBoxLayout()
        for button in (self.import_files_button, self.import_folder_button, self.conflicts_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.pdf_button)

        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.missing_only = QCheckBox("Chỉ hiện đơn vị chưa báo cáo")
        self.missing_only.toggled.connect(lambda _on: self._show_rows())
        status = QHBoxLayout()
        status.addWidget(self.counts, 1)
        status.addWidget(self.missing_only)

        file_column = COMMUNE_COLUMNS.index("Tệp")
        self.communes = read_only_table(COMMUNE_COLUMNS, file_column, wrap=False)
        header = self.communes.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.communes.setColumnWidth(1, 190)
        self.communes.cellDoubleClicked.connect(self.on_commune_double_clicked)
        self.totals = read_only_table(TOTAL_COLUMNS, 0)
        tables = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("Các xã, phường, đặc khu (nhấp đúp để xem báo cáo):"))
        left.addWidget(self.communes, 1)
        right = QVBoxLayout()
        self.totals_title = QLabel("Tổng hợp số liệu")
        right.addWidget(self.totals_title)
        right.addWidget(self.totals, 1)
        self.rate_note = QLabel(RATE_NOTE)
        self.rate_note.setWordWrap(True)
        right.addWidget(self.rate_note)
        tables.addLayout(left, 3)
        tables.addLayout(right, 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choose)
        layout.addLayout(actions)
        layout.addLayout(status)
        layout.addLayout(tables, 1)
        layout.addWidget(self.message)

    def _fill_periods(self, selected: str) -> None:
        province = self.province_code()
        reported = reported_periods(self.db, province)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for code in offered_periods(reported, dt.date.today()):
            self.period_box.addItem(period_label(code), code)
        self._show_period(selected)
        self.period_box.blockSignals(False)

    def _show_period(self, code: str) -> None:
        """Select ``code`` in the period box (added if it is valid but not offered yet);
        an invalid code stays as typed, for :meth:`reload` to explain."""
        index = self.period_box.findData(code)
        if index < 0:
            try:
                label = period_label(code)
            except ValueError:
                self.period_box.setEditText(code)
                return
            self.period_box.addItem(label, code)
            index = self.period_box.count() - 1
        self.period_box.setCurrentIndex(index)
        self.period_box.setEditText(self.period_box.itemText(index))

    # -- state -------------------------------------------------------------------------

    def province_code(self) -> str:
        return str(self.province_box.currentData())

    def period(self) -> str:
        """The chosen period's code (``2026-Q1``), or the text typed into the box."""
        text = self.period_box.currentText().strip()
        index = self.period_box.findText(text, Qt.MatchFlag.MatchFixedString)
        data = self.period_box.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def select(self, province: str, period: str) -> None:
        """Show ``province`` (``01``) and ``period`` (``2026-Q1``)."""
        self._building = True
        self.province_box.setCurrentIndex(max(self.province_box.findData(province), 0))
        self._fill_periods(period)
        self._building = False
        self.reload()

    def say(self, text: str, *, error: bool = False) -> None:
        colour = "#b00020" if error else "#1e6b2e"
        self.message.setStyleSheet(f"color: {colour}")
        self.message.setText(text)

    def on_province_changed(self, _index: int) -> None:
        if not self._building:
            self._fill_periods(self.period())
            self.reload()

    def reload(self) -> None:
        """Read the summary of the chosen province and period again and show it."""
        if self._building:
            return
        try:
            period = parse_period(self.period()).code
        except ValueError as error:
            self.say(str(error), error=True)
            return
        if self.period_box.currentText().strip() != period_label(period):
            self.period_box.blockSignals(True)
            self._show_period(period)
            self.period_box.blockSignals(False)
        province = self.province_code()
        self.summary = province_summary(self.db, self.catalogue, province, period)
        self._remember(LAST_PROVINCE, province)
        self._remember(LAST_PERIOD, period)
        summary = self.summary
        self.counts.setText(
            f"{summary.province_name}, {summary.period_title}: {summary.counts_text()}"
        )
        self._show_rows()
        fill_totals(self.totals, summary, self.catalogue)
        self.totals_title.setText(f"Tổng hợp số liệu của {len(summary.reported)} đơn vị đã báo cáo")
        conflicts = len(list_conflicts(self.db, province, period))
        self.conflicts_button.setText(f"Xung đột ({conflicts})…")
        self.conflicts_button.setEnabled(conflicts > 0)
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.summary_changed.emit()

    def _remember(self, key: str, value: str) -> None:
        """Keep a choice for next time: written only when it changed, and best-effort.

        An import (this window's, another window's or ``cchc import``) holds the write
        lock for its whole batch; the choice is then not remembered, nothing else is lost.
        """
        try:
            if self.db.setting(key) != value:
                self.db.set_setting(key, value)
        except sqlite3.OperationalError:  # database is locked: skip it
            pass

    def _show_rows(self) -> None:
        if self.summary is None:
            return
        rows = self.summary.missing if self.missing_only.isChecked() else self.summary.rows
        fill_communes(self.communes, list(rows))

    # -- a commune's report ------------------------------------------------------------

    def on_commune_double_clicked(self, row: int, _column: int) -> None:
        item = self.communes.item(row, 0)
        bundle_id = item.data(BUNDLE_ROLE) if item is not None else None
        if bundle_id is None:
            self.say("Đơn vị này chưa gửi báo cáo kỳ này.", error=True)
            return
        self.open_report(int(bundle_id))

    def open_report(self, bundle_id: int) -> ReceivedReportDialog | None:
        """The received report, read-only, in a window-modal dialog (returned)."""
        try:
            bundle = load_bundle(self.db, bundle_id)
        except (LookupError, ValueError) as error:
            self.say(str(error), error=True)
            return None
        dialog = ReceivedReportDialog(bundle, self.catalogue, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.report_dialog = dialog
        return dialog

    # -- import ------------------------------------------------------------------------

    def on_import_files_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Chọn gói dữ liệu", "", BUNDLE_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def on_import_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục chứa gói dữ liệu")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(
        self, paths: list[Path], on_done: Callable[[ImportResult], None] | None = None
    ) -> None:
        """Import off the UI thread; then show the result and the summary again."""
        catalogue = self.catalogue
        db_path = self.db.path

        def work(progress: Progress, cancelled: Cancelled) -> ImportResult:
            def step(done: int, total: int, name: str) -> None:
                progress(done, total, f"Đang kiểm tra và nhập {done + 1}/{total}: {name}")

            with ProvinceDatabase.open(db_path) as db:  # its own connection, on this thread
                try:
                    return import_paths(db, paths, catalogue, step, cancelled)
                except ImportCancelled:
                    raise TaskCancelled from None

        def succeeded(result: ImportResult) -> None:
            self._after_import(result)
            if on_done is not None:
                on_done(result)

        for button in (self.import_files_button, self.import_folder_button):
            button.setEnabled(False)
        self.import_task = task = run_task(
            work,
            parent=self,
            label="Đang nhập gói dữ liệu…",
            on_success=succeeded,
            on_failure=self._import_failed,
            on_cancelled=lambda: self.say("Đã hủy: không nhập tệp nào.", error=True),
        )
        task.finished.connect(self._import_finished)

    def _import_finished(self) -> None:
        for button in (self.import_files_button, self.import_folder_button):
            button.setEnabled(True)

    def _import_failed(self, error: BaseException) -> None:
        self.say(str(error), error=True)
        QMessageBox.critical(self, TITLE, f"Không nhập được:\n{error}")

    def _after_import(self, result: ImportResult) -> None:
        """Show the summary of what was imported, if the chosen one got nothing of it."""
        arrived = Counter(
            (f.province_code, f.period)
            for f in (*result.imported, *result.conflicts)
            if f.province_code and f.period
        )
        if arrived and (self.province_code(), self.period()) not in arrived:
            (province, period), _ = arrived.most_common(1)[0]
            self.select(province, period)
        else:
            self._fill_periods(self.period())
            self.reload()
        self.say(
            result.counts_text(),
            error=bool(result.rejected or result.conflicts or result.open_conflicts),
        )
        self.result_dialog = ImportResultDialog(result, self)
        self.result_dialog.open()

    # -- conflicts ---------------------------------------------------------------------

    def on_conflicts_clicked(self) -> None:
        dialog = ConflictsDialog(self.db, self.catalogue, self.province_code(), self.period(), self)
        dialog.resolved.connect(self.reload)
        dialog.finished.connect(lambda _code: self.reload())
        dialog.open()
        self.conflicts_dialog = dialog

    # -- export ------------------------------------------------------------------------

    def export_name(self, suffix: str) -> str:
        return f"tong-hop_{self.province_code()}_{self.period()}.{suffix}"

    def on_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Xuất bảng tổng hợp", self.export_name("csv"), "Tệp CSV (*.csv)"
        )
        if path:
            self.write_csv(Path(path))

    def write_csv(self, path: Path) -> None:
        if self.summary is None:
            return
        try:
            write_summary_csv(self.summary, path)
        except OSError as error:
            self.say(write_failed_words(path, error), error=True)
            return
        self.say(f"Đã ghi bảng tổng hợp: {path}")

    def on_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "In bảng tổng hợp", self.export_name("pdf"), "Tệp PDF (*.pdf)"
        )
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        """Render the PDF off the UI thread."""
        summary = self.summary
        if summary is None:
            return
        catalogue = self.catalogue

        def work(progress: Progress, cancelled: Cancelled) -> Path:
            from cchc_desktop.pdf.summary import render_summary_pdf

            render_summary_pdf(summary, catalogue, path)
            return path

        self.pdf_task = run_task(
            work,
            parent=self,
            label="Đang in bảng tổng hợp…",
            on_success=lambda written: self.say(f"Đã in bảng tổng hợp: {written}"),
            on_failure=lambda error: self.say(write_failed_words(path, error), error=True),
        )

    def close_database(self) -> None:
        """Close the connection (the main window calls this when it drops the view)."""
        self.db.close()
