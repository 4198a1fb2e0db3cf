"""``cchc-desktop --screenshots DIR``: the start screen and every wizard page, as PNGs."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import demo_report
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui.screenshots import slug
from ui.wizard import ReportWizard


def screenshots(folder: Path, *extra: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "ui.app", "--screenshots", str(folder), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def demo_page_count(qtbot, tmp_path) -> int:
    with Store.open(tmp_path / "count.sqlite3", load_catalogue(), keep_backups=0) as store:
        wizard = ReportWizard(store, demo_report(store))
        qtbot.addWidget(wizard)
        return wizard.page_count()


def is_real_screenshot(path: Path) -> bool:
    image = QImage(str(path))
    if image.isNull() or (image.width(), image.height()) != (1366, 768):
        return False
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    return len(colours) > 3  # drawn widgets and text, not a blank canvas


def test_screenshots_of_the_demo_report(qtbot, tmp_path):
    folder = tmp_path / "anh"
    untouched = tmp_path / "nguoi-dung" / "cchc.sqlite3"
    env = dict(os.environ, CCHC_DB=str(untouched))
    result = screenshots(folder, env=env)
    assert result.returncode == 0, result.stderr

    written = sorted(folder.iterdir())
    assert [Path(line) for line in result.stdout.split()] == written
    assert written[0].name == "00-start.png"
    assert len(written) == 1 + demo_page_count(qtbot, tmp_path)
    for number, path in enumerate(written[1:], start=1):
        assert path.name.startswith(f"{number:02d}-"), path.name
    assert all(is_real_screenshot(path) for path in written)
    assert not untouched.exists()  # the demo never goes into the user's database


def test_screenshots_of_a_named_report_in_a_named_database(tmp_path):
    db = tmp_path / "cua-toi.sqlite3"
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        report_id = demo_report(store)
    result = screenshots(tmp_path / "anh", "--db", str(db), "--report", str(report_id))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "anh" / "00-start.png").exists()
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        assert len(store.list_reports()) == 1


def test_screenshots_never_change_the_named_database(tmp_path):
    db = tmp_path / "cua-toi.sqlite3"
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        store.create_report(Unit.from_official(commune("00004")), "2026-Q2")
    before = db.read_bytes()
    result = screenshots(tmp_path / "anh", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert db.read_bytes() == before  # no demo report added, no position saved
    with Store.open(db, load_catalogue(), keep_backups=0) as store:
        assert [s.period for s in store.list_reports()] == ["2026-Q2"]


def test_an_unknown_report_exits_1_with_a_message(tmp_path):
    result = screenshots(tmp_path / "anh", "--db", str(tmp_path / "x.sqlite3"), "--report", "99")
    assert result.returncode == 1
    assert "99" in result.stderr


def test_page_titles_make_file_names():
    assert slug("Cải cách thể chế") == "cai-cach-the-che"
    assert slug("Đánh giá chung, phương hướng") == "danh-gia-chung-phuong-huong"
    assert slug("…") == "trang"
