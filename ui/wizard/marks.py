"""How findings and page states look: words, colours and small drawn icons.

Colour is never the only signal: each kind has its own shape and its own words
("Lỗi:", "Cảnh báo:"), for clerks who do not tell red from green.
"""

from dataclasses import dataclass
from enum import Enum
from functools import cache
from html import escape

from cchc_desktop.checks import Finding, Kinds
from cchc_desktop.checks import FindingKind as Kind
from cchc_desktop.checks import counts_text as core_counts_text
from ui.qt import (
    QColor,
    QFrame,
    QHBoxLayout,
    QIcon,
    QLabel,
    QPainter,
    QPen,
    QPixmap,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Look:
    words: str  # what the clerk reads: the prefix of a finding, the name of a page state
    colour: str  # the icon's and the text's colour
    background: str
    glyph: str  # check, cross, bang, dots, ring


class FindingKind(Enum):
    """What a finding means to the clerk (the checker's severity and status, combined),
    with its look: one member per kind of the core's classification
    (``cchc_desktop.checks.FindingKind``, the same name), which the command line uses too."""

    ERROR = Look("Lỗi:", "#b3261e", "#fdecea", "cross")
    WARNING = Look("Cảnh báo:", "#8a5300", "#fff3dc", "bang")
    MISSING = Look("Còn thiếu:", "#2f5f8a", "#eaf1f8", "dots")
    PENDING = Look("", "#5f6368", "#f1f3f4", "ring")  # its message says what is missing


class Mark(Enum):
    """A page's state in the side list."""

    NOT_STARTED = Look("Chưa nhập", "#80868b", "", "ring")
    IN_PROGRESS = Look("Đang nhập, còn thiếu số liệu", "#2f5f8a", "", "dots")
    COMPLETE = Look("Đã nhập, không thấy lỗi", "#1e7d32", "", "check")
    WARNINGS = Look("Có cảnh báo cần xem lại", "#8a5300", "", "bang")
    ERRORS = Look("Có lỗi cần sửa", "#b3261e", "", "cross")


def classify(finding: Finding, kinds: Kinds) -> FindingKind:
    """The core's classification (``Kinds``), with its look."""
    return FindingKind[kinds(finding).name]


def mark_of(kinds: list[FindingKind], started: bool) -> Mark:
    """A page's mark from the kinds of its findings and whether anything was typed."""
    if FindingKind.ERROR in kinds:
        return Mark.ERRORS
    if FindingKind.WARNING in kinds:
        return Mark.WARNINGS
    if not started:
        return Mark.NOT_STARTED
    if kinds:
        return Mark.IN_PROGRESS
    return Mark.COMPLETE


def counts_text(kinds: list[FindingKind]) -> str:
    """``2 lỗi, 1 cảnh báo`` (empty when there is nothing to say): the core's words."""
    return core_counts_text(Kind[k.name] for k in kinds)


# -- icons -------------------------------------------------------------------------------


def _draw(look: Look, side: int) -> QPixmap:
    scale = 2  # drawn at twice the size: crisp at 100 % and 200 %
    pixmap = QPixmap(side * scale, side * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(scale)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(look.colour)
    box = QRectF(1, 1, side - 2, side - 2)
    pen = QPen(QColor("white"), max(1.5, side / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if look.glyph == "ring":
        painter.setPen(QPen(colour, max(1.2, side / 10)))
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box)
        painter.setPen(pen)
        painter.setBrush(QColor("white"))
        s = side
        if look.glyph == "check":
            painter.drawPolyline(
                [
                    QPointF(s * 0.28, s * 0.52),
                    QPointF(s * 0.44, s * 0.68),
                    QPointF(s * 0.72, s * 0.34),
                ]
            )
        elif look.glyph == "cross":
            painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
            painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
        elif look.glyph == "bang":
            painter.drawLine(QPointF(s * 0.5, s * 0.26), QPointF(s * 0.5, s * 0.56))
            painter.drawPoint(QPointF(s * 0.5, s * 0.74))
        else:  # dots
            for x in (0.3, 0.5, 0.7):
                painter.drawPoint(QPointF(s * x, s * 0.5))
    painter.end()
    return pixmap


@cache
def icon(look: Look) -> QIcon:
    result = QIcon()
    for side in (16, 20, 24, 32):
        result.addPixmap(_draw(look, side))
    return result


def icon_label(look: Look, reference: QWidget) -> QLabel:
    """A label showing ``look``'s icon at the height of ``reference``'s text."""
    label = QLabel()
    side = reference.fontMetrics().height()
    label.setPixmap(icon(look).pixmap(QSize(side, side), reference.devicePixelRatioF()))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


# -- finding widgets ---------------------------------------------------------------------


class FindingLabel(QFrame):
    """One finding in words: icon, bold prefix, the checker's message; wraps, never scrolls."""

    def __init__(self, kind: FindingKind, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.message = message
        look = kind.value
        self.setObjectName("finding")
        self.setStyleSheet(
            f"QFrame#finding {{ background: {look.background}; border-radius: 3px;"
            " border: 2px solid transparent; }"
            "QFrame#finding:focus { border-color: #1a73e8; }"
            f"QLabel {{ color: {look.colour}; background: transparent; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(icon_label(look, self))
        prefix = f"<b>{escape(look.words)}</b> " if look.words else ""
        self.text = QLabel(prefix + escape(message))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if kind == FindingKind.PENDING:
            font = self.text.font()
            font.setItalic(True)
            self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.setAccessibleName(f"{look.words} {message}".strip())


class FindingsList(QWidget):
    """The findings shown next to one group of fields; rebuilt only when they change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._shown: list[tuple[FindingKind, str]] = []
        self.hide()

    def set_findings(self, entries: list[tuple[FindingKind, str]]) -> None:
        order = list(FindingKind)
        entries = sorted(entries, key=lambda e: order.index(e[0]))
        if entries == self._shown:
            return
        self._shown = entries
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for kind, message in entries:
            self._layout.addWidget(FindingLabel(kind, message, self))
        self.setVisible(bool(entries))

    def messages(self) -> list[str]:
        return [message for _, message in self._shown]

    def labels(self) -> list[FindingLabel]:
        found = (self._layout.itemAt(n) for n in range(self._layout.count()))
        return [w for item in found if item and isinstance(w := item.widget(), FindingLabel)]
