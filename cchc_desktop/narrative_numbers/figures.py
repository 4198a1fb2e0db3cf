"""A figure quoted in a narrative that differs from the same report's figure field.

Which words name which figure is data (``resources/catalogue/narrative-phrases.toml``,
read here and nowhere else): patterns such as ``tiếp nhận {}`` or ``{} trễ hạn``
around a number in the indicator's unit. A mention counts only when it is
unambiguous: the narrative belongs to the indicator's section, the unit
matches, the words match right next to the number (with nothing but a subject,
a date or linking words before them and nothing that narrows the scope after
them), no sentence compares with another period, and the narrative does not
quote the same figure with two different values. Only then is a difference with
the typed figure reported.
"""

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from cchc_desktop.catalogue import Catalogue, CatalogueError, IndicatorKind, Record
from cchc_desktop.narrative_numbers.finding import Slip, amount, with_unit
from cchc_desktop.narrative_numbers.layout import Layout, Sentence
from cchc_desktop.narrative_numbers.numbers import PERCENT, Number, Quantity, Role
from cchc_desktop.narrative_numbers.words import UNITS, unit_at
from cchc_desktop.os_words import os_error_words
from cchc_desktop.resources import resource_path
from cchc_desktop.vnformat import Number as Value

PHRASES_FILE = "narrative-phrases.toml"

_CLAUSE_BEFORE = re.compile(r"[,;:()]")
_CLAUSE_AFTER = re.compile(r"[,;:().]|(?<!\w)(?:trong đó|bao gồm|gồm)(?!\w)")
_TRAILING = re.compile(
    r"(?:\s|:|(?<!\w)là(?!\w)|(?<!\w)(?:(?:tính\s+)?(?:từ|đến|tới|hết)\s+)?ngày(?!\w))+$"
)
_GAP = r"\s(?:.*\s)?"


class FigurePhrases(Record, frozen=True, kw_only=True):
    indicator: str
    patterns: tuple[str, ...]
    units: tuple[str, ...] = ()
    denominator: str | None = None
    fraction_only: bool = False

    @property
    def indicators(self) -> tuple[str, ...]:
        """The figure and its denominator, if any: the catalogue must have both."""
        return (self.indicator,) if self.denominator is None else (self.indicator, self.denominator)


class Phrases(Record, frozen=True, kw_only=True):
    lead_words: tuple[str, ...]
    lead_phrases: tuple[str, ...]
    tails: tuple[str, ...]
    joined: tuple[str, ...]
    skip: tuple[str, ...]
    figures: tuple[FigurePhrases, ...]


@cache
def load_phrases(path: Path | None = None) -> Phrases:
    """The phrase file; ``CatalogueError`` (Vietnamese) when it cannot be used."""
    path = path or resource_path("catalogue", PHRASES_FILE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Phrases.model_validate(data)
    except OSError as error:
        raise CatalogueError(f"Không đọc được tệp {path}: {os_error_words(error)}") from error
    except ValueError as error:  # TOML, UTF-8 or the phrases themselves
        raise CatalogueError(f"Tệp {path} không hợp lệ: {error}") from error


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures a narrative of ``section`` may quote (typed values of the report)."""

    catalogue: Catalogue
    section: str
    values: Mapping[str, Value]


@dataclass(frozen=True, slots=True)
class _Pattern:
    figure: FigurePhrases
    before: re.Pattern[str]
    after: re.Pattern[str]
    open_lead: bool
    open_tail: bool
    units: frozenset[str]
    score: int


@dataclass(frozen=True, slots=True)
class _Mention:
    indicator: str
    number: Number
    quantity: Quantity


class FigureMatcher:
    """The phrase file compiled for one catalogue."""

    def __init__(self, catalogue: Catalogue, phrases: Phrases) -> None:
        self.catalogue = catalogue
        self.phrases = phrases
        self._joined = [(j, j.replace(",", "")) for j in phrases.joined]
        self._lead_words = frozenset(phrases.lead_words) | frozenset(
            word for forms in UNITS.values() for form in forms for word in form.split()
        )
        lead_phrases = sorted(phrases.lead_phrases, key=len, reverse=True)
        self._lead_phrases = re.compile(
            "|".join(rf"(?<!\w){re.escape(self.norm(p))}(?!\w)" for p in lead_phrases)
        )
        self._tails = tuple(self.norm(t) for t in phrases.tails)
        self._skip = re.compile(
            "|".join(rf"(?<!\w){re.escape(self.norm(s))}(?!\w)" for s in phrases.skip)
        )
        self.by_section: dict[str, list[_Pattern]] = {}
        for figure in phrases.figures:
            if not all(map(catalogue.has_indicator, figure.indicators)):
                continue  # another catalogue (tests, an older version) without this figure
            indicator = catalogue.indicator(figure.indicator)
            units = {_canonical(indicator.unit), *(_canonical(u) for u in figure.units)}
            for text in figure.patterns:
                self.by_section.setdefault(indicator.section, []).append(
                    self._compile(figure, text, frozenset(units))
                )
        # the words of every unit the patterns accept, to see which a clause names
        forms = {
            self.norm(form).replace(",", ""): unit
            for patterns in self.by_section.values()
            for pattern in patterns
            for unit in pattern.units
            for form in UNITS.get(unit, (unit,))
        }
        self._unit_of_form = forms
        self._unit_words = re.compile(
            "|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in sorted(forms, key=len, reverse=True))
        )
        # section → unit → the patterns for numbers in that unit (None: all, for bare ones)
        self._by_unit: dict[str, dict[str | None, list[_Pattern]]] = {}
        for section, patterns in self.by_section.items():
            index: dict[str | None, list[_Pattern]] = {None: patterns}
            for pattern in patterns:
                for unit in pattern.units:
                    index.setdefault(unit, []).append(pattern)
            self._by_unit[section] = index

    def norm(self, text: str) -> str:
        text = " ".join(text.lower().split())
        if "," in text:
            for joined, plain in self._joined:
                if joined in text:
                    text = " ".join(text.replace(joined, plain).split())
        return text

    def _compile(self, figure: FigurePhrases, text: str, units: frozenset[str]) -> _Pattern:
        before, _, after = self.norm(text).partition("{}")
        before, after = before.strip(), after.strip()
        open_lead = before.startswith("...")
        open_tail = after.endswith("...")
        before_pieces = [re.escape(p.strip()) for p in before.split("...") if p.strip()]
        after_pieces = [re.escape(p.strip()) for p in after.split("...") if p.strip()]
        before_body = _GAP.join(before_pieces)
        if before_body:
            before_re = re.compile(rf"^(?P<lead>(?:.*\s)?){before_body}$")
        else:
            before_re = re.compile(r"^(?P<lead>.*)$")
        after_body = _GAP.join(after_pieces)
        if after_body:
            after_re = re.compile(rf"^{after_body}(?P<rest>(?:\s.*)?)$")
        else:
            after_re = re.compile(r"^(?P<rest>.*)$")
        score = sum(len(p) for p in (*before_pieces, *after_pieces))
        return _Pattern(figure, before_re, after_re, open_lead, open_tail, units, score)

    # -- matching ----------------------------------------------------------------------

    def mentions(self, layout: Layout, section: str) -> Iterator[_Mention]:
        by_unit = self._by_unit.get(section)
        if by_unit is None:
            return
        for sentence in layout.sentences:
            quantities = [
                (q, by_unit[q.unit])
                for q in layout.quantities_in(sentence.start, sentence.end)
                if q.role == Role.QUANTITY
                and q.unit != PERCENT
                and not q.approximate
                and q.unit in by_unit
            ]
            if not quantities:
                continue
            if self._skip.search(self.norm(layout.scan[sentence.start : sentence.end])):
                continue  # another period, or a target
            for quantity, patterns in quantities:
                yield from self._mentions_of(layout, sentence, quantity, patterns)

    def _mentions_of(
        self, layout: Layout, sentence: Sentence, quantity: Quantity, patterns: list[_Pattern]
    ) -> Iterator[_Mention]:
        start = max(
            [sentence.start]
            + [q.unit_end for q in layout.quantities_in(sentence.start, quantity.start)]
        )
        before = _trim_end(self.norm(layout.scan[start : quantity.start]))
        before = _CLAUSE_BEFORE.split(before)[-1].strip()
        named: frozenset[str] = frozenset()
        if quantity.unit is None:  # a bare number: the clause must name the unit
            named = frozenset(self._unit_of_form[m] for m in self._unit_words.findall(before))
        after = self.norm(layout.scan[quantity.unit_end : sentence.end])
        after = _CLAUSE_AFTER.split(after)[0].strip()
        fraction = quantity.denominator is not None
        best: list[_Pattern] = []
        for pattern in patterns:
            figure = pattern.figure
            if fraction and figure.denominator is None:
                continue
            if not fraction and figure.fraction_only:
                continue
            if not (quantity.unit is not None or pattern.units & named) or not self._words_fit(
                pattern, before, after
            ):
                continue
            if not best or pattern.score > best[0].score:
                best = [pattern]
            elif pattern.score == best[0].score:
                best.append(pattern)
        if len({p.figure.indicator for p in best}) != 1:
            return  # no pattern, or two figures equally likely
        figure = best[0].figure
        yield _Mention(figure.indicator, quantity.number, quantity)
        if fraction and figure.denominator is not None and quantity.denominator is not None:
            yield _Mention(figure.denominator, quantity.denominator, quantity)

    def _words_fit(self, pattern: _Pattern, before: str, after: str) -> bool:
        found = pattern.before.match(before)
        if found is None:
            return False
        if not pattern.open_lead:
            lead = self._lead_phrases.sub(" ", found.group("lead"))
            words = (w for w in lead.split() if re.search(r"\w", w))
            if any(word not in self._lead_words for word in words):
                return False
        ending = pattern.after.match(after)
        if ending is None:
            return False
        rest = ending.group("rest").strip()
        return pattern.open_tail or not rest or any(_starts_with(rest, t) for t in self._tails)


def _trim_end(text: str) -> str:
    """``… tiếp nhận từ ngày  đến ngày  là`` → ``… tiếp nhận``: what stands before a number
    that is not part of its phrase (the dates themselves are blanked already)."""
    while True:
        found = _TRAILING.search(text, max(0, len(text) - 48))
        if found is None:
            return text
        text = text[: found.start()]


def _starts_with(text: str, phrase: str) -> bool:
    return text == phrase or text.startswith(phrase + " ")


def _canonical(word: str) -> str:
    found = unit_at(" " + word, 0)
    if found is not None and found[1] == len(word) + 1:
        return found[0]
    return word.lower()


@lru_cache(maxsize=8)
def matcher_for(catalogue: Catalogue) -> FigureMatcher:
    """One compiled matcher per catalogue (hashed by value, like ``checks._checker_for``)."""
    return FigureMatcher(catalogue, load_phrases())


def find_figure_slips(layout: Layout, figures: Figures) -> list[Slip]:
    catalogue = figures.catalogue
    by_indicator: dict[str, list[_Mention]] = {}
    for mention in matcher_for(catalogue).mentions(layout, figures.section):
        by_indicator.setdefault(mention.indicator, []).append(mention)
    slips = []
    for indicator_id, mentions in by_indicator.items():
        typed = figures.values.get(indicator_id)
        if typed is None or len({m.number.value for m in mentions}) != 1:
            continue  # not typed, or quoted with two values: which one is meant?
        indicator = catalogue.indicator(indicator_id)
        if indicator.derived or indicator.kind == IndicatorKind.PERCENT:
            continue
        value = Decimal(str(typed))
        for mention in mentions:
            if mention.number.value == value:
                continue
            written = mention.quantity.written()  # a fraction is shown whole: 907/907
            message = (
                f"Số liệu «{indicator.label}» là {with_unit(amount(value), indicator.unit)} "
                f"nhưng văn bản ghi {with_unit(written, mention.quantity.unit_text)}"
            )
            span = (mention.number.start, mention.number.end)
            slips.append(Slip((span,), message, (indicator_id,)))
    return sorted(slips, key=lambda s: s.spans)
