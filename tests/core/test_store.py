"""The store: creating, listing and loading reports, and editing their fields."""

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.model import Citation, ReportStatus
from cchc_desktop.store import ReportNotFound, Store
from tests.core.store_helpers import KY_SON, PHUONG_KY, TU_KY, make_catalogue


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    return make_catalogue(tmp_path)


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue) -> Iterator[Store]:
    with Store.open(tmp_path / "data" / "cchc.sqlite3", catalogue) as opened:
        yield opened


def test_open_creates_folders_and_pragmas(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "a" / "b" / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert store.notices == []
    assert path.is_file()


def test_create_prefills_window_defaults_and_place(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-q1")
    report = store.load(report_id)
    assert report.period == "2026-Q1"
    assert report.period_title == "quý I năm 2026"
    assert (report.window_from, report.window_to) == (dt.date(2025, 12, 15), dt.date(2026, 3, 14))
    assert report.status == ReportStatus.DRAFT
    assert report.values == {"par.diem_toi_da": Decimal("16.5")}
    assert report.header.place == "Tứ Kỳ"
    assert report.unit.issuing_body == "ỦY BAN NHÂN DÂN XÃ TỨ KỲ"
    assert report.catalogue_id == "thu-kho"
    assert store.history(report_id) == []  # nothing to undo in a fresh report


def test_free_text_unit_and_ad_hoc_period(store: Store) -> None:
    window = (dt.date(2022, 12, 10), dt.date(2023, 7, 31))
    report_id = store.create_report(
        PHUONG_KY, "2023-AH1", ad_hoc_title="phục vụ Đoàn kiểm tra", window=window
    )
    report = store.load(report_id)
    assert report.unit.code is None
    assert report.header.place == ""
    assert report.period_title == "phục vụ Đoàn kiểm tra"
    assert (report.window_from, report.window_to) == window
    no_window = store.load(store.create_report(PHUONG_KY, "2023-AH2"))
    assert no_window.window_from is None
    assert no_window.period_title == "đột xuất năm 2023"


def test_create_refuses_bad_input_and_second_live_report(store: Store) -> None:
    with pytest.raises(ValueError, match="Kỳ báo cáo «2026-Q5» không hợp lệ"):
        store.create_report(TU_KY, "2026-Q5")
    with pytest.raises(ValueError, match="phải trước ngày kết thúc"):
        store.create_report(TU_KY, "2026-AH1", window=(dt.date(2026, 5, 1), dt.date(2026, 4, 1)))
    with pytest.raises(ValueError, match="chỉ báo cáo đột xuất"):
        store.create_report(TU_KY, "2026-Q1", ad_hoc_title="tên riêng")
    first = store.create_report(TU_KY, "2026-Q1")
    with pytest.raises(ValueError, match=f"Đã có báo cáo quý I năm 2026 của Xã Tứ Kỳ.*số {first}"):
        store.create_report(TU_KY.model_copy(update={"name": "Xã Tứ Kỳ (cũ)"}), "2026-Q1")
    free = store.create_report(PHUONG_KY, "2026-Q1")
    with pytest.raises(ValueError, match="Đã có báo cáo"):
        store.create_report(PHUONG_KY, "2026-Q1")
    assert len(store.list_reports()) == 2
    assert store.load(free).unit.name == "Xã Phượng Kỳ"


def test_list_sorted_by_unit_then_period(store: Store) -> None:
    for unit, period in [
        (TU_KY, "2026-Y"),
        (TU_KY, "2026-Q3"),
        (KY_SON, "2026-Q2"),
        (TU_KY, "2025-Q4"),
        (TU_KY, "2026-H1"),
        (TU_KY, "2026-Q1"),
    ]:
        store.create_report(unit, period)
    listed = [(s.unit_name, s.period) for s in store.list_reports()]
    assert listed == [
        ("Phường Kỳ Sơn", "2026-Q2"),
        ("Xã Tứ Kỳ", "2025-Q4"),
        ("Xã Tứ Kỳ", "2026-Q1"),
        ("Xã Tứ Kỳ", "2026-H1"),
        ("Xã Tứ Kỳ", "2026-Q3"),
        ("Xã Tứ Kỳ", "2026-Y"),
    ]
    assert store.list_reports(deleted=True) == []


def test_values_are_typed_and_stored_canonically(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    assert store.set_value(report_id, "tthc.ho_so.moi", "1.730") == 1730
    assert store.set_value(report_id, "tai_chinh.giai_ngan", "1.285") == 1285
    assert store.set_value(report_id, "par.diem_tu_cham", "13,91") == Decimal("13.91")
    assert store.set_value(report_id, "tthc.hai_long", Decimal("100.00")) == 100
    assert store.set_value(report_id, "to_chuc.so_nguoi", 17) == 17
    stored = dict(store.db.conn.execute("SELECT indicator, value FROM report_values"))
    assert stored["tthc.hai_long"] == "100"  # not 1E+2
    assert stored["tai_chinh.giai_ngan"] == "1285"
    values = store.load(report_id).values
    assert values["tthc.ho_so.moi"] == 1730 and isinstance(values["tthc.ho_so.moi"], int)
    assert values["par.diem_tu_cham"] == Decimal("13.91")
    assert isinstance(values["tai_chinh.giai_ngan"], Decimal)


def test_money_with_three_decimals_reads_back_unchanged(store: Store) -> None:
    """``1.285`` stored as text must not come back as one thousand two hundred and eighty-five."""
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_value(report_id, "tai_chinh.giai_ngan", Decimal("1.285"))
    assert store.load(report_id).values["tai_chinh.giai_ngan"] == Decimal("1.285")


@pytest.mark.parametrize(
    ("indicator", "raw", "message"),
    [
        ("tthc.ho_so.moi", "-3", "Số hồ sơ mới tiếp nhận: không được là số âm"),
        ("tthc.ho_so.moi", "2,5", "Số hồ sơ mới tiếp nhận: phải là số nguyên"),
        ("tthc.ho_so.moi", "nhiều", "Số hồ sơ mới tiếp nhận: «nhiều» không phải là một số"),
        ("tthc.hai_long", "100,5", "Tỷ lệ người dân hài lòng: tỷ lệ phải từ 0 đến 100%"),
        ("tthc.ho_so.ty_le_dung_han", "99", "Tỷ lệ hồ sơ giải quyết đúng hạn: được tính tự động"),
        ("tthc.ho_so.khong_co", "1", "Không có chỉ tiêu «tthc.ho_so.khong_co»"),
    ],
)
def test_set_value_refuses_with_vietnamese_message(
    store: Store, indicator: str, raw: str, message: str
) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_value(report_id, "tthc.ho_so.moi", 5)
    with pytest.raises(ValueError, match=message):
        store.set_value(report_id, indicator, raw)
    assert store.load(report_id).values.get("tthc.ho_so.moi") == 5
    assert len(store.history(report_id)) == 1


def test_clearing_and_unchanged_values(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_value(report_id, "tthc.ho_so.moi", "12")
    before = store.load(report_id).updated_at
    store.set_value(report_id, "tthc.ho_so.moi", "012")  # same number, typed differently
    assert len(store.history(report_id)) == 1
    assert store.load(report_id).updated_at == before
    assert store.set_value(report_id, "tthc.ho_so.moi", "  ") is None
    assert "tthc.ho_so.moi" not in store.load(report_id).values
    store.set_value(report_id, "par.diem_toi_da", None)
    assert store.load(report_id).values == {}
    assert [(c.key, c.old, c.new) for c in store.history(report_id)] == [
        ("tthc.ho_so.moi", None, "12"),
        ("tthc.ho_so.moi", "12", None),
        ("par.diem_toi_da", "16.5", None),
    ]


def test_texts_are_nfc_and_checked_against_catalogue(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    decomposed = unicodedata.normalize("NFD", "Tổng số hồ sơ đã giải quyết đúng hạn")
    store.set_text(report_id, "tthc.ket_qua", decomposed)
    stored = store.load(report_id).narratives["tthc.ket_qua"]
    assert stored == unicodedata.normalize("NFC", decomposed)
    assert stored != decomposed
    store.set_text(report_id, "tthc.ket_qua", unicodedata.normalize("NFC", decomposed))
    assert len(store.history(report_id)) == 1  # NFC and NFD of one text are one text
    with pytest.raises(ValueError, match=r"Không có nội dung «tthc\.khong_co»"):
        store.set_text(report_id, "tthc.khong_co", "x")
    store.set_text(report_id, "tthc.ket_qua", "")
    assert store.load(report_id).narratives == {}


def test_header_fields_validated_and_loaded(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_header_field(report_id, "number", "05/BC-UBND")
    store.set_header_field(report_id, "date", "10/11/2026")
    store.set_header_field(
        report_id,
        "citations",
        [{"kind": "Kế hoạch", "number": "05/KH-UBND", "date": "17/01/2026"}],
    )
    store.set_header_field(report_id, "signer", {"authority": "KT", "title": "PHÓ CHỦ TỊCH"})
    header = store.load(report_id).header
    assert header.number == "05/BC-UBND"
    assert header.date == dt.date(2026, 11, 10)
    assert header.citations == [
        Citation(kind="Kế hoạch", number="05/KH-UBND", date=dt.date(2026, 1, 17))
    ]
    assert header.signer.authority == "KT"
    with pytest.raises(ValueError, match=r"Ngày ban hành:.*«31/02/2026» không có thật"):
        store.set_header_field(report_id, "date", "31/02/2026")
    with pytest.raises(ValueError, match="Người ký"):
        store.set_header_field(report_id, "signer", {"authority": "XX"})
    with pytest.raises(ValueError, match="Không có trường «so_trang»"):
        store.set_header_field(report_id, "so_trang", "3")
    assert store.history(report_id)[0].key == "header.number"


def test_blank_header_field_is_no_edit(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_header_field(report_id, "number", "")
    store.set_header_field(report_id, "recipients", [])
    assert store.history(report_id) == []
    store.set_header_field(report_id, "number", "05/BC-UBND")
    store.set_header_field(report_id, "number", "")
    assert [(c.old, c.new) for c in store.history(report_id)] == [
        (None, '"05/BC-UBND"'),
        ('"05/BC-UBND"', None),
    ]
    store.set_header_field(report_id, "place", "")  # the clerk may blank the prefilled place
    assert store.load(report_id).header.place == ""


def test_window_status_and_position(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_window(report_id, dt.date(2025, 12, 10), dt.date(2026, 3, 31))
    report = store.load(report_id)
    assert (report.window_from, report.window_to) == (dt.date(2025, 12, 10), dt.date(2026, 3, 31))
    with pytest.raises(ValueError, match=r"ngày bắt đầu \(01/04/2026\)"):
        store.set_window(report_id, dt.date(2026, 4, 1), dt.date(2026, 3, 31))
    store.set_status(report_id, "final")
    assert store.list_reports()[0].status == ReportStatus.FINAL
    with pytest.raises(ValueError, match="Trạng thái «xong» không hợp lệ"):
        store.set_status(report_id, "xong")
    assert store.position(report_id) == {}
    updated = store.load(report_id).updated_at
    store.set_position(report_id, {"page": "tthc", "field": "tthc.ho_so.moi"})
    assert store.position(report_id) == {"page": "tthc", "field": "tthc.ho_so.moi"}
    assert store.load(report_id).updated_at == updated
    assert [c.target for c in store.history(report_id)] == ["window"]


def test_unknown_report_everywhere(store: Store) -> None:
    calls: list[Callable[[], object]] = [
        lambda: store.load(42),
        lambda: store.set_value(42, "tthc.ho_so.moi", 1),
        lambda: store.set_text(42, "tthc.ket_qua", "x"),
        lambda: store.set_header_field(42, "number", "1"),
        lambda: store.set_window(42, dt.date(2026, 1, 1), dt.date(2026, 2, 1)),
        lambda: store.set_status(42, "ready"),
        lambda: store.set_position(42, {}),
        lambda: store.history(42),
        lambda: store.undo(42),
        lambda: store.delete(42),
        lambda: store.duplicate(42, "2026-Q2"),
        lambda: store.previous_report(42),
    ]
    for call in calls:
        with pytest.raises(ReportNotFound, match=r"^Không tìm thấy báo cáo số 42$"):
            call()


def test_data_survives_reopening(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "cchc.sqlite3"
    with Store.open(path, catalogue) as store:
        report_id = store.create_report(TU_KY, "2026-Q1")
        store.set_value(report_id, "tthc.ho_so.moi", 907)
        store.set_text(report_id, "chung.uu_diem", "Đúng hạn")
    with Store.open(path, catalogue) as store:
        report = store.load(report_id)
    assert report.values["tthc.ho_so.moi"] == 907
    assert report.narratives == {"chung.uu_diem": "Đúng hạn"}
