"""The database file: where it lives, its migrations, daily backups and recovery."""

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop import paths
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.os_words import os_error_words
from cchc_desktop.store import Store, StoreError
from cchc_desktop.store.backups import backup_path, is_healthy, list_backups
from cchc_desktop.store.migrations import SET
from tests.core.store_helpers import TU_KY, make_catalogue

ALL_MIGRATIONS = [
    "m001_initial",
    "m002_trash_position_redo",
    "m003_settings",
    "m004_exports",
    "m005_final_edit",
    "m006_sent_revisions",
]


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    return make_catalogue(tmp_path)


def columns(db_file: Path, table: str) -> set[str]:
    conn = sqlite3.connect(db_file)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def filled_store(path: Path, catalogue: Catalogue) -> int:
    """A database with one edited report and today's backup of it."""
    with Store.open(path, catalogue) as store:
        report_id = store.create_report(TU_KY, "2026-Q1")
        store.set_value(report_id, "tthc.ho_so.moi", 907)
        store.set_text(report_id, "tthc.ket_qua", "Đã tiếp nhận 907 hồ sơ")
        store.backup_now()
    return report_id


def test_default_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CCHC_DB", raising=False)
    assert paths.default_db_path() == paths.data_dir() / "cchc.sqlite3"
    assert paths.data_dir().name == "CCHC Desktop"
    monkeypatch.setenv("CCHC_DB", str(tmp_path / "khac.sqlite3"))
    assert paths.default_db_path() == tmp_path / "khac.sqlite3"
    assert paths.backups_dir(tmp_path / "khac.sqlite3") == tmp_path / "backups"


def test_migrations_from_empty(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        assert [m.name for m in SET.build().applied(store.db)] == ALL_MIGRATIONS
        assert SET.build().pending(store.db) == []
    assert {"deleted_at", "position"} <= columns(path, "reports")
    with Store.open(path, catalogue) as store:  # a second open applies nothing twice
        assert [m.name for m in SET.build().applied(store.db)] == ALL_MIGRATIONS


def test_migration_from_previous_schema_keeps_data(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    old = Database(path)
    SET.build().apply(old, stop_before="m002_trash_position_redo")
    at = "2026-02-01T08:00:00.000000+00:00"
    old.table("reports").insert(
        {
            "id": 1,
            "catalogue_id": "thu-kho",
            "catalogue_version": "1",
            "unit_code": "11074",
            "unit_name": "Xã Tứ Kỳ",
            "period": "2026-Q1",
            "period_title": "quý I năm 2026",
            "window_from": "2025-12-15",
            "window_to": "2026-03-14",
            "created_at": at,
            "updated_at": at,
        }
    )
    old.table("report_values").insert(
        {"report_id": 1, "indicator": "tthc.ho_so.moi", "value": "907"}
    )
    old.table("report_texts").insert(
        {"report_id": 1, "key": "tthc.ket_qua", "value": "Đạt kết quả"}
    )
    old.table("history").insert(
        {"report_id": 1, "target": "value", "key": "tthc.ho_so.moi", "new": "907", "at": at}
    )
    old.close()
    assert "deleted_at" not in columns(path, "reports")

    with Store.open(path, catalogue) as store:
        assert [m.name for m in SET.build().applied(store.db)] == ALL_MIGRATIONS
        report = store.load(1)
        assert report.values == {"tthc.ho_so.moi": 907}
        assert report.narratives == {"tthc.ket_qua": "Đạt kết quả"}
        assert store.position(1) == {}
        store.set_position(1, {"page": "tthc"})
        assert store.undo(1) is not None  # the old history still drives undo
        assert store.load(1).values == {}
        store.delete(1)
        assert [s.id for s in store.list_reports(deleted=True)] == [1]
    # The day's backup was taken before migrating: it holds the data as the old version left it.
    (_day, backup), *_ = list_backups(path)
    assert "deleted_at" not in columns(backup, "reports")


def test_damaged_file_is_restored_from_newest_good_backup(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "cchc.sqlite3"
    report_id = filled_store(path, catalogue)
    with Store.open(path, catalogue) as store:
        store.set_value(report_id, "tthc.ho_so.moi", 1000)  # after the backup: lost
    garbage = b"Word document pasted over the database \x00\xff" * 500
    path.write_bytes(garbage)

    with Store.open(path, catalogue) as store:
        today = dt.date.today().strftime("%d/%m/%Y")
        assert len(store.notices) == 1
        assert f"đã khôi phục từ bản sao lưu ngày {today}" in store.notices[0]
        assert store.notices[0].startswith("Tệp dữ liệu bị hỏng")
        report = store.load(report_id)
        assert report.values["tthc.ho_so.moi"] == 907
        assert report.narratives["tthc.ket_qua"] == "Đã tiếp nhận 907 hồ sơ"
    aside = list(tmp_path.glob("cchc.sqlite3.damaged-*"))
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [garbage]
    assert str(aside[0]) in store.notices[0] or str(aside[-1]) in store.notices[0]
    with Store.open(path, catalogue) as store:
        assert store.notices == []


def test_partly_damaged_file_skips_a_damaged_backup(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    report_id = filled_store(path, catalogue)
    older = backup_path(path, dt.date(2026, 1, 5))
    shutil.move(backup_path(path, dt.date.today()), older)
    backup_path(path, dt.date.today()).write_bytes(b"\x00" * 4096)  # a backup cut short
    with Store.open(path, catalogue, keep_backups=0) as store:
        store.set_text(report_id, "chung.uu_diem", "x" * 20000)  # spread over several pages
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 3 * page] = b"\xa5" * (2 * page)  # damage pages 2-3, keep the header
    path.write_bytes(bytes(data))

    with Store.open(path, catalogue) as store:
        assert "bản sao lưu ngày 05/01/2026" in store.notices[0]
        assert store.load(report_id).values["tthc.ho_so.moi"] == 907


def test_damaged_file_without_backup_starts_empty(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with Store.open(path, catalogue) as store:
        assert "không có bản sao lưu dùng được" in store.notices[0]
        assert store.list_reports() == []
        store.create_report(TU_KY, "2026-Q1")
    assert len(list(tmp_path.glob("cchc.sqlite3.damaged-*"))) == 1


def test_backups_rotate_to_the_newest_days(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    filled_store(path, catalogue)
    today = dt.date.today()
    backup_path(path, today).unlink()
    for days in range(1, 11):
        shutil.copyfile(path, backup_path(path, today - dt.timedelta(days=days)))
    unrelated = [
        paths.backups_dir(path) / "ghi-chu.txt",
        paths.backups_dir(path) / f"khac-{today.isoformat()}.sqlite3",  # another database's
    ]
    for file in unrelated:
        file.write_text("x")

    with Store.open(path, catalogue, keep_backups=3):
        pass
    kept = [day for day, _ in list_backups(path)]
    assert kept == [today, today - dt.timedelta(days=1), today - dt.timedelta(days=2)]
    assert all(file.exists() for file in unrelated)
    assert is_healthy(backup_path(path, today))


def test_backup_now_holds_latest_edit_and_once_a_day_at_open(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        report_id = store.create_report(TU_KY, "2026-Q1")
        store.set_value(report_id, "tthc.ho_so.moi", 5)
        backup = store.backup_now()
        store.set_value(report_id, "tthc.ho_so.moi", 6)
        assert store.backup_now() == backup
    assert backup.parent == tmp_path / "backups" and is_healthy(backup)
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one plain file
    assert conn.execute(
        "SELECT value FROM report_values WHERE indicator = 'tthc.ho_so.moi'"
    ).fetchall() == [("6",)]
    conn.close()
    made = backup.stat().st_mtime_ns
    with Store.open(path, catalogue) as store:
        store.set_value(report_id, "tthc.ho_so.moi", 7)
    with Store.open(path, catalogue):
        pass
    assert backup.stat().st_mtime_ns == made  # today's backup is not rewritten at each open
    fresh = tmp_path / "moi" / "cchc.sqlite3"
    with Store.open(fresh, catalogue) as store:
        store.create_report(TU_KY, "2026-Q1")
        assert list_backups(fresh) == []  # nothing worth saving when it opened
    assert [day for day, _ in list_backups(fresh)] == [dt.date.today()]  # taken at close
    with Store.open(tmp_path / "khong-sao-luu.sqlite3", catalogue, keep_backups=0) as store:
        store.create_report(TU_KY, "2026-Q1")
    with Store.open(tmp_path / "khong-sao-luu.sqlite3", catalogue, keep_backups=0):
        pass
    assert list_backups(tmp_path / "khong-sao-luu.sqlite3") == []


def test_unopenable_path_raises_store_error(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = tmp_path / "la-thu-muc"
    folder.mkdir()
    with pytest.raises(StoreError, match="Không mở được tệp dữ liệu"):
        Store.open(folder, catalogue)
    assert folder.is_dir()


def test_two_stores_share_one_file(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as window, Store.open(path, catalogue) as cli:
        report_id = window.create_report(TU_KY, "2026-Q1")
        cli.set_value(report_id, "tthc.ho_so.moi", 3)
        assert window.load(report_id).values["tthc.ho_so.moi"] == 3
        with pytest.raises(ValueError, match="Đã có báo cáo"):
            cli.create_report(TU_KY, "2026-Q1")


def test_file_from_a_newer_version_is_flagged(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        store.db.table("_sqlite_migrations").insert(
            {"migration_set": "cchc", "name": "m099_future", "applied_at": "2030-01-01"}
        )
    with Store.open(path, catalogue) as store:
        assert len(store.notices) == 1
        assert "phiên bản mới hơn" in store.notices[0] and "m099_future" in store.notices[0]


# -- the clerk's and the province's files open the same way, in their own words ------

REPAIR = "Có thể xóa (hoặc đổi tên) tệp này rồi nhập lại các gói dữ liệu."


def _province_open(path: Path) -> None:
    from cchc_desktop.province import ProvinceDatabase

    ProvinceDatabase.open(path).close()


def _store_open(path: Path, catalogue: Catalogue) -> None:
    Store.open(path, catalogue, keep_backups=0).close()


def _error_text(opening: Callable[..., None], *args: object) -> str:
    with pytest.raises(Exception) as caught:
        opening(*args)
    return f"{type(caught.value).__name__}: {caught.value}"


def test_both_databases_say_a_path_cannot_be_opened(tmp_path: Path, catalogue: Catalogue) -> None:
    folder = tmp_path / "la-thu-muc"
    folder.mkdir()
    assert _error_text(_store_open, folder, catalogue) == (
        f"StoreError: Không mở được tệp dữ liệu {folder}: unable to open database file"
    )
    assert _error_text(_province_open, folder) == (
        "ProvinceDatabaseError: Không mở được tệp dữ liệu tổng hợp "
        f"{folder}: unable to open database file. {REPAIR}"
    )
    blocker = tmp_path / "la-tep"
    blocker.write_text("")
    inside = blocker / "cchc.sqlite3"
    try:  # said in Vietnamese, from the system's error code
        inside.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        cause = os_error_words(error, writing=True)
    assert "Not a directory" not in cause
    assert _error_text(_store_open, inside, catalogue) == (
        f"StoreError: Không mở được tệp dữ liệu {inside}: {cause}"
    )
    assert _error_text(_province_open, inside) == (
        f"ProvinceDatabaseError: Không mở được tệp dữ liệu tổng hợp {inside}: {cause}"
    )
    garbage = tmp_path / "rac.sqlite3"
    garbage.write_bytes(b"khong phai sqlite" * 100)
    assert _error_text(_province_open, garbage) == (
        "ProvinceDatabaseError: Không mở được tệp dữ liệu tổng hợp "
        f"{garbage}: file is not a database. {REPAIR}"
    )


def test_no_safe_journal_is_the_store_s_own_words_and_the_province_s_open_failure(
    tmp_path: Path, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_desktop.store import database

    def no_wal(path: Path) -> sqlite3.Connection:
        raise StoreError(f"Không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu {path}")

    monkeypatch.setattr(database, "connect", no_wal)
    monkeypatch.setattr(database, "_connect_checked", no_wal)
    path = tmp_path / "cchc.sqlite3"
    words = f"Không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu {path}"
    assert _error_text(_store_open, path, catalogue) == f"StoreError: {words}"
    assert _error_text(_province_open, path) == (
        f"ProvinceDatabaseError: Không mở được tệp dữ liệu tổng hợp {path}: {words}. {REPAIR}"
    )


def test_a_file_that_cannot_be_migrated(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "la.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _sqlite_migrations (khac TEXT)")
    conn.close()
    assert _error_text(_store_open, path, catalogue) == ("OperationalError: no such column: name")
    assert _error_text(_province_open, path) == (
        "ProvinceDatabaseError: Tệp "
        f"{path} không phải tệp dữ liệu tổng hợp dùng được: no such column: name. {REPAIR}"
    )


def test_both_databases_notice_a_newer_program_in_their_words(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from cchc_desktop.province import ProvinceDatabase

    store_path, province_path = tmp_path / "cchc.sqlite3", tmp_path / "province.sqlite3"
    _store_open(store_path, catalogue)
    _province_open(province_path)
    for path, name in ((store_path, "cchc"), (province_path, "cchc_province")):
        conn = sqlite3.connect(path)
        with conn:
            conn.executemany(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                [(name, "m098_future", "2030"), (name, "m099_future", "2030")],
            )
        conn.close()
    with Store.open(store_path, catalogue, keep_backups=0) as store:
        assert store.notices == [
            "Tệp dữ liệu đã được một phiên bản mới hơn của chương trình nâng cấp "
            "(m098_future, m099_future); hãy cập nhật chương trình trước khi sửa báo cáo."
        ]
    with ProvinceDatabase.open(province_path) as db:
        assert db.notices == [
            "Tệp dữ liệu tổng hợp đã được một phiên bản mới hơn của chương trình nâng cấp "
            "(m098_future, m099_future); hãy cập nhật chương trình."
        ]


# -- the shared migration machinery ---------------------------------------------------


def test_a_migration_set_applies_in_order_and_records_under_its_name() -> None:
    from cchc_desktop.migration_set import MigrationSet, run_statements

    found = MigrationSet("thu")

    @found.register
    def m001_first(db: Database) -> None:
        run_statements(db, "CREATE TABLE a (x INTEGER)", "INSERT INTO a VALUES (1)")

    @found.register
    def m002_second(db: Database) -> None:
        run_statements(db, "ALTER TABLE a ADD COLUMN y TEXT")

    assert found.names == ["m001_first", "m002_second"]
    assert found.build() is found.build()  # built once, then kept
    conn = sqlite3.connect(":memory:")
    assert found.applied_names(conn) == [] and found.pending(conn) == found.names
    assert found.migrate(conn) == ["m001_first", "m002_second"]
    assert found.migrate(conn) == []
    assert found.applied_names(conn) == ["m001_first", "m002_second"]
    assert [row[1] for row in conn.execute("PRAGMA table_info(a)")] == ["x", "y"]
    sets = {row[0] for row in conn.execute("SELECT migration_set FROM _sqlite_migrations")}
    assert sets == {"thu"}
    other = MigrationSet("khac")  # another set in the same file sees none of these
    assert other.applied_names(conn) == [] and other.unknown_applied(conn) == []
    newer = MigrationSet("thu")
    newer.register(m001_first)
    assert newer.unknown_applied(conn) == ["m002_second"]
    with pytest.raises(ValueError):
        newer.register(m001_first)


def test_store_and_province_migrations_share_the_machinery(tmp_path: Path) -> None:
    from cchc_desktop.migration_set import MigrationSet
    from cchc_desktop.province import migrations as province
    from cchc_desktop.store import migrations as store

    assert store.SET.name == "cchc" and store.SET.names == ALL_MIGRATIONS
    for module, name in ((store, "cchc"), (province, "cchc_province")):
        assert isinstance(module.SET, MigrationSet)
        assert module.SET.name == name
        conn = sqlite3.connect(tmp_path / f"{name}.sqlite3")
        assert module.SET.migrate(conn) == module.SET.names != []
        assert module.SET.applied_names(conn) == module.SET.names
        assert module.SET.unknown_applied(conn) == []
        conn.close()


def test_sqlite_utils_is_not_imported_until_a_migration_is_pending(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sqlite3, sys\n"
        "from cchc_desktop.store.migrations import SET\n"
        "from cchc_desktop.province import migrations as province\n"
        "print('sqlite_utils' in sys.modules)\n"
        "conn = sqlite3.connect(':memory:')\n"
        "print(SET.pending(conn) == SET.names, 'sqlite_utils' in sys.modules)\n"
        "SET.migrate(conn)\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "True", "False", "True"]


def test_the_sent_revisions_are_filled_from_the_reports_already_exported(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """m006 remembers what was sent before it, so that a purge afterwards loses nothing."""
    path = tmp_path / "cchc.sqlite3"
    report_id = filled_store(path, catalogue)
    conn = sqlite3.connect(path)  # as the previous version left it: exported as r002
    with conn:
        conn.execute("UPDATE reports SET revision = 2 WHERE id = ?", (report_id,))
        conn.execute("DROP TABLE sent_revisions")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_sent_revisions'")
    conn.close()
    with Store.open(path, catalogue, keep_backups=0) as store:
        store.delete(report_id)
        store.purge(report_id)
        again = store.create_report(TU_KY, "2026-Q1")
        assert store.export_state(again).unit_period_revision == 2
