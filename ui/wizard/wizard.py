"""The report wizard: a side list of pages, the pages, navigation, undo and redo.

Pages are the header, one per catalogue section (in catalogue order) and
"Kiểm tra và xuất". The clerk can jump to any page; nothing forces an order.
Every edit is saved as it happens; the page and field in use are remembered in
the store, so reopening the report returns there.

A page's widgets are built on its first visit (or when a field on it is asked
for): the side list's marks and the findings list come from the session and the
checker alone (``SectionState``, ``header_mark``), so opening a report builds
one page, not all of them.
"""

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import overload

from cchc_desktop.checks import Finding
from cchc_desktop.status import ReportStatus
from cchc_desktop.store import Store
from ui.bundle_export import add_bundle_button
from ui.qt import (
    QApplication,
    QCloseEvent,
    QFont,
    QHBoxLayout,
    QHideEvent,
    QKeySequence,
    QLabel,
    QPushButton,
    QScrollArea,
    QShortcut,
    QShowEvent,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.wizard.findings_page import TITLE as FINDINGS_TITLE
from ui.wizard.findings_page import Entry, FindingsPage, collect
from ui.wizard.header_page import HeaderPage, header_mark, header_missing
from ui.wizard.live_checks import LiveChecks
from ui.wizard.marks import counts_text, mark_of
from ui.wizard.page import FIELD_KEY, WizardPage, put_page, reveal, scroll_area
from ui.wizard.pdf_export import PdfExport
from ui.wizard.section_page import SectionPage, SectionState
from ui.wizard.session import HEADER_PREFIX, WINDOW_KEY, ReportSession
from ui.wizard.side_list import SideList

FINAL_NOTICE = (
    "Báo cáo đã in bản chính thức. Sửa tiếp sẽ chuyển báo cáo về bản nháp; "
    "khi đó cần in lại bản chính thức."
)
BACK_TO_DRAFT_NOTICE = (
    "Báo cáo đã chuyển về bản nháp vì được sửa sau khi in bản chính thức. In lại bản "
    "chính thức khi sửa xong (hoặc hoàn tác để trở về đúng bản đã in)."
)


class ReportWizard(QWidget):
    """Edits one report of ``store``; ``close_requested`` when the clerk closes it."""

    close_requested = Signal()

    def __init__(self, store: Store, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = ReportSession(store, report_id, self)
        self.live = LiveChecks(self.session, self)
        catalogue = store.catalogue
        self.states = [SectionState(self.session, self.live, s) for s in catalogue.sections]
        self._outline: list[SectionState | _Fixed] = [
            _Fixed(HeaderPage.TITLE),
            *self.states,
            _Fixed(FINDINGS_TITLE),
        ]
        self._built: dict[int, WizardPage] = {}
        self.pages = _Pages(self)
        self._page_of_section = {s.id: n + 1 for n, s in enumerate(catalogue.sections)}
        self._field_key: str | None = None
        self._remembered: tuple[int, str | None] | None = None
        self._focus_on_show: str | None = None
        self.report_status = store.status(report_id)
        self._build()
        self._connect()
        self._on_findings(self.live.findings)
        self._restore_position()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        report = self.session.report
        title = QLabel(f"Báo cáo cải cách hành chính {report.period_title} — {report.unit.name}")
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        self.saved_label = QLabel("Mọi thay đổi được lưu tự động.")
        self.saved_label.setStyleSheet("QLabel { color: #5f6368; }")
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.saved_label)
        self.status_notice = QLabel(self)  # non-blocking: a line, never a dialog
        self.status_notice.setWordWrap(True)
        self.status_notice.setStyleSheet(
            "QLabel { background: #eaf1f8; color: #174a75; padding: 4px 8px; }"
        )
        self._show_status(self.report_status, changed=False)

        self.side = SideList(self.page_titles(), self)
        self.side.page_chosen.connect(self.go_to_page)
        self.side.page_shown.connect(lambda index: self.go_to_page(index, focus=False))
        self.stack = QStackedWidget(self)
        self.scrolls: list[QScrollArea] = []
        for _ in self._outline:
            self.scrolls.append(scroll_area(self.stack))
            self.stack.addWidget(self.scrolls[-1])
        middle = QHBoxLayout()
        middle.addWidget(self.side)
        middle.addWidget(self.stack, 1)

        self.previous_button = self._button("‹ Trang trước", "Ctrl+PgUp hoặc Alt+←", self.previous)
        self.undo_button = self._button("Hoàn tác", "Ctrl+Z: bỏ thay đổi vừa làm", self.undo)
        self.redo_button = self._button("Làm lại", "Ctrl+Y: làm lại thay đổi vừa bỏ", self.redo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.next_button = self._button("Trang sau ›", "Ctrl+PgDown hoặc Alt+→", self.next)
        self.close_button = self._button("Đóng báo cáo", "Lưu và đóng báo cáo", self.request_close)
        bottom = QHBoxLayout()
        for widget in (self.previous_button, self.undo_button, self.redo_button):
            bottom.addWidget(widget)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_notice)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _connect(self) -> None:
        shortcuts = (
            (QKeySequence.StandardKey.Undo, self.undo),
            ("Ctrl+Y", self.redo),
            ("Ctrl+Shift+Z", self.redo),
            ("Ctrl+PgDown", self.next),
            ("Alt+Right", self.next),
            ("Ctrl+PgUp", self.previous),
            ("Alt+Left", self.previous),
        )
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.live.findings_changed.connect(self._on_findings)
        self.session.saved.connect(self._on_saved)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            app.aboutToQuit.connect(self.save_pending)

    # -- public interface ----------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._outline)

    def page_titles(self) -> list[str]:
        return [page.title for page in self._outline]

    def page(self, index: int) -> WizardPage:
        """Page ``index``, built now if it has not been shown yet."""
        page = self._built.get(index)
        if page is None:
            page = self._make_page(index)
            self._built[index] = page
            put_page(self.scrolls[index], page)
            if isinstance(page, SectionPage):
                page.show_findings(self.live.findings)
        return page

    def _make_page(self, index: int) -> WizardPage:
        if index == 0:
            return HeaderPage(self.session)
        if index == self.page_count() - 1:
            findings = FindingsPage()
            findings.field_requested.connect(self.focus_field)
            self.pdf_export = PdfExport(
                self.session.store, self.session.report_id, findings.export_bar, findings
            )
            self.pdf_export.status_changed.connect(self._on_status)
            self.bundle_button = add_bundle_button(
                self.session.store, self.session.report_id, findings.export_bar, findings
            )
            findings.count(self._entries())
            return findings
        return SectionPage(self.session, self.live, self.states[index - 1].section)

    @property
    def header_page(self) -> HeaderPage:
        page = self.page(0)
        assert isinstance(page, HeaderPage)
        return page

    @property
    def findings_page(self) -> FindingsPage:
        page = self.page(self.page_count() - 1)
        assert isinstance(page, FindingsPage)
        return page

    def current_page_index(self) -> int:
        return self.stack.currentIndex()

    def current_field(self) -> str | None:
        """The key of the field in use (the one reopening returns to)."""
        return self._field_key

    def go_to_page(self, index: int, focus: bool = True) -> None:
        """Show page ``index`` (clamped); with ``focus``, put the cursor in its first field."""
        last = self.page_count() - 1
        index = max(0, min(index, last))
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        self.side.show_current(index)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < last)
        if index == last:
            self._show_findings_list()
        first = page.first_field()
        if focus and first is not None:
            self._focus(index, first)
        else:
            self._field_key = None if focus else self._field_key_on(index)
            self._remember()

    def focus_field(self, key: str) -> None:
        """Go to the field ``key`` (indicator id, narrative key, ``header.<name>``, ``window``
        or a section id for its page's first field) and put the cursor there."""
        index = self.page_for(key)
        if index is None:
            return
        if index != self.current_page_index():
            self.go_to_page(index, focus=False)
        page = self.page(index)
        widget = page.fields.get(key) or page.first_field()
        if widget is not None:
            self._focus(index, widget)

    def page_for(self, key: str) -> int | None:
        if key.startswith(HEADER_PREFIX) or key == WINDOW_KEY:
            return 0
        section = key.split(".", 1)[0]
        return self._page_of_section.get(section)

    def next(self) -> None:
        self.go_to_page(self.current_page_index() + 1)

    def previous(self) -> None:
        self.go_to_page(self.current_page_index() - 1)

    def save_pending(self) -> None:
        """Save texts still waiting for a pause in the typing (on close, quit, undo)."""
        for page in self._built.values():
            page.flush()
        self.live.run()

    def request_close(self) -> None:
        self.save_pending()
        self.close_requested.emit()
        if self.isWindow():
            self.close()

    # -- undo and redo -------------------------------------------------------------------

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        self.save_pending()
        change = self.session.undo() if undo else self.session.redo()
        if change is None:
            self.message.setText(
                "Không còn thay đổi nào để hoàn tác." if undo else "Không có gì để làm lại."
            )
            return
        key = WINDOW_KEY if change.target == "window" else change.key
        index = self.page_for(key)
        if index is not None:
            if index in self._built:  # a page built later loads the value anew
                self._built[index].refresh(key)
            self.focus_field(key)
        verb = "Đã hoàn tác" if undo else "Đã làm lại"
        self.message.setText(f"{verb} thay đổi ở «{self.session.label(change)}».")
        self.live.run()

    # -- focus and position --------------------------------------------------------------

    def _focus(self, index: int, widget: QWidget) -> None:
        reveal(self.scrolls[index], widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._field_key = _key_of(widget)
        self._remember()

    def _field_key_on(self, index: int) -> str | None:
        """The remembered field, if it is on page ``index``."""
        key = self._field_key
        return key if key is not None and self.page_for(key) == index else None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isAncestorOf(new):
            return
        key = _key_of(new)
        if key is not None and key != self._field_key:
            self._field_key = key
            self._remember()

    def _remember(self) -> None:
        position = (self.current_page_index(), self._field_key)
        if position != self._remembered:
            self._remembered = position
            self.session.remember_position(*position)

    def _restore_position(self) -> None:
        position = self.session.position()
        field = position.get("field")
        page = position.get("page")
        if isinstance(field, str) and self.page_for(field) is not None:
            self._field_key = field
            self.go_to_page(self.page_for(field) or 0, focus=False)
            self._focus_on_show = field
        else:
            self.go_to_page(page if isinstance(page, int) else 0, focus=False)
            first = self.page(self.current_page_index()).first_field()
            self._focus_on_show = _key_of(first) if first is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_on_show is not None:
            key, self._focus_on_show = self._focus_on_show, None
            self.focus_field(key)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_pending()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_pending()  # the main window may hide the wizard rather than close it
        super().hideEvent(event)

    # -- findings and marks --------------------------------------------------------------

    def _on_findings(self, _findings: list[Finding]) -> None:
        findings = self.live.findings
        for page in self._built.values():
            if isinstance(page, SectionPage):
                page.show_findings(findings)
        if self.current_page_index() == self.page_count() - 1:
            self._show_findings_list()
        self._update_marks()

    def _on_saved(self) -> None:
        """Every keystroke: the time and the status. The marks follow the findings, checked
        once the typing pauses (``_on_findings``); a field no rule reads (the header, the
        window) starts no check, so its marks are brought up to date here."""
        self.saved_label.setText(f"Đã lưu tự động lúc {dt.datetime.now():%H:%M:%S}")
        if not self.live.pending():  # ``field_changed`` came first: the check is noted
            self._update_marks()
        with suppress(LookupError):  # deleted meanwhile: the session says so at the next save
            self._on_status(self.session.store.status(self.session.report_id))

    # -- the final copy ------------------------------------------------------------------

    def _on_status(self, status: ReportStatus) -> None:
        """The store's status after an edit, an undo or a final copy: say when it changed."""
        if status != self.report_status:
            self.report_status = status
            self._show_status(status, changed=True)

    def _show_status(self, status: ReportStatus, *, changed: bool) -> None:
        """Final: editing will make it a draft. Back to draft by an edit: say so, once."""
        if status == ReportStatus.FINAL:
            self.status_notice.setText(FINAL_NOTICE)
        elif changed and status == ReportStatus.DRAFT:
            self.status_notice.setText(BACK_TO_DRAFT_NOTICE)
        else:
            self.status_notice.clear()
        self.status_notice.setVisible(bool(self.status_notice.text()))

    def _update_marks(self) -> None:
        entries = self._entries()
        last = self.page_count() - 1
        if last in self._built:
            self.findings_page.count(entries)
        kinds = [e.kind for _, group in entries for e in group]  # what the last page lists
        marks = [
            header_mark(self.session),
            *(state.mark() for state in self.states),
            (mark_of(kinds, True), counts_text(kinds)),
        ]
        for index, (mark, detail) in enumerate(marks):
            self.side.set_mark(index, mark, detail)

    def _entries(self) -> list[tuple[str, list[Entry]]]:
        missing = [Entry(*m) for m in header_missing(self.session)]
        return collect(self.live, self._outline, self.page_for, missing)

    def _show_findings_list(self) -> None:
        self.findings_page.set_entries(self._entries())


def _key_of(widget: QWidget | None) -> str | None:
    """The field a widget (or the cell editor inside it) edits."""
    while widget is not None:
        key = widget.property(FIELD_KEY)
        if isinstance(key, str):
            return key
        widget = widget.parentWidget()
    return None


@dataclass(frozen=True)
class _Fixed:
    """The outline of the header and findings pages: always counted as started."""

    title: str

    def started(self) -> bool:
        return True


class _Pages(Sequence[WizardPage]):
    """``wizard.pages[i]``: the pages by index, each built when first asked for."""

    def __init__(self, wizard: ReportWizard) -> None:
        self._wizard = wizard

    def __len__(self) -> int:
        return self._wizard.page_count()

    @overload
    def __getitem__(self, index: int) -> WizardPage: ...
    @overload
    def __getitem__(self, index: slice) -> list[WizardPage]: ...
    def __getitem__(self, index: int | slice) -> WizardPage | list[WizardPage]:
        if isinstance(index, slice):
            return [self._wizard.page(i) for i in range(len(self))[index]]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._wizard.page(index % len(self))

    def __iter__(self) -> Iterator[WizardPage]:
        return (self._wizard.page(i) for i in range(len(self)))
