"""The start screen: the reports in the database, and the trash.

Each line shows what the clerk needs to pick up where they left off: unit,
period, data window, status, how many errors and warnings the checker finds
(compared with the unit's previous report), and when it was last edited.
Everything comes from the store at each ``reload``; the screen keeps nothing
of its own.

The screen is the first thing painted at start, so it reads the store without
building report models (``Store.check_inputs``: no pydantic), and its dialogs,
which need them, are imported when opened.
"""

import datetime as dt
from typing import TYPE_CHECKING

from cchc_desktop.checks import FindingKind, Kinds, Status, check_figures
from cchc_desktop.status import status_word
from cchc_desktop.store import ReportNotFound, ReportSummary, Store
from cchc_desktop.vnformat import format_date_short
from ui.ask import ask_yes_no
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from ui.new_report_dialog import NewReportDialog, NextPeriodDialog

LIST_COLUMNS = [
    "Đơn vị",
    "Kỳ báo cáo",
    "Thời gian số liệu",
    "Trạng thái",
    "Lỗi",
    "Cảnh báo",
    "Sửa lần cuối",
]
ERRORS_COLUMN = LIST_COLUMNS.index("Lỗi")
COUNTING = "…"  # until fill_counts, right after the list is first shown
TRASH_COLUMNS = ["Đơn vị", "Kỳ báo cáo", "Trạng thái", "Sửa lần cuối", "Đã xóa lúc"]
EMPTY_LIST = (
    "Chưa có báo cáo nào.\n\nBấm «Tạo báo cáo mới» để bắt đầu: chọn xã, phường "
    "và kỳ báo cáo (quý, 6 tháng, 9 tháng, năm hoặc đột xuất)."
)
EMPTY_TRASH = "Thùng rác trống. Báo cáo đã xóa sẽ nằm ở đây và có thể khôi phục."
RED = QColor("#b00020")
AMBER = QColor("#8a5a00")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _moment(moment: dt.datetime | None) -> str:
    """A stored UTC time as the clerk's local ``dd/mm/yyyy hh:mm``."""
    return "" if moment is None else f"{moment.astimezone():%d/%m/%Y %H:%M}"


def _window(summary: ReportSummary) -> str:
    if summary.window_from is None or summary.window_to is None:
        return ""
    return f"{format_date_short(summary.window_from)} – {format_date_short(summary.window_to)}"


def _described(summary: ReportSummary) -> str:
    return f"báo cáo {summary.period_title} của {summary.unit_name}"


class StartScreen(QWidget):
    """The list of reports with new, next period, open, delete; and the trash with restore."""

    open_requested = Signal(int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, select: int | None = None
    ) -> None:
        """The screen filled from ``store``, with report ``select`` selected if it is listed."""
        super().__init__(parent)
        self.store = store
        self._kinds = Kinds(store.catalogue)
        self.dialog: NewReportDialog | NextPeriodDialog | None = None
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self.fill_counts)
        self._counts_due = False
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.new_button = QPushButton("Tạo báo cáo mới…")
        self.next_button = QPushButton("Tạo báo cáo &kỳ mới từ kỳ trước…")
        self.open_button = QPushButton("&Mở")
        self.delete_button = QPushButton("&Xóa")
        self.restore_button = QPushButton("&Khôi phục")
        self.purge_button = QPushButton("Xóa &hẳn")
        self.trash_button = QPushButton()
        self.trash_button.setCheckable(True)
        self.new_button.setToolTip("Ctrl+N")
        self.open_button.setToolTip("Mở báo cáo đang chọn (Enter hoặc bấm đúp)")
        self.delete_button.setToolTip("Chuyển vào thùng rác, có thể khôi phục (phím Delete)")
        self.next_button.setToolTip(
            "Chép báo cáo đang chọn sang kỳ sau: giữ nội dung và số liệu cộng dồn"
        )

        self.table = QTableWidget(0, len(LIST_COLUMNS))
        self.table.viewport().installEventFilter(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 2px 10px; }")
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.installEventFilter(self)
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("font-size: 12pt; color: #444; padding: 24px;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.footer = QLabel(f"Tệp dữ liệu: {store.path}")
        self.footer.setStyleSheet("color: #666;")
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.next_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.trash_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.footer)

        self.new_button.clicked.connect(self.on_new_clicked)
        self.next_button.clicked.connect(self.on_next_period_clicked)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.purge_button.clicked.connect(self.on_purge_clicked)
        self.trash_button.toggled.connect(self.on_trash_toggled)
        self.table.doubleClicked.connect(self.on_open_clicked)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.reload(select=select)

    # -- reading the store ---------------------------------------------------------

    @property
    def in_trash(self) -> bool:
        return self.trash_button.isChecked()

    def reload(self, select: int | None = None) -> None:
        """Show the reports (or the trash) as the store has them now; keep or set the selection."""
        wanted = select if select is not None else self.selected_id()
        trash = self.in_trash
        summaries = self.store.list_reports(deleted=trash)
        columns = TRASH_COLUMNS if trash else LIST_COLUMNS
        self.table.clearContents()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            cells = self._trash_cells(summary) if trash else self._list_cells(summary)
            for column, item in enumerate(cells):
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(summaries))
        self.empty_hint.setVisible(not summaries)
        self.empty_hint.setText(EMPTY_TRASH if trash else EMPTY_LIST)
        trashed = len(summaries) if trash else len(self.store.list_reports(deleted=True))
        self.heading.setText(
            "Thùng rác — báo cáo đã xóa" if trash else "Báo cáo cải cách hành chính"
        )
        self.trash_button.setText("← Về danh sách báo cáo" if trash else f"Thùng &rác ({trashed})")
        for button in (self.new_button, self.next_button, self.open_button, self.delete_button):
            button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.purge_button.setVisible(trash)
        if summaries and not (wanted is not None and self.select_report(wanted)):
            self.table.selectRow(0)
        self._enable_buttons()
        self._counts_due = True
        self.table.viewport().update()

    def _list_cells(self, summary: ReportSummary) -> list[QTableWidgetItem]:
        error_item = QTableWidgetItem(COUNTING)
        warning_item = QTableWidgetItem(COUNTING)
        for item in (error_item, warning_item):
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return [
            QTableWidgetItem(summary.unit_name),
            QTableWidgetItem(_capitalised(summary.period_title)),
            QTableWidgetItem(_window(summary)),
            QTableWidgetItem(status_word(summary.status)),
            error_item,
            warning_item,
            QTableWidgetItem(_moment(summary.updated_at)),
        ]

    def fill_counts(self) -> None:
        """Put each listed report's error and warning counts in, with the reasons as tips.

        Called once the list has been painted: checking every report (numbers in
        the narratives included) is the slow part of showing the list.
        """
        if self.in_trash:
            return
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, 0)
            error_item = self.table.item(row, ERRORS_COLUMN)
            warning_item = self.table.item(row, ERRORS_COLUMN + 1)
            if name_item is None or error_item is None or warning_item is None:
                continue
            errors, warnings, messages = self.findings_of(
                int(name_item.data(Qt.ItemDataRole.UserRole))
            )
            tip = "\n".join(f"• {m}" for m in messages[:12])
            if len(messages) > 12:
                tip += f"\n… và {len(messages) - 12} điều khác"
            for item, count, colour in ((error_item, errors, RED), (warning_item, warnings, AMBER)):
                item.setText(str(count))
                if count:
                    item.setForeground(QBrush(colour))
                item.setToolTip(tip)

    def _trash_cells(self, summary: ReportSummary) -> list[QTableWidgetItem]:
        return [
            QTableWidgetItem(summary.unit_name),
            QTableWidgetItem(_capitalised(summary.period_title)),
            QTableWidgetItem(status_word(summary.status)),
            QTableWidgetItem(_moment(summary.updated_at)),
            QTableWidgetItem(_moment(summary.deleted_at)),
        ]

    def findings_of(self, report_id: int) -> tuple[int, int, list[str]]:
        """Errors and warnings the checker finds now (against the previous report), and why.

        Counted as the wizard counts them (``Kinds``): a required field still empty
        is "còn thiếu", not an error; the tip lists it with the others.
        """
        try:
            values, narratives, previous = self.store.check_inputs(report_id)
        except ReportNotFound:
            return 0, 0, []
        findings = check_figures(self.store.catalogue, values, narratives, previous)
        kinds = [self._kinds(f) for f in findings]
        failed = [f.message for f in findings if f.status == Status.FAILED]
        errors = kinds.count(FindingKind.ERROR)
        return errors, kinds.count(FindingKind.WARNING), failed

    # -- selection -----------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def selected_summary(self) -> ReportSummary | None:
        wanted = self.selected_id()
        found = [s for s in self.store.list_reports(deleted=self.in_trash) if s.id == wanted]
        return found[0] if found else None

    def select_report(self, report_id: int) -> bool:
        """Select (and scroll to) a report of the current view; ``False`` if it is not there."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == report_id:
                self.table.selectRow(row)
                self.table.scrollToItem(item)
                return True
        return False

    def _enable_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (
            self.next_button,
            self.open_button,
            self.delete_button,
            self.restore_button,
            self.purge_button,
        ):
            button.setEnabled(chosen)

    # -- the clerk's actions -------------------------------------------------------

    def on_new_clicked(self) -> None:
        from ui.new_report_dialog import NewReportDialog

        self._open_dialog(NewReportDialog(self.store, self))

    def on_next_period_clicked(self) -> None:
        source = self.selected_summary()
        if source is None:
            self.say("Hãy chọn báo cáo kỳ trước trong danh sách.", error=True)
            return
        from ui.new_report_dialog import NextPeriodDialog

        self._open_dialog(NextPeriodDialog(self.store, source, self))

    def _open_dialog(self, dialog: "NewReportDialog | NextPeriodDialog") -> None:
        self.dialog = dialog
        dialog.report_created.connect(self.on_report_created)
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def on_report_created(self, report_id: int) -> None:
        self.say("")
        self.reload(select=report_id)
        self.open_requested.emit(report_id)

    def on_open_clicked(self) -> None:
        if self.in_trash:
            return
        report_id = self.selected_id()
        if report_id is not None:
            self.open_requested.emit(report_id)

    def on_delete_clicked(self) -> None:
        summary = self.selected_summary()
        if summary is None or self.in_trash:
            return
        if not self.confirm(
            f"Xóa {_described(summary)}?\n\n"
            "Báo cáo được chuyển vào «Thùng rác» và có thể khôi phục lại."
        ):
            return
        self.store.delete(summary.id)
        self.reload()
        self.say(
            f"Đã chuyển {_described(summary)} vào thùng rác. Bấm «Thùng rác» nếu muốn khôi phục."
        )

    def on_restore_clicked(self) -> None:
        summary = self.selected_summary()
        if summary is None:
            return
        try:
            self.store.restore(summary.id)
        except ValueError as error:
            self.say(f"Không khôi phục được: {error}", error=True)
            return
        self.trash_button.setChecked(False)
        self.reload(select=summary.id)
        self.say(f"Đã khôi phục {_described(summary)}.")

    def on_purge_clicked(self) -> None:
        summary = self.selected_summary()
        if summary is None or not self.in_trash:
            return
        if not self.confirm(
            f"Xóa hẳn {_described(summary)}?\n\n"
            "Toàn bộ số liệu, nội dung và lịch sử sửa của báo cáo sẽ mất, KHÔNG khôi phục được."
        ):
            return
        self.store.purge(summary.id)
        self.reload()
        self.say(f"Đã xóa hẳn {_described(summary)}.")

    def on_trash_toggled(self, _checked: bool) -> None:
        self.say("")
        self.reload()
        self.table.setFocus()

    # -- talking to the clerk -------------------------------------------------------

    def confirm(self, question: str) -> bool:
        """Ask yes or no (No is the default); tests replace this method."""
        return ask_yes_no(self, question)

    def say(self, text: str, *, error: bool = False) -> None:
        """One line above the list: what just happened, or why it could not."""
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #b00020; font-weight: bold;" if error else "color: #1b5e20;"
        )
        self.message.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter opens the selected report, Delete moves it to the trash; once the list
        has been painted, count (see :meth:`fill_counts`)."""
        if self._counts_due and event.type() == QEvent.Type.Paint:
            self._counts_due = False
            self._counts_timer.start()
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.in_trash:
                    self.on_restore_clicked()
                else:
                    self.on_open_clicked()
                return True
            if event.key() == Qt.Key.Key_Delete and not self.in_trash:
                self.on_delete_clicked()
                return True
        return super().eventFilter(watched, event)
