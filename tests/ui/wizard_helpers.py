"""Shared set-up of the wizard tests: a fresh database, one report, a shown wizard."""

from pathlib import Path

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui.qt import QApplication, QWidget
from ui.wizard import ReportWizard
from ui.wizard.section_page import SectionPage

TTHC = "Cải cách thủ tục hành chính"


def new_store(tmp_path: Path) -> tuple[Store, int]:
    store = Store.open(tmp_path / "t.sqlite3", load_catalogue())
    report_id = store.create_report(Unit.from_official(commune("11074")), "2026-Q1")
    return store, report_id


def open_wizard(qtbot, store: Store, report_id: int) -> ReportWizard:
    """A wizard at 1366×768, shown and active (so that focus and shortcuts work)."""
    wizard = ReportWizard(store, report_id)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard


def section_page(wizard: ReportWizard, title: str) -> tuple[int, SectionPage]:
    index = wizard.page_titles().index(title)
    page = wizard.pages[index]
    assert isinstance(page, SectionPage)
    return index, page


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def type_figure(qtbot, wizard: ReportWizard, key: str, text: str) -> None:
    """Click into a figure, empty it and type ``text`` key by key, as the clerk does."""
    wizard.focus_field(key)
    field = focused()
    assert field is not None and getattr(field, "key", None) == key
    field.selectAll()
    qtbot.keyClick(field, "\b")  # Backspace deletes the selection
    qtbot.keyClicks(field, text)
