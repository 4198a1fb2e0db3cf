"""Where the database and its backups live.

One database file holds every report: by default ``cchc.sqlite3`` in the user's
data folder (``~/.local/share/CCHC Desktop`` on Linux, ``%LOCALAPPDATA%\\CCHC
Desktop`` on Windows). The ``CCHC_DB`` environment variable, or an explicit path
given by the caller, points elsewhere. Backups go in a ``backups`` folder beside
the database, so a copied folder carries its backups with it.
"""

import os
from pathlib import Path

import platformdirs

APP_NAME = "CCHC Desktop"
DB_FILENAME = "cchc.sqlite3"
DB_ENV = "CCHC_DB"


def data_dir() -> Path:
    """The user's own data folder for the app (not created here).

    Local, not roaming: on a domain PC a roaming profile would carry the
    database across the network at every log-on. Each Windows account has its
    own ``%LOCALAPPDATA%``, so two clerks on one PC keep separate databases.
    """
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    """``$CCHC_DB`` when set, else ``cchc.sqlite3`` in :func:`data_dir`."""
    override = os.environ.get(DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return data_dir() / DB_FILENAME


def backups_dir(db_path: Path) -> Path:
    """The ``backups`` folder next to the database file."""
    return db_path.parent / "backups"
