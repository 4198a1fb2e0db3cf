"""A small table editor for the header's lists: cited documents and the contacts table.

Rows are edited in place; Tab leaves the table (arrow keys move between cells,
typing or F2 edits a cell). ``rows_edited`` carries the rows as dicts after each
change, leaving out rows that are entirely blank.
"""

from dataclasses import dataclass
from typing import Any

from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

DOCUMENT_KINDS = (
    "Kế hoạch",
    "Quyết định",
    "Công văn",
    "Thông báo",
    "Chỉ thị",
    "Nghị quyết",
    "Hướng dẫn",
    "Thông tư",
    "Nghị định",
)


@dataclass(frozen=True)
class Column:
    name: str  # the model's field name
    heading: str
    chars: int = 0  # width in average characters; 0 = takes the rest


CITATION_COLUMNS = (
    Column("kind", "Loại văn bản", 12),
    Column("number", "Số, ký hiệu", 13),
    Column("date", "Ngày ban hành", 13),
    Column("issuer", "Cơ quan ban hành", 20),
    Column("summary", "Trích yếu (về việc …)"),
)
CONTACT_COLUMNS = (
    Column("role", "Nội dung phụ trách", 24),
    Column("name", "Họ và tên", 18),
    Column("position", "Chức vụ", 18),
    Column("contact", "Email / điện thoại"),
)


class _KindDelegate(QStyledItemDelegate):
    """The kind of document: pick a usual one or type another."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.addItems(DOCUMENT_KINDS)
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText().strip())


class RowsEditor(QWidget):
    """A table of text cells with "add" and "remove" buttons."""

    rows_edited = Signal(list)  # list[dict[str, str]]

    def __init__(
        self,
        columns: tuple[Column, ...],
        add_words: str,
        parent: QWidget | None = None,
        *,
        kinds_in_first_column: bool = False,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._loading = False
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([c.heading for c in columns])
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        average = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(columns):
            if column.chars:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(number, column.chars * average + 16)
        header.setStretchLastSection(True)
        if kinds_in_first_column:
            self.table.setItemDelegateForColumn(0, _KindDelegate(self.table))
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.setAccessibleName(add_words)
        add = QPushButton(add_words, self)
        add.setAutoDefault(False)
        add.clicked.connect(self.add_row)
        self.remove = QPushButton("Xóa dòng đang chọn", self)
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fit()

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        """Show these rows without announcing an edit."""
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for number, column in enumerate(self.columns):
                    self.table.setItem(row, number, QTableWidgetItem(values.get(column.name, "")))
        finally:
            self._loading = False
        self._fit()

    def rows(self) -> list[dict[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            values = {}
            for number, column in enumerate(self.columns):
                item = self.table.item(row, number)
                values[column.name] = item.text().strip() if item is not None else ""
            if any(values.values()):
                result.append(values)
        return result

    def add_row(self) -> None:
        row = self.table.rowCount()
        self._loading = True
        self.table.insertRow(row)
        for number in range(len(self.columns)):
            self.table.setItem(row, number, QTableWidgetItem(""))
        self._loading = False
        self._fit()
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._fit()
        self.rows_edited.emit(self.rows())

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._loading = True  # row heights change items' geometry, not their text
            self._fit()
            self._loading = False
            self.rows_edited.emit(self.rows())

    def _fit(self) -> None:
        """As tall as its rows (at least three): the page scrolls, not the table."""
        self.table.resizeRowsToContents()
        rows = max(self.table.rowCount(), 3)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height += (rows - self.table.rowCount()) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2)
