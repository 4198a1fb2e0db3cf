"""Rows of the ``reports`` table: creating, finding and listing reports.

A unit is identified by its official code, or by its name when it has none (a
historical unit typed as free text). These functions run inside the caller's
transaction; none commits.
"""

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, Any

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.periods import Period, parse_period
from cchc_desktop.store import history
from cchc_desktop.store.records import ReportNotFound, ReportSummary, now, stamp, summary
from cchc_desktop.units import fold
from cchc_desktop.vnformat import format_date_short

if TYPE_CHECKING:  # the pydantic model is imported when a unit is built, not to list reports
    from cchc_desktop.model import Unit

_SUMMARY_COLUMNS = (
    "id, unit_code, unit_name, period, period_title, status, revision, window_from, "
    "window_to, created_at, updated_at, deleted_at"
)
_INSERT = (
    "INSERT INTO reports (catalogue_id, catalogue_version, unit_code, unit_name, "
    "province_code, parent_body, issuing_body, period, period_title, window_from, "
    "window_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _same_unit(code: str | None) -> str:
    return "unit_code = ?" if code else "unit_code IS NULL AND unit_name = ?"


def rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def live_row(conn: sqlite3.Connection, report_id: int) -> dict[str, Any]:
    """The report's row; ``ReportNotFound`` if unknown or in the trash."""
    found = rows(
        conn.execute("SELECT * FROM reports WHERE id = ? AND deleted_at IS NULL", (report_id,))
    )
    if not found:
        raise ReportNotFound(report_id)
    return found[0]


def any_row(conn: sqlite3.Connection, report_id: int) -> dict[str, Any]:
    """The report's row, in the trash or not; ``ReportNotFound`` if unknown."""
    found = rows(conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,)))
    if not found:
        raise ReportNotFound(report_id)
    return found[0]


def unit_of(row: dict[str, Any]) -> "Unit":
    from cchc_desktop.model import Unit

    return Unit(
        code=row["unit_code"],
        name=row["unit_name"],
        province_code=row["province_code"],
        parent_body=row["parent_body"],
        issuing_body=row["issuing_body"],
    )


def fields(conn: sqlite3.Connection, report_id: int) -> tuple[dict[str, str], dict[str, str]]:
    """The stored figures and texts of a report."""
    values = conn.execute(
        "SELECT indicator, value FROM report_values WHERE report_id = ?", (report_id,)
    ).fetchall()
    texts = conn.execute(
        "SELECT key, value FROM report_texts WHERE report_id = ?", (report_id,)
    ).fetchall()
    return dict(values), dict(texts)


def period_and_title(period: str, ad_hoc_title: str) -> tuple[Period, str]:
    """The parsed period and the title the report prints for it."""
    from cchc_desktop.model import nfc

    parsed = parse_period(period)
    title = nfc(ad_hoc_title).strip()
    if title and not parsed.is_ad_hoc:
        raise ValueError(
            f"Tên kỳ báo cáo: chỉ báo cáo đột xuất mới có tên riêng (kỳ {parsed.code})"
        )
    return parsed, parsed.title(title)


def check_window(start: dt.date, end: dt.date) -> None:
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise ValueError("Thời gian lấy số liệu: ngày bắt đầu và ngày kết thúc phải là ngày")
    if start > end:
        raise ValueError(
            f"Thời gian lấy số liệu: ngày bắt đầu ({format_date_short(start)}) "
            f"phải trước ngày kết thúc ({format_date_short(end)})"
        )


def refuse_second(
    conn: sqlite3.Connection, code: str | None, name: str, period: str, title: str
) -> None:
    """One live report per unit and period: a second one would split the clerk's edits."""
    row = conn.execute(
        f"SELECT id FROM reports WHERE deleted_at IS NULL AND period = ? AND {_same_unit(code)}",
        (period, code or name),
    ).fetchone()
    if row:
        raise ValueError(
            f"Đã có báo cáo {title} của {name} (báo cáo số {row[0]}); "
            "hãy mở báo cáo đó, hoặc xóa nó trước khi tạo báo cáo mới"
        )


def insert(
    conn: sqlite3.Connection,
    catalogue: Catalogue,
    unit: "Unit",
    period: Period,
    title: str,
    window: tuple[dt.date, dt.date] | None,
    values: dict[str, str],
    texts: dict[str, str],
) -> int:
    """A new draft with its first figures and texts (not history: nothing to undo yet)."""
    refuse_second(conn, unit.code, unit.name, period.code, title)
    at = stamp(now())
    cursor = conn.execute(
        _INSERT,
        (
            catalogue.id,
            catalogue.version,
            unit.code,
            unit.name,
            unit.province_code,
            unit.parent_body,
            unit.issuing_body,
            period.code,
            title,
            window[0].isoformat() if window else None,
            window[1].isoformat() if window else None,
            at,
            at,
        ),
    )
    report_id = int(cursor.lastrowid or 0)
    for key, value in values.items():
        history.write(conn, report_id, "value", key, value)
    for key, text in texts.items():
        history.write(conn, report_id, "text", key, text)
    return report_id


def summaries(conn: sqlite3.Connection, *, deleted: bool) -> list[ReportSummary]:
    """Live reports (or those in the trash), by unit name, code, then period order."""
    condition = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
    found = [
        summary(row)
        for row in rows(conn.execute(f"SELECT {_SUMMARY_COLUMNS} FROM reports WHERE {condition}"))
    ]
    return sorted(
        found, key=lambda s: (fold(s.unit_name), s.unit_code or "", _period_key(s.period), s.id)
    )


def previous_id(conn: sqlite3.Connection, row: dict[str, Any]) -> int | None:
    """The same unit's live report whose window ends last before this one's starts."""
    if not row["window_from"]:
        return None
    code = row["unit_code"]
    found = conn.execute(
        f"SELECT id FROM reports WHERE deleted_at IS NULL AND id != ? AND {_same_unit(code)} "
        "AND window_to IS NOT NULL AND window_to < ? "
        "ORDER BY window_to DESC, updated_at DESC, id DESC LIMIT 1",
        (row["id"], code or row["unit_name"], row["window_from"]),
    ).fetchone()
    return int(found[0]) if found else None


def _period_key(code: str) -> tuple[int, int, str]:
    try:
        return parse_period(code).sort_key()
    except ValueError:
        return (0, 0, code)


def save_position(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    cursor = conn.execute(
        "UPDATE reports SET position = ? WHERE id = ? AND deleted_at IS NULL", (text, report_id)
    )
    if cursor.rowcount == 0:
        raise ReportNotFound(report_id)


def trash(conn: sqlite3.Connection, report_id: int, at: str) -> None:
    cursor = conn.execute(
        "UPDATE reports SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", (at, report_id)
    )
    if cursor.rowcount == 0:
        raise ReportNotFound(report_id)


def untrash(conn: sqlite3.Connection, report_id: int) -> None:
    row = any_row(conn, report_id)
    if row["deleted_at"] is None:
        return
    refuse_second(conn, row["unit_code"], row["unit_name"], row["period"], row["period_title"])
    conn.execute("UPDATE reports SET deleted_at = NULL WHERE id = ?", (report_id,))


def purge(conn: sqlite3.Connection, report_id: int) -> None:
    """Delete the row; figures, texts and history go with it (``ON DELETE CASCADE``)."""
    if any_row(conn, report_id)["deleted_at"] is None:
        raise ValueError(
            f"Báo cáo số {report_id} chưa nằm trong thùng rác; hãy xóa trước khi xóa hẳn"
        )
    conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
