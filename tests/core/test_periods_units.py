"""Reporting periods with their official data windows, and the official unit list."""

from datetime import date

import pytest

from cchc_desktop import units
from cchc_desktop.periods import parse_period


@pytest.mark.parametrize(
    ("code", "title", "window"),
    [
        ("2026-Q1", "quý I năm 2026", (date(2025, 12, 15), date(2026, 3, 14))),
        ("2026-Q3", "quý III năm 2026", (date(2026, 6, 15), date(2026, 9, 14))),
        ("2026-H1", "6 tháng đầu năm 2026", (date(2025, 12, 15), date(2026, 6, 14))),
        ("2026-9M", "9 tháng năm 2026", (date(2025, 12, 15), date(2026, 9, 14))),
        ("2026-Y", "năm 2026", (date(2025, 12, 15), date(2026, 12, 14))),
    ],
)
def test_periods_have_the_official_windows(code, title, window):
    period = parse_period(code)
    assert period.title() == title
    assert period.default_window() == window


def test_ad_hoc_period_has_its_own_title_and_no_default_window():
    period = parse_period("2026-ah1")
    assert period.code == "2026-AH1"
    assert period.title("theo yêu cầu của Đoàn kiểm tra") == "theo yêu cầu của Đoàn kiểm tra"
    assert period.default_window() is None


@pytest.mark.parametrize("code", ["2026", "2026-Q5", "Q1-2026", "1999-Q1", "2026-H2", ""])
def test_unknown_period_codes_are_refused_in_vietnamese(code):
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        parse_period(code)


def test_periods_sort_by_the_end_of_their_window():
    codes = ["2026-Y", "2026-Q1", "2025-Q4", "2026-H1", "2026-Q3"]
    ordered = sorted(codes, key=lambda c: parse_period(c).sort_key())
    assert ordered == ["2025-Q4", "2026-Q1", "2026-H1", "2026-Q3", "2026-Y"]


def test_official_list_has_today_34_provinces_and_3321_communes():
    assert len(units.provinces()) == 34
    assert sum(1 for _ in units.communes()) == 3321


def test_commune_by_code_gives_the_header_bodies():
    unit = units.commune("11074")
    assert unit.name == "Xã Tứ Kỳ"
    assert unit.province_code == "31"
    assert unit.issuing_body == "ỦY BAN NHÂN DÂN XÃ TỨ KỲ"
    assert unit.parent_body == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert unit.place == "Tứ Kỳ"


def test_province_codes_accept_one_or_two_digits():
    assert units.province_code(1) == "01"
    assert units.province_code("01") == "01"
    with pytest.raises(ValueError, match="Mã tỉnh"):
        units.province_code("02")


def test_unknown_commune_code_is_refused():
    with pytest.raises(ValueError, match="Mã đơn vị"):
        units.commune("99999")


def test_search_ignores_accents_and_case():
    found = units.search("tu ky")
    assert [u.code for u in found] == ["11074"]
    assert all(u.province_code == "01" for u in units.search("phuong", province=1))
    assert units.search("PHƯỜNG HOÀN KIẾM")[0].name == "Phường Hoàn Kiếm"
