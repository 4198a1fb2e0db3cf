"""Rules across periods over the real catalogue: without the unit's previous report they say
nothing (nothing typed in this report could settle them), with it they compare."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import CrossPeriodRule, load_catalogue
from cchc_desktop.checks import Checker, Status, check_report
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Report
from cchc_desktop.store import Store

CATALOGUE = load_catalogue()
CHECKER = Checker(CATALOGUE)
CROSS = [r for r in CATALOGUE.rules if isinstance(r, CrossPeriodRule)]
CARRIED = "tthc.ho_so.ky_truoc_khop_bao_cao_truoc"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    path: Path = tmp_path_factory.mktemp("cross") / "demo.sqlite3"
    with Store.open(path, CATALOGUE, keep_backups=0) as store:
        yield store.load(create_demo_report(store))


def test_the_catalogue_compares_both_carry_overs() -> None:
    assert {(r.indicator, r.previous) for r in CROSS} == {
        ("tthc.ho_so.ky_truoc", "tthc.ho_so.dang_giai_quyet"),
        ("tthc.don_thu.ky_truoc", "tthc.don_thu.dang_giai_quyet"),
    }
    assert CARRIED in {r.id for r in CROSS}


@pytest.mark.parametrize("carried", [0, 12])
def test_without_a_previous_report_a_carry_over_is_neither_pending_nor_failed(carried) -> None:
    values = {r.indicator: carried for r in CROSS}
    findings = CHECKER.check(values, {}, None)
    assert [f for f in findings if f.rule_id in {r.id for r in CROSS}] == []


def test_with_the_previous_report_a_carry_over_is_compared() -> None:
    values = {"tthc.ho_so.ky_truoc": 170}
    [carried] = [
        f
        for f in CHECKER.check(values, {}, {"tthc.ho_so.dang_giai_quyet": 177})
        if f.rule_id == CARRIED
    ]
    assert carried.status == Status.FAILED
    assert carried.indicators == ("tthc.ho_so.ky_truoc",)
    assert "(170)" in carried.message and "(177)" in carried.message
    matching = CHECKER.check(values, {}, {"tthc.ho_so.dang_giai_quyet": 170})
    assert [f for f in matching if f.rule_id == CARRIED] == []
    # a previous report that left the figure empty has nothing to compare with either
    assert [f for f in CHECKER.check(values, {}, {}) if f.rule_id == CARRIED] == []


def test_the_demo_report_alone_has_no_finding_at_all(demo: Report) -> None:
    """It has no earlier report: its sections must not look unfinished because of that."""
    assert check_report(CATALOGUE, demo) == []
    assert check_report(CATALOGUE, demo, None) == []


def test_the_demo_report_against_a_previous_report_that_disagrees(demo: Report) -> None:
    previous = demo.model_copy(
        update={
            "id": demo.id + 1,
            "period": "2025-Q4",
            "values": {
                "tthc.ho_so.dang_giai_quyet": demo.values["tthc.ho_so.ky_truoc"] + 3,
            },
        }
    )
    [finding] = check_report(CATALOGUE, demo, previous)
    assert finding.rule_id == CARRIED
    assert finding.status == Status.FAILED and finding.section == "tthc"
