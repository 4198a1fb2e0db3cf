"""The main window's menus reach the province summary and the About dialog."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.store import Store
from ui import about_dialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    with Store.open(tmp_path / "clerk.sqlite3", load_catalogue(), keep_backups=0) as store:
        shown = MainWindow(store)
        qtbot.addWidget(shown)
        shown.show()
        yield shown
        shown.close()


def test_province_summary_opens_beside_the_clerk_database_and_goes_back(window, tmp_path):
    window.province_action.trigger()
    assert window.stack.currentWidget() is window.province_view
    assert "Tổng hợp" in window.windowTitle()
    assert (tmp_path / "province.sqlite3").exists()
    assert not window.new_action.isEnabled() and window.list_action.isEnabled()
    window.list_action.trigger()
    assert window.stack.currentWidget() is window.start_screen
    assert window.new_action.isEnabled() and window.province_action.isEnabled()


def test_f1_opens_the_about_dialog(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        about_dialog.AboutDialog, "exec", lambda dialog: shown.append(dialog.windowTitle()) or 0
    )
    assert window.about_action.shortcut().toString() == "F1"
    window.about_action.trigger()
    assert shown and "Về chương trình" in shown[0]
