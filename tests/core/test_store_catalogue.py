"""The store with the shipped catalogue (``resources/catalogue/cchc-xa.toml``)."""

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue, CrossPeriodRule, IndicatorKind, load_catalogue
from cchc_desktop.store import Store
from cchc_desktop.vnformat import Number
from tests.core.store_helpers import TU_KY


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue) -> Iterator[Store]:
    with Store.open(tmp_path / "cchc.sqlite3", catalogue) as opened:
        yield opened


def typed_values(catalogue: Catalogue) -> dict[str, Number]:
    """A distinct valid figure for every indicator the clerk types."""
    values: dict[str, Number] = {}
    for number, indicator in enumerate(catalogue.indicators, start=1):
        if indicator.derived:
            continue
        if indicator.kind == IndicatorKind.COUNT:
            values[indicator.id] = number
        elif indicator.kind == IndicatorKind.PERCENT:
            values[indicator.id] = Decimal(number % 100) + Decimal("0.5")
        else:
            values[indicator.id] = Decimal(number) + Decimal("0.25")
    return values


def test_new_report_has_the_catalogue_defaults(store: Store, catalogue: Catalogue) -> None:
    report = store.load(store.create_report(TU_KY, "2026-Q1"))
    assert report.catalogue_id == catalogue.id and report.catalogue_version == catalogue.version
    assert report.values == {i.id: i.default for i in catalogue.indicators if i.default is not None}


def test_every_typed_indicator_round_trips(store: Store, catalogue: Catalogue) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    typed = typed_values(catalogue)
    for indicator_id, value in typed.items():
        assert store.set_value(report_id, indicator_id, value) == value
    loaded = store.load(report_id).values
    assert loaded == typed
    counts = [i.id for i in catalogue.indicators if i.kind == IndicatorKind.COUNT and not i.derived]
    assert all(isinstance(loaded[i], int) for i in counts)
    for key in catalogue.narrative_keys():
        store.set_text(report_id, key, f"Nội dung {key}")
    assert set(store.load(report_id).narratives) == set(catalogue.narrative_keys())


def test_derived_indicators_are_never_typed(store: Store, catalogue: Catalogue) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    derived = [i for i in catalogue.indicators if i.derived]
    assert derived, "the catalogue computes its rates"
    for indicator in derived:
        with pytest.raises(ValueError, match=f"^{re.escape(indicator.label)}: được tính tự động"):
            store.set_value(report_id, indicator.id, "50")
    assert store.history(report_id) == []


def test_next_quarter_carries_stock_and_dossiers_in_progress(
    store: Store, catalogue: Catalogue
) -> None:
    source = store.create_report(TU_KY, "2026-Q1")
    typed = typed_values(catalogue)
    for indicator_id, value in typed.items():
        store.set_value(source, indicator_id, value)
    copy = store.load(store.duplicate(source, "2026-Q2")).values

    cross = {r.indicator: r.previous for r in catalogue.rules if isinstance(r, CrossPeriodRule)}
    assert cross.get("tthc.ho_so.ky_truoc") == "tthc.ho_so.dang_giai_quyet"
    assert copy["tthc.ho_so.ky_truoc"] == typed["tthc.ho_so.dang_giai_quyet"]
    for indicator in catalogue.indicators:
        if indicator.id in cross:
            assert copy[indicator.id] == typed[cross[indicator.id]]
        elif indicator.carry_over:
            assert copy[indicator.id] == typed[indicator.id], indicator.id
        elif indicator.default is not None:
            assert copy[indicator.id] == indicator.default
        else:
            assert indicator.id not in copy, f"{indicator.id} is a flow: it must start empty"
