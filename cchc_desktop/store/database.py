"""Opening the database file: pragmas, integrity check, recovery, backup, migrations.

The pragmas are what make a returned call durable and a killed process harmless:
WAL journal with ``synchronous=FULL`` (each commit is on disk before it returns,
and an interrupted one is rolled back at the next open), foreign keys enforced,
and a busy timeout so that a second window or the CLI waits for a write instead
of failing at once. The connection runs in autocommit mode: every write is an
explicit ``BEGIN IMMEDIATE … COMMIT`` in the store, so no statement ever sits in
an implicit transaction the caller did not ask for.
"""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_desktop.paths import backups_dir
from cchc_desktop.store import backups
from cchc_desktop.store.migrations import SET

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database file cannot be opened at all; the message is Vietnamese."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the store's pragmas; raises ``sqlite3.DatabaseError`` if damaged."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            raise StoreError(f"Không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu {path}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One durable write: ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error.

    The write lock is taken up front: in WAL mode a deferred transaction that
    reads and then writes fails at once if another process wrote in between,
    while an immediate one waits its turn (busy timeout).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _connect_checked(path: Path) -> sqlite3.Connection | None:
    """The connection if the file is a healthy database; ``None`` if it is damaged."""
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as error:
        if backups.is_damage(error):
            return None
        raise
    if backups.passes_quick_check(conn):
        return conn
    conn.close()
    return None


def _has_tables(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def daily_backup(conn: sqlite3.Connection, path: Path, keep: int) -> None:
    """Today's backup unless one exists, then keep only the ``keep`` newest."""
    today = dt.date.today()
    if not backups.backup_path(path, today).exists():
        backups.make_backup(conn, path, today)
    backups.rotate(path, keep)


def open_database(path: Path, keep_backups: int) -> tuple[sqlite3.Connection, list[str]]:
    """Open (creating folders and file), recover if damaged, back up, migrate.

    Returns the connection and the notices for the user. The daily backup is taken
    before migrating, so the day's copy still holds the data as the previous
    version of the program left it.
    """
    notices: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect_checked(path)
        if conn is None:
            notices.append(backups.recover(path, dt.datetime.now()))
            conn = connect(path)
    except sqlite3.Error as error:
        raise StoreError(f"Không mở được tệp dữ liệu {path}: {error}") from error
    except OSError as error:
        raise StoreError(f"Không mở được tệp dữ liệu {path}: {error.strerror}") from error
    try:
        if keep_backups > 0 and _has_tables(conn):
            try:
                daily_backup(conn, path, keep_backups)
            except (OSError, sqlite3.Error) as error:
                # Not a reason to keep the clerk from working; say it and go on.
                notices.append(
                    f"Không tạo được bản sao lưu tự động trong {backups_dir(path)}: {error}"
                )
        SET.migrate(conn)  # sqlite-utils is imported only when a migration is pending
        newer = SET.unknown_applied(conn)
        if newer:
            notices.append(
                "Tệp dữ liệu đã được một phiên bản mới hơn của chương trình nâng cấp "
                f"({', '.join(newer)}); hãy cập nhật chương trình trước khi sửa báo cáo."
            )
    except BaseException:
        conn.close()
        raise
    return conn, notices
