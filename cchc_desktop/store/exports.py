"""Bookkeeping of the bundles a report was exported as (see migration ``m004_exports``).

Not an edit of the report: no history, no undo, ``updated_at`` unchanged. These
functions run inside the caller's transaction; none commits.
"""

import datetime as dt
import sqlite3
from dataclasses import dataclass

from cchc_desktop.store.records import ReportNotFound
from cchc_desktop.store.reports import live_row


@dataclass(frozen=True)
class ExportState:
    """The last bundle exported: its revision (0: never), content hash and time.

    ``unit_period_revision`` is the highest revision that any report of the same
    unit code and period was exported with, those in the trash or purged included
    (``sent_revisions``): a report deleted and typed again must not send a revision
    the province already has.
    """

    revision: int
    content_hash: str | None
    exported_at: dt.datetime | None
    unit_period_revision: int = 0


def state(conn: sqlite3.Connection, report_id: int) -> ExportState:
    row = live_row(conn, report_id)
    at = row["exported_at"]
    highest = 0
    if row["unit_code"]:
        found = conn.execute(
            "SELECT MAX(revision) FROM ("
            "SELECT revision FROM reports WHERE unit_code = ?1 AND period = ?2 "
            "UNION ALL SELECT revision FROM sent_revisions WHERE unit_code = ?1 AND period = ?2)",
            (row["unit_code"], row["period"]),
        ).fetchone()
        highest = int(found[0] or 0)
    return ExportState(
        revision=int(row["revision"]),
        content_hash=row["exported_hash"],
        exported_at=dt.datetime.fromisoformat(at) if at else None,
        unit_period_revision=max(highest, int(row["revision"])),
    )


def record(
    conn: sqlite3.Connection,
    report_id: int,
    revision: int,
    content_hash: str,
    exported_at: dt.datetime,
) -> None:
    """Remember the bundle just written; the revision never goes down."""
    if exported_at.tzinfo is None:
        raise ValueError("exported_at must carry its UTC offset")
    current = state(conn, report_id)
    if revision < current.revision:
        raise ValueError(
            f"Số lần gửi {revision} nhỏ hơn lần gửi trước ({current.revision}) của báo cáo"
        )
    cursor = conn.execute(
        "UPDATE reports SET revision = ?, exported_hash = ?, exported_at = ? "
        "WHERE id = ? AND deleted_at IS NULL",
        (revision, content_hash, exported_at.isoformat(), report_id),
    )
    if cursor.rowcount == 0:
        raise ReportNotFound(report_id)
    row = live_row(conn, report_id)
    if row["unit_code"]:
        conn.execute(
            "INSERT INTO sent_revisions (unit_code, period, revision) VALUES (?, ?, ?) "
            "ON CONFLICT (unit_code, period) DO UPDATE "
            "SET revision = MAX(revision, excluded.revision)",
            (row["unit_code"], row["period"], revision),
        )
