"""Figures written as a clerk writes them, from the catalogue's sentence templates.

A template (``[[sections.sentences]]``) is a list of clauses written back to back;
a clause is printed only when every placeholder in it is filled. ``{id}`` prints
the figure with its unit (counts under ten with a leading zero: ``02 hồ sơ``),
``{id:so}`` the number alone, ``{?id}`` nothing but requires the figure;
``{tu_ngay}``/``{den_ngay}`` are the data window. A clause given as
``{text, zero}`` reads ``zero`` when its first figure is 0 (``""`` drops it). A
clause without figures (``"Trình độ chuyên môn: "``) is printed only when a
figure clause follows it before the next such clause. The first printed clause
loses its leading ``, ``/``; `` and is capitalised; a sentence without any figure
is left out. Filled figures that no template names are listed as
``label: value``.
"""

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal

from cchc_desktop.catalogue import (
    PLACEHOLDER,
    WINDOW_PLACEHOLDERS,
    Catalogue,
    Clause,
    Indicator,
    IndicatorKind,
    Section,
    Sentence,
)
from cchc_desktop.checks import compute_derived
from cchc_desktop.model import Report
from cchc_desktop.pdf.text import capitalise, lower_first, nfc
from cchc_desktop.vnformat import Number, format_count, format_number, format_percent

_SEPARATORS = ",;"


def figure_values(catalogue: Catalogue, report: Report) -> dict[str, Number]:
    """The report's typed figures and the percentages derived from them (never typed ones)."""
    values: dict[str, Number] = {
        key: value
        for key, value in report.values.items()
        if catalogue.has_indicator(key) and not catalogue.indicator(key).derived
    }
    values.update(compute_derived(catalogue, values))
    return values


def format_figure(indicator: Indicator, value: Number, *, unit: bool = True) -> str:
    """``02 hồ sơ``, ``1.730 hồ sơ``, ``99,87%``, ``212.901,285 triệu đồng``."""
    if indicator.kind == IndicatorKind.PERCENT:
        return format_percent(value)
    if indicator.kind == IndicatorKind.COUNT:
        number = format_count(int(value))
    else:
        number = format_number(value)
    return f"{number} {indicator.unit}" if unit else number


def format_cell(indicator: Indicator, value: Number) -> str:
    """A figure in a table cell: no leading zero, no unit (the unit has its column)."""
    if indicator.kind == IndicatorKind.PERCENT:
        return format_percent(value).removesuffix("%")
    return format_number(value)


def section_is_filled(catalogue: Catalogue, section: Section, values: Mapping[str, Number]) -> bool:
    """Whether the clerk entered any figure of ``section``: catalogue defaults alone don't count."""
    for indicator in catalogue.section_indicators(section.id):
        value = values.get(indicator.id)
        if value is not None and (indicator.default is None or value != indicator.default):
            return True
    return False


class SentenceWriter:
    """Writes the sentences of one report; build once per report."""

    def __init__(
        self,
        catalogue: Catalogue,
        values: Mapping[str, Number],
        window: tuple[dt.date | None, dt.date | None] = (None, None),
    ) -> None:
        self.catalogue = catalogue
        self.values = values
        self.window = {
            name: f"{day.day:02d}/{day.month:02d}/{day.year}"
            for name, day in zip(("tu_ngay", "den_ngay"), window, strict=True)
            if day is not None
        }

    def section(self, section: Section) -> list[str]:
        """Every sentence of ``section``'s figures: the templates', then the untemplated ones."""
        if section.figures != "sentences" or not section_is_filled(
            self.catalogue, section, self.values
        ):
            return []
        written = [s for s in (self.sentence(t) for t in section.sentences) if s]
        named = {i for t in section.sentences for i in t.indicator_ids()}
        rest = [
            indicator
            for indicator in self.catalogue.section_indicators(section.id)
            if indicator.id not in named and indicator.id in self.values
        ]
        if rest:
            clauses = [f"{nfc(i.label)}: {format_figure(i, self.values[i.id])}" for i in rest]
            text = "; ".join([clauses[0], *(lower_first(c) for c in clauses[1:])])
            written.append(text + ".")
        return written

    def sentence(self, template: Sentence) -> str | None:
        """One template filled in, or ``None`` when none of its figures is filled."""
        text = ""
        pending = ""  # a clause without figures, waiting for a figure clause
        printed = False
        for clause in template.clauses:
            chosen = self._choose(clause)
            if chosen is None:
                continue
            filled, has_figures = chosen
            if not has_figures:
                pending = filled
                continue
            for part in (pending, filled):
                text = _join(text, part)
            pending = ""
            printed = True
        if not printed:
            return None
        text = capitalise(text.strip()).rstrip(" ,;:")
        return nfc(text if text.endswith((".", "!", "?")) else text + ".")

    def _choose(self, clause: str | Clause) -> tuple[str, bool] | None:
        """The clause's text filled in and whether it names figures; ``None`` to leave it out."""
        text = clause if isinstance(clause, str) else clause.text
        if not self._filled(text):
            return None
        matches = list(PLACEHOLDER.finditer(text))
        figures = [m["name"] for m in matches if m["name"] not in WINDOW_PLACEHOLDERS]
        shown = [m["name"] for m in matches if not m["guard"] and m["name"] not in self.window]
        zero = clause.zero if isinstance(clause, Clause) else None
        if zero is not None and shown and Decimal(self.values[shown[0]]) == 0:
            if not zero or not self._filled(zero):
                return None
            return PLACEHOLDER.sub(self._fill, zero), True
        return PLACEHOLDER.sub(self._fill, text), bool(figures)

    def _filled(self, text: str) -> bool:
        """Whether every placeholder of ``text`` has a value."""
        return all(
            m["name"] in self.values or m["name"] in self.window for m in PLACEHOLDER.finditer(text)
        )

    def _fill(self, match: re.Match[str]) -> str:
        name = match["name"]
        if match["guard"]:
            return ""
        if name in self.window:
            return self.window[name]
        indicator = self.catalogue.indicator(name)
        return format_figure(indicator, self.values[name], unit=match["format"] != "so")


def _join(text: str, clause: str) -> str:
    """``clause`` after ``text``: its leading separator goes at the start or after a colon."""
    if not clause:
        return text
    if not text.strip() or text.rstrip().endswith(":"):
        clause = clause.lstrip(" " + _SEPARATORS)
    return text + clause
