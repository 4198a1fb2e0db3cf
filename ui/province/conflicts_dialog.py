"""Conflicts: two different bundles of one commune with the same revision; the officer chooses.

Each open conflict of the province and period is listed; either side can be
opened read-only, then kept. Until the officer chooses, the bundle received
first counts in the summary.
"""

import html
import sqlite3
from collections.abc import Callable

from cchc_desktop.bundle import BundleError
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.province import (
    Conflict,
    Difference,
    ProvinceDatabase,
    conflict_differences,
    differences_text,
    list_conflicts,
    resolve_conflict,
)
from cchc_desktop.province.received import BundleRef, load_bundle
from ui.ask import ask_yes_no
from ui.province.report_dialog import ReceivedReportDialog
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

TITLE = "Xung đột: hai bản khác nhau cùng một lần gửi"
BUSY = "Tệp dữ liệu tổng hợp đang bận (đang nhập gói dữ liệu?). Hãy thử lại sau."


SHOWN_DIFFERENCES = 8


def side_text(ref: BundleRef, current: bool) -> str:
    """One side: when it was made, status, findings, file and import (bold when in use)."""
    now = " — <b>đang dùng</b>" if current else ""
    return f"{html.escape(ref.describe())}{now}"


def differences_html(differences: list[Difference]) -> str:
    """The first differences, both values side by side."""
    lines = differences_text(differences, SHOWN_DIFFERENCES)
    head = f"<b>Khác nhau ({len(differences)} chỗ):</b>" if differences else ""
    return head + "<br>".join(["", *(html.escape(line) for line in lines)])


class ConflictsDialog(QDialog):
    resolved = Signal()

    def __init__(
        self,
        db: ProvinceDatabase,
        catalogue: Catalogue,
        province: str,
        period: str,
        parent: QWidget | None = None,
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(860, 420)
        self.db = db
        self.catalogue = catalogue
        self.province = province
        self.period = period
        self.confirm = confirm or self._ask
        self.conflicts: list[Conflict] = []
        self.listing = QListWidget()
        self.listing.setWordWrap(True)
        self.listing.currentRowChanged.connect(self._on_row_changed)
        self.first = QLabel()
        self.second = QLabel()
        self.differences = QLabel()
        for label in (self.first, self.second, self.differences):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view_first = QPushButton("Xem bản nhận trước")
        self.view_second = QPushButton("Xem bản nhận sau")
        self.keep_first = QPushButton("Dùng bản nhận trước")
        self.keep_second = QPushButton("Dùng bản nhận sau")
        self.view_first.clicked.connect(lambda: self.show_side(other=False))
        self.view_second.clicked.connect(lambda: self.show_side(other=True))
        self.keep_first.clicked.connect(lambda: self.choose(other=False))
        self.keep_second.clicked.connect(lambda: self.choose(other=True))
        first_row = QHBoxLayout()
        first_row.addWidget(self.first, 1)
        first_row.addWidget(self.view_first)
        first_row.addWidget(self.keep_first)
        second_row = QHBoxLayout()
        second_row.addWidget(self.second, 1)
        second_row.addWidget(self.view_second)
        second_row.addWidget(self.keep_second)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.accept)
        hint = QLabel(
            "Một xã đã gửi hai bản khác nhau nhưng cùng số lần gửi. Hãy hỏi lại xã, xem hai "
            "bản và chọn bản đúng. Khi chưa chọn, bảng tổng hợp dùng bản nhận trước."
        )
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.listing, 1)
        layout.addLayout(first_row)
        layout.addLayout(second_row)
        layout.addWidget(self.differences)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.conflicts = list_conflicts(self.db, self.province, self.period)
        self.listing.clear()
        for conflict in self.conflicts:
            self.listing.addItem(conflict.text())
        if not self.conflicts:
            self.listing.addItem("Không còn xung đột nào trong kỳ này.")
        self.listing.setCurrentRow(0)
        self._on_row_changed(0)

    def selected(self) -> Conflict | None:
        row = self.listing.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _on_row_changed(self, row: int) -> None:
        conflict = self.selected()
        for widget in (self.view_first, self.view_second, self.keep_first, self.keep_second):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            for label in (self.first, self.second, self.differences):
                label.setText("")
            return
        self.first.setText(
            "<b>Bản nhận trước:</b> "
            + side_text(conflict.kept, conflict.current_id == conflict.kept.id)
        )
        self.second.setText(
            "<b>Bản nhận sau:</b> "
            + side_text(conflict.other, conflict.current_id == conflict.other.id)
        )
        try:
            found = conflict_differences(self.db, conflict, self.catalogue)
        except BundleError as error:
            self.differences.setText(html.escape(f"Không so sánh được hai bản: {error.reason}"))
        else:
            self.differences.setText(differences_html(found))

    def show_side(self, *, other: bool) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        ref = conflict.other if other else conflict.kept
        try:
            bundle = load_bundle(self.db, ref.id)
        except (LookupError, ValueError) as error:  # BundleError: the stored copy is damaged
            self.say(str(error))
            return
        self.say("")
        ReceivedReportDialog(bundle, self.catalogue, self).exec()

    def choose(self, *, other: bool) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        ref = conflict.other if other else conflict.kept
        question = (
            f"Dùng bản «{ref.shown}» cho {conflict.unit_name}, {conflict.period_title}? "
            "Bản kia vẫn được lưu nhưng không tính vào tổng hợp."
        )
        if not self.confirm(question):
            return
        try:
            resolve_conflict(self.db, conflict.id, keep_other=other)
        except (LookupError, ValueError) as error:
            # settled meanwhile (another window, a newer revision): show the list as it is
            self.say(f"{str(error).rstrip('.')}. Danh sách đã được đọc lại.")
            self.resolved.emit()
            self.reload()
            return
        except sqlite3.OperationalError:  # an import holds the database
            self.say(BUSY)
            return
        self.say("")
        self.resolved.emit()
        self.reload()

    def say(self, text: str) -> None:
        """A problem, in the dialog under the two sides (empty: none)."""
        self.message.setText(text)

    def _ask(self, question: str) -> bool:
        return ask_yes_no(self, question)
