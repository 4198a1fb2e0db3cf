"""App settings in the database: the last unit picked, the last report opened."""

from pathlib import Path

import pytest
from sqlite_utils import Database

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.store import Store
from cchc_desktop.store.migrations import SET
from tests.core.store_helpers import TU_KY


def test_unset_setting_is_none(store: Store) -> None:
    assert store.setting("last_unit") is None


def test_set_replace_and_forget(store: Store) -> None:
    store.set_setting("last_unit", "11074")
    store.set_setting("last_report", "3")
    assert store.setting("last_unit") == "11074"
    store.set_setting("last_unit", "Xã Phượng Kỳ")
    assert store.setting("last_unit") == "Xã Phượng Kỳ"
    assert store.setting("last_report") == "3"
    store.set_setting("last_unit", None)
    assert store.setting("last_unit") is None
    store.set_setting("last_unit", None)  # forgetting twice is harmless
    assert store.setting("last_report") == "3"


def test_settings_survive_reopening(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        store.set_setting("last_unit", "11074")
    with Store.open(path, catalogue) as store:
        assert store.setting("last_unit") == "11074"


def test_a_setting_is_not_an_edit_of_any_report(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    before = store.list_reports()
    store.set_setting("last_report", str(report_id))
    assert store.list_reports() == before
    assert store.history(report_id) == []


def test_bad_settings_are_refused_in_vietnamese(store: Store) -> None:
    with pytest.raises(ValueError, match="không được để trống"):
        store.set_setting("", "x")
    with pytest.raises(ValueError, match="phải là văn bản"):
        store.set_setting("last_report", 3)  # type: ignore[arg-type]


def test_older_database_gains_the_settings_table(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    old = Database(path)
    SET.build().apply(old, stop_before="m003_settings")
    assert "settings" not in old.table_names()
    old.close()
    with Store.open(path, catalogue) as store:
        assert "m003_settings" in [m.name for m in SET.build().applied(store.db)]
        assert store.setting("last_unit") is None
        store.set_setting("last_unit", "11074")
        assert store.setting("last_unit") == "11074"
