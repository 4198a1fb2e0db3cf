"""The last page, "Kiểm tra và xuất": every finding of the report, grouped by page.

Each line can be clicked (or reached with Tab and opened with Enter or Space) to
go to the field it concerns; a warning about numbers in a narrative opens the
narrative with those numbers selected. The print buttons live in ``export_bar``,
which is the place left for them.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks import Finding
from cchc_desktop.narrative_numbers import RULE_PREFIX
from ui.qt import (
    QApplication,
    QFont,
    QGroupBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QMouseEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.wizard.fields import TextField
from ui.wizard.live_checks import LiveChecks
from ui.wizard.marks import FindingKind, FindingLabel, Mark, counts_text, mark_of
from ui.wizard.page import WizardPage, hint

TITLE = "Kiểm tra và xuất"


@dataclass(frozen=True)
class Entry:
    kind: FindingKind
    message: str
    key: str  # the field to go to: indicator id, narrative key, header.<name>, or a section id
    span: tuple[int, int] | None = None  # the characters to select in a narrative


def target_of(finding: Finding, catalogue: Catalogue) -> str:
    """The field to open for a finding: its first typed figure, else its text, else its
    section; a warning about a narrative's numbers opens the narrative."""
    if finding.rule_id.startswith(RULE_PREFIX) and finding.narratives:
        return finding.narratives[0]
    for key in finding.indicators:
        if catalogue.has_indicator(key) and not catalogue.indicator(key).derived:
            return key
    return (finding.narratives or (finding.section,))[0]


class PageState(Protocol):
    """What :func:`collect` needs of a page (built or not)."""

    @property
    def title(self) -> str: ...

    def started(self) -> bool: ...


def collect(
    live: LiveChecks,
    pages: Sequence[PageState],
    page_for: Callable[[str], int | None],
    first: list[Entry],
) -> list[tuple[str, list[Entry]]]:
    """Every finding as an entry, grouped under the title of the page of its field.

    ``first`` goes on the first page (the header's own gaps). A pending rule whose
    field is on a page not started yet stays quiet: nothing there needs the clerk.
    """
    catalogue = live.session.catalogue
    by_page: dict[int, list[Entry]] = {0: list(first)}
    for finding in live.findings:
        key = target_of(finding, catalogue)
        index = page_for(key) or page_for(finding.section) or 0
        kind = live.kind(finding)
        if kind != FindingKind.PENDING or pages[index].started():
            found = live.text_finding(finding)
            span = found.spans[0] if found is not None else None
            by_page.setdefault(index, []).append(Entry(kind, finding.message, key, span))
    return [(pages[index].title, by_page[index]) for index in sorted(by_page)]


class FindingRow(FindingLabel):
    """A finding that takes you to its field."""

    activated = Signal(str)

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(entry.kind, entry.message, parent)
        self.key = entry.key
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Bấm (hoặc Enter) để đến chỗ cần sửa")
        go = QLabel("Đến chỗ sửa ›", self)
        go.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = self.layout()
        if layout is not None:
            layout.addWidget(go)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.key)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.key)
            return
        super().keyPressEvent(event)


class FindingsPage(WizardPage):
    field_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent=parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(
            hint(
                "Lỗi và số liệu bắt buộc còn thiếu phải được xử lý trước khi in bản chính "
                "thức; cảnh báo thì nên xem lại. Bản nháp in được bất cứ lúc nào. "
                "Bấm vào một dòng để đến chỗ cần sửa."
            )
        )
        export = QGroupBox("Xuất báo cáo", self)
        self.export_bar = QHBoxLayout(export)  # filled by ui.wizard.pdf_export
        self.layout_.addWidget(export)
        self._list = QVBoxLayout()
        self.layout_.addLayout(self._list)
        self.layout_.addStretch(1)
        self.rows: list[FindingRow] = []
        self._kinds: list[FindingKind] = []
        self._shown: list[tuple[str, list[Entry]]] | None = None

    def set_entries(self, groups: list[tuple[str, list[Entry]]]) -> None:
        """Show these entries, grouped under page titles (rebuilt only when they change)."""
        order = list(FindingKind)
        groups = [(t, sorted(e, key=lambda x: order.index(x.kind))) for t, e in groups if e]
        self.count(groups)
        if groups == self._shown:
            return
        self._shown = groups
        while self._list.count():
            item = self._list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for title, entries in groups:
            heading = QLabel(title, self)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setWordWrap(True)
            self._list.addWidget(heading)
            for entry in entries:
                row = FindingRow(entry, self)
                row.activated.connect(lambda _key, entry=entry: self.open_entry(entry))
                self._list.addWidget(row)
                self.rows.append(row)
        self.fields = {f"finding.{n}": row for n, row in enumerate(self.rows)}

    def open_entry(self, entry: Entry) -> None:
        """Go to the entry's field; in a narrative, select the numbers it is about."""
        self.field_requested.emit(entry.key)
        editor = QApplication.focusWidget()
        if entry.span is not None and isinstance(editor, TextField) and editor.key == entry.key:
            editor.select_span(*entry.span)

    def count(self, groups: list[tuple[str, list[Entry]]]) -> None:
        """Update the summary and the mark (cheap; the list itself is rebuilt when shown)."""
        self._kinds = [e.kind for _, entries in groups for e in entries]
        self._say(self._kinds)

    def _say(self, kinds: list[FindingKind]) -> None:
        blocking = kinds.count(FindingKind.ERROR) + kinds.count(FindingKind.MISSING)
        if not kinds:
            text = "Không phát hiện lỗi hay thiếu sót nào. Báo cáo có thể in bản chính thức."
        elif blocking:
            text = f"Báo cáo còn {counts_text(kinds)}. Chưa in được bản chính thức."
        else:
            text = f"Báo cáo còn {counts_text(kinds)}. Vẫn in được bản chính thức."
        self.summary.setText(text)

    def mark(self) -> tuple[Mark, str]:
        return mark_of(self._kinds, True), counts_text(self._kinds)
