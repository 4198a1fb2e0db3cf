"""The province summary printed: ``BÁO CÁO TỔNG HỢP`` in the layout of the commune report.

Same page, fonts, header block (issuer ``SỞ NỘI VỤ`` under the province's
committee, ``Số: …/BC-SNV``, the dateline), title and ruled tables as the
commune's report (:mod:`cchc_desktop.pdf.layout`, :mod:`.tables`); then the
totals of every count and money figure by section, with the rates computed
from the sums over the communes that gave all of their figures (each line says
how many communes it is over), the communes that have not reported, those
whose report still has errors or a conflict, and those whose counted report is
a draft (flagged where it replaced a final one); then the closing sentence and the commune
report's "Nơi nhận" and signature block (``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``,
the name left blank for signing). Built deterministically (same summary, same
bytes) and written atomically.
"""

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
)

from cchc_desktop.atomic_file import write_atomically
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.model import Header, Report, Unit
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.fonts import register_fonts
from cchc_desktop.pdf.layout import BLANK, HeaderBlock, Rule, signature_block
from cchc_desktop.pdf.pages import a4_document
from cchc_desktop.pdf.sentences import format_cell
from cchc_desktop.pdf.tables import ruled_table
from cchc_desktop.pdf.text import Para, lower_first, markup, nfc, roman
from cchc_desktop.province.summary import CommuneRow, Summary
from cchc_desktop.province.words import COUNT_HEADER, RATE_NOTE
from cchc_desktop.status import status_word
from cchc_desktop.vnformat import format_count

__all__ = ["render_summary_pdf", "summary_pdf_bytes"]

ISSUER = "SỞ NỘI VỤ"
AUTHORITY = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")  # a deputy director signs for the director
_AFTER_TABLE = 10.0  # points between a table and the heading after it
ISSUER_WORDS = "Sở Nội vụ"
TITLE = "BÁO CÁO TỔNG HỢP"
_PROVINCE_KINDS = ("Tỉnh ", "Thành phố ")


def place_of(province_name: str) -> str:
    """``Cao Bằng`` for ``Tỉnh Cao Bằng``, ``Hà Nội`` for ``Thành phố Hà Nội``."""
    for prefix in _PROVINCE_KINDS:
        if province_name.startswith(prefix):
            return province_name[len(prefix) :]
    return province_name


def _letterhead(summary: Summary) -> Report:
    """The summary's header fields in the shape the commune report's header block reads."""
    made = summary.made_at
    return Report(
        id=0,
        catalogue_id="",
        catalogue_version="",
        unit=Unit(
            name=ISSUER,
            parent_body=f"UBND {summary.province_name.upper()}",
            issuing_body=ISSUER,
        ),
        period=summary.period,
        period_title=summary.period_title,
        header=Header(place=place_of(summary.province_name), date=made.date()),
        created_at=made,
        updated_at=made,
    )


def _subject(summary: Summary) -> str:
    return (
        f"Kết quả thực hiện công tác cải cách hành chính {nfc(summary.period_title)} "
        "của các xã, phường, đặc khu"
    )


def province_words(province_name: str) -> str:
    """The province as written mid-sentence: ``thành phố Hải Phòng``, ``tỉnh Cao Bằng``."""
    for prefix in _PROVINCE_KINDS:
        if province_name.startswith(prefix):
            return prefix.lower() + province_name[len(prefix) :]
    return province_name


def _received_words(reported: Sequence[CommuneRow]) -> str:
    """``3 bản chính thức; 1 bản nháp`` or ``chưa có bản chính thức; 1 bản nháp``."""

    def count(status: str) -> str:
        return format_count(sum(1 for r in reported if r.status == status), pad=False)

    words = [
        f"{count('final')} bản chính thức" if count("final") != "0" else "chưa có bản chính thức"
    ]
    if count("ready") != "0":
        words.append(f"{count('ready')} bản sẵn sàng, chưa chính thức")
    if count("draft") != "0":
        words.append(f"{count('draft')} bản nháp")
    return "; ".join(words)


def _introduction(summary: Summary) -> list[str]:
    reported = summary.reported
    day = summary.made_at.strftime("%d/%m/%Y")
    office = f"{ISSUER_WORDS} {province_words(summary.province_name)}"
    if reported:
        missing = len(summary.missing)
        first = (
            f"Đến ngày {day}, {office} đã nhận báo cáo của "
            f"{format_count(len(reported), pad=False)}/{format_count(len(summary.rows), pad=False)}"
            f" xã, phường, đặc khu ({_received_words(reported)}); "
            + (
                f"còn {format_count(missing, pad=False)} đơn vị chưa báo cáo."
                if missing
                else "tất cả các đơn vị đã báo cáo."
            )
        )
    else:
        first = f"Đến ngày {day}, {office} chưa nhận được báo cáo của xã, phường, đặc khu nào."
    texts = [first]
    if reported:
        texts.append(
            "Số liệu dưới đây là tổng số liệu của các đơn vị đã báo cáo; mỗi tỷ lệ được tính "
            "lại từ tổng số liệu của các đơn vị có đủ số liệu để tính tỷ lệ đó, không lấy "
            "bình quân tỷ lệ của các đơn vị."
        )
    with_errors = sum(1 for r in reported if r.errors)
    if with_errors:
        texts.append(
            f"Có {format_count(with_errors, pad=False)} đơn vị gửi báo cáo còn lỗi số liệu "
            "(xem mục III)."
        )
    drafts = draft_rows(summary)
    if drafts:
        replaced = sum(1 for r in drafts if r.replaced_final)
        texts.append(
            f"Có {format_count(len(drafts), pad=False)} đơn vị mới gửi bản nháp"
            + (
                f", trong đó {format_count(replaced, pad=False)} đơn vị gửi bản nháp thay cho "
                "bản chính thức đã gửi trước"
                if replaced
                else ""
            )
            + "; số liệu đang dùng bản nháp (xem mục IV)."
        )
    if summary.conflict_count:
        texts.append(
            f"Có {format_count(summary.conflict_count, pad=False)} đơn vị gửi hai bản khác nhau "
            "cùng một "
            "lần gửi (xung đột) chưa được giải quyết; số liệu đang dùng bản nhận trước."
        )
    return texts


def draft_rows(summary: Summary) -> list[CommuneRow]:
    """The reporting communes whose counted report is a draft."""
    return [r for r in summary.reported if r.status == "draft"]


def totals_table(summary: Summary, catalogue: Catalogue) -> Flowable:
    """STT, Chỉ tiêu, Đơn vị tính, Tổng số, Số đơn vị có số liệu; one spanned row a section."""
    st = s.styles()
    if not summary.reported:
        return Para("Chưa có đơn vị nào báo cáo trong kỳ này.", st.body)
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", COUNT_HEADER]]
    spans: list[int] = []
    for number, (section, totals) in enumerate(summary.totals_by_section(catalogue), start=1):
        spans.append(len(rows))
        rows.append([roman(number), section.title, "", "", ""])
        rows += [
            [
                str(n),
                t.indicator.label,
                t.indicator.unit,
                "" if t.value is None else format_cell(t.indicator, t.value),
                str(t.communes),
            ]
            for n, t in enumerate(totals, start=1)
        ]
    return ruled_table(
        rows,
        [12 * mm, 79 * mm, 22 * mm, 28 * mm, 24 * mm],
        short=(0, 2, 3, 4),
        bold_rows=spans,
        spans=spans,
    )


def missing_table(rows: Sequence[CommuneRow]) -> Flowable:
    st = s.styles()
    if not rows:
        return Para("Tất cả các đơn vị đã báo cáo.", st.body)
    table = [["STT", "Mã đơn vị", "Tên đơn vị"]]
    table += [[str(n), r.code, r.name] for n, r in enumerate(rows, start=1)]
    return ruled_table(table, [12 * mm, 28 * mm, 125 * mm], short=(0, 1))


def problems_table(rows: Sequence[CommuneRow]) -> Flowable:
    st = s.styles()
    if not rows:
        return Para("Không có đơn vị nào.", st.body)
    table = [["STT", "Mã", "Tên đơn vị", "Lần gửi", "Trạng thái", "Lỗi", "Cảnh báo", "Xung đột"]]
    table += [
        [
            str(n),
            r.code,
            r.name,
            str(r.revision),
            status_word(r.status or ""),
            str(r.errors),
            str(r.warnings),
            "Có" if r.conflict else "",
        ]
        for n, r in enumerate(rows, start=1)
    ]
    widths = [11 * mm, 15 * mm, 51 * mm, 15 * mm, 22 * mm, 13 * mm, 18 * mm, 20 * mm]
    return ruled_table(table, widths, short=(0, 1, 3, 4, 5, 6, 7))


def drafts_table(rows: Sequence[CommuneRow]) -> Flowable:
    st = s.styles()
    if not rows:
        return Para("Không có đơn vị nào.", st.body)
    table = [["STT", "Mã", "Tên đơn vị", "Lần gửi", "Ghi chú"]]
    table += [
        [
            str(n),
            r.code,
            r.name,
            str(r.revision),
            "Thay cho bản chính thức đã gửi trước" if r.replaced_final else "",
        ]
        for n, r in enumerate(rows, start=1)
    ]
    widths = [11 * mm, 15 * mm, 66 * mm, 15 * mm, 58 * mm]
    return ruled_table(table, widths, short=(0, 1, 3))


def _story(summary: Summary, catalogue: Catalogue) -> list[Flowable]:
    st = s.styles()
    subject = _subject(summary)
    header = HeaderBlock(_letterhead(summary))
    header.number = f"Số: {BLANK}/BC-SNV"
    problems = [r for r in summary.reported if r.errors or r.conflict]
    story: list[Flowable] = [
        header,
        Para(TITLE, st.title),
        Para(markup(subject), st.summary),
        Rule(60 * mm),
    ]
    story += [Para(markup(text), st.body) for text in _introduction(summary)]
    totals: list[Flowable] = [totals_table(summary, catalogue)]
    if summary.reported:
        totals += [Spacer(1, 2 * mm), Para(markup(RATE_NOTE), st.body)]
    parts: list[tuple[str, list[Flowable]]] = [
        ("TỔNG HỢP SỐ LIỆU CỦA CÁC ĐƠN VỊ ĐÃ BÁO CÁO", totals),
        (
            f"CÁC ĐƠN VỊ CHƯA BÁO CÁO ({len(summary.missing)}/{len(summary.rows)})",
            [missing_table(summary.missing)],
        ),
        ("CÁC ĐƠN VỊ CÓ BÁO CÁO CÒN LỖI HOẶC XUNG ĐỘT", [problems_table(problems)]),
        ("CÁC ĐƠN VỊ GỬI BẢN NHÁP", [drafts_table(draft_rows(summary))]),
    ]
    for number, (title, flowables) in enumerate(parts, start=1):
        story += [Para(f"{roman(number)}. {markup(title)}", st.part), Spacer(1, 2 * mm)]
        flowables[-1].spaceAfter = _AFTER_TABLE  # the next heading stands clear of it
        story += flowables
    story.append(
        KeepTogether(
            [
                Para(markup(_closing(summary)), st.body),
                Spacer(1, 4 * mm),
                signature_block(_closing_header(summary), list(AUTHORITY)),
            ]
        )
    )
    return story


def _closing(summary: Summary) -> str:
    return (
        "Trên đây là báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính "
        f"{nfc(summary.period_title)} của các xã, phường, đặc khu trên địa bàn "
        f"{province_words(summary.province_name)}./."
    )


def _closing_header(summary: Summary) -> Header:
    """Who receives the summary; the signer's name is left blank, to be signed by hand."""
    return Header(
        recipients=[
            "Bộ Nội vụ (để báo cáo)",
            f"UBND {province_words(summary.province_name)} (để báo cáo)",
            "Giám đốc Sở (để báo cáo)",
            "UBND các xã, phường, đặc khu",
            "Lưu: VT",
        ]
    )


def summary_pdf_bytes(summary: Summary, catalogue: Catalogue) -> bytes:
    """The summary's PDF; the same summary gives the same bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = a4_document(
        buffer,
        title=f"Báo cáo tổng hợp {lower_first(_subject(summary))}",
        author=f"{ISSUER_WORDS} {province_words(summary.province_name)}",
        subject=catalogue.title,
    )
    doc.build(_story(summary, catalogue))
    return buffer.getvalue()


def render_summary_pdf(summary: Summary, catalogue: Catalogue, out: Path | str | BinaryIO) -> None:
    """Write the summary's PDF to ``out`` (a path, written atomically, or a binary stream)."""
    data = summary_pdf_bytes(summary, catalogue)
    if not isinstance(out, str | os.PathLike):
        out.write(data)
        return
    write_atomically(out, data)
