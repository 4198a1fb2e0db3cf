"""The printed report: what a reader of the PDF sees, read back with pypdf."""

import datetime as dt
import io
import os
import stat
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.checks import check_report
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Header, Report, Unit
from cchc_desktop.pdf import FinalCopyRefused, render_report_pdf
from cchc_desktop.pdf.fonts import BOLD, REGULAR
from cchc_desktop.pdf.fonts import width as text_width
from cchc_desktop.pdf.sentences import figure_values
from cchc_desktop.pdf.styles import MARGIN_TOP, PAGE_HEIGHT, styles
from cchc_desktop.pdf.styles import TABLE as TABLE_SIZE
from cchc_desktop.pdf.tables import appendix_table, ruled_table
from cchc_desktop.pdf.text import Para, roman
from cchc_desktop.store import Store
from cchc_desktop.units import commune


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Report:
    path = tmp_path_factory.mktemp("pdf") / "demo.sqlite3"
    with Store.open(path, catalogue, keep_backups=0) as store:
        return store.load(create_demo_report(store))


@pytest.fixture(scope="module")
def demo_pdf(demo: Report, catalogue: Catalogue) -> bytes:
    return render(demo, catalogue)


def render(report: Report, catalogue: Catalogue, **options: Any) -> bytes:
    out = io.BytesIO()
    render_report_pdf(report, catalogue, out, **options)
    return out.getvalue()


def pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def text(data: bytes) -> str:
    return " ".join(pages(data))


def bare(**fields: Any) -> Report:
    """A report of Xã Tứ Kỳ for quý I năm 2026 with only the given fields."""
    now = dt.datetime(2026, 3, 1, 8, 0)
    base: dict[str, Any] = {
        "id": 7,
        "catalogue_id": "cchc-xa",
        "catalogue_version": "2026.1",
        "unit": Unit.from_official(commune("11074")),
        "period": "2026-Q1",
        "period_title": "quý I năm 2026",
        "created_at": now,
        "updated_at": now,
    }
    return Report(**(base | fields))


def in_order(haystack: str, *needles: str) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"«{needle}» not found after position {position}"
        position = found + len(needle)


def test_the_report_reads_top_to_bottom(demo_pdf: bytes) -> None:
    in_order(
        text(demo_pdf),
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "ỦY BAN NHÂN DÂN XÃ TỨ KỲ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-UBND",
        "Tứ Kỳ, ngày 16 tháng 3 năm 2026",
        "DỰ THẢO",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
        "Kính gửi: Sở Nội vụ thành phố Hải Phòng",
        "Thực hiện Kế hoạch số 12/KH-UBND",
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
        "1. Công tác chỉ đạo, điều hành cải cách hành chính",
        "a) Kết quả đạt được",
        "b) Tồn tại, hạn chế và nguyên nhân",
        "2. Cải cách thể chế",
        "3. Cải cách thủ tục hành chính",
        "8. Tác động của cải cách hành chính",
        "II. KẾT QUẢ TỰ ĐÁNH GIÁ",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế",
        "3. Nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Cán bộ, công chức phụ trách",
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 "
        "của Ủy ban nhân dân xã Tứ Kỳ./.",
        "Nơi nhận:",
        "- Lưu: VT, VP.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Thắng",
        "Phụ lục",
        "Số liệu kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
        "(Kèm theo Báo cáo số",
        "STT Chỉ tiêu",
        "I Công tác chỉ đạo, điều hành cải cách hành chính",
    )


def test_figures_are_written_the_vietnamese_way(demo_pdf: bytes) -> None:
    words = text(demo_pdf)
    for phrase in [
        "Thu nhận 3.525/3.879 hồ sơ tài khoản định danh điện tử",
        "đạt 90,87%",
        "đã giải ngân 3.112,5 triệu đồng, đạt 25%",
        "tổ chức 02 hội nghị, lớp tập huấn",
        "Từ ngày 15/12/2025 đến ngày 14/03/2026, tổng số hồ sơ tiếp nhận 907 hồ sơ",
        "không có hồ sơ quá hạn",
        "Tỷ lệ hoàn thành Kế hoạch CCHC % 28,13 = 9/32",  # appendix row with its formula
    ]:
        assert phrase in words
    assert "None" not in words


def test_the_self_assessment_table_pairs_scores_with_maxima(demo_pdf: bytes) -> None:
    words = text(demo_pdf)
    in_order(
        words,
        "STT Lĩnh vực Điểm tự đánh giá Điểm tối đa",
        "1 Công tác chỉ đạo, điều hành CCHC 11,75 16,5",
        "Tổng điểm tự đánh giá 68,75 70",
        "Tổng điểm Chỉ số cải cách hành chính 91,15 100",
    )


def test_vietnamese_letters_survive(demo_pdf: bytes) -> None:
    words = text(demo_pdf)
    assert unicodedata.is_normalized("NFC", words)
    for letters in ["ệ", "ữ", "Đ", "Ủ", "ộ", "ơ", "ư"]:
        assert letters in words


def test_page_numbers_from_page_two_in_the_top_margin(demo_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(demo_pdf))
    assert len(reader.pages) > 2
    for number, page in enumerate(reader.pages, start=1):
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]  # A4 portrait
        top: list[str] = []

        def visit(chunk: str, cm: list[float], tm: list[float], *_: Any, into=top) -> None:
            if chunk.strip() and cm[5] + tm[5] > PAGE_HEIGHT - MARGIN_TOP:
                into.append(chunk.strip())

        page.extract_text(visitor_text=visit)
        assert top == ([] if number == 1 else [str(number)])


def test_every_font_is_embedded(demo_pdf: bytes) -> None:
    seen = set()
    for page in PdfReader(io.BytesIO(demo_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert seen == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_citations_are_footnotes_of_page_one(demo_pdf: bytes) -> None:
    first = pages(demo_pdf)[0]
    in_order(
        first,
        "Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ1;",  # not in the preamble: named
        "Kế hoạch số 12/KH-UBND ngày 05/01/20262 của UBND xã",  # mentioned: marked
        "1 Nghị quyết số 76/NQ-CP ngày 15/07/2021 của Chính phủ về ban hành Chương trình",
        "2 Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã Tứ Kỳ về cải cách hành chính",
    )


def test_a_preamble_longer_than_page_one_gets_endnotes(catalogue: Catalogue) -> None:
    header = Header(
        preamble="\n".join(["Thực hiện nhiều văn bản chỉ đạo của cấp trên. " * 8] * 12),
        citations=[{"kind": "Kế hoạch", "number": "05/KH-UBND", "date": "17/01/2022"}],
    )
    data = render(bare(header=header), catalogue)
    all_pages = pages(data)
    assert "Kế hoạch số 05/KH-UBND1" in all_pages[0]
    assert "1 Kế hoạch số 05/KH-UBND ngày 17/01/2022" in all_pages[1]


def test_same_report_same_bytes(demo: Report, catalogue: Catalogue, demo_pdf: bytes) -> None:
    assert render(demo, catalogue) == demo_pdf
    metadata = PdfReader(io.BytesIO(demo_pdf)).metadata
    assert metadata is not None
    assert metadata.title == "Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026"
    assert metadata.author == "Ủy ban nhân dân xã Tứ Kỳ"


def test_nfd_text_prints_as_nfc(catalogue: Catalogue) -> None:
    phrase = "Tổ chức đối thoại với người dân về thủ tục đất đai, Đề án 06 được triển khai"
    decomposed = unicodedata.normalize("NFD", phrase)
    assert decomposed != phrase
    report = bare().model_copy(  # model_copy does not validate: the text stays NFD
        update={
            "narratives": {"phuong_huong.nhiem_vu": decomposed},
            "header": Header(signer={"name": "x"}).model_copy(
                update={"place": unicodedata.normalize("NFD", "Tứ Kỳ")}
            ),
        }
    )
    words = text(render(report, catalogue))
    assert phrase in words
    assert "Tứ Kỳ, ngày" in words


def test_numbering_has_no_gap_when_sections_are_empty(catalogue: Catalogue) -> None:
    report = bare(
        narratives={
            "the_che.han_che": "Tuyên truyền pháp luật chưa đa dạng.",
            "so_hoa.ket_qua": "Văn bản được ký số.",
            "kien_nghi.noi_dung": "Không.",
        },
        values={"tthc.ho_so.tiep_nhan": 12},
    )
    words = text(render(report, catalogue))
    in_order(
        words,
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Cải cách thể chế",
        "a) Tồn tại, hạn chế và nguyên nhân",
        "2. Cải cách thủ tục hành chính",
        "a) Kết quả đạt được",
        "Tổng số hồ sơ tiếp nhận 12 hồ sơ.",
        "3. Xây dựng và phát triển chính quyền điện tử",
        "II. KIẾN NGHỊ, ĐỀ XUẤT",
        "Không.",
    )
    for absent in ["4.", "b)", "III.", "ĐÁNH GIÁ CHUNG", "Chỉ tiêu Điểm tự đánh giá", "None"]:
        assert absent not in words.split("Phụ lục")[0], absent


def test_empty_figures_do_not_print(catalogue: Catalogue) -> None:
    defaults = {i.id: i.default for i in catalogue.indicators if i.default is not None}
    report = bare(values={**defaults, "tthc.ho_so.da_giai_quyet": 3})
    words = text(render(report, catalogue))
    assert "Đã giải quyết 03 hồ sơ." in words
    assert "tiếp nhận" not in words
    assert "Điểm tối đa" not in words  # the PAR maxima alone are defaults, not figures
    assert "KẾT QUẢ TỰ ĐÁNH GIÁ" not in words
    in_order(words, "Phụ lục", "Số hồ sơ đã giải quyết hồ sơ 3")
    empty = text(render(bare(), catalogue))
    assert "Phụ lục" not in empty and "None" not in empty and " 0 " not in empty


def test_draft_has_blanks_and_the_mark_final_does_not(demo: Report, catalogue: Catalogue) -> None:
    draft = pages(render(bare(), catalogue))[0]
    assert "DỰ THẢO" in draft
    assert "Tứ Kỳ, ngày tháng năm 2026" in draft  # day and month left blank
    final = pages(render(demo, catalogue, final=True))
    assert "DỰ THẢO" not in " ".join(final)
    assert "BÁO CÁO" in final[0]


def test_final_is_refused_while_errors_remain(catalogue: Catalogue, tmp_path: Path) -> None:
    report = bare(values={"tthc.ho_so.tiep_nhan": 1730, "tthc.ho_so.da_giai_quyet": 1553})
    report = report.model_copy(
        update={"values": {**report.values, "tthc.ho_so.dang_giai_quyet": 176}}
    )
    out = tmp_path / "bao-cao.pdf"
    with pytest.raises(FinalCopyRefused, match="bản chính thức") as refused:
        render_report_pdf(report, catalogue, out, final=True)
    assert refused.value.errors and all(f.blocking for f in refused.value.errors)
    assert any("1.729" in f.message for f in refused.value.errors)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    render_report_pdf(report, catalogue, out)  # the draft is always printed
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]  # no temporary left


def test_findings_page_on_drafts_only(demo: Report, catalogue: Catalogue) -> None:
    assert check_report(catalogue, demo) == []  # no earlier report is not an open question
    draft = pages(render(demo, catalogue, include_findings_page=True))
    assert "CÁC VẤN ĐỀ CÒN LẠI TRONG SỐ LIỆU" in draft[-1]
    assert "Không còn lỗi hay cảnh báo nào." in draft[-1]
    values = {k: v for k, v in demo.values.items() if k != "tthc.ho_so.moi"}
    waiting = demo.model_copy(update={"values": values})  # a figure of a sum left empty
    findings = check_report(catalogue, waiting)
    assert findings and not any(f.blocking for f in findings)
    draft = pages(render(waiting, catalogue, include_findings_page=True))
    assert "CÁC VẤN ĐỀ CÒN LẠI TRONG SỐ LIỆU" in draft[-1]
    assert "Chờ số liệu" in draft[-1]
    final = render(waiting, catalogue, final=True, findings=findings, include_findings_page=True)
    assert "CÁC VẤN ĐỀ CÒN LẠI" not in text(final)


@pytest.fixture
def kt_signer(catalogue: Catalogue) -> Iterator[Report]:
    yield bare(header=Header(signer={"authority": "KT", "title": "", "name": "Trần Thị Hoa"}))


def test_a_vice_chairman_signs_for_the_chairman(kt_signer: Report, catalogue: Catalogue) -> None:
    in_order(text(render(kt_signer, catalogue)), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Hoa")


def test_a_historical_unit_prints_its_own_names(catalogue: Catalogue) -> None:
    unit = Unit(name="Thị xã Ngã Năm", issuing_body="ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM")
    header = Header(
        number="5",
        date=dt.date(2022, 10, 5),
        addressee="Sở Nội vụ tỉnh Sóc Trăng\n- Ban Chỉ đạo CCHC tỉnh;",
    )
    report = bare(unit=unit, period="2022-Q3", period_title="quý III năm 2022", header=header)
    words = pages(render(report, catalogue))[0]
    in_order(
        words,
        "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM",
        "Số: 05/BC-UBND",
        "Ngã Năm, ngày 05 tháng 10 năm 2022",
        "Kết quả thực hiện công tác cải cách hành chính quý III năm 2022",
        "Kính gửi: - Sở Nội vụ tỉnh Sóc Trăng; - Ban Chỉ đạo CCHC tỉnh;",
        "Ủy ban nhân dân thị xã Ngã Năm báo cáo kết quả",
        "của Ủy ban nhân dân thị xã Ngã Năm./.",
    )
    assert "UBND" not in words.split("ỦY BAN")[0]  # no parent body: nothing above the issuer


def test_the_appendix_repeats_its_header_row_on_every_page(demo_pdf: bytes) -> None:
    all_pages = pages(demo_pdf)
    first = next(n for n, page in enumerate(all_pages) if "Phụ lục Số liệu" in page)
    appendix = all_pages[first:]
    assert len(appendix) > 1
    for page in appendix:
        assert "STT Chỉ tiêu Đơn vị tính Số liệu Ghi chú" in page


def placed_text(data: bytes) -> list[tuple[int, str, float, float, str]]:
    """Every piece of text with its page, position (to 0.01 pt) and font."""
    placed = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):

        def visit(
            chunk: str, cm: list[float], tm: list[float], font: Any, size: float, number=number
        ) -> None:
            if chunk.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font["/BaseFont"]).split("+", 1)[-1] if font else ""
                placed.append((number, chunk.strip(), round(x, 2), round(y, 2), name))

        page.extract_text(visitor_text=visit)
    return sorted(placed)


def _notes(table: Table) -> list[str]:
    """The "Ghi chú" cells of the appendix, as ruled_table broke them into lines."""
    return [row[4] for row in table._cellvalues[1:] if row[4]]


def test_an_appendix_note_keeps_its_equals_sign_with_the_figures(
    demo: Report, catalogue: Catalogue, demo_pdf: bytes
) -> None:
    table = appendix_table(catalogue, figure_values(catalogue, demo))  # with the rates
    assert table is not None
    notes = _notes(table)
    assert len(notes) > 10
    for note in notes:
        lines = note.split("\n")
        assert lines[0].startswith("=\u00a0") and len(lines[0]) > 2, note  # never "=" alone
        assert all(line.strip() not in ("", "=") for line in lines), note
    # a fraction too wide for the column breaks after its "/", never after the "="
    assert "=\u00a03.112,5/\n12.450" in notes
    assert "=\u00a09/32" in notes  # one that fits stays on one line
    printed = [
        line.strip()
        for page in PdfReader(io.BytesIO(demo_pdf)).pages
        for line in page.extract_text().splitlines()
    ]
    assert "=" not in printed


def test_table_lines_break_at_spaces_but_not_at_a_no_break_space() -> None:
    label = "Tỷ lệ hồ sơ được giải quyết đúng hạn trong kỳ báo cáo của đơn vị hành chính"
    rows = [
        ["STT", "Chỉ tiêu"],
        ["1", label],
        ["2", "a =\u00a03.112,5/12.450 b"],
        ["3", "=\u00a0212.901,285/590.161,54 + 1.234.567/8.901.234"],
        ["4", "=\u00a012345678901234567890"],
        ["5", "=\u00a0212.901,285/590.161,54"],
    ]
    table = ruled_table(rows, [12 * mm, 30 * mm])
    cells = [row[1] for row in table._cellvalues]
    room = 30 * mm - 8  # less the padding left and right
    assert cells[1] == "\n".join(simpleSplit(label, REGULAR, 12, room))  # as ReportLab breaks
    assert cells[2] == "a =\u00a03.112,5/\n12.450 b"  # too wide: broken after the "/"
    assert cells[3] == "=\u00a0212.901,285/\n590.161,54 +\n1.234.567/\n8.901.234"
    # no "/" that fits: after the "=", then wherever it fits; never wider than the cell
    assert cells[4].split("\n")[0] == "=\u00a0"
    assert "".join(cells[4].split("\n")) == "=\u00a012345678901234567890"
    assert all(text_width(line, REGULAR, 12) <= room for cell in cells for line in cell.split("\n"))


def test_a_large_money_rate_note_stays_inside_its_column(
    demo: Report, catalogue: Catalogue
) -> None:
    # The domain guide's own figures: "= 212.901,285/590.161,54" is wider than the column.
    money = {
        "tai_chinh.dau_tu.ke_hoach": Decimal("590161.54"),
        "tai_chinh.dau_tu.giai_ngan": Decimal("212901.285"),
    }
    report = demo.model_copy(update={"values": money})
    table = appendix_table(catalogue, figure_values(catalogue, report))
    assert table is not None
    [note] = _notes(table)
    room = table._colWidths[4] - 8
    assert "212.901,285/" in note and "590.161,54" in note
    assert all(text_width(line, REGULAR, TABLE_SIZE) <= room for line in note.split("\n")), note


def test_ruled_table_text_sits_where_reportlab_puts_it() -> None:
    """The ruled tables draw their text themselves (one text object a page): at the places,
    in the faces, ReportLab's own table gives the same cells."""
    rows = [["STT", "Chỉ tiêu có tên rất dài cần xuống dòng", "Đơn vị tính", "Số liệu", "Ghi chú"]]
    spans: list[int] = []
    for n in range(1, 61):
        if n % 20 == 1:
            spans.append(len(rows))
            rows.append([roman(n // 20 + 1), "Mục có tiêu đề kéo dài qua các cột", "", "", ""])
        label = "Số hồ sơ tiếp nhận trong kỳ báo cáo " * (1 + n % 3)
        rows.append([str(n), label.strip(), "hồ sơ" if n % 4 else "", f"{n * 37:,}", ""])
    bold = spans[1:]  # bold or not, a section row spans the table
    widths = [12 * mm, 77 * mm, 25 * mm, 25 * mm, 26 * mm]
    ours = ruled_table(rows, widths, short=(0, 2, 3, 4), bold_rows=bold, spans=spans)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 12),
        ("LEADING", (0, 0), (-1, -1), 14.4),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        *(("ALIGN", (column, 1), (column, -1), "CENTER") for column in (0, 2, 3, 4)),
        *(("FONTNAME", (0, row), (-1, row), BOLD) for row in bold),
        *(("SPAN", (1, row), (-1, row)) for row in spans),
    ]
    cells = [list(row) for row in ours._cellvalues]  # the lines as ruled_table broke them
    theirs = Table(cells, colWidths=widths, repeatRows=1, style=TableStyle(commands))

    def built(table: Table) -> bytes:
        out = io.BytesIO()
        SimpleDocTemplate(out, invariant=1, initialFontName=REGULAR).build([table])
        return out.getvalue()

    placed = placed_text(built(ours))
    assert placed == placed_text(built(theirs))
    assert len({page for page, *_ in placed}) > 1  # the header row repeated on a new page
    assert ("Mục có tiêu đề kéo dài qua các cột", BOLD) in {(t, f) for _, t, _, _, f in placed}


def test_a_paragraph_breaks_its_lines_again_only_for_a_new_width() -> None:
    body = styles().body
    words = "Tổng số hồ sơ tiếp nhận trong kỳ báo cáo được giải quyết đúng hạn. " * 6
    para = Para(words, body)
    breaks: list[object] = []
    para.breakLines = lambda widths, lines=para.breakLines: breaks.append(widths) or lines(widths)
    for width in (400, 250, 400, 400):
        assert para.wrap(width, 1000) == Paragraph(words, body).wrap(width, 1000)
    assert len(breaks) == 3  # the same width twice in a row: the lines are kept
    assert para.split(400, 10) == []  # no room for two lines: ReportLab forgets the lines
    assert para.wrap(400, 1000) == Paragraph(words, body).wrap(400, 1000)
    first, rest = para.split(400, 2 * body.leading + 1)
    assert first.wrap(400, 1000)[1] + rest.wrap(400, 1000)[1] == para.wrap(400, 1000)[1]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_pdf_file_has_the_permissions_of_any_new_file(
    demo: Report, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Not tempfile's 0o600: the printed copy is shared and sent on."""
    path = tmp_path / "bao-cao.pdf"
    previous = os.umask(0o022)
    try:
        render_report_pdf(demo, catalogue, path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]
