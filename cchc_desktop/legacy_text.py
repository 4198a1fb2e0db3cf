"""Recognise Vietnamese typed in the legacy 8-bit encodings and convert it to Unicode.

Old Word files were typed with .VnTime (TCVN3, "ABC") or VNI-Times (VNI) fonts: the
bytes are Vietnamese only through the font, so a paste arrives as Windows-1252 mojibake
(``C¸c c¬ quan``, ``Caùc cô quan``). Every byte involved lies in 0xA1–0xFF, where
Windows-1252 and Latin-1 agree, so the text is handled character by character.

Sources of the tables:

* TCVN3 is TCVN 5712:1993 VN3, checked byte by byte against glibc's ``TCVN5712-1``
  charmap (its VN1 superset). VN3 has no upper-case letters with a tone mark: a
  ``.VnTimeH`` font draws the lower-case bytes as capitals, so the case of those 60
  letters is lost in the paste and :func:`convert` restores it from context.
* VNI is the VNI-Windows layout (base letter followed by a mark character), as listed
  by the xvnkb input method (``vni.h``) and the ``vietnamese-conversion`` npm package.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

Encoding = Literal["tcvn3", "vni"]

# --- TCVN3 -------------------------------------------------------------------------
# Aligned strings: legacy character i decodes to Unicode letter i.
_TCVN3_LEGACY = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉËÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ®¡¢£¤¥¦§"
_TCVN3_UNICODE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĂÂÊÔƠƯĐ"
_TCVN3 = dict(zip(_TCVN3_LEGACY, _TCVN3_UNICODE, strict=True))
_TCVN3_TABLE = str.maketrans(_TCVN3)
_TCVN3_UPPER = frozenset("¡¢£¤¥¦§")  # Ă Â Ê Ô Ơ Ư Đ: the only capitals VN3 has
_TCVN3_LOWER = frozenset("¨©ª«¬\xad®")  # ă â ê ô ơ ư đ, which therefore carry case
_TCVN3_CASELESS = frozenset(_TCVN3) - _TCVN3_UPPER - _TCVN3_LOWER

# --- VNI ---------------------------------------------------------------------------
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_VNI_TONE = "ùøûõï"  # in _TONES order
_VNI_CIRCUMFLEX = "âáàåãä"  # circumflex alone, then circumflex + each tone
_VNI_BREVE = "êéèúüë"  # breve alone, then breve + each tone
# Letters VNI writes as one character (í and ì are themselves).
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _compose(*parts: str) -> str:
    return unicodedata.normalize("NFC", "".join(parts))


_VNI_SHAPES: dict[str, tuple[tuple[str, str], ...]] = {
    "a": (("\u0302", _VNI_CIRCUMFLEX), ("\u0306", _VNI_BREVE)),
    "e": (("\u0302", _VNI_CIRCUMFLEX),),
    "o": (("\u0302", _VNI_CIRCUMFLEX),),
}


def _build_vni() -> dict[str, str]:
    """Every VNI sequence → its Unicode letter, lower and upper case (134 letters)."""
    table = dict(_VNI_SINGLE)
    for vni_base, base in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"),
                           ("ô", "ơ"), ("ö", "ư")):  # fmt: skip
        # VNI spells ỵ "î"; the "yï" this also makes is a harmless decode-only alias.
        for mark, tone in zip(_VNI_TONE, _TONES, strict=True):
            table[vni_base + mark] = _compose(base, tone)
        for diacritic, marks in _VNI_SHAPES.get(vni_base, ()):
            table[vni_base + marks[0]] = _compose(base, diacritic)
            for mark, tone in zip(marks[1:], _TONES, strict=True):
                table[vni_base + mark] = _compose(base, diacritic, tone)
    # Upper case is an upper-case base with the upper-case form of the mark ("UÛ" = Ủ).
    table.update({seq.upper(): letter.upper() for seq, letter in table.items()})
    return table


_VNI = _build_vni()
_VNI_PATTERN = re.compile("|".join(map(re.escape, sorted(_VNI, key=len, reverse=True))))
_VNI_SPECIAL = "".join(sorted({c for seq in _VNI for c in seq if not c.isascii()}))

# --- Words and Vietnamese syllables ------------------------------------------------
# A token is a run of anything but white space, ASCII punctuation and digits, general
# punctuation (“ ” … –) and superscripts: the legacy bytes include Latin-1 symbols
# (¸ · ¬ « ©) that sit inside words.
_TOKEN = re.compile(r"[^\s!-@\[-`{-~\u2000-\u209f]+")
_VIET_ONLY = re.compile("[\u1ea0-\u1ef9ăĂđĐĩĨũŨơƠưƯ]")  # no legacy paste contains these
_INITIAL = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_CLOSABLE = "uyê|iê|yê|oa|oă|oe|oo|uâ|uê|uô|ươ|uy|[aăâeêioôơuưy]"
_OPEN = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu"
    "|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|uơ|ưa|ưi|ưu"
)
_SYLLABLE = re.compile(
    rf"(?:{_INITIAL})?(?:(?:{_CLOSABLE})(?P<final>ch|ng|nh|[cmnpt])?|(?:{_OPEN}))"
)
_STOP_FINAL = frozenset(("c", "ch", "p", "t"))


def _plausible(word: str) -> bool:
    """Whether ``word`` spells one Vietnamese syllable (onset, rime, at most one tone).

    This is what separates mojibake from text: ``C¸c`` and ``Caùc`` are not syllables
    while ``Các`` is, and ``café``/``naïve``/``où`` stay non-syllables whichever table
    converts them.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    match = _SYLLABLE.fullmatch(_compose(*(c for c in decomposed if c not in _TONES)))
    if match is None:
        return False
    # A syllable closed by c/ch/p/t only takes the sắc or nặng tone.
    return match["final"] not in _STOP_FINAL or tones in (["\u0301"], ["\u0323"])


def _map_tcvn3(text: str) -> str:
    return text.translate(_TCVN3_TABLE)


def _map_vni(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: _VNI[m.group()], text)


_MAPS: dict[Encoding, Callable[[str], str]] = {"tcvn3": _map_tcvn3, "vni": _map_vni}
# A legacy character right after an ASCII letter: the signature of mojibake ("b¸o"),
# unlike a stray symbol standing alone ("5 µm", "© 2024").
_INSIDE_WORD: dict[Encoding, re.Pattern[str]] = {
    "tcvn3": re.compile(f"[A-Za-z][{re.escape(_TCVN3_LEGACY)}]"),
    "vni": re.compile(f"[A-Za-z][{re.escape(_VNI_SPECIAL)}]"),
}
_NAMES: dict[Encoding, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI (VNI-Times)"}


def detect_legacy(text: str) -> Encoding | None:
    """The legacy encoding ``text`` was typed in, or None when it is ordinary text.

    Only words with a non-ASCII character are evidence. Of those that are not already
    Vietnamese syllables, an encoding must turn most (60 %) into syllables, at least
    one of them with a legacy character inside the word, and must outnumber twice over
    the words written with Vietnamese Unicode letters. Unicode Vietnamese (NFC or NFD),
    English, numbers and text with a few Latin-1 symbols therefore give None.
    """
    tokens = [t for t in _TOKEN.findall(unicodedata.normalize("NFC", text)) if not t.isascii()]
    unicode_words = sum(1 for t in tokens if _VIET_ONLY.search(t))
    odd = [t for t in tokens if not _plausible(t)]
    found: dict[Encoding, int] = {}
    for encoding, mapping in _MAPS.items():
        hits = [t for t in odd if (c := mapping(t)) != t and _plausible(c)]
        if (
            any(_INSIDE_WORD[encoding].search(t) for t in hits)
            and len(hits) >= 0.6 * len(odd)
            and len(hits) > 2 * unicode_words
        ):
            found[encoding] = len(hits)
    if len(found) == 2 and found["tcvn3"] == found["vni"]:
        return None  # equally good: do not guess
    return max(found, key=lambda e: found[e], default=None)


def convert(text: str, encoding: Encoding) -> str:
    """``text`` decoded from ``encoding`` as NFC Unicode; other characters are kept."""
    text = unicodedata.normalize("NFC", text)  # e.g. VNI "aù" pasted decomposed
    if encoding == "vni":
        converted = _map_vni(text)
    elif encoding == "tcvn3":
        converted = "".join(_convert_tcvn3_line(line) for line in text.splitlines(True))
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    return unicodedata.normalize("NFC", converted)


def suggest(text: str) -> tuple[str, str] | None:
    """``(encoding name for the clerk, converted text)`` when ``text`` looks legacy."""
    encoding = detect_legacy(text)
    if encoding is None:
        return None
    return _NAMES[encoding], convert(text, encoding)


# --- TCVN3 case recovery -----------------------------------------------------------
_LOWER, _AMBIGUOUS, _CAPS = -1, 0, 1
# What may stand before a sentence's first word: the line's start, a bullet or "1." / "a)"
# there, or a full stop in the gap since the previous word.
_LINE_START = re.compile(r"\s*(?:(?:[-+*•–—]+|\(?[0-9A-Za-z]{1,4}[.)])\s*)?[\"'(\[“‘]*")
_AFTER_STOP = re.compile(r"[.!?…][\s\"'(\[“‘]*$")


def _word_case(word: str) -> int:
    """What the letters that keep their case say: _LOWER if one is small, _CAPS if two
    are capitals or one after the first letter, else _AMBIGUOUS (``Së`` may be Sở or SỞ).
    """
    letters = [c for c in word if c in _TCVN3 or (c.isascii() and c.isalpha())]
    if any(c in _TCVN3_LOWER or (c.isascii() and c.islower()) for c in letters):
        return _LOWER
    if all(c.isascii() for c in letters):
        return _AMBIGUOUS  # acronyms (UBND, BC) stand in prose and headings alike
    # Not str.isupper(): the caseless byte Æ (ặ) is an upper-case Latin-1 letter.
    capitals = [
        i for i, c in enumerate(letters) if c in _TCVN3_UPPER or (c.isascii() and c.isupper())
    ]
    return _CAPS if len(capitals) >= 2 or (capitals and capitals[0] > 0) else _AMBIGUOUS


def _nearest_decided(cases: list[int], indices: range) -> int | None:
    return next((cases[j] for j in indices if cases[j] != _AMBIGUOUS), None)


def _convert_tcvn3_line(line: str) -> str:
    """Decode one line, giving the caseless toned letters the case their context shows.

    A word is set in capitals when it, or else both nearest decided words of a line that
    is mostly capitals, are capitals (``X·`` in ``CéNG HOµ X· HéI`` is XÃ). Otherwise
    its letters stay small except a sentence's first (``ñy ban`` at the start is Ủy).
    """
    words = list(_TOKEN.finditer(line))
    cases = [_word_case(w.group()) for w in words]
    caps_line = cases.count(_CAPS) > cases.count(_LOWER)
    out: list[str] = []
    end = 0
    for i, word in enumerate(words):
        case = cases[i]
        if case == _AMBIGUOUS and caps_line:
            around = (_nearest_decided(cases, range(i - 1, -1, -1)),
                      _nearest_decided(cases, range(i + 1, len(words))))  # fmt: skip
            decided = [c for c in around if c is not None]
            case = _CAPS if decided and all(c == _CAPS for c in decided) else _LOWER
        start = word.start()
        capital = bool(
            (i < 2 and _LINE_START.fullmatch(line, 0, start))
            or _AFTER_STOP.search(line, end, start)
        )
        out.append(line[end:start])
        first = True  # still before the word's first letter
        for char in word.group():
            letter = _TCVN3.get(char, char)
            if char in _TCVN3_CASELESS and (case == _CAPS or (capital and first)):
                letter = letter.upper()
            first = first and not letter.isalpha()
            out.append(letter)
        end = word.end()
    out.append(line[end:])
    return "".join(out)
