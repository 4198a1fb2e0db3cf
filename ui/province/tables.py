"""The two tables of the province view: the communes with their status, and the totals."""

from cchc_desktop.catalogue import Catalogue, IndicatorKind
from cchc_desktop.province import CommuneRow, Summary
from cchc_desktop.province.words import COUNT_HEADER, communes_words
from cchc_desktop.vnformat import Number, format_number
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QHeaderView,
    Qt,
    QTableWidget,
    QTableWidgetItem,
)

COMMUNE_COLUMNS = [
    "Mã",
    "Xã, phường, đặc khu",
    "Tình trạng",
    "Lần gửi",
    "Trạng thái",
    "Lỗi",
    "Cảnh báo",
    "Ngày lập gói",
    "Tệp",
]
TOTAL_COLUMNS = ["Chỉ tiêu", "Tổng số", "Đơn vị tính", COUNT_HEADER]
BUNDLE_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#b00020")
AMBER = QColor("#8a5a00")
MISSING_BACKGROUND = QColor("#fdecea")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def read_only_table(columns: list[str], stretch: int, *, wrap: bool = True) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setWordWrap(wrap)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def add_heading_row(table: QTableWidget, title: str, columns: int) -> None:
    """A bold row across ``columns`` columns: a section's title above its figures."""
    row = table.rowCount()
    table.insertRow(row)
    item = QTableWidgetItem(title)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    table.setItem(row, 0, item)
    table.setSpan(row, 0, 1, columns)


def fill_communes(table: QTableWidget, rows: list[CommuneRow]) -> None:
    """One line per commune; the bundle id (or ``None``) in column 0's user data."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for index, row in enumerate(rows):
        for column, text in enumerate(row.cells()):
            item = QTableWidgetItem(text)
            if column in (3, 5, 6):
                item.setTextAlignment(_RIGHT)
            if not row.reported:
                item.setBackground(QBrush(MISSING_BACKGROUND))
                if column == 2:
                    item.setForeground(QBrush(RED))
            elif column == 2 and row.conflict:
                item.setForeground(QBrush(AMBER))
            elif column == 5 and row.errors:
                item.setForeground(QBrush(RED))
            elif column == 6 and row.warnings:
                item.setForeground(QBrush(AMBER))
            if column == len(COMMUNE_COLUMNS) - 1:
                item.setToolTip(text)
            if column == 0:
                item.setData(BUNDLE_ROLE, row.bundle_id)
                item.setToolTip(
                    "Nhấp đúp để xem báo cáo (chỉ xem)" if row.reported else "Chưa gửi báo cáo"
                )
            table.setItem(index, column, item)


def total_text(kind: IndicatorKind, value: Number | None) -> str:
    """The figure alone: the unit (``%`` too) is in its own column."""
    return "" if value is None else format_number(value)


def fill_totals(table: QTableWidget, summary: Summary, catalogue: Catalogue) -> None:
    """Totals by section (bold spanned rows); figures nobody gave are left out."""
    table.setRowCount(0)
    for section, totals in summary.totals_by_section(catalogue):
        lines = [
            [
                t.indicator.label,
                total_text(t.indicator.kind, t.value),
                t.indicator.unit,
                str(t.communes),
            ]
            for t in totals
        ]
        tips = [communes_words(t.indicator.derived, t.communes) for t in totals]
        add_heading_row(table, section.title, len(TOTAL_COLUMNS))
        for cells, tip in zip(lines, tips, strict=True):
            row = table.rowCount()
            table.insertRow(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 3):
                    item.setTextAlignment(_RIGHT)
                if column in (1, 3):
                    item.setToolTip(tip)
                table.setItem(row, column, item)
