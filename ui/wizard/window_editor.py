"""The data window (``Số liệu tính từ ngày … đến ngày …``), editable, with the official default.

The period's official window is set when the report is created; provinces and
inspection teams sometimes ask for another, so the clerk may change it here.
"""

import datetime as dt
import re

from cchc_desktop.vnformat import format_date_short
from ui.qt import QHBoxLayout, QPushButton, QWidget, Signal
from ui.wizard.fields import TextLine
from ui.wizard.page import hint
from ui.wizard.session import ReportSession

_DAY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def parse_day(text: str, what: str) -> dt.date:
    """``17/01/2022`` → a date; ``ValueError`` naming ``what`` otherwise."""
    match = _DAY.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    raise ValueError(f"{what}: «{text.strip()}» không phải một ngày dạng dd/mm/yyyy")


class WindowEditor(QWidget):
    """Two dates and a "Theo quy định" button; ``problem(text or None)`` after each save."""

    problem = Signal(object)  # str | None

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.start = TextLine(self)
        self.end = TextLine(self)
        for line, words in ((self.start, "từ ngày"), (self.end, "đến ngày")):
            line.setPlaceholderText("dd/mm/yyyy")
            line.setMaximumWidth(16 * line.fontMetrics().averageCharWidth())
            line.setAccessibleName(f"Thời gian lấy số liệu {words}")
            line.settled.connect(lambda _text: self.save())
        self.official = QPushButton("Theo quy định", self)
        self.official.setAutoDefault(False)
        self.official.setToolTip("Dùng thời gian lấy số liệu theo chế độ báo cáo của Bộ Nội vụ")
        self.official.setEnabled(session.default_window() is not None)
        self.official.clicked.connect(self.use_official)
        for widget in (self.start, hint("đến"), self.end, self.official):
            row.addWidget(widget)
        row.addStretch(1)

    def refresh(self) -> None:
        start, end = self.session.window
        self.start.set_text_quietly(format_date_short(start) if start else "")
        self.end.set_text_quietly(format_date_short(end) if end else "")
        self.problem.emit(None)

    def save(self) -> None:
        try:
            start = parse_day(self.start.text(), "Số liệu tính từ ngày")
            end = parse_day(self.end.text(), "Số liệu tính đến ngày")
            self.session.set_window(start, end)
        except ValueError as error:
            self.problem.emit(str(error))
        else:
            self.problem.emit(None)

    def use_official(self) -> None:
        window = self.session.default_window()
        if window is not None:
            self.session.set_window(*window)
            self.refresh()

    def flush(self) -> None:
        self.start.flush()
        self.end.flush()
