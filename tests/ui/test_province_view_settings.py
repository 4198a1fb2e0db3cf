"""The province view remembers its province and period without getting in an import's way.

An import holds the database's write lock for its whole batch (``BEGIN IMMEDIATE``):
another window, ``cchc import`` or this window's own import before its progress shows.
Reloading the view then must neither wait for the lock nor fail.
"""

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue, load_catalogue
from ui.province import ProvinceView
from ui.province.view import LAST_PERIOD, LAST_PROVINCE


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "tinh.sqlite3"


@pytest.fixture
def view(qtbot, catalogue, path) -> Iterator[ProvinceView]:
    shown = ProvinceView(catalogue, path)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close_database()


@pytest.fixture
def other(path) -> Iterator[sqlite3.Connection]:
    """Another connection, as an import's: ``BEGIN IMMEDIATE`` takes the write lock."""
    conn = sqlite3.connect(path, isolation_level=None)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_a_reload_writes_nothing_when_nothing_changed(view, other):
    view.select("04", "2026-Q1")
    other.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    view.reload()  # same province and period: no write, so no wait for the lock
    assert time.monotonic() - started < 1
    assert view.db.setting(LAST_PROVINCE) == "04"
    assert view.db.setting(LAST_PERIOD) == "2026-Q1"


def test_a_choice_made_while_the_database_is_locked_is_shown_not_remembered(view, other):
    view.select("04", "2026-Q1")
    view.db.conn.execute("PRAGMA busy_timeout = 50")  # keep the test short
    other.execute("BEGIN IMMEDIATE")
    view.select("11", "2026-Q1")  # must not raise "database is locked"
    assert view.summary is not None and view.summary.province_name != ""
    assert view.province_code() == "11"
    assert view.db.setting(LAST_PROVINCE) == "04"  # skipped, nothing else lost
    other.execute("ROLLBACK")
    view.select("04", "2026-Q1")
    view.select("11", "2026-Q1")
    assert view.db.setting(LAST_PROVINCE) == "11"
