"""The report's ruled tables: contacts, PAR-index scores, the figures appendix, open findings."""

from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from cchc_desktop.catalogue import Catalogue, RatioRule, Section, Severity
from cchc_desktop.checks import Finding, Status
from cchc_desktop.model import Contact
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.fonts import BOLD, REGULAR, width
from cchc_desktop.pdf.sentences import format_cell, section_is_filled
from cchc_desktop.pdf.text import markup, nfc, roman
from cchc_desktop.vnformat import Number

_SCORE_PREFIX = "Điểm tự đánh giá:"
_PAD = 4.0  # points left and right in a cell


def _lines(text: str, font: str, room: float) -> str:
    """``text`` broken into lines of at most ``room`` points (cheaper than a paragraph a cell)."""
    text = nfc(text)
    if width(text, font, s.TABLE) <= room:
        return text
    return "\n".join(str(line) for line in simpleSplit(text, font, s.TABLE, room))


def ruled_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    short: Sequence[int] = (0,),
    bold_rows: Sequence[int] = (),
    spans: Sequence[int] = (),
) -> Table:
    """A grid with a bold header row repeated on every page; cells are plain text.

    ``short`` columns (numbers, units) are centred, the others left-aligned; text
    wraps to the column. ``spans`` are rows whose second cell runs to the last
    column (section rows).
    """
    st = s.styles()
    data: list[list[Paragraph | str]] = [[Paragraph(markup(t), st.cell_head) for t in rows[0]]]
    room = [w - 2 * _PAD for w in widths]
    spanned = [room[0], sum(widths[1:]) - 2 * _PAD, *room[2:]]
    for index, row in enumerate(rows[1:], start=1):
        font = BOLD if index in bold_rows else REGULAR
        cells = spanned if index in spans else room
        data.append([_lines(text, font, cells[n]) for n, text in enumerate(row)])
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # ReportLab's default would add Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), s.TABLE),
        ("LEADING", (0, 0), (-1, -1), s.TABLE * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
    ]
    commands += [("ALIGN", (column, 1), (column, -1), "CENTER") for column in short]
    commands += [("FONTNAME", (0, row), (-1, row), BOLD) for row in bold_rows]
    commands += [("SPAN", (1, row), (-1, row)) for row in spans]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


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
                denominator = catalogue.indicator(rule.denominator)
                note = f"= {' + '.join(parts)}/{format_cell(denominator, values[rule.denominator])}"
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
        return Paragraph("Không còn lỗi hay cảnh báo nào.", st.body)
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
