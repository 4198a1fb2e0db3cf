"""The province database's schema, as named migrations applied in order at open.

The same pattern as the clerk's store (``cchc_desktop.store.migrations``): each
migration is recorded in ``_sqlite_migrations`` under its own set name and runs
in a transaction with that record; a released migration is never edited.

Tables:

- ``bundles``: every verified bundle received, one row per distinct content
  (``sha256`` is unique): the file's bytes as received (``document``, read
  again and re-verified to show the report), the fields the summary lists, the
  error and warning counts, and the figures as JSON (``values_json``, what the
  totals add up). Superseded revisions and the losing side of a conflict stay
  here: the office keeps what it was sent. ``file_sha256`` is the hash of the
  file's bytes: the same file brought again is recognised before it is parsed.
  ``file_path`` (m002) is where the file came from, named from what was
  imported (``USB-A/bao-cao/x.cchc.json``), to tell two files of one name apart.
- ``current``: for each unit and period, the bundle that counts (the newest
  revision; on a tie, the one received first until the officer chooses).
- ``conflicts``: two different bundles of the same unit, period and revision,
  and what the officer decided.
- ``settings``: the view's own choices (the province and period last shown).

Stored forms: times are ISO text in UTC with microseconds (they sort as text);
figures in ``values_json`` are JSON integers for counts and decimal strings for
the rest (``"3112.5"``), so that no figure passes through a float.
"""

from typing import TYPE_CHECKING

from cchc_desktop.migration_set import MigrationSet
from cchc_desktop.migration_set import run_statements as _run

if TYPE_CHECKING:
    from sqlite_utils import Database

SET = MigrationSet("cchc_province")
_migration = SET.register


@_migration
def m001_bundles(db: "Database") -> None:
    """Received bundles, the current one per unit and period, and conflicts."""
    _run(
        db,
        """
        CREATE TABLE bundles (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            province_code TEXT NOT NULL,
            period TEXT NOT NULL,
            period_title TEXT NOT NULL,
            window_from TEXT,
            window_to TEXT,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'final')),
            catalogue_id TEXT NOT NULL,
            catalogue_version TEXT NOT NULL,
            app_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            values_json TEXT NOT NULL,
            document BLOB NOT NULL,
            file_sha256 TEXT NOT NULL
        )
        """,
        "CREATE INDEX bundles_unit_period ON bundles(unit_code, period, revision)",
        "CREATE INDEX bundles_file ON bundles(file_sha256)",
        """
        CREATE TABLE current (
            unit_code TEXT NOT NULL,
            period TEXT NOT NULL,
            province_code TEXT NOT NULL,
            bundle_id INTEGER NOT NULL REFERENCES bundles(id),
            PRIMARY KEY (unit_code, period)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX current_province_period ON current(province_code, period)",
        """
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            unit_code TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            kept_id INTEGER NOT NULL REFERENCES bundles(id),
            other_id INTEGER NOT NULL REFERENCES bundles(id),
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IN ('kept', 'other', 'superseded')),
            UNIQUE (kept_id, other_id)
        )
        """,
        "CREATE INDEX conflicts_unit_period ON conflicts(unit_code, period)",
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    )


@_migration
def m002_file_path(db: "Database") -> None:
    """Where each file came from: its path from the folder or file that was imported,
    that folder's own name first (``USB-A/bao-cao/x.cchc.json``; for a file chosen
    alone, ``USB-A/x.cchc.json``), so that two files of one name are told apart.
    Empty for bundles imported before."""
    _run(db, "ALTER TABLE bundles ADD COLUMN file_path TEXT NOT NULL DEFAULT ''")
