"""The wizard's input widgets: figures written the Vietnamese way, texts saved after a pause.

Every field lets the wizard's own shortcuts through (undo and redo of the whole
report, page changes): a line edit would otherwise take Ctrl+Z for itself.
"""

import re
from collections.abc import Callable

from cchc_desktop.catalogue import Indicator, IndicatorKind
from cchc_desktop.narrative_numbers.text import utf16_offset
from cchc_desktop.vnformat import Number, format_number, parse_number
from ui.qt import (
    QEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMimeData,
    QPlainTextEdit,
    QResizeEvent,
    Qt,
    QTimer,
    QToolTip,
    QWidget,
    Signal,
)
from ui.wizard import legacy_paste

SETTLE_MS = 700  # a text is saved this long after the last keystroke (and on leaving it)
_TYPING = re.compile(r"^[\d.]*(,\d*)?$")
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier


def is_wizard_shortcut(event: QKeyEvent) -> bool:
    """Undo, redo and page changes belong to the wizard, whichever field has focus."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if modifiers == _CTRL and key in (Qt.Key.Key_Y, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        return True
    return modifiers == _ALT and key in (Qt.Key.Key_Left, Qt.Key.Key_Right)


def _lets_wizard_shortcuts_through(event: QEvent) -> bool:
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and is_wizard_shortcut(event)
    ):
        event.ignore()  # not taken by the field: the wizard's shortcut fires
        return True
    return False


def _significant(text: str) -> int:
    return sum(1 for ch in text if ch.isdigit() or ch == ",")


def live_format(old: str, new: str, cursor: int) -> tuple[str, int]:
    """``new`` (just typed, cursor at ``cursor``) regrouped: ``1730`` → ``1.730``.

    Thousands dots are the program's, so they are recomputed; the decimal part after
    the comma is kept as typed. A deleted dot deletes the digit before it. A paste
    (several characters at once) is read whole: ``1.730``, ``62.5`` and ``212.901,285``.
    Anything else (letters, a second comma) is left alone for the check to name.
    """
    compact = new.replace(" ", "").replace("\u00a0", "")
    if len(new) - len(old) > 1:
        try:
            formatted = format_number(parse_number(compact))
        except ValueError:
            return new, cursor
        return formatted, len(formatted)
    if not _TYPING.match(compact):
        return new, cursor
    if len(new) == len(old) - 1 and _digits(new) == _digits(old) and 0 < cursor <= len(new):
        new, cursor = new[: cursor - 1] + new[cursor:], cursor - 1  # a dot was deleted
        compact = new
    whole, comma, fraction = compact.partition(",")
    digits = whole.replace(".", "")
    grouped = format_number(int(digits)) if digits else ""
    result = grouped + comma + fraction
    wanted = _significant(new[:cursor]) - (len(digits) - len(digits.lstrip("0") or "0"))
    position = 0
    seen = 0
    while position < len(result) and seen < wanted:
        seen += result[position].isdigit() or result[position] == ","
        position += 1
    return result, position


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class LineEdit(QLineEdit):
    """A line edit that leaves the wizard's shortcuts to the wizard."""

    def event(self, event: QEvent) -> bool:
        return _lets_wizard_shortcuts_through(event) or super().event(event)


class NumberField(LineEdit):
    """One figure: grouped as typed (1.730; decimals after a comma), right-aligned.

    ``value_edited(key, text)`` follows every edit; a derived figure is read-only.
    """

    value_edited = Signal(str, str)

    def __init__(self, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = indicator.id
        self.indicator = indicator
        self.allows_decimals = indicator.max_decimals > 0
        self._shown = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # the same width on every page, from the font (so it scales with the screen's DPI)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("000.000.000.000,000") + 24)
        self.setAccessibleName(indicator.label)
        if indicator.derived:
            self.setReadOnly(True)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.set_alert(None)
        self.textEdited.connect(self._on_edited)

    def set_alert(self, colour: str | None) -> None:
        """A coloured frame while an error or warning involves this figure."""
        rules = ["background: palette(window);"] if self.isReadOnly() else []
        if colour:
            rules.append(f"border: 2px solid {colour}; border-radius: 3px; padding: 1px 2px;")
        self.setStyleSheet(f"QLineEdit {{ {' '.join(rules)} }}" if rules else "")

    def show_value(self, value: Number | None) -> None:
        self._shown = "" if value is None else format_number(value)
        self.setText(self._shown)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextPrevChild(True)  # Enter submits nothing: it moves on, like Tab
            return
        if event.text() == ".":  # thousands dots come by themselves; a dot means a comma
            if not self.allows_decimals or "," in self.text():
                return
            event = QKeyEvent(event.type(), Qt.Key.Key_Comma, event.modifiers(), ",")
        super().keyPressEvent(event)

    def _on_edited(self, text: str) -> None:
        formatted, cursor = live_format(self._shown, text, self.cursorPosition())
        if formatted != text:
            self.setText(formatted)
            self.setCursorPosition(cursor)
        self._shown = formatted
        self.value_edited.emit(self.key, formatted)


def unit_words(indicator: Indicator) -> str:
    return "%" if indicator.kind == IndicatorKind.PERCENT else indicator.unit


class ProblemLabel(QLabel):
    """Why a typed value was not saved, in the store's words, right under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { color: #b3261e; }")
        self.hide()

    def show_problem(self, text: str | None) -> None:
        if text:
            self.setText(f"Chưa lưu — {text}")
        self.setVisible(bool(text))


class _Settle:
    """Saving a text after a pause: ``touch`` on each keystroke, ``flush`` to save now."""

    def __init__(self, owner: QWidget, save: Callable[[], None]) -> None:
        self.dirty = False
        self._save = save
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.flush)

    def touch(self) -> None:
        self.dirty = True
        self._timer.start()

    def clear(self) -> None:
        self.dirty = False
        self._timer.stop()

    def flush(self) -> None:
        if self.dirty:
            self.clear()
            self._save()


class TextLine(LineEdit):
    """A short text (addressee, signer's name …); ``settled(text)`` after a pause or on leaving."""

    settled = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settle = _Settle(self, lambda: self.settled.emit(self.text()))
        self.textEdited.connect(lambda _text: self._settle.touch())
        self.editingFinished.connect(self.flush)

    def set_text_quietly(self, text: str) -> None:
        self._settle.clear()
        self.setText(text)

    def flush(self) -> None:
        self._settle.flush()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.focusNextPrevChild(True)
            return
        super().keyPressEvent(event)


class TextField(QPlainTextEdit):
    """A narrative: plain text, Tab leaves it, grows with its text, saved after a pause.

    Text pasted in a legacy Vietnamese encoding is offered in Unicode
    (``ask_conversion``, which tests replace). Hovering a number that ``tip_at``
    (set by :class:`ui.wizard.number_marks.NumberMarks`) has a warning about shows
    the warning; elsewhere the field's help shows.
    """

    tip_at: Callable[[int], str | None] | None = None

    settled = Signal(str, str)  # key, text

    def __init__(
        self, key: str, parent: QWidget | None = None, *, lines: int = 5, most: int = 16
    ) -> None:
        super().__init__(parent)
        self.key = key
        self._lines = (lines, most)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # undo is the report's, across every field
        self._settle = _Settle(self, lambda: self.settled.emit(self.key, self.toPlainText()))
        self._loading = False
        self.textChanged.connect(self._on_changed)
        self._fit()

    def event(self, event: QEvent) -> bool:
        return _lets_wizard_shortcuts_through(event) or super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and self.tip_at is not None
        ):
            cursor = self.cursorForPosition(event.pos())
            near = abs(self.cursorRect(cursor).center().x() - event.pos().x())
            tip = self.tip_at(cursor.position())
            if tip and near <= self.fontMetrics().averageCharWidth():  # on the number itself
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)

    def select_span(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` of the text shown (Python offsets) and scroll to it."""
        text = self.toPlainText()
        start, end = (utf16_offset(text, min(o, len(text))) for o in (start, end))
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_text_quietly(self, text: str) -> None:
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._settle.clear()

    def flush(self) -> None:
        self._settle.flush()

    def _on_changed(self) -> None:
        if not self._loading:
            self._settle.touch()
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Tall enough for the text (between the given numbers of lines): no inner scrolling."""
        fewest, most = self._lines
        lines = int(self.document().documentLayout().documentSize().height())
        lines = min(max(lines + 1, fewest), most)
        margins = self.contentsMargins()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + 2 * int(self.document().documentMargin())
            + margins.top()
            + margins.bottom()
        )
        if height != self.height():
            self.setFixedHeight(height)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            text = source.text()
            found = legacy_paste.suggest(text)
            if found is not None and self.ask_conversion(*found):
                self.insertPlainText(found[1])
                return
        super().insertFromMimeData(source)

    def ask_conversion(self, encoding: str, converted: str) -> bool:
        """Whether to paste ``converted`` (Unicode) instead of the legacy-encoded text."""
        return legacy_paste.ask_conversion(self, encoding, converted)
