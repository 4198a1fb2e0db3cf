"""Numbers and dates as Vietnamese administrative documents write them."""

from datetime import date
from decimal import Decimal

import pytest

from cchc_desktop.bundle.format import number_text
from cchc_desktop.store.records import canonical
from cchc_desktop.vnformat import (
    format_count,
    format_date_long,
    format_date_short,
    format_number,
    format_percent,
    parse_number,
    plain_decimal,
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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1730, "1730"),
        (0, "0"),
        (Decimal("1E+3"), "1000"),
        (Decimal("-0"), "0"),
        (Decimal("0.000"), "0"),
        (Decimal("2.50"), "2.5"),
        (Decimal("212901.285"), "212901.285"),
        (Decimal("1E-12"), "0.000000000001"),
        (Decimal("999999999999999.99"), "999999999999999.99"),
    ],
)
def test_plain_decimal_has_no_exponent_grouping_or_trailing_zeros(value, expected):
    assert plain_decimal(value) == expected


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_plain_decimal_refuses_what_has_no_decimal_form(value):
    with pytest.raises(ValueError):
        plain_decimal(value)


def _old_store_canonical(value):
    # cchc_desktop/store/records.py canonical() before it used plain_decimal.
    if isinstance(value, int):
        return str(value)
    return format(value.normalize(), "f")


def _old_bundle_number_text(value):
    # cchc_desktop/bundle/format.py number_text() before it used plain_decimal.
    if isinstance(value, int):
        return str(value)
    if not value.is_finite():
        raise ValueError("phải là một số hữu hạn")
    if value and not -40 < value.adjusted() < 40:
        raise ValueError("số nằm ngoài khoảng cho phép")
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _many_values():
    texts = ["0", "-0", "0.000", "-0.00", "1E+3", "1e3", "2.50", "99.870", "13.0", "1730"]
    texts += ["212901.285", "590161.540", "0.1", "0.10", "100", "1E+2", "-1.5", "-2.50"]
    texts += ["1E-12", "1.000000000000", "123456789012345678901234567890"]
    texts += ["1.23456789012345678901234567890", "9.99E+38", "1E+39", "1E+40", "1E-39"]
    texts += ["1E-40", "-1E+39", "NaN", "Infinity", "-Infinity", "sNaN", "1E+999999999"]
    values = [Decimal(t) for t in texts]
    for exponent in range(-45, 46, 3):
        for digits in ("1", "25", "1000", "123456789", "5000000000000000000000000000005"):
            values.append(Decimal(f"{digits}E{exponent}"))
            values.append(Decimal(f"-{digits}E{exponent}"))
    return [*values, 0, 1, 7, 10**14, 10**40, -5, True]


def _outcome(function, value):
    try:
        return function(value)
    except (ValueError, ArithmeticError) as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("value", _many_values(), ids=repr)
def test_plain_decimal_writes_what_the_store_and_bundle_wrote_before(value):
    assert _outcome(number_text, value) == _outcome(_old_bundle_number_text, value)
    # The store never saw -0, NaN or infinity (Indicator.parse refuses them and
    # turns any zero into Decimal(0)); where it wrote "-0" or "NaN" it now writes
    # "0" or refuses, as the bundle always did.
    negative_zero = isinstance(value, Decimal) and value.is_zero() and value.is_signed()
    if not (negative_zero or (isinstance(value, Decimal) and not value.is_finite())):
        assert _outcome(canonical, value) == _outcome(_old_store_canonical, value)


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
