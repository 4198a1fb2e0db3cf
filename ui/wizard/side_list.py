"""The list of all pages beside the wizard, each with its state; any page is one click away."""

from ui.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.wizard.marks import Mark, icon, icon_label


class SideList(QWidget):
    page_chosen = Signal(int)  # clicked or Enter: open the page and its first field
    page_shown = Signal(int)  # moved to with the arrow keys: show it, stay in the list

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Các trang của báo cáo")
        side = self.fontMetrics().height()
        self.list.setIconSize(QSize(side, side))
        self.list.setSpacing(2)
        for number, title in enumerate(titles, start=1):
            item = QListWidgetItem(f"{number}. {title}")
            item.setIcon(icon(Mark.NOT_STARTED.value))
            self.list.addItem(item)
        self.list.itemClicked.connect(lambda item: self.page_chosen.emit(self.list.row(item)))
        self.list.itemActivated.connect(lambda item: self.page_chosen.emit(self.list.row(item)))
        self.list.currentRowChanged.connect(self._on_row_changed)
        self._marks: list[tuple[Mark, str] | None] = [None] * len(titles)
        self._quiet = False
        width = self.fontMetrics().averageCharWidth() * 36
        self.setMinimumWidth(width)
        self.setMaximumWidth(width * 4 // 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self._legend())

    def _legend(self) -> QWidget:
        legend = QWidget(self)
        rows = QVBoxLayout(legend)
        rows.setContentsMargins(4, 4, 4, 4)
        rows.setSpacing(2)
        for mark in Mark:
            row = QHBoxLayout()
            row.addWidget(icon_label(mark.value, self))
            words = QLabel(mark.value.words, legend)
            words.setStyleSheet("QLabel { color: #5f6368; }")
            row.addWidget(words, 1)
            rows.addLayout(row)
        return legend

    def _on_row_changed(self, row: int) -> None:
        if not self._quiet and row >= 0:
            self.page_shown.emit(row)

    def show_current(self, index: int) -> None:
        self._quiet = True
        self.list.setCurrentRow(index)
        self._quiet = False

    def set_mark(self, index: int, mark: Mark, detail: str) -> None:
        if self._marks[index] == (mark, detail):
            return
        self._marks[index] = (mark, detail)
        item = self.list.item(index)
        item.setIcon(icon(mark.value))
        tip = mark.value.words + (f": {detail}" if detail else "")
        item.setToolTip(tip)
        item.setStatusTip(tip)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)

    def mark(self, index: int) -> Mark | None:
        found = self._marks[index]
        return None if found is None else found[0]
