"""A named set of schema migrations, applied in order at open (the clerk's store, the province's).

Each migration is a function registered with :meth:`MigrationSet.register`, in the
order defined, under its own name. sqlite-utils records what was applied in
``_sqlite_migrations`` (one row per migration, under the set's name) and runs each
migration in a transaction with its record. A released migration is never edited.

sqlite-utils itself is imported only when a migration is pending (importing it costs
start-up time): what was applied is read with plain ``sqlite3``, and the
sqlite-utils set is built on first use (:meth:`MigrationSet.build`).
"""

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

Migration = Callable[["Database"], None]

TABLE = "_sqlite_migrations"


class MigrationSet:
    """The migrations of one database kind, under ``name`` in ``_sqlite_migrations``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.names: list[str] = []  # in the order registered, which is the order applied
        self._functions: list[Migration] = []
        self._built: Migrations | None = None

    def register(self, function: Migration) -> Migration:
        """Decorator: add a migration under its function's name, after those defined before."""
        if function.__name__ in self.names:
            raise ValueError(f"migration {function.__name__!r} registered twice in {self.name}")
        self.names.append(function.__name__)
        self._functions.append(function)
        self._built = None
        return function

    def build(self) -> "Migrations":
        """The sqlite-utils migration set (built on first use, then kept)."""
        if self._built is None:
            from sqlite_utils import Migrations

            built = Migrations(self.name)
            for function in self._functions:
                built()(function)
            self._built = built
        return self._built

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """The migrations of this set recorded in the file, in the order applied."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
        ).fetchone()
        if exists is None:
            return []
        rows = conn.execute(
            f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid", (self.name,)
        )
        return [str(name) for (name,) in rows]

    def pending(self, conn: sqlite3.Connection) -> list[str]:
        """The migrations of this program not yet applied to the file."""
        done = set(self.applied_names(conn))
        return [name for name in self.names if name not in done]

    def migrate(self, conn: sqlite3.Connection) -> list[str]:
        """Apply the pending migrations (through sqlite-utils); returns the names applied."""
        names = self.pending(conn)
        if names:
            from sqlite_utils import Database

            self.build().apply(Database(conn, execute_plugins=False))
        return names

    def unknown_applied(self, conn: sqlite3.Connection) -> list[str]:
        """Migrations recorded in the file that this program does not have (a newer version's)."""
        return [name for name in self.applied_names(conn) if name not in self.names]


def run_statements(db: "Database", *statements: str) -> None:
    """Execute SQL statements in order (a migration's body, in its transaction)."""
    for statement in statements:
        db.execute(statement)
