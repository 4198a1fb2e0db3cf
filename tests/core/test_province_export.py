"""The summary leaves the app: a CSV for Excel and a printed PDF."""

import csv
import datetime as dt
import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc_desktop.bundle import bundle_bytes, bundle_file_name
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.model import ReportStatus
from cchc_desktop.pdf.summary import render_summary_pdf, summary_pdf_bytes
from cchc_desktop.province import ProvinceDatabase, Summary, import_paths, province_summary
from cchc_desktop.province.export import STATUS_COLUMNS, write_summary_csv
from cchc_desktop.province.sample import sample_bundle, write_sample_bundles
from cchc_desktop.units import communes

PERIOD = "2026-Q1"
CAO_BANG = list(communes("04"))
MADE_AT = dt.datetime(2026, 3, 25, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def summary(tmp_path_factory, catalogue) -> Summary:
    folder = tmp_path_factory.mktemp("export")
    write_sample_bundles(folder / "usb", CAO_BANG[:5], PERIOD, catalogue)
    with ProvinceDatabase.open(folder / "p.sqlite3") as db:
        import_paths(db, [folder / "usb"], catalogue)
        return province_summary(db, catalogue, "04", PERIOD, now=MADE_AT)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_csv_starts_with_a_bom_and_vietnamese_headers(tmp_path, summary):
    path = tmp_path / "tong-hop.csv"
    write_summary_csv(summary, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    header, *rows = read_csv(path)
    assert header[: len(STATUS_COLUMNS)] == STATUS_COLUMNS
    assert "Tên xã, phường, đặc khu" in header
    assert "Tổng số hồ sơ tiếp nhận (hồ sơ)" in header
    assert len(rows) == len(CAO_BANG) + 2  # every commune, the totals, how many each is over


def test_the_csv_rows_say_who_reported_and_numbers_are_plain(tmp_path, summary):
    path = tmp_path / "tong-hop.csv"
    write_summary_csv(summary, path)
    header, *rows = read_csv(path)
    column = {name: n for n, name in enumerate(header)}
    first = rows[0]
    assert first[column["Mã xã"]] == CAO_BANG[0].code  # leading zeros kept as written
    assert first[column["Tình trạng"]] == "Đã báo cáo"
    assert first[column["Trạng thái"]] == "Chính thức"
    missing = rows[5]
    assert missing[column["Tên xã, phường, đặc khu"]] == CAO_BANG[5].name
    assert missing[column["Tình trạng"]] == "Chưa báo cáo"
    assert missing[column["Tổng số hồ sơ tiếp nhận (hồ sơ)"]] == ""
    totals = rows[-2]
    assert totals[2] == "Tổng cộng Tỉnh Cao Bằng" and totals[3] == f"5/{len(CAO_BANG)} đã báo cáo"
    received = summary.total("tthc.ho_so.tiep_nhan")
    assert totals[column["Tổng số hồ sơ tiếp nhận (hồ sơ)"]] == str(received)
    assert (
        "." not in str(received) and int(totals[column["Tổng số hồ sơ tiếp nhận (hồ sơ)"]]) > 1000
    )
    money = totals[column["Vốn đầu tư công đã giải ngân (triệu đồng)"]]
    assert money == format(summary.total("tai_chinh.dau_tu.giai_ngan"), "f")
    assert "," not in money


def test_the_csv_without_figures_is_the_status_table_alone(tmp_path, summary):
    path = tmp_path / "trang-thai.csv"
    write_summary_csv(summary, path, figures=False)
    header, *rows = read_csv(path)
    assert header == STATUS_COLUMNS and len(rows) == len(CAO_BANG)


def test_the_pdf_summary_has_the_header_the_totals_and_who_is_missing(tmp_path, summary, catalogue):
    path = tmp_path / "tong-hop.pdf"
    render_summary_pdf(summary, catalogue, path)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "UBND TỈNH CAO BẰNG" in flat and "SỞ NỘI VỤ" in flat
    assert "BÁO CÁO TỔNG HỢP" in flat
    assert "Cao Bằng, ngày 25 tháng 3 năm 2026" in flat
    assert "/BC-SNV" in flat
    assert (
        f"Sở Nội vụ tỉnh Cao Bằng đã nhận báo cáo của 5/{len(CAO_BANG)} xã, phường, đặc khu "
        f"(5 bản chính thức); còn {len(CAO_BANG) - 5} đơn vị chưa báo cáo." in flat
    )
    assert "Tổng số hồ sơ tiếp nhận" in flat
    received = summary.total("tthc.ho_so.tiep_nhan")
    assert f"{received:,}".replace(",", ".") in flat
    assert f"CÁC ĐƠN VỊ CHƯA BÁO CÁO ({len(CAO_BANG) - 5}/{len(CAO_BANG)})" in flat
    assert CAO_BANG[-1].name in flat
    assert (
        "Trên đây là báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính quý I năm "
        "2026 của các xã, phường, đặc khu trên địa bàn tỉnh Cao Bằng./." in flat
    )
    assert "Nơi nhận: - Bộ Nội vụ (để báo cáo); - UBND tỉnh Cao Bằng (để báo cáo);" in flat
    assert "- Lưu: VT." in flat
    assert "KT. GIÁM ĐỐC" in flat and "PHÓ GIÁM ĐỐC" in flat
    assert flat.index("III. CÁC ĐƠN VỊ CÓ BÁO CÁO") < flat.index("Trên đây là báo cáo tổng hợp")
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts <= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_the_same_summary_prints_the_same_bytes(summary, catalogue):
    assert summary_pdf_bytes(summary, catalogue) == summary_pdf_bytes(summary, catalogue)


def test_a_period_nobody_reported_still_prints(tmp_path, catalogue):
    with ProvinceDatabase.open(tmp_path / "p.sqlite3") as db:
        empty = province_summary(db, catalogue, "1", "2026-Q2", now=MADE_AT)
    out = io.BytesIO()
    render_summary_pdf(empty, catalogue, out)
    text = " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages
        ).split()
    )
    assert "Chưa có đơn vị nào báo cáo trong kỳ này." in text
    assert "Sở Nội vụ thành phố Hà Nội chưa nhận được báo cáo của xã, phường, đặc khu nào." in text
    assert "Thành phố Hà Nội" not in text  # not capitalised mid-sentence
    assert "trên địa bàn thành phố Hà Nội./." in text


def test_drafts_and_ready_reports_are_counted_in_words(tmp_path, catalogue):
    folder = tmp_path / "usb"
    folder.mkdir()
    for unit, status in zip(
        CAO_BANG[:3], (ReportStatus.DRAFT, ReportStatus.DRAFT, ReportStatus.READY), strict=True
    ):
        bundle = sample_bundle(unit, PERIOD, catalogue, status=status)
        (folder / bundle_file_name(bundle)).write_bytes(bundle_bytes(bundle))
    with ProvinceDatabase.open(tmp_path / "p.sqlite3") as db:
        import_paths(db, [folder], catalogue)
        summary = province_summary(db, catalogue, "04", PERIOD, now=MADE_AT)
    flat = " ".join(
        " ".join(
            page.extract_text()
            for page in PdfReader(io.BytesIO(summary_pdf_bytes(summary, catalogue))).pages
        ).split()
    )
    assert (
        f"đã nhận báo cáo của 3/{len(CAO_BANG)} xã, phường, đặc khu (chưa có bản chính thức; "
        "1 bản sẵn sàng, chưa chính thức; 2 bản nháp)" in flat
    )
    assert "00/" not in flat and "(0 bản" not in flat


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_the_csv_and_pdf_have_the_permissions_of_any_new_file(
    tmp_path, summary, catalogue, umask, mode
):
    """Not tempfile's 0o600: another officer, or the shared folder, must read them."""
    csv_path, pdf_path = tmp_path / "tong-hop.csv", tmp_path / "tong-hop.pdf"
    previous = os.umask(umask)
    try:
        write_summary_csv(summary, csv_path, figures=False)
        write_summary_csv(summary, csv_path, figures=False)  # replaced, not appended to
        render_summary_pdf(summary, catalogue, pdf_path)
    finally:
        os.umask(previous)
    for written in (csv_path, pdf_path):
        assert stat.S_IMODE(written.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tong-hop.csv", "tong-hop.pdf"]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_csv_says_how_many_communes_each_total_is_over(tmp_path, summary):
    path = tmp_path / "tong-hop.csv"
    write_summary_csv(summary, path)
    header, *rows = read_csv(path)
    column = {name: n for n, name in enumerate(header)}
    over = rows[-1]
    assert over[2] == "Số đơn vị có số liệu"
    assert over[column["Tổng số hồ sơ tiếp nhận (hồ sơ)"]] == "5"
    assert over[column["Tỷ lệ hồ sơ được số hóa (%)"]] == "5"


def test_a_commune_with_an_open_conflict_is_not_said_to_have_simply_reported(tmp_path, catalogue):
    usb = tmp_path / "usb"
    usb.mkdir()
    for scale, name in ((1, "a.json"), (2, "b.json")):
        (usb / name).write_bytes(
            bundle_bytes(sample_bundle(CAO_BANG[0], PERIOD, catalogue, scale=scale))
        )
    with ProvinceDatabase.open(tmp_path / "p.sqlite3") as db:
        import_paths(db, [usb], catalogue)
        summary = province_summary(db, catalogue, "04", PERIOD, now=MADE_AT)
    path = tmp_path / "tong-hop.csv"
    write_summary_csv(summary, path)
    header, *rows = read_csv(path)
    assert rows[0][header.index("Tình trạng")] == "Xung đột" == summary.rows[0].state_words()
    assert rows[0][header.index("Xung đột")] == "Có"


def test_the_pdf_lists_the_drafts_and_a_draft_that_replaced_a_final(tmp_path, catalogue):
    usb = tmp_path / "usb"
    usb.mkdir()
    final = sample_bundle(CAO_BANG[0], PERIOD, catalogue, revision=1)
    later = sample_bundle(CAO_BANG[0], PERIOD, catalogue, revision=2, status=ReportStatus.DRAFT)
    draft = sample_bundle(CAO_BANG[1], PERIOD, catalogue, status=ReportStatus.DRAFT)
    kept = sample_bundle(CAO_BANG[2], PERIOD, catalogue)
    for number, bundle in enumerate((final, later, draft, kept)):
        (usb / f"{number}.json").write_bytes(bundle_bytes(bundle))
    with ProvinceDatabase.open(tmp_path / "p.sqlite3") as db:
        import_paths(db, [usb], catalogue)
        summary = province_summary(db, catalogue, "04", PERIOD, now=MADE_AT)
    replaced = {r.code: r.replaced_final for r in summary.reported}
    assert replaced == {CAO_BANG[0].code: True, CAO_BANG[1].code: False, CAO_BANG[2].code: False}
    flat = pdf_text(summary_pdf_bytes(summary, catalogue))
    assert (
        "Có 2 đơn vị mới gửi bản nháp, trong đó 1 đơn vị gửi bản nháp thay cho bản chính thức "
        "đã gửi trước; số liệu đang dùng bản nháp (xem mục IV)." in flat
    )
    drafts = flat[flat.index("IV. CÁC ĐƠN VỊ GỬI BẢN NHÁP") : flat.index("Trên đây là")]
    assert CAO_BANG[0].name in drafts and CAO_BANG[1].name in drafts
    assert CAO_BANG[2].name not in drafts
    assert drafts.count("Thay cho bản chính thức đã gửi trước") == 1
    assert "Số đơn vị có số liệu" in flat and "Số xã có số liệu" not in flat
    assert "Mỗi tỷ lệ được tính từ tổng số liệu của các đơn vị có đủ mọi số liệu" in flat


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (2, "không tìm thấy thư mục chứa tệp"),
        (13, "không có quyền ghi vào thư mục này."),
        (28, "ổ đĩa đã đầy"),
        (30, "ổ đĩa chỉ cho đọc"),
    ],
)
def test_a_failed_write_is_said_in_words(code, words):
    import errno

    from cchc_desktop.os_words import os_error_words

    assert code == {2: errno.ENOENT, 13: errno.EACCES, 28: errno.ENOSPC, 30: errno.EROFS}[code]
    said = os_error_words(OSError(code, os.strerror(code), "/x/.y.part"), writing=True)
    assert said.startswith(words) and said.endswith(".")
    assert os.strerror(code) not in said and ".part" not in said
