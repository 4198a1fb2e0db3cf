"""A report duplicated into the next period: its preamble names the new period."""

from pathlib import Path

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.cli import run
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.store.copying import retitled
from cchc_desktop.units import commune

PREAMBLE = (
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã về cải cách hành "
    "chính năm 2026, Ủy ban nhân dân xã Tứ Kỳ báo cáo kết quả thực hiện công tác cải "
    "cách hành chính quý I năm 2026 như sau:"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kết quả quý I năm 2026 như sau:", "kết quả quý II năm 2026 như sau:"),
        ("Quý I năm 2026, xã báo cáo", "Quý II năm 2026, xã báo cáo"),
        ("quý I năm 2026 và quý I năm 2026", "quý II năm 2026 và quý II năm 2026"),
        ("QUÝ I NĂM 2026", "QUÝ I NĂM 2026"),  # only the first letter's case varies
        ("quý IV năm 2026; quý I năm 20260", "quý IV năm 2026; quý I năm 20260"),
        ("kế hoạch năm 2026", "kế hoạch năm 2026"),
    ],
)
def test_the_old_title_is_replaced_keeping_the_first_letter(text: str, expected: str) -> None:
    assert retitled(text, "quý I năm 2026", "quý II năm 2026") == expected


def test_a_title_is_left_alone_when_the_period_title_is_the_same() -> None:
    assert retitled("quý I năm 2026", "quý I năm 2026", "quý I năm 2026") == "quý I năm 2026"
    assert retitled("quý I năm 2026", "", "quý II năm 2026") == "quý I năm 2026"


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "cchc.sqlite3", load_catalogue()) as opened:
        yield opened


def test_duplicate_retitles_the_preamble_only(store: Store) -> None:
    source = store.create_report(Unit.from_official(commune("11074")), "2026-Q1")
    store.set_header_field(
        source, "preamble", PREAMBLE.replace("quý I", "Quý I") + "\nquý I năm 2026"
    )
    narrative = next(iter(store.catalogue.narrative_keys()))
    store.set_text(source, narrative, "Trong quý I năm 2026, xã đã tiếp nhận 907 hồ sơ.")

    copy = store.duplicate(source, "2026-Q2")

    report = store.load(copy)
    assert report.period_title == "quý II năm 2026"
    assert report.header.preamble == (PREAMBLE.replace("quý I", "Quý II") + "\nquý II năm 2026")
    assert "năm 2026, Ủy ban nhân dân" in report.header.preamble  # not a period title
    assert report.narratives[narrative] == "Trong quý I năm 2026, xã đã tiếp nhận 907 hồ sơ."
    assert store.load(source).header.preamble.endswith("\nquý I năm 2026")  # source kept


def test_duplicate_into_a_half_year_and_an_ad_hoc_period(store: Store) -> None:
    source = store.create_report(Unit.from_official(commune("11074")), "2026-Q2")
    store.set_header_field(source, "preamble", "Kết quả quý II năm 2026 như sau:")
    half = store.duplicate(source, "2026-H1")
    assert store.load(half).header.preamble == "Kết quả 6 tháng đầu năm 2026 như sau:"
    ad_hoc = store.duplicate(half, "2026-AH1", ad_hoc_title="đợt kiểm tra tháng 8 năm 2026")
    assert store.load(ad_hoc).header.preamble == "Kết quả đợt kiểm tra tháng 8 năm 2026 như sau:"


def test_duplicate_without_a_preamble(store: Store) -> None:
    source = store.create_report(Unit.from_official(commune("11074")), "2026-Q1")
    copy = store.duplicate(source, "2026-Q2")
    assert store.load(copy).header.preamble == ""


def test_cli_duplicate_names_the_new_period_in_the_preamble(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "cli.sqlite3")
    assert run(["--db", db, "new", "--unit", "11074", "--period", "2026-Q1"]) == 0
    source = capsys.readouterr().out.strip()
    assert run(["--db", db, "text", source, "header.preamble", PREAMBLE]) == 0
    assert run(["--db", db, "duplicate", source, "--period", "2026-Q2"]) == 0
    copy = capsys.readouterr().out.strip()
    assert run(["--db", db, "show", copy, "--json"]) == 0
    shown = capsys.readouterr().out
    assert "cách hành chính quý II năm 2026 như sau:" in shown
    assert "quý I năm" not in shown
