"""What the narrative checker says: a warning on a line, with the numbers it concerns."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cchc_desktop.narrative_numbers.numbers import Number, Quantity
from cchc_desktop.vnformat import format_number

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class TextFinding:
    """One suspicious group of numbers in a text: always a warning, the clerk decides.

    ``line`` is 1-based; ``spans`` are ``(start, end)`` offsets into the text as
    given, one per number involved, in the order of the text; ``indicators`` are
    the report's figures that the text contradicts, if any.
    """

    line: int
    spans: tuple[Span, ...]
    message: str
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Slip:
    """A finding as a check finds it: offsets in the prepared (NFC) text."""

    spans: tuple[Span, ...]
    message: str
    indicators: tuple[str, ...] = ()


def spans_of(items: Iterable[Quantity | Number]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for item in items:
        if isinstance(item, Quantity):
            spans.extend(item.spans())
        else:
            spans.append((item.start, item.end))
    return tuple(sorted(set(spans)))


def amount(value: Decimal, decimals: int = 0) -> str:
    """A computed number written like the clerk's: ``1.700``, ``07``, ``99,9``."""
    if decimals == 0 and value == value.to_integral_value() and 0 <= value < 10:
        return f"0{int(value)}"
    return format_number(value, decimals if decimals else None)


def with_unit(written: str, unit_text: str) -> str:
    return f"{written} {unit_text}" if unit_text else written
