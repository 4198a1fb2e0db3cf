"""Suspicious numbers of a narrative, underlined in its editor as the clerk types.

A pause in the typing (``DELAY_MS``) runs the narrative checker on the editor's
text, with the report's figures of the section; the numbers of each warning get
a wavy underline in the warning colour, and hovering one shows the warning.
The page passes ``text_findings``, which remembers its result per text and
figures: once the text is saved, the checker's findings (``live_checks``) reuse
this check instead of reading the narrative again.
"""

from collections.abc import Callable, Sequence

from cchc_desktop.narrative_numbers import TextFinding, check_text
from cchc_desktop.narrative_numbers.text import utf16_offset
from ui.qt import QColor, QObject, QPlainTextEdit, QTextCharFormat, QTextCursor, QTextEdit, QTimer
from ui.wizard.marks import FindingKind

DELAY_MS = 250
UNDERLINE = FindingKind.WARNING.value.colour


class NumberMarks(QObject):
    """Keeps ``editor``'s suspicious numbers underlined; ``check`` reads a text (with the
    report's figures of the section at the time of the check, if it knows them)."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        check: Callable[[str], Sequence[TextFinding]] = check_text,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self._check = check
        self.findings: list[TextFinding] = []
        self._ranges: list[tuple[int, int, str]] = []  # Qt positions and the message
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        editor.textChanged.connect(self.schedule)

    def schedule(self) -> None:
        """Check again once the typing pauses."""
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        """Check the text now and underline what was found."""
        self._timer.stop()
        text = self.editor.toPlainText()
        self.findings = list(self._check(text))
        self._ranges = [
            (utf16_offset(text, start), utf16_offset(text, end), finding.message)
            for finding in self.findings
            for start, end in finding.spans
        ]
        self.editor.setExtraSelections([self._selection(a, b) for a, b, _ in self._ranges])

    def _selection(self, start: int, end: int) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        look = QTextCharFormat()
        look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        look.setUnderlineColor(QColor(UNDERLINE))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = look
        return selection

    def underlined(self) -> list[str]:
        """The underlined numbers as written, in the order of the text (for tests)."""
        text = self.editor.toPlainText()
        return [text[s:e] for finding in self.findings for s, e in finding.spans]

    def message_at(self, position: int) -> str | None:
        """The warnings about the number at Qt position ``position``, one a line."""
        found = dict.fromkeys(m for a, b, m in self._ranges if a <= position <= b)
        return "\n".join(found) or None
