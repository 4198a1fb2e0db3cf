"""The conflicts dialog says what went wrong instead of failing: a damaged stored copy, a
conflict settled meanwhile (another window, a newer revision), a database held by an import."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.bundle import bundle_bytes
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.province import ProvinceDatabase, import_paths, list_conflicts, resolve_conflict
from cchc_desktop.province.sample import sample_bundle
from cchc_desktop.units import communes
from ui.province.conflicts_dialog import BUSY, ConflictsDialog

PERIOD = "2026-Q1"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def db(tmp_path: Path, catalogue) -> Iterator[ProvinceDatabase]:
    unit = next(iter(communes("04")))
    paths = []
    for scale, name in ((1, "a.json"), (2, "b.json")):
        path = tmp_path / name
        path.write_bytes(bundle_bytes(sample_bundle(unit, PERIOD, catalogue, scale=scale)))
        paths.append(path)
    with ProvinceDatabase.open(tmp_path / "tinh.sqlite3") as opened:
        assert import_paths(opened, paths, catalogue).conflicts
        yield opened


@pytest.fixture
def dialog(qtbot, db, catalogue) -> ConflictsDialog:
    shown = ConflictsDialog(db, catalogue, "04", PERIOD, confirm=lambda _question: True)
    qtbot.addWidget(shown)
    assert shown.selected() is not None
    return shown


def test_a_damaged_stored_copy_is_said_in_the_dialog(dialog, db):
    other = dialog.conflicts[0].other
    db.conn.execute("UPDATE bundles SET document = ? WHERE id = ?", (b"{}", other.id))
    dialog.show_side(other=True)  # no report window: the copy cannot be trusted
    assert "«b.json»" in dialog.message.text() and "bị hỏng" in dialog.message.text()


def test_a_conflict_settled_meanwhile_is_said_and_the_list_read_again(qtbot, dialog, db):
    [conflict] = list_conflicts(db, "04", PERIOD)
    resolve_conflict(db, conflict.id, keep_other=True)  # another window, while this one is open
    with qtbot.waitSignal(dialog.resolved):
        dialog.choose(other=False)
    assert "đã được giải quyết" in dialog.message.text()
    assert dialog.listing.item(0).text() == "Không còn xung đột nào trong kỳ này."
    [row] = db.conn.execute("SELECT resolution FROM conflicts").fetchall()
    assert row[0] == "other"  # the choice made elsewhere stands


def test_a_choice_while_an_import_holds_the_database_is_said(dialog, db, tmp_path):
    db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "tinh.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog.choose(other=True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialog.message.text() == BUSY
    assert dialog.selected() is not None  # still open: the officer tries again
    dialog.choose(other=True)
    assert dialog.message.text() == ""
    assert dialog.selected() is None
