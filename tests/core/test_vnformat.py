"""Numbers and dates as Vietnamese administrative documents write them."""

from datetime import date
from decimal import Decimal

import pytest

from cchc_desktop.vnformat import (
    format_count,
    format_date_long,
    format_date_short,
    format_number,
    format_percent,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1730, "1.730"),
        (15780, "15.780"),
        (0, "0"),
        (1234567, "1.234.567"),
        (Decimal("212901.285"), "212.901,285"),
        (Decimal("590161.540"), "590.161,54"),
        (Decimal("13.0"), "13"),
        (Decimal("2.5"), "2,5"),
    ],
)
def test_numbers_group_thousands_with_dots_and_use_a_decimal_comma(value, expected):
    assert format_number(value) == expected


def test_fixed_decimals_round():
    assert format_number(Decimal("99.8712"), decimals=2) == "99,87"
    assert format_number(36, decimals=1) == "36,0"


def test_percentages():
    assert format_percent(Decimal("99.8712")) == "99,87%"
    assert format_percent(Decimal("62.5")) == "62,5%"
    assert format_percent(100) == "100%"
    assert format_percent(Decimal("90.8739")) == "90,87%"


def test_counts_under_ten_take_a_leading_zero_in_prose():
    assert format_count(2) == "02"
    assert format_count(5) == "05"
    assert format_count(0) == "00"
    assert format_count(17) == "17"
    assert format_count(1553) == "1.553"
    assert format_count(2, pad=False) == "2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.730", Decimal(1730)),
        ("15.780", Decimal(15780)),
        ("99,87", Decimal("99.87")),
        ("99,87%", Decimal("99.87")),
        ("62.5", Decimal("62.5")),
        ("212.901,285", Decimal("212901.285")),
        (" 1 730 ", Decimal(1730)),
        ("02", Decimal(2)),
    ],
)
def test_parse_reads_what_clerks_type(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1.2.3", "--1", "1e5"])
def test_parse_rejects_what_is_not_a_number_with_a_vietnamese_message(text):
    with pytest.raises(ValueError, match="không phải là một số"):
        parse_number(text)


def test_header_dates_pad_day_and_early_months():
    assert format_date_long(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert format_date_long(date(2023, 11, 10)) == "ngày 10 tháng 11 năm 2023"
    assert format_date_long(date(2023, 9, 25)) == "ngày 25 tháng 9 năm 2023"


def test_citation_dates():
    assert format_date_short(date(2022, 1, 17)) == "17/01/2022"
    assert format_date_short(date(2022, 12, 28)) == "28/12/2022"
