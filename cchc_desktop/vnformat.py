"""Numbers and dates written the way Vietnamese administrative documents write them.

Thousands are grouped with ``.``, decimals follow a ``,`` (``1.730``, ``99,87%``,
``212.901,285``); counts under ten take a leading zero in prose (``05 đơn vị``);
header dates read ``ngày 05 tháng 01 năm 2026`` and citations ``17/01/2022``.
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Number = int | Decimal

_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")


def format_number(value: Number, decimals: int | None = None) -> str:
    """``1730`` → ``1.730``; ``Decimal("212901.285")`` → ``212.901,285``.

    ``decimals`` rounds to that many places; by default a decimal keeps the places
    it has, with trailing zeros dropped, and an integer has none.
    """
    number = Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    whole, _, frac = f"{number:,f}".partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{frac}" if frac else whole


def plain_decimal(value: Number) -> str:
    """A figure in plain decimal notation, as files and the database write it.

    ``1730`` → ``1730``; ``Decimal("1E+3")`` → ``1000``; ``Decimal("2.50")`` →
    ``2.5``; ``Decimal("-0")`` → ``0``: no exponent, no grouping, no trailing
    fraction zeros. ``ValueError`` for infinity and NaN, which have no such form.
    """
    if isinstance(value, int):
        return str(value)
    if not value.is_finite():
        raise ValueError("phải là một số hữu hạn")
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def format_count(value: int, pad: bool = True) -> str:
    """A count as prose writes it: ``2`` → ``02`` (when ``pad``), ``1730`` → ``1.730``."""
    if pad and 0 <= value < 10:
        return f"0{value}"
    return format_number(value)


def format_percent(value: Number, decimals: int = 2) -> str:
    """``Decimal("99.8712")`` → ``99,87%``; trailing zeros are dropped (``100%``, ``62,5%``)."""
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return f"{format_number(rounded.normalize() if rounded else Decimal(0))}%"


def parse_number(text: str) -> Decimal:
    """Read a number typed the Vietnamese way (or plainly): ``1.730``, ``99,87``, ``62.5``.

    A dot followed by groups of exactly three digits is a thousands separator;
    a lone dot with other digit counts is a decimal point. Raises ``ValueError``.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif not _DOT_DECIMAL.match(cleaned):
        raise ValueError(f"«{text}» không phải là một số")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(f"«{text}» không phải là một số") from error


def format_date_long(day: date) -> str:
    """The header date: ``ngày 05 tháng 01 năm 2026``; the month is padded below March."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_date_short(day: date) -> str:
    """A citation date: ``17/01/2022``."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
