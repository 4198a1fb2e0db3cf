"""Reading the numbers of a narrative: value as written, unit, and whether it counts.

Vietnamese writing groups thousands with dots and puts decimals after a comma
(``1.730``, ``99,87%``, ``212.901,285 triệu đồng``); a lone dot before other than
three digits is a decimal point too (``62.5%``, ``474.29 ha``). Each number is
read with what follows it (its unit, ``%``, ``/`` and a denominator) and what
precedes it, which decides its *role*: a quantity that may be added up, a label
(``ngày 10``, ``mức độ 3``, ``Phường 1``, ``(2)``, a year), a rate per time
(``18 thủ tục/ngày``) or one end of a change or range (``76 giảm còn 75``,
``10 - 15``). Dates, document numbers, telephone numbers and addresses never
reach this module (see :mod:`.text`).
"""

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from cchc_desktop.narrative_numbers.depths import Depths
from cchc_desktop.narrative_numbers.text import Prepared
from cchc_desktop.narrative_numbers.words import (
    APPROXIMATE,
    CLAUSE_WORDS,
    CONNECTORS,
    DESCRIPTORS,
    LABEL_WORDS,
    unit_at,
)

PERCENT = "%"

_NUMBER = re.compile(  # starts with a digit so that the search skips quickly to the next one
    r"(\d(?<![\w.,]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*,\d+|\d*\.\d+|\d*))(?!\d)"
)
_GLUED = re.compile(r"[^\W\d_]+|²")
_PERCENT = re.compile(r"[ \t]?(?:%|phần\s+trăm(?!\w))", re.IGNORECASE)
_SLASH_NUMBER = re.compile(r"[ \t]?/[ \t]?(?=\d)")
_PER = re.compile(r"[ \t]?/[ \t]?[^\W\d_]")
_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_CHANGE = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:giảm|tăng|xuống|lên)[ \t]+)?(?:còn|lên|xuống)[ \t]*", re.IGNORECASE
)
_RANGE = re.compile(r"[ \t]*(?:-|–|—|đến|tới)[ \t]*", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]*$")
_LABEL_LIST = re.compile(r"^[ \t]*(?:,|và|hoặc|-)[ \t]*$", re.IGNORECASE)
_DATE_WORDS = frozenset({"ngày", "tháng", "năm", "quý"})


class Role(Enum):
    QUANTITY = "quantity"  # a count or amount (possibly bare): may be added up
    LABEL = "label"  # names something: ngày 10, mức độ 3, Phường 1, (2), 2023
    PER = "per"  # a rate per unit of time: 18 thủ tục/ngày
    CHANGE = "change"  # one end of a change or a range: 76 giảm còn 75, 10 - 15


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written, with its span in the text."""

    start: int
    end: int
    written: str
    value: Decimal
    decimals: int  # digits written after the decimal separator


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number of the narrative and what it counts.

    A fraction ``A/B`` is one quantity: ``number`` is A, ``denominator`` B. ``unit``
    is canonical (``%`` for a percentage; ``None`` for a bare number); ``unit_end``
    is where the unit (or the number, when bare) ends; ``depth`` counts the
    parentheses around it.
    """

    number: Number
    unit: str | None
    unit_text: str
    unit_end: int
    role: Role
    approximate: bool
    depth: int
    denominator: Number | None = None

    @property
    def start(self) -> int:
        return self.number.start

    @property
    def end(self) -> int:
        return (self.denominator or self.number).end

    @property
    def value(self) -> Decimal:
        return self.number.value

    def written(self) -> str:
        if self.denominator is None:
            return self.number.written
        return f"{self.number.written}/{self.denominator.written}"

    def spans(self) -> tuple[tuple[int, int], ...]:
        numbers = (self.number,) if self.denominator is None else (self.number, self.denominator)
        return tuple((n.start, n.end) for n in numbers)


def read_number(match: re.Match[str]) -> Number:
    written = match.group(1)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
        plain = written.replace(".", "").replace(",", ".")
    else:
        plain = written.replace(",", ".")
    decimals = len(plain.partition(".")[2])
    return Number(match.start(1), match.end(1), written, Decimal(plain), decimals)


def read_quantities(prepared: Prepared, depths: Depths) -> list[Quantity]:
    """Every number of the text, in order, with its unit and role."""
    scan = prepared.scan
    numbers = {m.start(1): read_number(m) for m in _NUMBER.finditer(scan)}
    quantities: list[Quantity] = []
    used: set[int] = set()
    for start in sorted(numbers):
        if start in used:
            continue
        quantity, consumed = _quantity(scan, numbers[start], numbers, depths.at(start))
        used.update(consumed)
        quantities.append(quantity)
    _mark_changes(scan, quantities)
    _mark_label_lists(scan, quantities)
    return quantities


def _quantity(
    scan: str, number: Number, numbers: dict[int, Number], depth: int
) -> tuple[Quantity, set[int]]:
    line_start = scan.rfind("\n", 0, number.start) + 1
    before = scan[max(line_start, number.start - 24) : number.start]
    approximate = APPROXIMATE.search(before) is not None
    denominator: Number | None = None
    consumed: set[int] = set()
    position = number.end
    role = Role.QUANTITY
    unit: str | None = None
    unit_text = ""
    unit_end = number.end

    glued = _GLUED.match(scan, position)
    if glued is not None:
        found = unit_at(scan, position)
        if found is None or found[1] != glued.end():
            return Quantity(number, None, "", number.end, Role.LABEL, approximate, depth), set()
    percent = _PERCENT.match(scan, position)
    if percent is not None:
        return (
            Quantity(number, PERCENT, "%", percent.end(), role, approximate, depth),
            consumed,
        )
    slash = _SLASH_NUMBER.match(scan, position)
    if slash is not None and slash.end() in numbers:
        denominator = numbers[slash.end()]
        consumed.add(denominator.start)
        position = denominator.end
    found = unit_at(scan, position)
    if found is not None:
        unit, unit_end = found
        unit_text = scan[position:unit_end].strip()
        if denominator is None:
            slash = _SLASH_NUMBER.match(scan, unit_end)
            if slash is not None and slash.end() in numbers:  # 57,96 điểm/ 70 điểm
                denominator = numbers[slash.end()]
                consumed.add(denominator.start)
                again = unit_at(scan, denominator.end)
                unit_end = again[1] if again is not None and again[0] == unit else denominator.end
            elif _PER.match(scan, unit_end):
                role = Role.PER
    elif DESCRIPTORS.match(scan, position) is None:
        word = _WORD.match(scan, position)
        if word is not None and word.group(1).lower() not in CONNECTORS:
            unit = word.group(1).lower()
            unit_text = word.group(1)
            unit_end = word.end()
    else:
        unit_end = position
    if denominator is not None and unit_end < denominator.end:
        unit_end = denominator.end
    if role == Role.QUANTITY and _is_label(scan, number, before, unit, denominator):
        role = Role.LABEL
    quantity = Quantity(number, unit, unit_text, unit_end, role, approximate, depth, denominator)
    return quantity, consumed


def _is_label(
    scan: str, number: Number, before: str, unit: str | None, denominator: Number | None
) -> bool:
    if (
        denominator is None
        and before.rstrip().endswith("(")
        and scan[number.end : number.end + 3].lstrip().startswith(")")
    ):
        return True  # (1) (2) ...: an enumeration
    if before.endswith("-") and before[-2:-1].isalpha():
        return True  # COVID-19
    previous = _PREVIOUS_WORD.search(before)
    if previous is not None:
        word = previous.group(1)
        lower = word.lower()
        if lower in _DATE_WORDS:
            return True
        if unit is None and denominator is None:
            if lower in LABEL_WORDS:
                return True
            if word[0].isupper() and lower not in CLAUSE_WORDS:
                return True  # Phường 1, Quyết định 41, Đề án 06
    plain = number.written
    return (
        unit is None
        and denominator is None
        and plain.isdigit()
        and len(plain) == 4
        and (1900 <= int(plain) <= 2100)
    )  # a year


def _mark_changes(scan: str, quantities: list[Quantity]) -> None:
    """Both ends of ``76 biên chế giảm còn 75`` and of ``10 - 15`` are not amounts."""
    for n, (first, second) in enumerate(itertools.pairwise(quantities)):
        gap = scan[first.unit_end : second.start]
        if _CHANGE.fullmatch(gap) or _RANGE.fullmatch(gap):
            quantities[n] = _with_role(first, Role.CHANGE)
            quantities[n + 1] = _with_role(second, Role.CHANGE)


def _mark_label_lists(scan: str, quantities: list[Quantity]) -> None:
    """``mức độ 3, 4``: a bare number listed after a label is a label too."""
    for n in range(1, len(quantities)):
        previous, current = quantities[n - 1], quantities[n]
        if (
            previous.role == Role.LABEL
            and current.role == Role.QUANTITY
            and current.unit is None
            and current.denominator is None
            and _LABEL_LIST.match(scan[previous.end : current.start])
        ):
            quantities[n] = _with_role(current, Role.LABEL)


def _with_role(quantity: Quantity, role: Role) -> Quantity:
    return Quantity(
        quantity.number,
        quantity.unit,
        quantity.unit_text,
        quantity.unit_end,
        role,
        quantity.approximate,
        quantity.depth,
        quantity.denominator,
    )
