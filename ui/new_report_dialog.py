"""Creating a report: a new one (unit and period), or the next period's from an existing one.

Both dialogs write through the store and nothing else: the report is created
when the clerk confirms, and a refusal (a second report for the same unit and
period, a window that ends before it starts) is shown inline in the store's
own Vietnamese words. The unit picked last is remembered in the database
(setting ``last_unit``), not in the widget.
"""

import datetime as dt

from cchc_desktop.model import Unit
from cchc_desktop.periods import parse_period
from cchc_desktop.store import ReportSummary, Store
from cchc_desktop.vnformat import format_date_short
from ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.unit_picker import UnitPicker

LAST_UNIT = "last_unit"
AD_HOC = "AH"
KINDS = [
    ("Q1", "Quý I"),
    ("Q2", "Quý II"),
    ("Q3", "Quý III"),
    ("Q4", "Quý IV"),
    ("H1", "6 tháng đầu năm"),
    ("9M", "9 tháng"),
    ("Y", "Năm"),
    (AD_HOC, "Đột xuất"),
]
ERROR_STYLE = "color: #b00020; font-weight: bold;"


def next_period(code: str) -> tuple[str, int]:
    """The period proposed after ``code``: the next quarter; otherwise the same kind a year on.

    An ad hoc report proposes another ad hoc report of the same year.
    """
    period = parse_period(code)
    if period.kind.startswith("Q"):
        quarter = int(period.kind[1])
        return (f"Q{quarter + 1}", period.year) if quarter < 4 else ("Q1", period.year + 1)
    if period.is_ad_hoc:
        return AD_HOC, period.year
    return period.kind, period.year + 1


def free_ad_hoc_period(store: Store, unit: Unit, year: int) -> str:
    """``2026-AH1``, or the first number this unit has not used that year (trash included)."""
    taken = {
        s.period
        for deleted in (False, True)
        for s in store.list_reports(deleted=deleted)
        if (s.unit_code == unit.code if unit.code else s.unit_name == unit.name)
    }
    number = 1
    while f"{year}-{AD_HOC}{number}" in taken:
        number += 1
    return f"{year}-{AD_HOC}{number}"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class PeriodPicker(QWidget):
    """Kind and year of the period, the ad hoc title, and the data window (editable)."""

    period_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox()
        for kind, label in KINDS:
            self.kind_combo.addItem(label, kind)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(dt.date.today().year)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ví dụ: phục vụ Đoàn kiểm tra CCHC của tỉnh năm 2026")
        self.from_edit = _date_edit()
        self.to_edit = _date_edit()
        self.title_preview = QLabel()

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo, 1)
        kind_row.addWidget(QLabel("năm"))
        kind_row.addWidget(self.year_spin)
        window_row = QHBoxLayout()
        window_row.addWidget(self.from_edit)
        window_row.addWidget(QLabel("đến ngày"))
        window_row.addWidget(self.to_edit)
        window_row.addStretch(1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("Kỳ báo cáo:", kind_row)
        self.form.addRow("Tên báo cáo đột xuất:", self.title_edit)
        self.form.addRow("Số liệu từ ngày:", window_row)
        self.form.addRow("Trên báo cáo ghi:", self.title_preview)

        self.kind_combo.currentIndexChanged.connect(self.on_period_edited)
        self.year_spin.valueChanged.connect(self.on_period_edited)
        self.title_edit.textChanged.connect(self._show_title)
        self.on_period_edited()

    def set_period(self, kind: str, year: int) -> None:
        self.year_spin.setValue(year)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.on_period_edited()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def year(self) -> int:
        return self.year_spin.value()

    def is_ad_hoc(self) -> bool:
        return self.kind() == AD_HOC

    def ad_hoc_title(self) -> str:
        return " ".join(self.title_edit.text().split()) if self.is_ad_hoc() else ""

    def data_window(self) -> tuple[dt.date, dt.date]:
        """The data window as the clerk left it (first and last day)."""
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def code(self, ad_hoc: str | None = None) -> str:
        """The period code; an ad hoc report takes the code given (see ``free_ad_hoc_period``)."""
        if self.is_ad_hoc():
            return ad_hoc or f"{self.year()}-{AD_HOC}1"
        return f"{self.year()}-{self.kind()}"

    def problem(self) -> str | None:
        """What keeps the period from being used, in Vietnamese; ``None`` when it is complete."""
        if self.is_ad_hoc() and not self.ad_hoc_title():
            return "Báo cáo đột xuất cần có tên, ví dụ: «phục vụ Đoàn kiểm tra CCHC của tỉnh»"
        start, end = self.data_window()
        if start > end:
            return (
                f"Thời gian lấy số liệu: ngày bắt đầu ({format_date_short(start)}) "
                f"phải trước ngày kết thúc ({format_date_short(end)})"
            )
        return None

    def on_period_edited(self, *_: object) -> None:
        """A new kind or year: show the title row if ad hoc, and propose the official window."""
        self.form.setRowVisible(self.title_edit, self.is_ad_hoc())
        window = parse_period(self.code()).default_window()
        if window is None:  # ad hoc: the year so far
            last = min(dt.date.today(), dt.date(self.year(), 12, 31))
            window = (dt.date(self.year(), 1, 1), max(last, dt.date(self.year(), 1, 1)))
        self.from_edit.setDate(_qdate(window[0]))
        self.to_edit.setDate(_qdate(window[1]))
        self._show_title()

    def _show_title(self, *_: object) -> None:
        title = parse_period(self.code()).title(self.ad_hoc_title())
        self.title_preview.setText(f"<b>{title}</b>")
        self.period_changed.emit()


class _CreateDialog(QDialog):
    """What both dialogs share: the period picker in its box, the refusal line, and
    the create and cancel buttons. ``report_created`` carries the new report's id."""

    report_created = Signal(int)

    def __init__(
        self, store: Store, title: str, period_title: str, create_text: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.report_id: int | None = None
        self.setWindowTitle(title)
        self.period_picker = PeriodPicker()
        self.period_box = QGroupBox(period_title)
        QVBoxLayout(self.period_box).addWidget(self.period_picker)
        self.error_label = _error_label()
        self.create_button = QPushButton(create_text)
        self.create_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.create_button.clicked.connect(self.on_create_clicked)
        self.buttons.rejected.connect(self.reject)

    def on_create_clicked(self) -> None:
        raise NotImplementedError

    def created(self, report_id: int) -> None:
        """The store made the report: say so and close."""
        self.report_id = report_id
        self.report_created.emit(report_id)
        self.accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class NewReportDialog(_CreateDialog):
    """Unit and period of a new report; ``report_created`` carries its id."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            "Tạo báo cáo mới",
            "2. Kỳ báo cáo và thời gian lấy số liệu",
            "Tạo báo cáo",
            parent,
        )
        self.unit_picker = UnitPicker()
        today = dt.date.today()
        self.period_picker.set_period(f"Q{(today.month - 1) // 3 + 1}", today.year)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        unit_box = QGroupBox("1. Đơn vị báo cáo")
        QVBoxLayout(unit_box).addWidget(self.unit_picker)
        layout = QVBoxLayout(self)
        layout.addWidget(unit_box, 1)
        layout.addWidget(self.period_box)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(640, 600)

        self.unit_picker.unit_changed.connect(self.on_choice_changed)
        self.period_picker.period_changed.connect(self.on_choice_changed)
        last = store.setting(LAST_UNIT)
        if last:
            self.unit_picker.select_code(last)
        self.unit_picker.search_edit.setFocus()
        self.on_choice_changed()

    def on_choice_changed(self) -> None:
        self.error_label.hide()
        try:
            unit = self.unit_picker.unit()
        except ValueError:
            self.summary_label.setText("Chưa chọn đơn vị.")
            return
        title = parse_period(self.period_picker.code()).title(self.period_picker.ad_hoc_title())
        self.summary_label.setText(f"Sẽ tạo: Báo cáo {title} của <b>{unit.issuing_body}</b>")

    def on_create_clicked(self) -> None:
        try:
            unit = self.unit_picker.unit()
            problem = self.period_picker.problem()
            if problem:
                raise ValueError(problem)
            picker = self.period_picker
            ad_hoc = free_ad_hoc_period(self.store, unit, picker.year())
            report_id = self.store.create_report(
                unit,
                picker.code(ad_hoc),
                ad_hoc_title=picker.ad_hoc_title(),
                window=picker.data_window(),
            )
        except ValueError as error:
            self.show_error(str(error))
            return
        if unit.code:
            self.store.set_setting(LAST_UNIT, unit.code)
        self.created(report_id)


class NextPeriodDialog(_CreateDialog):
    """The next period's report of the same unit, copied from ``source`` (period editable)."""

    def __init__(self, store: Store, source: ReportSummary, parent: QWidget | None = None) -> None:
        super().__init__(
            store, "Tạo báo cáo kỳ mới từ kỳ trước", "Kỳ báo cáo mới", "Tạo báo cáo kỳ mới", parent
        )
        self.source = source
        intro = QLabel(
            f"Đơn vị: <b>{source.unit_name}</b><br>"
            f"Chép từ báo cáo: <b>{source.period_title}</b><br><br>"
            "Báo cáo mới giữ phần đầu, nội dung các mục (để sửa lại) và các số liệu "
            "cộng dồn; số liệu phát sinh trong kỳ để trống. Số và ngày văn bản để trống."
        )
        intro.setWordWrap(True)
        self.period_picker.set_period(*next_period(source.period))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.period_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 320)
        self.period_picker.period_changed.connect(self.error_label.hide)
        self.period_picker.kind_combo.setFocus()

    def on_create_clicked(self) -> None:
        picker = self.period_picker
        try:
            problem = picker.problem()
            if problem:
                raise ValueError(problem)
            unit = Unit(code=self.source.unit_code, name=self.source.unit_name)
            code = picker.code(free_ad_hoc_period(self.store, unit, picker.year()))
            report_id = self.store.duplicate(
                self.source.id, code, ad_hoc_title=picker.ad_hoc_title()
            )
        except ValueError as error:
            self.show_error(str(error))
            return
        if picker.data_window() != parse_period(code).default_window():
            self.store.set_window(report_id, *picker.data_window())
        self.created(report_id)
