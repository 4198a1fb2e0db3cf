"""The desktop app starts on a database; the main window switches between list and wizard."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui import main_window
from ui.main_window import MainWindow
from ui.qt import QWidget, Signal

TU_KY = Unit.from_official(commune("11074"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ui.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


class FakeWizard(QWidget):
    """Stands in for ``ui.wizard.ReportWizard``: same constructor and signal."""

    close_requested = Signal()
    opened: ClassVar[list[int]] = []

    def __init__(self, store: Store, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_id = report_id
        FakeWizard.opened.append(report_id)


@pytest.fixture
def fake_wizard(monkeypatch: pytest.MonkeyPatch) -> type[FakeWizard]:
    FakeWizard.opened = []
    monkeypatch.setattr(main_window, "wizard_class", lambda: FakeWizard)
    return FakeWizard


def make_window(qtbot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_smoke_start_opens_the_database_and_exits_0(tmp_path):
    db = tmp_path / "smoke.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", "from ui.app import main; main()", "--smoke", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_the_start_screen_is_shown_without_pydantic(tmp_path):
    # Importing pydantic and building the report models takes ~100 ms and ~20 MiB: the
    # list and its check counts are read without them, and they load with a report.
    db = tmp_path / "light.sqlite3"
    with Store.open(db, load_catalogue(), keep_backups=0) as opened:
        report_id = opened.create_report(TU_KY, "2026-Q1")
        opened.set_value(report_id, "tthc.ho_so.dang_giai_quyet", 10)
    script = (
        "import sys\n"
        "from ui.app import run\n"
        f"assert run(['--smoke', '--db', {str(db)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_main_window_starts_on_the_list(qtbot, store: Store) -> None:
    store.create_report(TU_KY, "2026-Q1")
    window = make_window(qtbot, store)
    screen = window.start_screen
    assert window.stack.currentWidget() is screen
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 0).text() == "Xã Tứ Kỳ"
    assert screen.table.item(0, 1).text() == "Quý I năm 2026"
    assert not screen.empty_hint.isVisible()


def test_window_fits_a_1366_by_768_screen(qtbot, store: Store) -> None:
    window = make_window(qtbot, store)
    assert window.width() <= 1366 and window.height() <= 768 - 40 - 30  # taskbar, title bar
    assert window.minimumWidth() <= 1366 and window.minimumHeight() <= 600
    window.start_screen.on_new_clicked()
    dialog = window.start_screen.dialog
    assert dialog is not None and dialog.height() <= 768 - 40 - 30


def test_last_report_is_selected_at_start(qtbot, store: Store) -> None:
    store.create_report(TU_KY, "2026-Q1")
    second = store.create_report(TU_KY, "2026-Q2")
    store.set_setting("last_report", str(second))
    window = make_window(qtbot, store)
    assert window.stack.currentWidget() is window.start_screen
    assert window.start_screen.selected_id() == second


def test_a_deleted_last_report_is_ignored(qtbot, store: Store) -> None:
    first = store.create_report(TU_KY, "2026-Q1")
    gone = store.create_report(TU_KY, "2026-Q2")
    store.set_setting("last_report", str(gone))
    store.delete(gone)
    window = make_window(qtbot, store)
    assert window.start_screen.selected_id() == first


def test_open_shows_the_wizard_and_closing_it_returns_to_the_list(
    qtbot, store: Store, fake_wizard: type[FakeWizard]
) -> None:
    first = store.create_report(TU_KY, "2026-Q1")
    window = make_window(qtbot, store)
    window.start_screen.on_open_clicked()
    wizard = window.stack.currentWidget()
    assert isinstance(wizard, FakeWizard) and wizard.report_id == first
    assert store.setting("last_report") == str(first)
    assert not window.new_action.isEnabled()

    second = store.create_report(TU_KY, "2026-Q2")  # written while the wizard was open
    store.set_setting("last_report", str(second))
    wizard.close_requested.emit()
    assert window.stack.currentWidget() is window.start_screen
    assert window.wizard is None and window.new_action.isEnabled()
    assert window.start_screen.table.rowCount() == 2  # reloaded from the store
    assert window.start_screen.selected_id() == second


def test_a_new_report_opens_in_the_wizard(
    qtbot, store: Store, fake_wizard: type[FakeWizard]
) -> None:
    window = make_window(qtbot, store)
    window.new_action.trigger()
    dialog = window.start_screen.dialog
    assert dialog is not None
    dialog.unit_picker.select_code("11074")
    dialog.period_picker.set_period("Q1", 2026)
    dialog.create_button.click()
    [summary] = store.list_reports()
    assert fake_wizard.opened == [summary.id]
    assert isinstance(window.stack.currentWidget(), FakeWizard)


def test_without_a_wizard_the_list_stays(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    monkeypatch.setattr(main_window, "wizard_class", lambda: None)
    window = make_window(qtbot, store)
    window.open_report(report_id)
    assert window.stack.currentWidget() is window.start_screen
    assert "chưa có phần soạn báo cáo" in window.statusBar().currentMessage()
    assert store.setting("last_report") == str(report_id)


def test_opening_a_report_that_is_gone_says_so(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    window = make_window(qtbot, store)
    store.delete(report_id)
    window.open_report(report_id)
    assert window.stack.currentWidget() is window.start_screen
    assert "Không tìm thấy báo cáo" in window.start_screen.message.text()
    assert window.start_screen.table.isHidden()


@pytest.mark.skipif(main_window.wizard_class() is None, reason="the wizard is not in this build")
def test_the_real_wizard_opens_and_closes(qtbot, store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    window = make_window(qtbot, store)
    window.open_report(report_id)
    wizard = window.stack.currentWidget()
    assert type(wizard).__name__ == "ReportWizard"
    assert "Xã Tứ Kỳ" in window.windowTitle()
    window.list_action.trigger()  # the menu closes it the way the wizard's own button does
    assert window.stack.currentWidget() is window.start_screen
    assert window.start_screen.selected_id() == report_id
