"""The summary as a CSV file for Excel: one row per commune, then the totals.

UTF-8 with a byte-order mark (``utf-8-sig``), which is what makes Excel on
Windows read the Vietnamese headers right when the file is double-clicked;
comma-separated, CRLF line ends. Numbers are plain (``1730``, ``3112.5``): no
thousands separator, a decimal point, no unit in the cell (the header names
it), so that they add up in a spreadsheet whatever its locale reads in. The
file is written next to its destination and renamed over it, so an existing
file is never left half-written.
"""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from cchc_desktop.atomic_file import write_atomically
from cchc_desktop.province.summary import CommuneRow, Summary
from cchc_desktop.province.words import COUNT_HEADER
from cchc_desktop.vnformat import Number, plain_decimal

STATUS_COLUMNS = [
    "STT",
    "Mã xã",
    "Tên xã, phường, đặc khu",
    "Tình trạng",
    "Lần gửi",
    "Trạng thái",
    "Số lỗi",
    "Số cảnh báo",
    "Xung đột",
    "Ngày lập gói",
    "Tệp",
]


def plain_number(value: Number | None) -> str:
    """``1730``, ``3112.5``, ``99.87``; empty for a missing figure."""
    return "" if value is None else plain_decimal(value)


def _status_cells(number: int, row: CommuneRow) -> list[str]:
    *shown, made, file_name = row.cells()
    conflict = "Có" if row.reported and row.conflict else ""
    return [str(number), *shown, conflict, made, _text_cell(file_name)]


def _text_cell(text: str) -> str:
    """Text from outside (a file name off a USB stick) that Excel must not take for a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def summary_rows(summary: Summary, *, figures: bool = True) -> Iterator[list[str]]:
    """The CSV's rows: headers, one per commune, then ``Tổng cộng`` and how many communes
    each total is over (with ``figures``; a rate is over those that gave all its figures)."""
    lines = summary.totals if figures else ()
    yield [*STATUS_COLUMNS, *(f"{t.indicator.label} ({t.indicator.unit})" for t in lines)]
    for number, row in enumerate(summary.rows, start=1):
        values = [
            "" if t.indicator.derived else plain_number(row.values.get(t.indicator.id))
            for t in lines
        ]
        yield [*_status_cells(number, row), *values]
    if figures:
        reported = f"{len(summary.reported)}/{len(summary.rows)} đã báo cáo"
        head = ["", "", f"Tổng cộng {summary.province_name}", reported]
        head += [""] * (len(STATUS_COLUMNS) - len(head))
        yield [*head, *(plain_number(t.value) for t in lines)]
        over = ["", "", COUNT_HEADER, "tỷ lệ: đơn vị có đủ số liệu để tính"]
        over += [""] * (len(STATUS_COLUMNS) - len(over))
        yield [*over, *(str(t.communes) if t.value is not None else "" for t in lines)]


def write_summary_csv(summary: Summary, path: Path | str, *, figures: bool = True) -> None:
    """Write the summary table to ``path`` (atomically); ``figures`` adds the indicators."""
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(summary_rows(summary, figures=figures))
    write_atomically(path, text.getvalue().encode("utf-8-sig"))
