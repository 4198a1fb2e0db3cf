"""Totals and their breakdowns: ``X …, trong đó A …; B … và C …`` must add up.

A breakdown starts at ``trong đó``, ``trong số đó``, ``gồm`` or ``bao gồm``. Its
total is the last amount before that word in the same sentence (outside any
parenthesis closed meanwhile; percentages, labels and durations are passed
over); its parts are the amounts after it at the same parenthesis depth, up to
the end of the sentence or of the parenthesis. Only parts in the total's unit
(or bare numbers, which take it) are added. The list stops

- at ``;`` when its first two parts are separated by a comma (``gồm 01 đơn khiếu
  nại và 06 đơn kiến nghị; đã giải quyết 06 đơn``),
- before a part that starts a new clause (``đã``, ``đang``, ``còn`` …) unless the
  first part does too, or the part goes on an enumeration of how far things got
  (``hoàn thành trước hạn 20 nhiệm vụ, đúng hạn 24 nhiệm vụ, chưa đến hạn 6 nhiệm
  vụ``: a status part after parts naming a status),
- at another breakdown word (a nested breakdown is checked on its own).

A list cut before a new clause may have left parts out: it is only held to no
part being larger than the total. A list that goes on past status parts also
passes when the parts before one of them add up to the total (``đã giải quyết
1.553 hồ sơ, trong đó đúng hạn 1.551, trễ hạn 2, đang giải quyết 177``: the
last is a sibling of the total, not a part of it).

``trong đó:`` ending a line takes its parts from the list lines below it (one
part per item: its first amount; items of a nested list are skipped; an item ending
with ``.`` is the last), and ``Trong đó`` opening a sentence breaks
down the previous sentence's total. One part must not exceed the total; two or
more must add up to it (decimals within rounding). A total written ``A/B``
(``31/31 đơn vị``, ``13,91/16,50 điểm``) accepts parts adding up to either.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from cchc_desktop.narrative_numbers.finding import Slip, amount, spans_of, with_unit
from cchc_desktop.narrative_numbers.layout import Layout, Sentence
from cchc_desktop.narrative_numbers.numbers import PERCENT, Quantity, Role
from cchc_desktop.narrative_numbers.words import MEASURES, OVERLAPPING

TRIGGER = re.compile(  # trong đó, trong số đó, bao gồm, gồm (a class first: a fast search)
    r"[tTbBgG](?<!\w[tTbBgG])(?i:rong\s+số\s+đó|rong\s+đó|ao\s+gồm|ồm)(?!\w)"
)
# A part whose words start with one of these opens a new clause: the list has ended.
_CLAUSE_STARTS = frozenset(
    ["đã", "đang", "còn", "chưa", "đạt", "với", "tổng", "so", "bằng", "có", "được", "riêng"]
)
# … unless it names a status (chưa đến hạn, đang giải quyết, còn lại) after parts that do too.
_STATUS_STARTS = frozenset(["đã", "đang", "còn", "chưa"])
_STATUS = re.compile(
    r"(?<!\w)(?:hạn|giải\s+quyết|hoàn\s+thành|thực\s+hiện|xử\s+lý|triển\s+khai|khắc\s+phục)(?!\w)",
    re.IGNORECASE,
)
_ONLY_PUNCTUATION = re.compile(r"[\W_]*")
_HIGHLIGHT = re.compile(r"[\s,:]*có(?!\w)", re.IGNORECASE)  # trong đó có: some, not all
_LABEL_CUT = re.compile(r"[,;:()]|(?<!\w)(?:và|hoặc)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Breakdown:
    total: Quantity
    candidates: tuple[Decimal, ...]  # what the parts may add up to
    parts: tuple[Quantity, ...]
    exhaustive: bool  # the parts are meant to add up (else each is only a share)
    prefixes: tuple[int, ...] = ()  # also adding up: the first so many parts will do


def find_breakdowns(layout: Layout) -> list[Slip]:
    slips: list[Slip] = []
    totals: dict[int, Quantity] = {}  # sentence index → the total broken down in it
    for trigger in TRIGGER.finditer(layout.scan):
        breakdown = _breakdown(layout, trigger, totals)
        if breakdown is not None:
            slip = _verdict(breakdown)
            if slip is not None:
                slips.append(slip)
    return slips


def _breakdown(
    layout: Layout, trigger: re.Match[str], totals: dict[int, Quantity]
) -> _Breakdown | None:
    index = layout.sentence_at(trigger.start())
    sentence = layout.sentences[index]
    depth = layout.depths.at(trigger.start())
    total = _total_before(layout, sentence.start, trigger.start(), depth)
    candidates: tuple[Decimal, ...] = ()
    if total is None:
        lead = layout.scan[sentence.start : trigger.start()]
        previous = layout.sentences[index - 1] if index > 0 else None
        if not _ONLY_PUNCTUATION.fullmatch(lead) or previous is None:
            return None
        if previous.line != sentence.line:
            return None
        total = totals.get(index - 1) or _total_before(layout, previous.start, previous.end, 0)
        if total is None:
            return None
        candidates = _all_amounts(layout, previous, total)
    else:
        totals.setdefault(index, total)
    candidates = (*_values(total), *candidates)
    listed = _parts(layout, trigger, depth, sentence, total)
    if not listed.parts:
        return None
    parts = listed.parts
    highlight = _HIGHLIGHT.match(layout.scan, trigger.end())  # trong đó có: some, not all
    exhaustive = not (
        listed.cut
        or (highlight and trigger.group().lower().startswith("t"))
        or OVERLAPPING.search(layout.scan, trigger.end(), parts[-1].unit_end + 30)
    )
    return _Breakdown(total, candidates, parts, exhaustive, listed.prefixes)


@dataclass(frozen=True, slots=True)
class _Listed:
    parts: tuple[Quantity, ...]
    cut: bool = False  # ended before a new clause: some parts may be missing
    prefixes: tuple[int, ...] = ()  # see _Breakdown


def _countable(quantity: Quantity) -> bool:
    return (
        quantity.role == Role.QUANTITY
        and quantity.unit != PERCENT
        and quantity.unit not in MEASURES
    )


def _total_before(layout: Layout, start: int, end: int, depth: int) -> Quantity | None:
    """The amount a breakdown word at ``end`` refers to, if there is one."""
    for quantity in reversed(layout.quantities_in(start, end)):
        if quantity.depth > depth or not layout.enclosed(quantity.start, end, quantity.depth):
            continue  # inside a parenthesis closed before the breakdown word
        if quantity.role == Role.CHANGE or (_countable(quantity) and quantity.approximate):
            return None
        if _countable(quantity):
            return quantity
    return None


def _values(quantity: Quantity) -> tuple[Decimal, ...]:
    if quantity.denominator is None:
        return (quantity.value,)
    return (quantity.value, quantity.denominator.value)


def _all_amounts(layout: Layout, sentence: Sentence, total: Quantity) -> tuple[Decimal, ...]:
    """Every amount of the previous sentence in the total's unit: any may be meant."""
    found: list[Decimal] = []
    for quantity in layout.quantities_in(sentence.start, sentence.end):
        if _countable(quantity) and quantity.unit in (None, total.unit):
            found.extend(_values(quantity))
    return tuple(found)


def _parts(
    layout: Layout, trigger: re.Match[str], depth: int, sentence: Sentence, total: Quantity
) -> _Listed:
    end = layout.region_end(trigger.end(), depth, sentence.end)
    for other in TRIGGER.finditer(layout.scan, trigger.end(), end):
        if layout.depths.at(other.start()) == depth:
            end = other.start()  # a nested breakdown: checked on its own
            break
    found = [q for q in layout.quantities_in(trigger.end(), end) if q.depth == depth]
    parts = _same_unit(found, total)
    if parts is None:
        return _Listed(())
    if not parts and not layout.scan[trigger.end() : _line_end(layout, trigger.end())].strip(
        " \t:"
    ):
        return _Listed(tuple(_list_items(layout, layout.line_index(trigger.start()), total)))
    return _bounded(layout, parts, trigger.end(), depth)


def _line_end(layout: Layout, offset: int) -> int:
    return layout.lines[layout.line_index(offset)].end


def _same_unit(quantities: list[Quantity], total: Quantity) -> list[Quantity] | None:
    """The parts in the total's unit; ``None`` when one of them is not exact."""
    unit = total.unit
    parts = []
    for quantity in quantities:
        if not _countable(quantity):
            continue
        if unit is None and quantity.unit is not None:
            unit = quantity.unit
        if quantity.unit not in (None, unit):
            continue
        if quantity.approximate or quantity.denominator is not None:
            return None  # "trên 500", "05/05": not something to add up
        parts.append(quantity)
    return parts


def _bounded(layout: Layout, parts: list[Quantity], start: int, depth: int) -> _Listed:
    """The parts up to where the list ends (see the module's description)."""
    if len(parts) < 2:
        return _Listed(tuple(parts))
    between = layout.depths.text_at(parts[0].unit_end, parts[1].start, depth)
    if ";" not in between:
        stop = _first_at_depth(layout, ";", parts[0].unit_end, parts[-1].start, depth)
        if stop is not None:
            parts = [p for p in parts if p.start < stop]
    labels = []
    previous_end = start
    for part in parts:
        labels.append(_label(layout.scan[previous_end : part.start]))
        previous_end = part.unit_end
    if labels[0].split(" ")[0] in _CLAUSE_STARTS:
        return _Listed(tuple(parts))
    prefixes = []
    for n, label in enumerate(labels[1:], start=1):
        if label.split(" ")[0] not in _CLAUSE_STARTS:
            continue
        before = layout.scan[start : parts[n].start].lower()
        before = before[: before.rfind(label)]  # what the parts before it are called
        if not (_status(label) and _STATUS.search(before)):
            return _Listed(tuple(parts[:n]), cut=True)
        prefixes.append(n)
    return _Listed(tuple(parts), prefixes=tuple(prefixes))


def _status(label: str) -> bool:
    """Whether a part's label names how far things got: ``chưa đến hạn``, ``còn lại``."""
    words = label.split(" ")
    return words[0] in _STATUS_STARTS and (
        bool(_STATUS.search(label)) or label in ("còn", "còn lại")
    )


def _first_at_depth(layout: Layout, char: str, start: int, end: int, depth: int) -> int | None:
    offset = layout.scan.find(char, start, end)
    while offset != -1:
        if layout.depths.at(offset) == depth:
            return offset
        offset = layout.scan.find(char, offset + 1, end)
    return None


def _label(text: str) -> str:
    """The words naming a part: ``; đã giải quyết `` → ``đã giải quyết``."""
    text = re.sub(r"(?:[\s:]|(?<!\w)là(?!\w))+$", "", text)
    return _LABEL_CUT.split(text)[-1].strip().lower()


def _list_items(layout: Layout, line_index: int, total: Quantity) -> list[Quantity]:
    """One part per list line below a line ending in ``trong đó:`` (nested lists skipped)."""
    own = layout.lines[line_index].bullet
    item_bullet: str | None = None
    parts: list[Quantity] = []
    unit = total.unit
    for line in layout.lines[line_index + 1 :]:
        text = layout.scan[line.start : line.end]
        if not text.strip() or line.footnote:
            continue
        if line.bullet is None or line.bullet == own:
            break
        item_bullet = item_bullet or line.bullet
        ends = text.rstrip().endswith(".") and not text.rstrip().endswith("...")
        if line.bullet != item_bullet:
            if ends:
                break  # the nested list ends the whole list
            continue  # an item of a nested list
        for quantity in layout.quantities_in(line.start, line.end):
            if not _countable(quantity) or quantity.depth:
                continue
            if unit is None and quantity.unit is not None:
                unit = quantity.unit
            if quantity.unit in (None, unit):
                if quantity.approximate or quantity.denominator is not None:
                    return []
                parts.append(quantity)
                break
        if ends:
            break
    return parts


def _verdict(breakdown: _Breakdown) -> Slip | None:
    total, parts = breakdown.total, breakdown.parts
    unit_text = total.unit_text or next((p.unit_text for p in parts if p.unit_text), "")
    numbers = [total.number, *(p.number for p in parts)]
    decimals = max(n.decimals for n in numbers)
    # a number written with decimals may have been rounded: half its last place either way
    tolerance = sum((Decimal(5).scaleb(-n.decimals - 1) for n in numbers if n.decimals), Decimal(0))
    written_total = with_unit(total.written(), unit_text)
    if len(parts) == 1 or not breakdown.exhaustive:
        part = max(parts, key=lambda p: p.value)
        if part.value <= max(breakdown.candidates) + tolerance:
            return None
        message = (
            f"Thành phần {with_unit(part.number.written, part.unit_text or unit_text)} "
            f"lớn hơn tổng {written_total}"
        )
        return Slip(spans_of((total, part)), message)
    added = sum((p.value for p in parts), Decimal(0))
    for count in (*breakdown.prefixes, len(parts)):
        subtotal = sum((p.value for p in parts[:count]), Decimal(0))
        if any(abs(subtotal - c) <= tolerance for c in breakdown.candidates):
            return None
    message = (
        f"Tổng {written_total} nhưng các thành phần cộng lại "
        f"{with_unit(amount(added, decimals), unit_text)} "
        f"({' + '.join(p.number.written for p in parts)})"
    )
    return Slip(spans_of((total, *parts)), message)
