"""The database schema, as named migrations applied in order at open.

Each migration is recorded in ``_sqlite_migrations`` and runs in a transaction
with that record, so a crash mid-migration leaves the previous schema intact.
A released migration is never edited: a schema change is a new function at the
end. The statements are written out here, not derived from code elsewhere, so
that an old database upgrades the same way whatever the rest of the code
becomes.

Stored forms: dates and times are ISO text (times in UTC with microseconds, so
that they sort as text); figures are canonical decimal text (``1730``,
``99.87``); narratives are plain text; header fields are JSON under
``header.<name>``; the window in history is ``from/to``.
"""

from typing import TYPE_CHECKING

from cchc_desktop.migration_set import MigrationSet
from cchc_desktop.migration_set import run_statements as _run

if TYPE_CHECKING:
    from sqlite_utils import Database

SET = MigrationSet("cchc")
_migration = SET.register


@_migration
def m001_initial(db: "Database") -> None:
    """Reports, their figures and texts, and the history of every edit."""
    _run(
        db,
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            catalogue_id TEXT NOT NULL,
            catalogue_version TEXT NOT NULL,
            unit_code TEXT,
            unit_name TEXT NOT NULL,
            province_code TEXT,
            parent_body TEXT NOT NULL DEFAULT '',
            issuing_body TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL,
            period_title TEXT NOT NULL,
            window_from TEXT,
            window_to TEXT,
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'ready', 'final')),
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE report_values (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            indicator TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (report_id, indicator)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE report_texts (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (report_id, key)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            target TEXT NOT NULL CHECK (target IN ('value', 'text', 'window')),
            key TEXT NOT NULL,
            old TEXT,
            new TEXT,
            at TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        )
        """,
    )


@_migration
def m002_trash_position_redo(db: "Database") -> None:
    """Recoverable deletion, the UI's last position, and a kept redo branch.

    ``deleted_at`` puts a report in the trash instead of deleting it;
    ``position`` remembers where the clerk was; ``discarded`` marks undone edits
    that a newer edit replaced, so they stay in the history but can no longer be
    redone. The indexes serve the lookups made on every keystroke and open.
    """
    _run(
        db,
        "ALTER TABLE reports ADD COLUMN deleted_at TEXT",
        "ALTER TABLE reports ADD COLUMN position TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE history ADD COLUMN discarded INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX history_report ON history(report_id, id)",
        "CREATE INDEX history_redo ON history(report_id) WHERE undone = 1 AND discarded = 0",
        "CREATE INDEX reports_unit_period ON reports(unit_code, unit_name, period)",
    )


@_migration
def m003_settings(db: "Database") -> None:
    """The app's own settings (the last unit picked, the last report opened), as text.

    Not part of any report: no history, no undo; a value the program no longer
    understands is simply ignored by it.
    """
    _run(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    )


@_migration
def m004_exports(db: "Database") -> None:
    """Bookkeeping of bundles sent to the province: what was exported last, and when.

    ``reports.revision`` (present since m001) becomes the number of the last
    exported bundle (0: never exported); ``exported_hash`` is the SHA-256 of that
    bundle's content without its time and revision, so that exporting an
    unchanged report writes the same revision again; ``exported_at`` is that
    bundle's ``created_at`` (ISO, with offset), reused for a byte-identical copy.
    """
    _run(
        db,
        "ALTER TABLE reports ADD COLUMN exported_hash TEXT",
        "ALTER TABLE reports ADD COLUMN exported_at TEXT",
    )


@_migration
def m005_final_edit(db: "Database") -> None:
    """Which content the final copy was printed from.

    ``final_edit`` is the id of the newest edit in effect when the final PDF was
    written (0: before any edit), NULL when no final copy was printed since the
    status was last set by hand. The report is ``final`` exactly while that edit
    is again the newest in effect: an edit returns it to draft, undoing that edit
    makes it final again. A report already final keeps its current content.
    """
    _run(
        db,
        "ALTER TABLE reports ADD COLUMN final_edit INTEGER",
        "UPDATE reports SET final_edit = COALESCE((SELECT MAX(h.id) FROM history AS h "
        "WHERE h.report_id = reports.id AND h.undone = 0), 0) WHERE status = 'final'",
    )


@_migration
def m006_sent_revisions(db: "Database") -> None:
    """The highest revision sent per unit code and period, kept when a report is purged.

    ``reports.revision`` goes with the row when a report is deleted for good; a
    report typed again for the same unit and period must still send a higher
    revision, or its file would overwrite the old one on the stick and the province
    would skip it as older. Filled from the reports already exported.
    """
    _run(
        db,
        """
        CREATE TABLE sent_revisions (
            unit_code TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            PRIMARY KEY (unit_code, period)
        ) WITHOUT ROWID
        """,
        "INSERT INTO sent_revisions (unit_code, period, revision) "
        "SELECT unit_code, period, MAX(revision) FROM reports "
        "WHERE unit_code IS NOT NULL AND revision > 0 GROUP BY unit_code, period",
    )
