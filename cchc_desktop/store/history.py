"""Every edit of a report's content, kept as (field, old, new, time), and undo/redo.

The history is a linear undo stack per report. Each row is one edit; ``undone``
marks the edits taken back. Undo takes back the newest edit still in effect,
redo re-applies the oldest one undone. A new edit makes the undone ones
``discarded``: they stay in the history (nothing a clerk typed is thrown away)
but can no longer be redone. Undo and redo flip flags; they add no rows, so
they can never themselves be undone into a loop.

These functions run inside the caller's transaction; none commits.
"""

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import Literal, cast

from cchc_desktop.store.records import ReportNotFound, now, parse_stamp, stamp

Target = Literal["value", "text", "window"]


@dataclass(frozen=True)
class Change:
    """One edit: ``target`` is ``value`` (a figure, ``key`` its indicator id), ``text``
    (a narrative ``section.narrative`` or a header field ``header.<name>``, as JSON) or
    ``window`` (``key`` ``window``, values ``from/to`` ISO dates). ``old``/``new`` are
    the stored forms; ``None`` means empty."""

    id: int
    target: Target
    key: str
    old: str | None
    new: str | None
    at: dt.datetime
    undone: bool
    discarded: bool = False


_COLUMNS = "id, target, key, old, new, at, undone, discarded"
_DISCARD_REDO = (
    "UPDATE history SET discarded = 1 WHERE report_id = ? AND undone = 1 AND discarded = 0"
)
_RECORD = "INSERT INTO history (report_id, target, key, old, new, at) VALUES (?, ?, ?, ?, ?, ?)"
_CURRENT = {
    "value": "SELECT (SELECT value FROM report_values WHERE report_id = r.id AND indicator = ?) "
    "FROM reports AS r WHERE r.id = ? AND r.deleted_at IS NULL",
    "text": "SELECT (SELECT value FROM report_texts WHERE report_id = r.id AND key = ?) "
    "FROM reports AS r WHERE r.id = ? AND r.deleted_at IS NULL",
}
_CURRENT_WINDOW = "SELECT window_from, window_to FROM reports WHERE id = ? AND deleted_at IS NULL"
_TOUCH = "UPDATE reports SET updated_at = ? WHERE id = ?"
_UPSERT_VALUE = (
    "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?) "
    "ON CONFLICT (report_id, indicator) DO UPDATE SET value = excluded.value"
)
_UPSERT_TEXT = (
    "INSERT INTO report_texts (report_id, key, value) VALUES (?, ?, ?) "
    "ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value"
)
_DELETE_VALUE = "DELETE FROM report_values WHERE report_id = ? AND indicator = ?"
_DELETE_TEXT = "DELETE FROM report_texts WHERE report_id = ? AND key = ?"


def _change(row: tuple[object, ...]) -> Change:
    id_, target, key, old, new, at, undone, discarded = row
    return Change(
        id=int(str(id_)),
        target=cast(Target, target),  # the CHECK constraint keeps it one
        key=str(key),
        old=None if old is None else str(old),
        new=None if new is None else str(new),
        at=parse_stamp(str(at)),
        undone=bool(undone),
        discarded=bool(discarded),
    )


def record(
    conn: sqlite3.Connection,
    report_id: int,
    target: Target,
    key: str,
    old: str | None,
    new: str | None,
    at: str,
) -> None:
    """Add one edit and drop the redo branch it replaces."""
    conn.execute(_DISCARD_REDO, (report_id,))
    conn.execute(_RECORD, (report_id, target, key, old, new, at))


def changes(conn: sqlite3.Connection, report_id: int, since: str | None) -> list[Change]:
    """All edits of a report, oldest first; with ``since``, those made after it."""
    if since is None:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM history WHERE report_id = ? ORDER BY id", (report_id,)
        )
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM history WHERE report_id = ? AND at > ? ORDER BY id",
            (report_id, since),
        )
    return [_change(row) for row in rows]


def to_undo(conn: sqlite3.Connection, report_id: int) -> Change | None:
    """The newest edit still in effect."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM history WHERE report_id = ? AND undone = 0 "
        "ORDER BY id DESC LIMIT 1",
        (report_id,),
    ).fetchone()
    return _change(row) if row else None


def to_redo(conn: sqlite3.Connection, report_id: int) -> Change | None:
    """The oldest undone edit that no newer edit has replaced."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM history WHERE report_id = ? AND undone = 1 "
        "AND discarded = 0 ORDER BY id LIMIT 1",
        (report_id,),
    ).fetchone()
    return _change(row) if row else None


def edit(
    conn: sqlite3.Connection, report_id: int, target: Target, key: str, new: str | None
) -> None:
    """Store one field of a live report with its history row, and touch ``updated_at``.

    Nothing at all happens when the field already holds ``new``. The report's
    existence and the field's value are read in one statement: this runs on
    every keystroke.
    """
    if target == "window":
        row = conn.execute(_CURRENT_WINDOW, (report_id,)).fetchone()
        current = None if row is None else window_text(row[0], row[1])
    else:
        row = conn.execute(_CURRENT[target], (key, report_id)).fetchone()
        current = None if row is None else row[0]
    if row is None:
        raise ReportNotFound(report_id)
    if current == new:
        return
    at = stamp(now())
    write(conn, report_id, target, key, new)
    record(conn, report_id, target, key, current, new, at)
    conn.execute(_TOUCH, (at, report_id))


def step(conn: sqlite3.Connection, report_id: int, *, undo: bool) -> Change | None:
    """Undo the newest edit in effect, or redo the oldest undone one; ``None`` if none."""
    change = to_undo(conn, report_id) if undo else to_redo(conn, report_id)
    if change is None:
        return None
    write(conn, report_id, change.target, change.key, change.old if undo else change.new)
    conn.execute("UPDATE history SET undone = ? WHERE id = ?", (int(undo), change.id))
    conn.execute(_TOUCH, (stamp(now()), report_id))
    return replace(change, undone=undo)


def write(
    conn: sqlite3.Connection, report_id: int, target: Target, key: str, stored: str | None
) -> None:
    """Store one field (``None`` empties it), without history."""
    if target == "window":
        start, end = (stored or "/").split("/")
        conn.execute(
            "UPDATE reports SET window_from = ?, window_to = ? WHERE id = ?",
            (start or None, end or None, report_id),
        )
    elif stored is None:
        conn.execute(_DELETE_VALUE if target == "value" else _DELETE_TEXT, (report_id, key))
    else:
        conn.execute(_UPSERT_VALUE if target == "value" else _UPSERT_TEXT, (report_id, key, stored))


def window_text(start: str | None, end: str | None) -> str | None:
    """The window as history stores it: ``2025-12-15/2026-03-14``; ``None`` when unset."""
    if not start and not end:
        return None
    return f"{start or ''}/{end or ''}"
