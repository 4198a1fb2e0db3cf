"""Screenshots of the app, offscreen: the start screen and every wizard page of a report.

``cchc-desktop --screenshots DIR [--db PATH] [--report ID]`` writes
``00-start.png``, ``01-<page>.png`` … at 1366×768 (a common small laptop
screen) and prints their paths. Without ``--report`` it uses the built-in demo
report. It always works on a temporary copy of the database: the user's own
database is never changed.
"""

import re
from pathlib import Path

from cchc_desktop.store import Store
from cchc_desktop.units import fold
from ui.main_window import MainWindow
from ui.qt import QApplication, QWidget
from ui.wizard import ReportWizard

SIZE = (1366, 768)


def slug(title: str) -> str:
    """A file-name part from a page title: ``Cải cách thể chế`` → ``cai-cach-the-che``."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return words[:40].rstrip("-") or "trang"


def _settle() -> None:
    """Let layouts, deferred resizes and the paint they trigger run."""
    for _ in range(3):
        QApplication.processEvents()


def _save(window: QWidget, path: Path) -> Path:
    _settle()
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"Không ghi được ảnh {path}")
    return path


def _wizard_of(window: MainWindow) -> ReportWizard:
    wizard = window.findChild(ReportWizard)
    if wizard is None:
        raise RuntimeError("Cửa sổ chính không mở trình hướng dẫn cho báo cáo")
    return wizard


def write_screenshots(store: Store, report_id: int, folder: Path) -> list[Path]:
    """Render the start screen, then each page of ``report_id``, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(store)
    window.setFixedSize(*SIZE)
    window.show()
    try:
        written = [_save(window, folder / "00-start.png")]
        window.open_report(report_id)
        wizard = _wizard_of(window)
        for index, title in enumerate(wizard.page_titles()):
            wizard.go_to_page(index)
            written.append(_save(window, folder / f"{index + 1:02d}-{slug(title)}.png"))
        return written
    finally:
        window.close()
        _settle()
