"""Fractions and the rates written beside them: ``15/25 nhiệm vụ, đạt 60%``.

Three shapes are read, within one sentence and with no other number between:

- ``A/B …, đạt (tỷ lệ) P%`` (also ``bằng``, ``chiếm``, ``tương đương``, ``=``,
  or ``tỷ lệ`` alone),
- ``A/B … (P%)``,
- ``P% (A/B …)``.

The rate A/B × 100 is compared after rounding to the decimals the writer used
(``99,87%``: two). Writers also cut the digits off instead of rounding
(``2.846/3.525`` = 80,737…% written ``80,73%`` in a reference report), so a
truncated rate is accepted too. The message gives the true rate: as it is when
it is exact (``60%``, ``62,5%``), otherwise with at least two decimals, more when
two would still print ``100%`` or ``0%`` (``1.551/1.553`` is ``99,87%``, never
``100%``). An approximate rate (``khoảng 60%``, ``>60%``) and a zero
denominator are left alone.
"""

import itertools
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from cchc_desktop.narrative_numbers.finding import Slip, spans_of
from cchc_desktop.narrative_numbers.layout import Layout
from cchc_desktop.narrative_numbers.numbers import PERCENT, Quantity, Role
from cchc_desktop.vnformat import format_number

# Between a fraction (with its unit) and its rate.
_FRACTION_THEN_RATE = re.compile(
    r"[^\d;]{0,80}?(?:,[ \t]*)?"
    r"(?:(?:đạt|bằng|chiếm|tương\s+đương|=)[ \t]*(?:(?:tỷ|tỉ)\s+lệ[ \t]*)?(?:là[ \t]*)?:?"
    r"|(?:tỷ|tỉ)\s+lệ[ \t]*(?:là[ \t]*)?:?)[ \t]*",
    re.IGNORECASE,
)
_FRACTION_THEN_PAREN = re.compile(r"[^\d;().]{0,40}?\([ \t]*")
_RATE_THEN_FRACTION = re.compile(r"[ \t]*\([ \t]*")


def find_rates(layout: Layout) -> list[Slip]:
    slips = []
    quantities = layout.quantities
    for first, second in itertools.pairwise(quantities):
        pair = _pair(layout, first, second)
        if pair is None:
            continue
        fraction, rate = pair
        slip = _verdict(fraction, rate)
        if slip is not None:
            slips.append(slip)
    return slips


def _is_fraction(quantity: Quantity) -> bool:
    return quantity.denominator is not None and quantity.role == Role.QUANTITY


def _is_rate(quantity: Quantity) -> bool:
    return quantity.unit == PERCENT and quantity.role == Role.QUANTITY


def _pair(layout: Layout, first: Quantity, second: Quantity) -> tuple[Quantity, Quantity] | None:
    if layout.sentence_at(first.start) != layout.sentence_at(second.start):
        return None
    gap = layout.scan[first.unit_end : second.start]
    if "\n" in gap:
        return None
    if _is_fraction(first) and _is_rate(second):
        if _FRACTION_THEN_RATE.fullmatch(gap):
            return first, second
        closing = layout.scan[second.unit_end : second.unit_end + 3].lstrip(" \t")
        if _FRACTION_THEN_PAREN.fullmatch(gap) and closing.startswith(")"):
            return first, second
    if _is_rate(first) and _is_fraction(second) and _RATE_THEN_FRACTION.fullmatch(gap):
        return second, first
    return None


def _verdict(fraction: Quantity, rate: Quantity) -> Slip | None:
    assert fraction.denominator is not None
    if fraction.approximate or rate.approximate or not fraction.denominator.value:
        return None
    exact = fraction.value * 100 / fraction.denominator.value
    places = Decimal(1).scaleb(-rate.number.decimals)
    rounded = exact.quantize(places, ROUND_HALF_UP)
    cut = exact.quantize(places, ROUND_DOWN)
    if rate.value in (rounded, cut):
        return None
    shown = _true_rate(exact, rate.number.decimals)
    message = (
        f"Tỷ lệ {fraction.number.written}/{fraction.denominator.written} là {shown}%, "
        f"không phải {rate.number.written}%"
    )
    return Slip(spans_of((fraction.number, fraction.denominator, rate.number)), message)


_MAX_PLACES = 6


def _true_rate(exact: Decimal, written_places: int) -> str:
    """The rate A/B × 100 as the message prints it, never rounder than it is.

    An exact rate prints as it is (``60``, ``62,5``). Any other keeps at least two
    decimals and the writer's own (``99,87``, ``94,44``, ``80,74``, trailing zeros
    kept: ``80,70`` is not exactly 80,7), and more while rounding would make it
    look like all or nothing (``299.999/300.000`` is ``99,9997``, not ``100,00``).
    """
    if exact == exact.quantize(Decimal(1).scaleb(-_MAX_PLACES), ROUND_HALF_UP):
        return format_number(exact)
    places = max(2, written_places)
    while places < _MAX_PLACES:
        shown = exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        if shown not in (0, 100):
            break
        places += 1
    return format_number(exact, places)
