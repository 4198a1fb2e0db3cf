"""The numbered body: parts ``I.``, sections ``1.``, points ``a)``, numbered as printed.

Empty sections and parts are left out and the rest numbered without a gap. A
section's figures (sentences, or the score table) belong to its first
narrative, the results. A section with one narrative prints it without a
label; with several, each filled one is a lettered point. A part whose only
section has the part's own title (``Đánh giá chung``) prints no section
heading, and its narratives are numbered ``1.``, ``2.`` instead.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from cchc_desktop.catalogue import Catalogue, Section
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.sentences import SentenceWriter
from cchc_desktop.pdf.tables import scores_table
from cchc_desktop.pdf.text import Para, letter, markup, paragraphs, roman, upper
from cchc_desktop.vnformat import Number


@dataclass
class _Item:
    label: str
    flowables: list[Flowable] = field(default_factory=list)


def _same(a: str, b: str) -> bool:
    return upper(a.strip()) == upper(b.strip())


class BodyWriter:
    def __init__(
        self,
        catalogue: Catalogue,
        narratives: Mapping[str, str],
        values: Mapping[str, Number],
        sentences: SentenceWriter,
    ) -> None:
        self.catalogue = catalogue
        self.narratives = narratives
        self.values = values
        self.sentences = sentences
        self.st = s.styles()

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        number = 0
        for part in self.catalogue.parts:
            sections = [x for x in self.catalogue.sections if x.part == part.id]
            printed = [(x, items) for x in sections if (items := self._items(x))]
            if not printed:
                continue
            number += 1
            heading = f"{roman(number)}. {markup(upper(part.title))}"
            flowables.append(Para(heading, self.st.part))
            if len(printed) == 1 and _same(printed[0][0].title, part.title):
                flowables += self._points(printed[0][1], lambda n: f"{n}.", self.st.section)
                continue
            for index, (section, items) in enumerate(printed, start=1):
                title = f"{index}. {markup(section.title)}"
                flowables.append(Para(title, self.st.section))
                flowables += self._points(items, lambda n: f"{letter(n)})", self.st.point)
        return flowables

    def _points(
        self, items: list[_Item], label: Callable[[int], str], style: ParagraphStyle
    ) -> list[Flowable]:
        if len(items) == 1 and not items[0].label:
            return items[0].flowables
        flowables: list[Flowable] = []
        for index, item in enumerate(items, start=1):
            numbered = f"{label(index)} {markup(item.label)}"
            flowables.append(Para(numbered, style))
            flowables += item.flowables
        return flowables

    def _items(self, section: Section) -> list[_Item]:
        """The section's filled narratives, the first with the figures; [] when all empty."""
        before: list[Flowable] = [
            Para(f"- {markup(text)}", self.st.body) for text in self.sentences.section(section)
        ]
        after: list[Flowable] = []
        if section.figures == "scores":
            table = scores_table(self.catalogue, section, self.values)
            if table is not None:
                after = [_spaced(table)]
        labelled = len(section.narratives) > 1
        items: list[_Item] = []
        for index, narrative in enumerate(section.narratives):
            text = self.narratives.get(section.narrative_key(narrative.id), "")
            body = [Para(markup(line), self.st.body) for line in paragraphs(text)]
            if index == 0:
                body = before + body + after
            if body:
                items.append(_Item(narrative.label if labelled else "", body))
        if not section.narratives and (before or after):
            items.append(_Item("", before + after))
        return items


def _spaced(table: Flowable) -> Flowable:
    table.spaceBefore = s.GAP
    table.spaceAfter = s.GAP
    return table
