"""The province office's database: a SQLite file of its own, apart from the clerk's reports.

By default ``province.sqlite3`` beside the clerk's database in the user's data
folder (``CCHC_PROVINCE_DB`` or an explicit path points elsewhere). The
connection has the store's pragmas (WAL, ``synchronous=FULL``, foreign keys,
busy timeout) and runs in autocommit mode: every write is an explicit
``BEGIN IMMEDIATE … COMMIT`` (:func:`transaction`).

Everything in it comes from bundle files, so a damaged file loses nothing that
cannot be imported again; it is not backed up like the clerk's store.

One :class:`ProvinceDatabase` owns one connection: use it from the thread that
opened it (a background import opens its own).
"""

import os
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Self

from cchc_desktop.paths import default_db_path
from cchc_desktop.province.migrations import SET
from cchc_desktop.store.database import FileWords, open_migrated, transaction

PROVINCE_DB_FILENAME = "province.sqlite3"
PROVINCE_DB_ENV = "CCHC_PROVINCE_DB"
PROVINCE_WORDS = FileWords(
    "tệp dữ liệu tổng hợp",
    "hãy cập nhật chương trình.",
    repair="Có thể xóa (hoặc đổi tên) tệp này rồi nhập lại các gói dữ liệu.",
)

__all__ = [
    "PROVINCE_DB_ENV",
    "PROVINCE_DB_FILENAME",
    "ProvinceDatabase",
    "ProvinceDatabaseError",
    "default_province_db_path",
    "transaction",
]


class ProvinceDatabaseError(Exception):
    """The province database cannot be opened; the message is Vietnamese."""


def default_province_db_path(clerk_db: Path | None = None) -> Path:
    """``$CCHC_PROVINCE_DB`` when set, else ``province.sqlite3`` beside the clerk's database
    (``clerk_db``, or the default one)."""
    override = os.environ.get(PROVINCE_DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return (clerk_db or default_db_path()).parent / PROVINCE_DB_FILENAME


class ProvinceDatabase:
    """One open province database file. Open with :meth:`open`; close (or use ``with``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str]) -> None:
        self.conn = conn
        self.path = path
        self.notices = notices

    @classmethod
    def open(cls, path: Path | None = None) -> Self:
        """Open (creating folders and file) and migrate; ``ProvinceDatabaseError`` if it fails."""
        path = Path(path) if path is not None else default_province_db_path()
        try:
            conn, notices = open_migrated(path, SET, PROVINCE_WORDS, ProvinceDatabaseError)
        except sqlite3.Error as error:
            # Failing to open is a ProvinceDatabaseError already; this is a migration failing.
            raise ProvinceDatabaseError(
                f"Tệp {path} không phải tệp dữ liệu tổng hợp dùng được: {error}. "
                f"{PROVINCE_WORDS.repair}"
            ) from error
        return cls(conn, path, notices)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def setting(self, key: str) -> str | None:
        """A remembered choice of the province view, or ``None``."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with transaction(self.conn) as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def bundle_count(self) -> int:
        """How many distinct bundles the file holds (all revisions, conflicts included)."""
        return int(self.conn.execute("SELECT count(*) FROM bundles").fetchone()[0])
