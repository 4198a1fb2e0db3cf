"""Where the database lives: per user, and any folder name a Windows PC may have."""

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from cchc_desktop import paths
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.resources import resource_path
from cchc_desktop.store import Store
from cchc_desktop.store.backups import list_backups

VIETNAMESE_FOLDER = "Thư mục của Nguyễn Văn Ánh/Báo cáo CCHC năm 2026"


def test_data_dir_is_the_users_local_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def user_data_dir(*args: Any, **kwargs: Any) -> str:
        calls.append((args, kwargs))
        return "/home/clerk/.local/share/CCHC Desktop"

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    assert paths.data_dir() == Path("/home/clerk/.local/share/CCHC Desktop")
    assert calls == [(("CCHC Desktop",), {"appauthor": False, "roaming": False})]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_default_db_follows_the_users_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / VIETNAMESE_FOLDER))
    expected = tmp_path / VIETNAMESE_FOLDER / "CCHC Desktop" / "cchc.sqlite3"
    assert paths.default_db_path() == expected


def test_env_override_with_vietnamese_name_and_spaces(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / VIETNAMESE_FOLDER / "dữ liệu xã.sqlite3"
    monkeypatch.setenv(paths.DB_ENV, f"  {target}  ")
    assert paths.default_db_path() == target
    monkeypatch.setenv(paths.DB_ENV, "~/Tài liệu/cchc.sqlite3")
    assert paths.default_db_path() == Path.home() / "Tài liệu" / "cchc.sqlite3"
    monkeypatch.setenv(paths.DB_ENV, "   ")
    assert paths.default_db_path().name == paths.DB_FILENAME


def _round_trip(db: Path) -> None:
    """First start creates the folders and the file; a report and a backup survive a reopen."""
    catalogue = load_catalogue()
    with Store.open(db, catalogue) as store:
        report_id = store.create_report(Unit(name="Xã Tứ Kỳ"), "2026-Q1")
        store.set_text(report_id, "tthc.ket_qua", "Đã tiếp nhận 907 hồ sơ.")
        backup = store.backup_now()
    assert db.is_file()
    assert backup.parent == paths.backups_dir(db)
    assert [path for _day, path in list_backups(db)] == [backup]
    assert list_backups(db)[0][0] == dt.date.today()
    with Store.open(db, catalogue) as store:
        assert store.load(report_id).narratives["tthc.ket_qua"] == "Đã tiếp nhận 907 hồ sơ."


def test_store_in_a_folder_with_vietnamese_name_and_spaces(tmp_path: Path) -> None:
    db = tmp_path / VIETNAMESE_FOLDER / "dữ liệu xã.sqlite3"
    assert not db.parent.exists()
    _round_trip(db)


def test_store_under_a_path_longer_than_windows_max_path(tmp_path: Path) -> None:
    # 260 characters is the old Windows limit; the frozen .exe declares itself
    # long-path aware (PyInstaller's manifest), Windows then needs LongPathsEnabled.
    folder = tmp_path
    while len(str(folder)) < 300:
        folder /= "Báo cáo cải cách hành chính"
    db = folder / "cchc.sqlite3"
    assert len(str(paths.backups_dir(db))) > 260
    _round_trip(db)


def test_resources_come_from_the_package_not_the_working_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resource_path("catalogue", "cchc-xa.toml").is_file()
    assert resource_path("fonts", "LICENSE-OFL.txt").is_file()
    assert resource_path("icons", "cchc-desktop.png").is_file()


def test_resources_of_a_frozen_build_are_under_meipass(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    internal = tmp_path / "CCHC Desktop bản 0.1" / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    assert resource_path("fonts", "a.ttf") == internal / "resources" / "fonts" / "a.ttf"
