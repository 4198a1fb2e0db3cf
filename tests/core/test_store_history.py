"""The history of edits and the undo/redo stack built on it."""

import datetime as dt
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.store import Store
from tests.core.store_helpers import TU_KY

FIELD = "tthc.ho_so.moi"


@pytest.fixture
def report_id(store: Store) -> int:
    return store.create_report(TU_KY, "2026-Q1")


def value(store: Store, report_id: int) -> object:
    return store.load(report_id).values.get(FIELD)


def test_every_change_is_kept_with_old_new_and_time(store: Store, report_id: int) -> None:
    before = dt.datetime.now(dt.UTC)
    store.set_value(report_id, FIELD, "1")
    store.set_value(report_id, FIELD, "12")
    store.set_text(report_id, "tthc.ket_qua", "Đạt")
    changes = store.history(report_id)
    assert [(c.target, c.key, c.old, c.new) for c in changes] == [
        ("value", FIELD, None, "1"),
        ("value", FIELD, "1", "12"),
        ("text", "tthc.ket_qua", None, "Đạt"),
    ]
    assert all(before <= c.at <= dt.datetime.now(dt.UTC) for c in changes)
    assert [c.id for c in changes] == sorted(c.id for c in changes)
    assert not any(c.undone for c in changes)


def test_history_since_a_moment(store: Store, report_id: int) -> None:
    store.set_value(report_id, FIELD, "1")
    printed = dt.datetime.now()  # naive local time, as a UI would keep it
    store.set_value(report_id, FIELD, "2")
    store.set_text(report_id, "tthc.han_che", "Còn chậm")
    assert [c.new for c in store.history(report_id, since=printed)] == ["2", "Còn chậm"]
    assert store.history(report_id, since=dt.datetime.now(dt.UTC)) == []


def test_undo_and_redo_walk_the_stack(store: Store, report_id: int) -> None:
    for typed in ("1", "17", "173"):
        store.set_value(report_id, FIELD, typed)
    rows = len(store.history(report_id))
    undone = store.undo(report_id)
    assert undone is not None and (undone.key, undone.new, undone.undone) == (FIELD, "173", True)
    assert value(store, report_id) == 17
    store.undo(report_id)
    store.undo(report_id)
    assert value(store, report_id) is None
    assert store.undo(report_id) is None  # nothing left
    redone = store.redo(report_id)
    assert redone is not None and (redone.new, redone.undone) == ("1", False)
    assert value(store, report_id) == 1
    store.redo(report_id)
    store.redo(report_id)
    assert value(store, report_id) == 173
    assert store.redo(report_id) is None
    assert len(store.history(report_id)) == rows  # undo and redo add no rows


def test_new_edit_after_undo_discards_redo_branch(store: Store, report_id: int) -> None:
    store.set_value(report_id, FIELD, "1")
    store.set_value(report_id, FIELD, "2")
    store.set_value(report_id, FIELD, "3")
    store.undo(report_id)  # 3 → 2
    store.undo(report_id)  # 2 → 1
    store.set_value(report_id, FIELD, "9")
    assert store.redo(report_id) is None
    assert value(store, report_id) == 9
    store.undo(report_id)
    assert value(store, report_id) == 1
    store.undo(report_id)
    assert value(store, report_id) is None
    assert store.redo(report_id) is not None
    assert store.redo(report_id) is not None
    assert value(store, report_id) == 9
    kept = store.history(report_id)
    assert [(c.new, c.undone, c.discarded) for c in kept] == [
        ("1", False, False),
        ("2", True, True),
        ("3", True, True),
        ("9", False, False),
    ]


def test_undo_covers_texts_header_and_window(store: Store, report_id: int) -> None:
    store.set_text(report_id, "tthc.ket_qua", "Bản đầu")
    store.set_text(report_id, "tthc.ket_qua", "Bản sửa")
    store.set_header_field(report_id, "number", "05/BC-UBND")
    store.set_window(report_id, dt.date(2025, 12, 10), dt.date(2026, 3, 31))

    change = store.undo(report_id)
    assert change is not None and change.target == "window"
    report = store.load(report_id)
    assert (report.window_from, report.window_to) == (dt.date(2025, 12, 15), dt.date(2026, 3, 14))
    change = store.undo(report_id)
    assert change is not None and change.key == "header.number"
    assert store.load(report_id).header.number == ""
    store.undo(report_id)
    assert store.load(report_id).narratives["tthc.ket_qua"] == "Bản đầu"
    store.redo(report_id)
    store.redo(report_id)
    store.redo(report_id)
    report = store.load(report_id)
    assert report.narratives["tthc.ket_qua"] == "Bản sửa"
    assert report.header.number == "05/BC-UBND"
    assert report.window_to == dt.date(2026, 3, 31)


def test_undo_stack_is_per_report_and_survives_reopening(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        first = store.create_report(TU_KY, "2026-Q1")
        second = store.create_report(TU_KY, "2026-Q2")
        store.set_value(first, FIELD, "5")
        store.set_value(second, FIELD, "7")
        store.set_value(first, FIELD, "6")
    with Store.open(path, catalogue) as store:
        store.undo(first)
        assert store.load(first).values[FIELD] == 5
        assert store.load(second).values[FIELD] == 7
        store.undo(second)
        assert FIELD not in store.load(second).values
        assert store.load(first).values[FIELD] == 5


def test_undo_touches_updated_at(store: Store, report_id: int) -> None:
    store.set_value(report_id, FIELD, "5")
    edited = store.load(report_id).updated_at
    store.undo(report_id)
    assert store.load(report_id).updated_at > edited
