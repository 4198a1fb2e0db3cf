"""The report's ruled tables: contacts, PAR-index scores, the figures appendix, open findings."""

import re
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from cchc_desktop.catalogue import Catalogue, RatioRule, Section, Severity
from cchc_desktop.checks import Finding, Status
from cchc_desktop.model import Contact
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.fonts import BOLD, REGULAR, width
from cchc_desktop.pdf.sentences import format_cell, section_is_filled
from cchc_desktop.pdf.text import Para, nfc, roman
from cchc_desktop.vnformat import Number

_SCORE_PREFIX = "Điểm tự đánh giá:"
_PAD = 4.0  # points left and right in a cell
_TOP = 2.0  # points above a cell's text
_BOTTOM = 5.0  # and below it
_PADDING = _BOTTOM + _TOP
_LEADING = s.TABLE * 1.2
_LEFT = "LEFT"
_CENTRE = "CENTER"
_NO_BREAK = "\u00a0"  # a no-break space: the words either side stay on one line
_BREAKS = re.compile(r"[^\S\u00a0]+")  # where a line may break: any space but a no-break one


class _Widths(dict[tuple[str, str], float]):
    """Widths of one table's texts at table size, each measured once (units and numbers recur)."""

    def of(self, text: str, font: str) -> float:
        found = self.get((text, font))
        if found is None:
            found = self[text, font] = width(text, font, s.TABLE)
        return found


def _lines(text: str, font: str, room: float, measured: _Widths) -> str:
    """``text`` broken into lines of at most ``room`` points (cheaper than a paragraph a cell).

    Lines break at spaces, as ReportLab's ``simpleSplit`` breaks them, but never at a
    no-break space (``= 1.551/1.553`` keeps its ``=``); a word wider than ``room``
    breaks after a ``/`` where one lets the line fit (``3.112,5/`` then ``12.450``),
    else after its no-break space, else where it fits (``_pieces``).
    """
    text = nfc(text)
    if not text or measured.of(text, font) <= room:
        return text
    space = measured.of(" ", font)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = -space
        for word in _BREAKS.split(paragraph):
            for piece in _pieces(word, font, room, measured):
                wide = measured.of(piece, font)
                if line and used + space + wide > room:
                    lines.append(" ".join(line))
                    line, used = [], -space
                line.append(piece)
                used += space + wide
        if line:
            lines.append(" ".join(line))
    return "\n".join(lines)


def _pieces(word: str, font: str, room: float, measured: _Widths) -> list[str]:
    """``word``, or when wider than ``room`` its longest heads that fit: ending in ``/``
    where one fits, else after a no-break space, else wherever it fits — a figure on
    the signed copy must never run over the next column."""
    if not word:
        return []
    pieces: list[str] = []
    while measured.of(word, font) > room:
        cut = _cut(word, font, room, measured)
        if cut is None:
            break  # not even one character fits
        pieces.append(word[:cut])
        word = word[cut:]
    pieces.append(word)
    return pieces


def _cut(word: str, font: str, room: float, measured: _Widths) -> int | None:
    """Where to break ``word`` (a head of it that fits ``room``), best place first."""
    for after in ("/", _NO_BREAK, None):
        cuts = [n + 1 for n, c in enumerate(word[:-1]) if after is None or c == after]
        fitting = [n for n in cuts if measured.of(word[:n], font) <= room]
        if fitting:
            return fitting[-1]
    return None


class _TextGrid(Table):  # type: ignore[misc]  # ReportLab has no type hints
    """A table of plain-text cells, drawn as ReportLab draws them but in one text object a page.

    ReportLab's table opens a text object for each line of each cell, choosing the
    font again every time, and one for every empty cell too: on the appendix's
    pages that was most of the drawing time. This writes the same lines at the
    same places (ReportLab's formulas for left or centred, vertically centred
    text) into one text object, before the rules, and skips empty cells; any
    other cell is left to ReportLab. ``measured`` holds the widths of the texts,
    measured once for the table and all its pages.
    """

    _text: PDFTextObject | None = None
    _font: tuple[str, float, float] | None = None
    _colour: object = None

    def __init__(self, *args: object, measured: _Widths | None = None, **options: object) -> None:
        super().__init__(*args, **options)
        self.measured = _Widths() if measured is None else measured

    def onSplit(self, table: "_TextGrid", byRow: int = 1) -> None:
        table.measured = self.measured  # the pages of a table share its measures

    def draw(self) -> None:
        self._text = None
        super().draw()

    def _drawCell(
        self,
        value: object,
        style: CellStyle,
        position: tuple[float, float],
        size: tuple[float, float],
    ) -> None:
        if (
            not isinstance(value, str)
            or style.valign != "MIDDLE"
            or any((style.href, style.destination, style.direction, style.shaping))
        ):
            super()._drawCell(value, style, position, size)
            return
        if not value:
            return
        left, bottom = position
        column_width, row_height = size
        if style.alignment == _LEFT:
            x = left + style.leftPadding
        elif style.alignment in (_CENTRE, "CENTRE"):
            x = left + (column_width + style.leftPadding - style.rightPadding) * 0.5
        else:
            super()._drawCell(value, style, position, size)
            return
        text = self._text
        if text is None:
            text = self._text = self.canv.beginText()
            self._font = self._colour = None
        font = (style.fontname, style.fontsize, style.leading)
        if font != self._font:
            text.setFont(*font)
            self._font = font
        if style.color != self._colour:
            text.setFillColor(style.color)
            self._colour = style.color
        lines = value.split("\n")
        leading = style.leading
        middle = style.bottomPadding + row_height - style.topPadding + len(lines) * leading
        y = bottom + middle / 2.0 - style.fontsize
        for line in lines:
            if style.alignment == _LEFT:
                start = x
            elif style.fontsize == s.TABLE:
                start = x - 0.5 * self.measured.of(line, style.fontname)
            else:
                start = x - 0.5 * width(line, style.fontname, style.fontsize)
            text.setTextOrigin(start, y)
            text.textLine(line)
            y -= leading

    def _drawLines(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None
        super()._drawLines()


def ruled_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    short: Sequence[int] = (0,),
    bold_rows: Sequence[int] = (),
    spans: Sequence[int] = (),
) -> Table:
    """A grid with a bold, centred header row repeated on every page; cells are plain text.

    ``short`` columns (numbers, units) are centred, the others left-aligned; text
    wraps to the column. ``spans`` are rows whose second cell runs to the last
    column (section rows).
    """
    room = [w - 2 * _PAD for w in widths]
    spanned = [room[0], sum(widths[1:]) - 2 * _PAD, *room[2:]]
    regular = {_LEFT: _cell(REGULAR, _LEFT), _CENTRE: _cell(REGULAR, _CENTRE)}
    bold = {_LEFT: _cell(BOLD, _LEFT), _CENTRE: _cell(BOLD, _CENTRE)}
    body_alignment = [_CENTRE if n in short else _LEFT for n in range(len(widths))]
    measured = _Widths()
    data = [[_lines(text, BOLD, room[n], measured) for n, text in enumerate(rows[0])]]
    cell_styles = [[bold[_CENTRE]] * len(widths)]
    for index, row in enumerate(rows[1:], start=1):
        font = BOLD if index in bold_rows else REGULAR
        cells = spanned if index in spans else room
        data.append([_lines(text, font, cells[n], measured) for n, text in enumerate(row)])
        faces = bold if index in bold_rows else regular
        cell_styles.append([faces[alignment] for alignment in body_alignment])
    # ReportLab's own measure of a text row (lines × leading + padding), done once here
    heights = [_LEADING * max(t.count("\n") + 1 for t in row) + _PADDING for row in data]
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, "black")]
    commands += [("SPAN", (1, row), (-1, row)) for row in spans]
    table = _TextGrid(
        data,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1,
        hAlign="CENTER",
        cellStyles=cell_styles,
        measured=measured,
    )
    table.setStyle(TableStyle(commands))
    return table


def _cell(font: str, alignment: str) -> CellStyle:
    """How a cell's text is set: vertically centred, table type, the padding of every cell.

    Given to the table as each cell's style (one object shared by the cells alike)
    rather than as commands ReportLab would apply cell by cell.
    """
    style = CellStyle(f"{font}-{alignment}")
    style.fontname = font  # ReportLab's default would add Helvetica
    style.fontsize = s.TABLE
    style.leading = _LEADING
    style.topPadding = _TOP
    style.bottomPadding = _BOTTOM
    style.leftPadding = _PAD
    style.rightPadding = _PAD
    style.valign = "MIDDLE"
    style.alignment = alignment
    return style


def contacts_table(contacts: Sequence[Contact]) -> Table | None:
    """STT, Nội dung, Họ tên, Chức vụ, Email/điện thoại; ``None`` when no row is filled."""
    filled = [c for c in contacts if any((c.role, c.name, c.position, c.contact))]
    if not filled:
        return None
    rows = [["STT", "Nội dung", "Họ tên", "Chức vụ", "Email/điện thoại"]]
    rows += [[str(n), c.role, c.name, c.position, c.contact] for n, c in enumerate(filled, start=1)]
    return ruled_table(rows, [12 * mm, 45 * mm, 34 * mm, 42 * mm, 32 * mm])


def scores_table(
    catalogue: Catalogue, section: Section, values: Mapping[str, Number]
) -> Table | None:
    """Each area's self-assessed score against its maximum, then the totals (bold).

    A score ``x.y.k`` is paired with ``x.y.toi_da`` (``k`` = ``diem``) or ``x.y.toi_da_k``.
    """
    if not section_is_filled(catalogue, section, values):
        return None
    rows = [["STT", "Lĩnh vực", "Điểm tự đánh giá", "Điểm tối đa"]]
    bold: list[int] = []
    number = 0
    for indicator in catalogue.section_indicators(section.id):
        group, _, key = indicator.id.rpartition(".")
        if key.startswith("toi_da") or indicator.id not in values:
            continue
        maximum_id = f"{group}.toi_da" if key == "diem" else f"{group}.toi_da_{key}"
        maximum = values.get(maximum_id)
        maximum_text = "" if maximum is None else format_cell(indicator, maximum)
        label = indicator.label
        if label.startswith(_SCORE_PREFIX):
            number += 1
            stt, label = str(number), label.removeprefix(_SCORE_PREFIX).strip()
        else:
            stt = ""
            bold.append(len(rows))
        score = format_cell(indicator, values[indicator.id])
        rows.append([stt, label, score, maximum_text])
    if len(rows) == 1:
        return None
    return ruled_table(rows, [12 * mm, 95 * mm, 30 * mm, 28 * mm], short=(0, 2, 3), bold_rows=bold)


def appendix_table(catalogue: Catalogue, values: Mapping[str, Number]) -> Table | None:
    """Every filled figure, grouped under its section (Roman-numbered rows spanning the table)."""
    ratios = {r.target: r for r in catalogue.rules if isinstance(r, RatioRule)}
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]]
    spans: list[int] = []
    count = 0
    for section in catalogue.sections:
        if not section_is_filled(catalogue, section, values):
            continue
        count += 1
        spans.append(len(rows))
        rows.append([roman(count), section.title, "", "", ""])
        filled = [i for i in catalogue.section_indicators(section.id) if i.id in values]
        for number, indicator in enumerate(filled, start=1):
            note = ""
            rule = ratios.get(indicator.id)
            if rule is not None:
                parts = [format_cell(catalogue.indicator(n), values[n]) for n in rule.numerator]
                below = format_cell(catalogue.indicator(rule.denominator), values[rule.denominator])
                note = f"={_NO_BREAK}{' + '.join(parts)}/{below}"  # "=" never alone on a line
            rows.append(
                [
                    str(number),
                    indicator.label,
                    indicator.unit,
                    format_cell(indicator, values[indicator.id]),
                    note,
                ]
            )
    if not spans:
        return None
    return ruled_table(
        rows,
        [12 * mm, 77 * mm, 25 * mm, 25 * mm, 26 * mm],
        short=(0, 2, 3, 4),
        bold_rows=spans,
        spans=spans,
    )


_FINDING_WORDS = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo"}


def findings_table(catalogue: Catalogue, findings: Sequence[Finding]) -> Flowable:
    """The checker's open findings: errors first, then warnings, then figures still awaited."""
    st = s.styles()
    if not findings:
        return Para("Không còn lỗi hay cảnh báo nào.", st.body)
    titles = {section.id: section.title for section in catalogue.sections}

    def order(finding: Finding) -> int:
        if finding.status == Status.PENDING:
            return 2
        return 0 if finding.severity == Severity.ERROR else 1

    rows = [["STT", "Mức độ", "Mục", "Nội dung"]]
    for number, finding in enumerate(sorted(findings, key=order), start=1):
        kind = (
            "Chờ số liệu" if finding.status == Status.PENDING else _FINDING_WORDS[finding.severity]
        )
        section = titles.get(finding.section, finding.section)
        rows.append([str(number), kind, section, finding.message])
    return ruled_table(rows, [12 * mm, 24 * mm, 40 * mm, 89 * mm], short=(0, 1))
