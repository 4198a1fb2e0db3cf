"""Text on its way to ReportLab: NFC, escaped for paragraph markup, numbered the Vietnamese way.

Every string printed goes through :func:`nfc` (plain canvas text) or :func:`markup`
(paragraph text): ReportLab does not position combining accents, so text must be
NFC or ``ộ`` prints as ``o`` with loose marks. Paragraphs are :class:`Para`.
"""

import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

# Points are lettered with the Vietnamese alphabet's letters, without f, j, w, z.
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_SPACES = re.compile(r"[ \t]+")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (what the fonts' glyphs expect)."""
    return unicodedata.normalize("NFC", text)


def markup(text: str) -> str:
    """Plain text as paragraph markup: NFC, ``&``/``<``/``>`` escaped, spaces single."""
    return escape(_SPACES.sub(" ", nfc(text)))


def roman(number: int) -> str:
    """``4`` → ``IV``: the numbers of the report's parts."""
    words = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        words.append(letters * count)
    return "".join(words)


def letter(index: int) -> str:
    """The ``index``-th point letter (from 1): ``a``, ``b`` … ``đ`` … ``y``, then ``aa``."""
    count = len(VIETNAMESE_LETTERS)
    word = ""
    index -= 1
    while True:
        index, rest = divmod(index, count)
        word = VIETNAMESE_LETTERS[rest] + word
        if index == 0:
            return word
        index -= 1


def upper(text: str) -> str:
    """Capitals for headings (``Chỉ số`` → ``CHỈ SỐ``), NFC."""
    return nfc(text).upper()


def capitalise(text: str) -> str:
    """The first character in upper case when it is a letter (``53 thủ tục`` stays)."""
    return text[:1].upper() + text[1:] if text[:1].isalpha() else text


def lower_first(text: str) -> str:
    """``Số văn bản`` → ``số văn bản``, but ``TTHC ...`` and ``UBND ...`` stay as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def paragraphs(text: str) -> list[str]:
    """A narrative as the clerk typed it: one paragraph a non-blank line."""
    return [line.strip() for line in nfc(text).splitlines() if line.strip()]


class Para(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph that breaks its lines once for a given width.

    ReportLab breaks a paragraph's lines again on every ``wrap``, and lays out
    many twice at the same width: a heading kept with the next paragraph (the
    pair is measured, then placed), a paragraph in a table's cell (measured, then
    drawn). The lines depend on the width alone, so the last result is kept until
    the width changes or a failed ``split`` throws it away.
    """

    _wrapped_width: float | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width == self._wrapped_width and hasattr(self, "blPara"):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._wrapped_width = available_width
        return size
