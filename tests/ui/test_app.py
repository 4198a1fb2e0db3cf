"""The desktop app starts on a database and shows its reports."""

import subprocess
import sys

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui.main_window import MainWindow


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


def test_main_window_lists_the_reports(qtbot, tmp_path):
    with Store.open(tmp_path / "ui.sqlite3", load_catalogue()) as store:
        store.create_report(Unit.from_official(commune("11074")), "2026-Q1")
        window = MainWindow(store)
        qtbot.addWidget(window)
        assert window.reports.rowCount() == 1
        assert window.reports.item(0, 0).text() == "Xã Tứ Kỳ"
        assert window.reports.item(0, 1).text() == "quý I năm 2026"
        assert not window.empty_hint.isVisibleTo(window)
