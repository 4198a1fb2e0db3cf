"""A report's life: trash and purge, the next period's copy, and the previous report."""

import datetime as dt
from decimal import Decimal

import pytest

from cchc_desktop.store import ReportNotFound, Store
from tests.core.store_helpers import KY_SON, PHUONG_KY, TU_KY


def test_delete_restore_purge(store: Store) -> None:
    report_id = store.create_report(TU_KY, "2026-Q1")
    store.set_value(report_id, "tthc.ho_so.moi", 907)
    store.delete(report_id)
    assert store.list_reports() == []
    trash = store.list_reports(deleted=True)
    assert [s.id for s in trash] == [report_id] and trash[0].deleted_at is not None
    with pytest.raises(ReportNotFound):
        store.load(report_id)
    with pytest.raises(ReportNotFound):
        store.set_value(report_id, "tthc.ho_so.moi", 1)
    with pytest.raises(ReportNotFound):
        store.delete(report_id)

    store.restore(report_id)
    assert store.load(report_id).values["tthc.ho_so.moi"] == 907
    assert store.list_reports(deleted=True) == []
    with pytest.raises(ValueError, match="chưa nằm trong thùng rác"):
        store.purge(report_id)

    store.delete(report_id)
    store.purge(report_id)
    assert store.list_reports(deleted=True) == []
    with pytest.raises(ReportNotFound):
        store.restore(report_id)
    conn = store.db.conn
    for table in ("report_values", "report_texts", "history"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_deleted_report_frees_its_period_until_restored(store: Store) -> None:
    old = store.create_report(TU_KY, "2026-Q1")
    store.delete(old)
    new = store.create_report(TU_KY, "2026-Q1")
    with pytest.raises(ValueError, match=f"báo cáo số {new}"):
        store.restore(old)
    assert [s.id for s in store.list_reports(deleted=True)] == [old]


def test_duplicate_carries_stock_not_flows(store: Store) -> None:
    source = store.create_report(TU_KY, "2026-Q1")
    for indicator, raw in [
        ("tthc.thu_tuc.cong_bo", "164"),  # stock
        ("to_chuc.bien_che", "18"),  # stock
        ("to_chuc.so_nguoi", "17"),  # stock
        ("tthc.ho_so.ky_truoc", "20"),  # flow
        ("tthc.ho_so.moi", "1710"),  # flow
        ("tthc.ho_so.tiep_nhan", "1730"),  # flow
        ("tthc.ho_so.da_giai_quyet", "1553"),  # flow
        ("tthc.ho_so.dang_giai_quyet", "177"),  # in progress at the end of Q1
        ("tai_chinh.giai_ngan", "212.901,285"),  # flow
        ("par.diem_toi_da", "18"),  # changed from its default
    ]:
        store.set_value(source, indicator, raw)
    store.set_text(source, "tthc.ket_qua", "Tiếp nhận 1.730 hồ sơ")
    store.set_text(source, "chung.uu_diem", "Giải quyết đúng hạn")
    store.set_header_field(source, "number", "05/BC-UBND")
    store.set_header_field(source, "date", "14/03/2026")
    store.set_header_field(source, "addressee", "Sở Nội vụ")
    store.set_header_field(source, "signer", {"authority": "KT", "title": "PHÓ CHỦ TỊCH"})

    copy_id = store.duplicate(source, "2026-Q2")
    copy = store.load(copy_id)
    assert copy.period == "2026-Q2" and copy.period_title == "quý II năm 2026"
    assert (copy.window_from, copy.window_to) == (dt.date(2026, 3, 15), dt.date(2026, 6, 14))
    assert copy.unit == store.load(source).unit
    assert copy.values == {
        "tthc.thu_tuc.cong_bo": 164,
        "to_chuc.bien_che": 18,
        "to_chuc.so_nguoi": 17,
        "tthc.ho_so.ky_truoc": 177,  # = the previous report's in-progress dossiers
        "par.diem_toi_da": Decimal("16.5"),  # the catalogue's default, not a stock
    }
    assert copy.narratives == {
        "tthc.ket_qua": "Tiếp nhận 1.730 hồ sơ",
        "chung.uu_diem": "Giải quyết đúng hạn",
    }
    assert copy.header.number == "" and copy.header.date is None
    assert copy.header.addressee == "Sở Nội vụ"
    assert copy.header.signer.authority == "KT"
    assert copy.header.place == "Tứ Kỳ"
    assert store.history(copy_id) == []
    assert store.load(source).values["tthc.ho_so.moi"] == 1710  # source untouched


def test_duplicate_refuses_existing_unit_and_period(store: Store) -> None:
    q1 = store.create_report(TU_KY, "2026-Q1")
    q2 = store.create_report(TU_KY, "2026-Q2")
    with pytest.raises(ValueError, match=f"Đã có báo cáo quý II năm 2026 .*số {q2}"):
        store.duplicate(q1, "2026-Q2")
    with pytest.raises(ValueError, match="Đã có báo cáo"):
        store.duplicate(q1, "2026-Q1")
    assert len(store.list_reports()) == 2
    store.delete(q2)
    assert store.load(store.duplicate(q1, "2026-Q2")).period == "2026-Q2"


def test_duplicate_to_ad_hoc_and_of_free_text_unit(store: Store) -> None:
    source = store.create_report(PHUONG_KY, "2023-Q3")
    store.set_header_field(source, "place", "Phượng Kỳ")
    copy = store.load(store.duplicate(source, "2023-AH1", ad_hoc_title="phục vụ kiểm tra"))
    assert copy.unit.name == "Xã Phượng Kỳ" and copy.unit.code is None
    assert copy.period_title == "phục vụ kiểm tra"
    assert copy.window_from is None
    assert copy.header.place == "Phượng Kỳ"


def test_previous_report(store: Store) -> None:
    q1 = store.create_report(TU_KY, "2026-Q1")
    q3 = store.create_report(TU_KY, "2026-Q3")
    q2 = store.create_report(TU_KY, "2026-Q2")
    store.create_report(KY_SON, "2026-Q2")  # another unit, same period
    previous = store.previous_report(q3)
    assert previous is not None and previous.id == q2
    previous = store.previous_report(q2)
    assert previous is not None and previous.id == q1
    assert store.previous_report(q1) is None

    h1 = store.create_report(TU_KY, "2026-H1")  # ends 14/06 like Q2: a tie, edited later
    store.set_value(h1, "tthc.ho_so.moi", 1)
    previous = store.previous_report(q3)
    assert previous is not None and previous.id == h1
    store.set_value(q2, "tthc.ho_so.moi", 1)
    previous = store.previous_report(q3)
    assert previous is not None and previous.id == q2

    store.delete(q2)
    store.delete(h1)
    previous = store.previous_report(q3)
    assert previous is not None and previous.id == q1


def test_previous_report_uses_window_and_name_for_free_text_units(store: Store) -> None:
    q4 = store.create_report(PHUONG_KY, "2022-Q4")
    store.set_window(q4, dt.date(2022, 9, 15), dt.date(2022, 12, 9))
    other_name = PHUONG_KY.model_copy(update={"name": "Xã Hà Kỳ"})
    store.create_report(other_name, "2022-Y")
    ad_hoc = store.create_report(
        PHUONG_KY, "2023-AH1", window=(dt.date(2022, 12, 10), dt.date(2023, 7, 31))
    )
    previous = store.previous_report(ad_hoc)
    assert previous is not None and previous.id == q4
    undated = store.create_report(PHUONG_KY, "2023-AH2")
    assert store.previous_report(undated) is None
