"""Choosing the reporting unit: a commune from the official list, or a historical one typed in.

The official list is searched as the clerk types, accents ignored (``tu ky``
finds ``Xã Tứ Kỳ``), within one province or all 34. A unit that no longer
exists (a district or commune before 1 July 2025) is typed as name and parent
body.
"""

from cchc_desktop.model import Unit
from cchc_desktop.units import OfficialUnit, commune, provinces, search
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QEvent,
    QFormLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QObject,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

ALL_PROVINCES = "Tất cả 34 tỉnh, thành phố"


class UnitPicker(QWidget):
    """Province, search box and list of communes; or, when ticked, a free-text historical unit."""

    unit_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.province_combo = QComboBox()
        self.province_combo.addItem(ALL_PROVINCES, "")  # not None: PySide6 mis-counts it
        for code, name in provinces():
            self.province_combo.addItem(name, code)
        self.province_combo.setMaxVisibleItems(18)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Gõ tên xã, phường (không cần dấu), ví dụ: tu ky")
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self._codes: list[str] = []  # official code of each row of ``results``
        self.results.setMinimumHeight(150)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")

        official = QWidget()
        form = QFormLayout(official)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Tỉnh, thành phố:", self.province_combo)
        form.addRow("Tìm xã, phường:", self.search_edit)
        form.addRow("", self.results)
        form.addRow("", self.count_label)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ví dụ: Xã Phượng Kỳ")
        self.parent_edit = QLineEdit()
        self.parent_edit.setPlaceholderText("Ví dụ: UBND huyện Tứ Kỳ")
        historical = QWidget()
        free = QFormLayout(historical)
        free.setContentsMargins(0, 0, 0, 0)
        free.addRow("Tên đơn vị:", self.name_edit)
        free.addRow("Cơ quan cấp trên:", self.parent_edit)
        hint = QLabel(
            "Dùng cho báo cáo của đơn vị cũ (trước ngày 01/07/2025), "
            "không còn trong danh sách xã, phường hiện hành."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        free.addRow("", hint)

        self.panes = QStackedWidget()
        self.panes.addWidget(official)
        self.panes.addWidget(historical)
        self.historical_check = QCheckBox("Đơn vị cũ, không có trong danh sách (nhập tay)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panes)
        layout.addWidget(self.historical_check)

        self.province_combo.currentIndexChanged.connect(self.refresh)
        self.search_edit.textChanged.connect(self.refresh)
        self.search_edit.installEventFilter(self)
        self.results.itemSelectionChanged.connect(self._announce)
        self.historical_check.toggled.connect(self.on_historical_toggled)
        self.name_edit.textChanged.connect(self._announce)
        self.parent_edit.textChanged.connect(self._announce)
        self.refresh()

    # -- what the clerk chose ------------------------------------------------------

    def official_code(self) -> str | None:
        """The code of the commune selected in the list (``None`` if none, or historical)."""
        if self.historical_check.isChecked():
            return None
        row = self.results.currentRow()
        if not 0 <= row < len(self._codes) or not self.results.item(row).isSelected():
            return None
        return self._codes[row]

    def unit(self) -> Unit:
        """The chosen unit; ``ValueError`` with a Vietnamese message if the choice is incomplete."""
        if self.historical_check.isChecked():
            name = " ".join(self.name_edit.text().split())
            parent = " ".join(self.parent_edit.text().split())
            if not name:
                raise ValueError("Hãy nhập tên đơn vị (ví dụ: Xã Phượng Kỳ)")
            return Unit(
                name=name,
                parent_body=parent.upper(),
                issuing_body=f"ỦY BAN NHÂN DÂN {name.upper()}",
            )
        code = self.official_code()
        if code is None:
            raise ValueError("Hãy chọn xã, phường trong danh sách (gõ tên để tìm)")
        return Unit.from_official(commune(code))

    def select_code(self, code: str) -> bool:
        """Show and select an official commune (the last one used); ``False`` if unknown."""
        try:
            found = commune(code)
        except ValueError:
            return False
        self.historical_check.setChecked(False)
        self.province_combo.setCurrentIndex(self.province_combo.findData(found.province_code))
        self.search_edit.clear()
        return self._select_item(found.code)

    # -- reacting to the clerk -------------------------------------------------------

    def refresh(self) -> None:
        """Fill the list with the communes matching the search, keeping the selection if shown."""
        kept = self.official_code()
        province = str(self.province_combo.currentData()) or None
        query = self.search_edit.text()
        found = search(query, province)
        # One call for the whole list: up to 3,321 communes are refilled at each keystroke.
        self._codes = [unit.code for unit in found]
        self.results.clear()
        self.results.addItems([self._text(u, with_province=province is None) for u in found])
        if found:
            self.count_label.setText(f"{len(found)} đơn vị")
        elif query.strip():
            self.count_label.setText(f"Không tìm thấy xã, phường nào khớp «{query.strip()}»")
        else:
            self.count_label.setText("")
        if kept is not None:
            self._select_item(kept)
        self.unit_changed.emit()

    def on_historical_toggled(self, checked: bool) -> None:
        self.panes.setCurrentIndex(1 if checked else 0)
        (self.name_edit if checked else self.search_edit).setFocus()
        self.unit_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves to the list, selecting the first match."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.results.count():
                    if self.official_code() is None:
                        self.results.setCurrentRow(0)
                    self.results.setFocus()
                return key == Qt.Key.Key_Down or bool(self.results.count())
        return super().eventFilter(watched, event)

    # -- helpers -----------------------------------------------------------------------

    def _announce(self, *_: object) -> None:
        self.unit_changed.emit()

    @staticmethod
    def _text(unit: OfficialUnit, *, with_province: bool) -> str:
        return f"{unit.name} — {unit.province_name}" if with_province else unit.name

    def _select_item(self, code: str) -> bool:
        if code not in self._codes:
            return False
        row = self._codes.index(code)
        self.results.setCurrentRow(row)
        self.results.scrollToItem(
            self.results.item(row), QAbstractItemView.ScrollHint.PositionAtCenter
        )
        return True
