"""Daily backups of the database, their rotation, and recovery of a damaged file.

A backup is a complete, self-contained SQLite file (``cchc-2026-03-01.sqlite3``
for ``cchc.sqlite3``), written with SQLite's online backup API into a temporary
name and renamed into place, so a crash or a full disk never leaves a
half-written file under a backup's name. When the database cannot be read, it is
moved aside (never deleted: someone may still rescue it) together with its
``-wal``/``-shm`` files, and the newest backup that passes SQLite's integrity
check takes its place.
"""

import datetime as dt
import os
import re
import shutil
import sqlite3
from pathlib import Path

from cchc_desktop.paths import backups_dir
from cchc_desktop.vnformat import format_date_short

_DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when the error says the file is not a usable database (not, e.g., locked)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return False
    return code & 0xFF in _DAMAGE_CODES


def passes_quick_check(conn: sqlite3.Connection) -> bool:
    """``PRAGMA quick_check`` says ``ok``; a damaged file may raise instead, which is a no."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return False
        raise
    return rows == [("ok",)]


def is_healthy(path: Path) -> bool:
    """A file that opens read-only as a database and passes the quick check."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return passes_quick_check(conn)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _backup_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{4}}-\d{{2}}-\d{{2}}){re.escape(_suffix(db_path))}$"
    )


def _suffix(db_path: Path) -> str:
    return db_path.suffix or ".sqlite3"


def backup_path(db_path: Path, day: dt.date) -> Path:
    """Where the backup of ``day`` goes: ``backups/cchc-2026-03-01.sqlite3``."""
    return backups_dir(db_path) / f"{db_path.stem}-{day.isoformat()}{_suffix(db_path)}"


def list_backups(db_path: Path) -> list[tuple[dt.date, Path]]:
    """The backups of this database, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _backup_pattern(db_path)
    found: list[tuple[dt.date, Path]] = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            try:
                found.append((dt.date.fromisoformat(match[1]), entry))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def make_backup(conn: sqlite3.Connection, db_path: Path, day: dt.date) -> Path:
    """Copy the open database into the backup of ``day``, replacing an older one of that day."""
    target = backup_path(db_path, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        conn.backup(copy)
        # The copy inherits WAL mode from page 1; a backup must be one plain file.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    os.replace(partial, target)
    return target


def rotate(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest daily backups; returns the deleted files."""
    deleted: list[Path] = []
    for _day, path in list_backups(db_path)[max(keep, 0) :]:
        try:
            path.unlink()
        except OSError:
            continue
        deleted.append(path)
    return deleted


def _aside_name(db_path: Path, stamp: str) -> Path:
    candidate = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{number}")
    return candidate


def recover(db_path: Path, now: dt.datetime) -> str:
    """Move the damaged database aside and restore the newest healthy backup.

    Returns the Vietnamese notice for the user. When no backup is usable the
    database starts empty, and the notice says so.
    """
    aside = _aside_name(db_path, now.strftime("%Y%m%d-%H%M%S"))
    os.replace(db_path, aside)
    for extra in ("-wal", "-shm"):
        # A stale WAL would be replayed onto the restored file and damage it again.
        companion = db_path.with_name(db_path.name + extra)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + extra))
    for day, backup in list_backups(db_path):
        if not is_healthy(backup):
            continue
        partial = db_path.with_name(db_path.name + ".restoring")
        shutil.copyfile(backup, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, db_path)
        return (
            f"Tệp dữ liệu bị hỏng; đã khôi phục từ bản sao lưu ngày {format_date_short(day)}. "
            f"Những thay đổi sau lần sao lưu đó cần nhập lại. Tệp hỏng được giữ lại tại {aside}."
        )
    return (
        "Tệp dữ liệu bị hỏng và không có bản sao lưu dùng được; đã tạo tệp dữ liệu mới. "
        f"Tệp hỏng được giữ lại tại {aside}."
    )
