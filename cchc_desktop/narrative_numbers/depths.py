"""How many parentheses are open at each offset, kept as the few offsets where it changes.

Parentheses (and brackets) are counted within a line: a line break closes them all.
"""

import re
from bisect import bisect_left

_PAREN = re.compile(r"[()\[\]\n]")


class Depths:
    def __init__(self, scan: str) -> None:
        self.scan = scan
        self._positions: list[int] = []  # where the depth changes
        self._after: list[int] = []  # the depth of the characters after that position
        depth = 0
        for match in _PAREN.finditer(scan):
            char = match.group()
            if char == "\n":
                if not depth:
                    continue
                depth = 0
            elif char in "([":
                depth += 1
            elif depth:
                depth -= 1
            else:
                continue
            self._positions.append(match.start())
            self._after.append(depth)

    def at(self, offset: int) -> int:
        """The depth of the character at ``offset`` (an opening parenthesis is outside)."""
        index = bisect_left(self._positions, offset)
        return self._after[index - 1] if index else 0

    def lowest(self, start: int, end: int) -> int:
        """The lowest depth of the characters from ``start`` to ``end`` (both included)."""
        lowest = self.at(start)
        index = bisect_left(self._positions, start)
        while index < len(self._positions) and self._positions[index] < end:
            lowest = min(lowest, self._after[index])
            index += 1
        return lowest

    def closing(self, start: int, depth: int, limit: int) -> int:
        """Just after the parenthesis that brings the depth below ``depth``, or ``limit``."""
        index = bisect_left(self._positions, start)
        while index < len(self._positions) and self._positions[index] < limit:
            if self._after[index] < depth:
                return self._positions[index] + 1
            index += 1
        return limit

    def text_at(self, start: int, end: int, depth: int) -> str:
        """The characters between ``start`` and ``end`` that lie at ``depth``."""
        current = self.at(start)
        kept = []
        for char in self.scan[start:end]:
            if current == depth:
                kept.append(char)
            if char in "([":
                current += 1
            elif char in ")]" and current:
                current -= 1
            elif char == "\n":
                current = 0
        return "".join(kept)
