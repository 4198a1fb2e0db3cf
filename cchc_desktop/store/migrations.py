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

from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("cchc")
NAMES: list[str] = []


def _migration(function: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration under its function's name, in the order defined."""
    NAMES.append(function.__name__)
    return MIGRATIONS()(function)


def _run(db: Database, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@_migration
def m001_initial(db: Database) -> None:
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
def m002_trash_position_redo(db: Database) -> None:
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


def migrate(db: Database) -> list[str]:
    """Apply the pending migrations; returns the names applied."""
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if pending:
        MIGRATIONS.apply(db)
    return pending


def unknown_applied(db: Database) -> list[str]:
    """Migrations recorded in the file that this program does not have (a newer version's)."""
    return [m.name for m in MIGRATIONS.applied(db) if m.name not in NAMES]
