"""Where sentences, parentheses and list items are: the frame a breakdown lives in.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space, or at the end of
its line (a narrative is written one paragraph a line; a list item is a line
starting with ``-``, ``+``, ``*``, ``•`` or ``–``).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from cchc_desktop.narrative_numbers.depths import Depths
from cchc_desktop.narrative_numbers.numbers import Quantity, read_quantities
from cchc_desktop.narrative_numbers.text import Prepared

_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*(?=[ \t\n]|\Z))")  # class first: fast
_BULLET = re.compile(r"[ \t]*([-+*•–—])[ \t]")  # matched at a line start
_FOOTNOTE = re.compile(r"^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹⁰]|^[ \t]*<sup>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    line: int  # index of its line (0-based)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    bullet: str | None  # the list mark the line starts with, if any
    footnote: bool


class Layout:
    """The prepared text with its quantities, sentences, lines and parenthesis depths."""

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.scan = prepared.scan
        self.depths = Depths(self.scan)
        self.quantities: list[Quantity] = read_quantities(prepared, self.depths)
        self._quantity_starts = [q.start for q in self.quantities]
        self.lines = self._lines()
        self.sentences = self._sentences()

    def _lines(self) -> list[Line]:
        lines = []
        start = 0
        text = self.prepared.text
        for piece in text.split("\n"):
            end = start + len(piece)
            bullet = _BULLET.match(text, start, end)
            lines.append(
                Line(start, end, bullet.group(1) if bullet else None, bool(_FOOTNOTE.match(piece)))
            )
            start = end + 1
        return lines

    def _sentences(self) -> list[Sentence]:
        sentences = []
        start = 0
        line = 0
        for match in _SENTENCE_END.finditer(self.scan):
            if self.scan[start : match.start()].strip():
                sentences.append(Sentence(start, match.end(), line))
            start = match.end()
            if match.group() == "\n":
                line += 1
        if self.scan[start:].strip():
            sentences.append(Sentence(start, len(self.scan), line))
        return sentences

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset``."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        """The quantities that start between ``start`` and ``end``."""
        return self.quantities[
            bisect_left(self._quantity_starts, start) : bisect_left(self._quantity_starts, end)
        ]

    def line_index(self, offset: int) -> int:
        return self.prepared.line_of(offset) - 1

    def enclosed(self, start: int, end: int, depth: int) -> bool:
        """Whether the text between ``start`` and ``end`` never leaves depth ``depth``."""
        return self.depths.lowest(start, end) >= depth

    def region_end(self, start: int, depth: int, limit: int) -> int:
        """Where the parenthesis open at ``start`` (at ``depth``) closes, or ``limit``."""
        return self.depths.closing(start, depth, limit)
