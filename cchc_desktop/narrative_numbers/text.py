"""The text as the number scanner sees it: NFC, decorations blanked, offsets kept.

Clerks paste NFD text and Markdown-ish renderings (``**bold**``, ``<sup>1</sup>``
footnote marks); the scanner works on an NFC copy in which such decorations,
web addresses, dates, document numbers and the like are blanked out with
spaces, so that every offset still points at the same character. Offsets found
in the NFC copy are mapped back to the text as given (``to_original``).
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Replaced by spaces before numbers are read: never quantities. Each pattern starts
# with a character class or a literal so that the search skips quickly between hits.
_DATE_WORDS = ["ngày", "từ", "đến", "hết", "tới", "trước", "sau"]
_BLANKED = [
    re.compile(r"<(?:sup>[^<]{0,12}</sup>|/?[a-zA-Z]+>)"),  # <sup>1</sup>, <b>
    re.compile(r"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)\S+"),
    re.compile(r"[*_#`]+"),  # Markdown emphasis and headings
    re.compile(
        r"\d(?<![\w.,]\d)(?:"
        # a telephone number: ten or eleven digits starting with 0, maybe grouped
        r"(?<=0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?!\d|[.,]\d)"
        # a date: 28/12/2021, 5-9-2016, 12.4.2023
        r"|\d?\s?(?P<sep>[/.-])\s?\d{1,2}\s?(?P=sep)\s?\d{2,4}(?!\w)"
        # a day and month after a date word: ngày 15/3, đến 31/7
        r"|(?i:"
        + "|".join(f"(?<={word} \\d)" for word in _DATE_WORDS)
        + r")\d?/\d{1,2}(?!\w)(?!\s*[/.,]?\d)"
        # a document number: 05/KH-UBND, 117/2013/NĐ-CP, 05-CT/TW, 21^a/KH-UBND, 43/KH-
        r"|\d*(?:\^?[a-zđ])?(?:\s?/\s?\d+)*\s?[/-]\s?[A-ZĐ][\w.&-]*"
        # a time or a standard: 9:30, 9h30, ISO 9001:2015
        r"|\d*\s?:\s?\d+(?!\w)(?!\s*[/,.]\d)"
        r"|\d?h\d{2}(?!\w)"
        r")"
    ),
    re.compile(r"\+84[\d .]{8,13}"),
]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")

# Headings and list numbers at the start of a line: "2.1. ", "1) ", "2.3/ ", "III."
_LINE_NUMBER = re.compile(
    r"^[\s#*>_]*(?:\d+(?:\.\d+)*[.)/]|[IVXLC]+\.)(?=\s|\*|$)"
    r"|^[\s#*>_]*\d{1,2}(?:\.\d{1,2})+(?=[ \t]+\S)"  # 4.2 Tồn tại
    r"|^[ ]*\d+(?=\t)",  # the row number of a table pasted as tab-separated text
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The NFC text, its blanked copy for scanning, and the way back to the given text."""

    original: str
    text: str  # NFC
    scan: str  # NFC with decorations blanked; same length as ``text``
    _starts: tuple[int, ...]  # line start offsets in ``text``
    _back: tuple[int, ...] | None  # NFC offset → original offset (None: same text)

    def line_of(self, offset: int) -> int:
        """The 1-based line of an offset in ``text``."""
        return bisect_right(self._starts, offset)

    def to_original(self, offset: int) -> int:
        """An offset in ``text`` as an offset in the text as given."""
        if self._back is None:
            return offset
        return self._back[min(offset, len(self._back) - 1)]


def prepare(original: str) -> Prepared:
    text, back = _nfc_with_offsets(original)
    scan = text
    for pattern in _BLANKED:
        scan = pattern.sub(_blank, scan)
    if "@" in scan:
        scan = _EMAIL.sub(_blank, scan)
    scan = _LINE_NUMBER.sub(_blank, scan)
    starts = (0, *(m.end() for m in re.finditer("\n", text)))
    return Prepared(original, text, scan, starts, back)


def _blank(match: re.Match[str]) -> str:
    """The match with every character but line breaks made a space."""
    whole = match.group()
    return " " * len(whole) if "\n" not in whole else re.sub(r"[^\n]", " ", whole)


def _nfc_with_offsets(original: str) -> tuple[str, tuple[int, ...] | None]:
    """NFC text and, when it differs, for every NFC offset (and the end) the original one.

    Normalisation only composes a base letter with the marks that follow it, so each
    cluster (a starter and its combining marks) is normalised on its own.
    """
    if unicodedata.is_normalized("NFC", original):
        return original, None
    pieces: list[str] = []
    back: list[int] = []
    start = 0
    length = len(original)
    while start < length:
        end = start + 1
        while end < length and unicodedata.combining(original[end]):
            end += 1
        piece = unicodedata.normalize("NFC", original[start:end])
        pieces.append(piece)
        back.extend([start] * len(piece))
        start = end
    back.append(length)
    return "".join(pieces), tuple(back)


def utf16_offset(text: str, offset: int) -> int:
    """A Python string offset as a Qt (UTF-16) position: characters outside the BMP count twice."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)
