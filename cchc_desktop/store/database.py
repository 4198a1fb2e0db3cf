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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.migration_set import MigrationSet
from cchc_desktop.os_words import os_error_words
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

    def backing_up(conn: sqlite3.Connection, notices: list[str]) -> None:
        if keep_backups > 0 and _has_tables(conn):
            try:
                daily_backup(conn, path, keep_backups)
            except (OSError, sqlite3.Error) as error:
                # Not a reason to keep the clerk from working; say it and go on.
                notices.append(
                    f"Không tạo được bản sao lưu tự động trong {backups_dir(path)}: {error}"
                )

    return open_migrated(
        path, SET, STORE_WORDS, connecting=_connect_recovering, preparing=backing_up
    )


def _connect_recovering(path: Path, notices: list[str]) -> sqlite3.Connection:
    """The connection, the file first restored from its newest good backup if damaged."""
    conn = _connect_checked(path)
    if conn is None:
        notices.append(backups.recover(path, dt.datetime.now()))
        conn = connect(path)
    return conn


@dataclass(frozen=True)
class FileWords:
    """How the messages of :func:`open_migrated` name one kind of database file."""

    file: str
    """The file as a sentence names it, in lower case: ``tệp dữ liệu``."""
    update: str
    """What to do once a newer version of the program has upgraded the file."""
    repair: str = ""
    """A sentence added when SQLite cannot open the file (none: say nothing more)."""


STORE_WORDS = FileWords("tệp dữ liệu", "hãy cập nhật chương trình trước khi sửa báo cáo.")


def _plain_connect(path: Path, notices: list[str]) -> sqlite3.Connection:
    return connect(path)


def open_migrated(
    path: Path,
    migrations: MigrationSet,
    words: FileWords,
    failure: type[Exception] = StoreError,
    *,
    connecting: Callable[[Path, list[str]], sqlite3.Connection] = _plain_connect,
    preparing: Callable[[sqlite3.Connection, list[str]], None] | None = None,
) -> tuple[sqlite3.Connection, list[str]]:
    """Open ``path`` (creating its folders and the file) and apply ``migrations``.

    Returns the connection and the notices for the user, among them one when a
    newer version of the program has already upgraded the file. ``connecting``
    opens the file (:func:`connect` by default) and ``preparing`` runs before the
    migrations; both may add notices.

    A file that cannot be opened raises ``failure`` with a Vietnamese message
    naming it in ``words``. A :class:`StoreError` of :func:`connect` (no WAL) is
    passed on as it is when ``failure`` is ``StoreError``, else wrapped like a
    SQLite error. Anything raised later (a migration's ``sqlite3.Error`` included)
    closes the connection and is passed on.
    """
    notices: list[str] = []
    cannot_open = f"Không mở được {words.file} {path}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connecting(path, notices)
    except (sqlite3.Error, StoreError) as error:
        if isinstance(error, failure):
            raise
        detail = f"{error}. {words.repair}" if words.repair else str(error)
        raise failure(f"{cannot_open}: {detail}") from error
    except OSError as error:
        raise failure(f"{cannot_open}: {os_error_words(error, writing=True)}") from error
    try:
        if preparing is not None:
            preparing(conn, notices)
        migrations.migrate(conn)  # sqlite-utils is imported only when a migration is pending
        newer = migrations.unknown_applied(conn)
        if newer:
            notices.append(
                f"{words.file.capitalize()} đã được một phiên bản mới hơn của chương trình "
                f"nâng cấp ({', '.join(newer)}); {words.update}"
            )
    except BaseException:
        conn.close()
        raise
    return conn, notices
