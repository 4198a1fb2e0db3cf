"""The province side: import bundles, newest revision wins, conflicts, who is missing, totals."""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.bundle import Bundle, build_bundle, bundle_bytes, bundle_file_name, bundle_report
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.checks import check_report
from cchc_desktop.model import Report, ReportStatus, Unit
from cchc_desktop.province import (
    ImportCancelled,
    Outcome,
    ProvinceDatabase,
    import_paths,
    list_conflicts,
    load_bundle,
    province_summary,
    reported_periods,
    resolve_conflict,
)
from cchc_desktop.province.database import default_province_db_path
from cchc_desktop.province.received import (
    Difference,
    bundle_differences,
    conflict_differences,
    differences_text,
)
from cchc_desktop.province.sample import SAMPLE_TIME, sample_bundle, sample_report
from cchc_desktop.units import commune, communes

PERIOD = "2026-Q1"
TU_KY = commune("11074")  # Hải Phòng (31)
CAO_BANG = list(communes("04"))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ProvinceDatabase]:
    with ProvinceDatabase.open(tmp_path / "province.sqlite3") as opened:
        yield opened


def write(folder: Path, bundle: Bundle, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or bundle_file_name(bundle))
    path.write_bytes(bundle_bytes(bundle))
    return path


def changed(report: Report, **values: int) -> Report:
    return report.model_copy(update={"values": {**report.values, **values}})


def bundle_of(report: Report, catalogue: Catalogue, revision: int) -> Bundle:
    return build_bundle(
        report,
        catalogue,
        check_report(catalogue, report),
        revision=revision,
        created_at=SAMPLE_TIME,
    )


def dump(db: ProvinceDatabase) -> list[str]:
    """Every row of every table, as SQL text (what "nothing changed" compares)."""
    return [line for line in db.conn.iterdump() if not line.startswith('INSERT INTO "_sqlite')]


# -- round trip ------------------------------------------------------------------------


def test_a_report_comes_back_from_the_province_with_identical_values_and_texts(
    tmp_path, db, catalogue
):
    report = sample_report(TU_KY, PERIOD, catalogue)
    report = report.model_copy(
        update={
            "narratives": {**report.narratives, "kien_nghi.noi_dung": "Đề nghị «tỉnh» hỗ trợ."},
            "values": {**report.values, "tai_chinh.dau_tu.giai_ngan": Decimal("3112.125")},
        }
    )
    findings = check_report(catalogue, report)
    bundle = build_bundle(report, catalogue, findings, revision=1, created_at=SAMPLE_TIME)
    result = import_paths(db, [write(tmp_path / "usb", bundle)], catalogue)
    assert [f.outcome for f in result.files] == [Outcome.IMPORTED]

    [row] = province_summary(db, catalogue, "31", PERIOD).reported
    received = load_bundle(db, row.bundle_id)
    back = bundle_report(received)
    assert back.values == report.values
    assert {k: type(v) for k, v in row.values.items()} == {
        k: int if catalogue.indicator(k).kind == "count" else Decimal for k in report.values
    }
    assert row.values == report.values
    assert back.narratives == report.narratives
    assert back.header == report.header
    assert back.unit.code == "11074" and back.unit.name == "Xã Tứ Kỳ"
    assert (back.period, back.period_title) == (report.period, report.period_title)
    assert (back.window_from, back.window_to) == (report.window_from, report.window_to)
    assert received.finding_list() == findings
    assert received.sha256 == bundle.sha256


def test_the_database_lives_beside_the_clerks_unless_told(tmp_path, monkeypatch):
    monkeypatch.delenv("CCHC_PROVINCE_DB", raising=False)
    assert default_province_db_path(tmp_path / "cchc.sqlite3") == tmp_path / "province.sqlite3"
    monkeypatch.setenv("CCHC_PROVINCE_DB", str(tmp_path / "tinh.sqlite3"))
    assert default_province_db_path(tmp_path / "cchc.sqlite3") == tmp_path / "tinh.sqlite3"


# -- revisions -------------------------------------------------------------------------


def test_a_newer_revision_replaces_an_older_one_is_skipped_and_says_why(tmp_path, db, catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    first = write(tmp_path / "a", bundle_of(report, catalogue, 1))
    second = write(
        tmp_path / "b", bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 33}), catalogue, 2)
    )

    assert import_paths(db, [first], catalogue).imported
    result = import_paths(db, [second], catalogue)
    [replaced] = result.imported
    assert "lần gửi 2" in replaced.message and "thay lần gửi 1" in replaced.message
    [row] = province_summary(db, catalogue, "31", PERIOD).reported
    assert row.revision == 2 and row.values["chi_dao.ke_hoach.tong"] == 33

    late = bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 34}), catalogue, 1)
    again = import_paths(db, [write(tmp_path / "c", late), first, second], catalogue)
    older, old_copy, identical = again.skipped
    assert not again.imported and not again.rejected and not again.conflicts
    assert "lần gửi 1" in older.message and "cũ hơn lần gửi 2 đã nhập" in older.message
    assert second.name in older.message
    assert "trùng hoàn toàn với lần gửi 1" in old_copy.message
    assert "đang dùng lần gửi 2" in old_copy.message
    assert "trùng hoàn toàn với lần gửi 2" in identical.message
    assert "đang dùng" not in identical.message
    assert db.bundle_count() == 2  # the older revision is kept, not counted


def test_in_one_batch_the_newest_revision_wins_whatever_the_order(tmp_path, catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    bundles = [
        bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 30 + r}), catalogue, r)
        for r in (1, 2, 3)
    ]
    for order in ([0, 1, 2], [2, 0, 1], [1, 2, 0]):
        folder = tmp_path / "-".join(map(str, order))
        paths = [write(folder, bundles[i], f"{n}.json") for n, i in enumerate(order)]
        with ProvinceDatabase.open(folder / "p.sqlite3") as db:
            import_paths(db, paths, catalogue)
            [row] = province_summary(db, catalogue, 31, PERIOD).reported
            assert (row.revision, row.values["chi_dao.ke_hoach.tong"]) == (3, 33)


# -- conflicts -------------------------------------------------------------------------


def test_two_different_bundles_with_the_same_revision_are_a_conflict_the_officer_settles(
    tmp_path, db, catalogue
):
    report = sample_report(TU_KY, PERIOD, catalogue)
    kept = write(tmp_path, bundle_of(report, catalogue, 1), "first.cchc.json")
    other = write(
        tmp_path,
        bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 99}), catalogue, 1),
        "x.json",
    )
    import_paths(db, [kept], catalogue)
    result = import_paths(db, [other], catalogue)
    [conflict_file] = result.conflicts
    assert "x.json" in conflict_file.message and "first.cchc.json" in conflict_file.message
    assert "cùng một số lần gửi" in conflict_file.message

    summary = province_summary(db, catalogue, "31", PERIOD)
    [row] = summary.reported
    assert row.conflict and row.file_name == "first.cchc.json"  # the first stays until chosen
    assert row.values["chi_dao.ke_hoach.tong"] == report.values["chi_dao.ke_hoach.tong"]
    [conflict] = list_conflicts(db, "31", PERIOD)
    assert conflict.open and conflict.other.file_name == "x.json"
    assert import_paths(db, [other], catalogue).skipped  # the same file again: nothing new

    settled = resolve_conflict(db, conflict.id, keep_other=True)
    assert not settled.open and settled.resolution == "other"
    [row] = province_summary(db, catalogue, "31", PERIOD).reported
    assert not row.conflict and row.values["chi_dao.ke_hoach.tong"] == 99
    assert list_conflicts(db) == []
    with pytest.raises(ValueError, match="đã được giải quyết"):
        resolve_conflict(db, conflict.id, keep_other=False)


def test_the_two_sides_of_a_conflict_are_told_apart(tmp_path, db, catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    first = bundle_of(report, catalogue, 2)
    second = build_bundle(
        changed(report, **{"chi_dao.ke_hoach.tong": 99}),
        catalogue,
        check_report(catalogue, report),
        revision=2,
        created_at=SAMPLE_TIME + dt.timedelta(hours=3),
    )
    name = bundle_file_name(first)
    import_paths(db, [write(tmp_path / "a", first)], catalogue)
    [conflict_file] = import_paths(db, [write(tmp_path / "b", second)], catalogue).conflicts
    message = conflict_file.message
    # two sticks, one file name: each side is named by where it came from
    assert message.startswith(f"Tệp «b/{name}»: ")
    assert f"đã có lần gửi 2 với nội dung khác (tệp «a/{name}»)" in message
    [conflict] = list_conflicts(db)
    assert conflict.kept.file_name == conflict.other.file_name == name
    assert conflict.text().endswith(f"hai bản khác nhau cùng lần gửi 2 — «a/{name}» và «b/{name}»")
    kept, other = conflict.kept.describe(), conflict.other.describe()
    assert kept != other
    assert f"lập lúc {SAMPLE_TIME.astimezone():%d/%m/%Y %H:%M:%S}, chính thức, " in kept
    later = SAMPLE_TIME + dt.timedelta(hours=3)
    assert f"lập lúc {later.astimezone():%d/%m/%Y %H:%M:%S}" in other
    assert "0 lỗi" in kept and "cảnh báo" in kept and f"tệp «a/{name}»" in kept
    assert f"tệp «b/{name}»" in other

    [difference] = conflict_differences(db, conflict, catalogue)
    label = catalogue.indicator("chi_dao.ke_hoach.tong").label
    before = report.values["chi_dao.ke_hoach.tong"]
    assert difference == Difference(label, f"{before} nhiệm vụ", "99 nhiệm vụ")
    assert differences_text([difference]) == [
        f"{label}: bản nhận trước {before} nhiệm vụ — bản nhận sau 99 nhiệm vụ"
    ]


def test_the_province_side_uses_the_clerks_status_words():
    from cchc_desktop.cli import bundles
    from cchc_desktop.province import words

    assert not hasattr(words, "STATUS_WORDS") and not hasattr(bundles, "STATUS_WORDS")


def test_differences_cover_figures_texts_and_header_and_are_cut_short(catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    values = {key: value + 1 for key, value in report.values.items()}
    key = next(iter(report.narratives))
    other = report.model_copy(
        update={
            "values": values,
            "narratives": {**report.narratives, key: report.narratives[key] + " Thêm một câu."},
            "header": report.header.model_copy(update={"place": "Nơi khác"}),
        }
    )
    found = bundle_differences(
        bundle_of(report, catalogue, 1), bundle_of(other, catalogue, 1), catalogue
    )
    assert len(found) == len(values) + 2
    assert found[-2].label.startswith("Nội dung «") and "Thêm một câu" in found[-2].other
    assert found[-1] == Difference("Địa danh", report.header.place or "(trống)", "Nơi khác")
    lines = differences_text(found, 3)
    assert len(lines) == 4 and lines[-1] == f"… và {len(found) - 3} chỗ khác nữa"


def test_a_newer_revision_settles_an_open_conflict(tmp_path, db, catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    paths = [
        write(
            tmp_path,
            bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": t}), catalogue, r),
            f"{t}.json",
        )
        for t, r in ((31, 1), (32, 1), (33, 2))
    ]
    assert len(import_paths(db, paths[:2], catalogue).conflicts) == 1
    import_paths(db, paths[2:], catalogue)
    assert list_conflicts(db) == []
    [conflict] = list_conflicts(db, include_resolved=True)
    assert conflict.resolution == "superseded"


# -- rejections ------------------------------------------------------------------------


def test_a_bad_file_is_rejected_with_its_name_and_changes_nothing(tmp_path, db, catalogue):
    good = write(tmp_path / "ok", sample_bundle(TU_KY, PERIOD, catalogue))
    import_paths(db, [good], catalogue)
    before = dump(db)
    data = bundle_bytes(sample_bundle(CAO_BANG[0], PERIOD, catalogue))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "cut.cchc.json").write_bytes(data[: len(data) // 2])
    (bad / "edited.cchc.json").write_bytes(data.replace(b'"revision": 1', b'"revision": 2'))
    (bad / "notes.json").write_text("ghi chú", encoding="utf-8")
    (bad / "latin1.json").write_bytes('{"format": "Tứ Kỳ"}'.encode("cp1258", "replace") + b"\xff")
    result = import_paths(db, [bad, tmp_path / "khong-co.json"], catalogue)
    assert len(result.rejected) == 5 and not result.imported
    reasons = {f.path.name: f.message for f in result.rejected}
    assert "cắt cụt" in reasons["cut.cchc.json"]
    assert "đã bị sửa" in reasons["edited.cchc.json"]
    assert "không tìm thấy" in reasons["khong-co.json"]
    assert all(message.startswith(f"Tệp «{name}»") for name, message in reasons.items())
    assert dump(db) == before


def test_units_outside_the_official_list_or_their_province_are_rejected(tmp_path, db, catalogue):
    report = sample_report(TU_KY, PERIOD, catalogue)
    made_up = report.model_copy(
        update={"unit": Unit(code="99999", name="Xã Không Có", province_code="31")}
    )
    moved = report.model_copy(
        update={"unit": report.unit.model_copy(update={"province_code": "01"})}
    )
    paths = [
        write(tmp_path, bundle_of(r, catalogue, 1), f"{n}.json")
        for n, r in enumerate([made_up, moved])
    ]
    first, second = import_paths(db, paths, catalogue).rejected
    assert "99999" in first.message and "danh sách xã, phường chính thức" in first.message
    assert "mã tỉnh 01 không đúng" in second.message and "31" in second.message
    assert db.bundle_count() == 0


def test_a_100_megabyte_file_is_refused_from_its_size(tmp_path, db, catalogue):
    huge = tmp_path / "video.cchc.json"
    with huge.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: nothing is written, nothing need be read
    [refused] = import_paths(db, [huge], catalogue).rejected
    assert "quá lớn" in refused.message and "100,0 MB" in refused.message


def test_a_cancelled_import_imports_nothing(tmp_path, db, catalogue):
    paths = [write(tmp_path, sample_bundle(u, PERIOD, catalogue)) for u in CAO_BANG[:4]]
    seen: list[str] = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append(name)

    with pytest.raises(ImportCancelled):
        import_paths(db, paths, catalogue, progress, cancelled=lambda: len(seen) >= 3)
    assert db.bundle_count() == 0
    assert import_paths(db, paths, catalogue).imported  # and the database is usable


def test_a_database_error_rolls_back_the_whole_batch(tmp_path, db, catalogue):
    paths = [write(tmp_path, sample_bundle(u, PERIOD, catalogue)) for u in CAO_BANG[:3]]
    db.conn.execute(
        "CREATE TRIGGER full_disk BEFORE INSERT ON bundles "
        f"WHEN NEW.unit_code = '{CAO_BANG[2].code}' "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    from cchc_desktop.province import ImportFailed

    with pytest.raises(ImportFailed, match="Chưa nhập tệp nào"):
        import_paths(db, paths, catalogue)
    assert db.bundle_count() == 0


# -- folders ---------------------------------------------------------------------------


def test_folders_are_walked_recursively_and_hidden_or_other_files_left_out(tmp_path, db, catalogue):
    usb = tmp_path / "USB"
    write(usb, sample_bundle(CAO_BANG[0], PERIOD, catalogue))
    write(usb / "thang3" / "xa", sample_bundle(CAO_BANG[1], PERIOD, catalogue))
    write(usb / "cu", sample_bundle(CAO_BANG[2], "2025-Y", catalogue), "bao-cao.JSON")
    (usb / "._ghost.cchc.json").write_bytes(b"\x00\x05\x16\x07")  # a Mac's shadow file
    (usb / ".Trashes").mkdir()
    (usb / ".Trashes" / "old.json").write_text("{}")
    (usb / "bao-cao.pdf").write_bytes(b"%PDF-1.4")
    result = import_paths(db, [usb, usb / "thang3"], catalogue)  # a folder twice: read once
    assert len(result.files) == 3 and len(result.imported) == 3
    assert reported_periods(db, "04") == [PERIOD, "2025-Y"]


# -- the summary -----------------------------------------------------------------------


def test_every_official_commune_is_listed_reported_or_missing(tmp_path, db, catalogue):
    reporting = CAO_BANG[:3]
    for unit in reporting:
        write(tmp_path, sample_bundle(unit, PERIOD, catalogue))
    write(tmp_path, sample_bundle(TU_KY, PERIOD, catalogue))  # another province
    import_paths(db, [tmp_path], catalogue)
    summary = province_summary(db, catalogue, "4", PERIOD)
    assert summary.province_code == "04" and summary.province_name == "Tỉnh Cao Bằng"
    assert [r.code for r in summary.rows] == [u.code for u in CAO_BANG]
    assert {r.code for r in summary.reported} == {u.code for u in reporting}
    assert len(summary.missing) == len(CAO_BANG) - 3
    assert summary.counts_text() == (
        f"Đã báo cáo 3/{len(CAO_BANG)} xã, phường, đặc khu (3 bản chính thức); "
        f"chưa báo cáo {len(CAO_BANG) - 3}."
    )
    assert province_summary(db, catalogue, "04", PERIOD).rows == summary.rows
    other = province_summary(db, catalogue, 4, "2026-Q2")
    assert not other.reported and all(t.value is None for t in other.totals)
    with pytest.raises(ValueError, match="Mã tỉnh"):
        province_summary(db, catalogue, "99", PERIOD)
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        province_summary(db, catalogue, "04", "2026-Q5")


def test_totals_add_counts_and_money_and_rates_come_from_the_totals(tmp_path, db, catalogue):
    base = sample_report(CAO_BANG[0], PERIOD, catalogue, scale=1)
    fast = changed(base, **{"tthc.ho_so.da_giai_quyet": 100, "tthc.ho_so.dung_han": 50})
    slow = sample_report(CAO_BANG[1], PERIOD, catalogue, scale=1)
    slow = changed(slow, **{"tthc.ho_so.da_giai_quyet": 10, "tthc.ho_so.dung_han": 10})
    slow = slow.model_copy(
        update={"values": {k: v for k, v in slow.values.items() if k != "tthc.ho_so.moi"}}
    )
    for report in (fast, slow):
        write(tmp_path, bundle_of(report, catalogue, 1))
    import_paths(db, [tmp_path], catalogue)
    summary = province_summary(db, catalogue, "04", PERIOD)
    assert summary.total("tthc.ho_so.da_giai_quyet") == 110
    assert summary.total("tthc.ho_so.dung_han") == 60
    assert summary.total("tthc.ho_so.ty_le_dung_han") == Decimal("54.55")  # not (50% + 100%)/2
    assert summary.total("tai_chinh.dau_tu.giai_ngan") == Decimal("6225")  # 3.112,5 × 2
    by_id = {t.indicator.id: t for t in summary.totals}
    assert by_id["tthc.ho_so.moi"].communes == 1 and by_id["tthc.ho_so.moi"].value == 907
    assert by_id["tthc.ho_so.tiep_nhan"].communes == 2
    assert by_id["tthc.ho_so.ty_le_dung_han"].communes == 2
    kinds = {t.indicator.kind for t in summary.totals if not t.indicator.derived}
    assert kinds == {"count", "money"}  # scores and typed percentages are not added up
    assert "tthc.khao_sat.chi_so_sipas" not in by_id
    [with_errors] = [r for r in summary.reported if r.code == CAO_BANG[0].code]
    assert with_errors.errors > 0  # 100 resolved no longer adds up: the commune's own findings


def test_ad_hoc_periods_take_their_title_from_the_bundles(tmp_path, db, catalogue):
    report = sample_report(TU_KY, "2026-AH1", catalogue)
    report = report.model_copy(update={"period_title": "phục vụ Đoàn kiểm tra tháng 5/2026"})
    import_paths(db, [write(tmp_path, bundle_of(report, catalogue, 1))], catalogue)
    summary = province_summary(db, catalogue, "31", "2026-ah1")
    assert summary.period == "2026-AH1"
    assert summary.period_title == "phục vụ Đoàn kiểm tra tháng 5/2026"


def test_a_newer_program_s_database_is_noticed(tmp_path):
    path = tmp_path / "p.sqlite3"
    ProvinceDatabase.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cchc_province', 'm999_future', ?)",
        (dt.datetime.now(dt.UTC).isoformat(),),
    )
    conn.commit()
    conn.close()
    with ProvinceDatabase.open(path) as db:
        assert "m999_future" in db.notices[0]


def test_a_file_that_is_not_a_database_is_refused_with_advice(tmp_path):
    from cchc_desktop.province import ProvinceDatabaseError

    path = tmp_path / "p.sqlite3"
    path.write_bytes(b"khong phai sqlite" * 100)
    with pytest.raises(ProvinceDatabaseError, match="nhập lại"):
        ProvinceDatabase.open(path)


def test_the_same_files_brought_again_are_not_parsed_again(tmp_path, db, catalogue, monkeypatch):
    import cchc_desktop.province.importer as importer

    paths = [write(tmp_path, sample_bundle(u, PERIOD, catalogue)) for u in CAO_BANG[:3]]
    import_paths(db, paths, catalogue)
    parsed: list[int] = []
    real = importer.parse_bundle

    def counting(data, catalogue_=None):
        parsed.append(len(data))
        return real(data, catalogue_)

    monkeypatch.setattr(importer, "parse_bundle", counting)
    again = import_paths(db, paths, catalogue)
    assert len(again.skipped) == 3 and parsed == []
    assert all("trùng hoàn toàn với lần gửi 1" in f.message for f in again.skipped)
    assert again.skipped[0].province_code == "04"
    reformatted = tmp_path / "khac.json"
    reformatted.write_bytes(paths[0].read_bytes().replace(b"\n", b"\r\n"))  # same content
    [same] = import_paths(db, [reformatted], catalogue).skipped
    assert len(parsed) == 1 and "trùng hoàn toàn" in same.message


def test_errors_are_counted_as_the_clerk_counts_them(db, tmp_path, catalogue):
    """A draft with no signer shows 0 lỗi on the commune's screens: the same here."""
    from cchc_desktop.checks.kinds import Kinds, count_kinds
    from cchc_desktop.cli.bundles import summary_line

    report = sample_report(CAO_BANG[0], PERIOD, catalogue, status=ReportStatus.DRAFT)
    signer = report.header.signer.model_copy(update={"name": ""})
    report = report.model_copy(
        update={"header": report.header.model_copy(update={"signer": signer})}
    )
    findings = check_report(catalogue, report)
    kinds = Kinds(catalogue)
    clerk = count_kinds(findings, kinds)
    assert clerk.errors == 0 and clerk.missing >= 1  # the signer is "còn thiếu", no error
    assert any(f.blocking for f in findings)  # while the raw severity says error
    bundle = build_bundle(report, catalogue, findings, revision=1, created_at=SAMPLE_TIME)
    assert bundle.counts(kinds) == clerk
    import_paths(db, [write(tmp_path / "usb", bundle)], catalogue)
    [row] = province_summary(db, catalogue, "04", PERIOD).reported
    assert (row.errors, row.warnings) == (clerk.errors, clerk.warnings)
    assert f"{clerk.errors} lỗi, {clerk.warnings} cảnh báo" in summary_line(bundle, kinds)


def test_a_rate_is_over_the_communes_that_gave_all_of_its_figures(tmp_path, db, catalogue):
    """A commune that gave the files received but not the files digitised must not pull
    the province's digitised rate down: every commune that gave both is at 100 %."""
    hai_phong = list(communes("31"))
    for unit in hai_phong[:12]:
        write(tmp_path, sample_bundle(unit, PERIOD, catalogue))
    partial = sample_report(hai_phong[12], PERIOD, catalogue)
    gone = ("tthc.so_hoa.ho_so", "so_hoa.thu_cong_vu.cap", "to_chuc.cbcc.can_bo")
    partial = partial.model_copy(
        update={"values": {k: v for k, v in partial.values.items() if k not in gone}}
    )
    assert partial.values["tthc.ho_so.tiep_nhan"] and partial.values["to_chuc.cbcc.tong"]
    write(tmp_path, bundle_of(partial, catalogue, 1))
    import_paths(db, [tmp_path], catalogue)
    summary = province_summary(db, catalogue, "31", PERIOD)
    by_id = {t.indicator.id: t for t in summary.totals}
    full = [r for r in summary.reported if "tthc.so_hoa.ho_so" in r.values]
    assert len(full) == 12
    digitised = by_id["tthc.so_hoa.ty_le"]
    received = sum(r.values["tthc.ho_so.tiep_nhan"] for r in full)
    assert received == sum(r.values["tthc.so_hoa.ho_so"] for r in full)  # all at 100 %
    assert digitised.value == Decimal("100.00") and digitised.communes == 12
    assert by_id["tthc.ho_so.tiep_nhan"].communes == 13  # the plain sum keeps all 13
    assert by_id["tthc.so_hoa.ho_so"].communes == 12
    staff = by_id["so_hoa.thu_cong_vu.ty_le"]
    given = [r for r in summary.reported if "so_hoa.thu_cong_vu.cap" in r.values]
    issued = sum(r.values["so_hoa.thu_cong_vu.cap"] for r in given)
    staff_total = sum(r.values["to_chuc.cbcc.tong"] for r in given)
    expected = (Decimal(issued) * 100 / staff_total).quantize(Decimal("0.01"))
    assert staff.value == expected and staff.communes == 12
    # a rate every commune gave the figures of is over all 13
    assert by_id["tthc.ho_so.ty_le_dung_han"].communes == 13
    # plain sums say how many gave them, so a total that breaks its parts is visible
    assert by_id["to_chuc.cbcc.tong"].communes == 13
    assert by_id["to_chuc.cbcc.can_bo"].communes == 12


def test_the_same_name_at_the_same_place_is_told_apart_by_when_it_was_imported(
    tmp_path, db, catalogue
):
    report = sample_report(TU_KY, PERIOD, catalogue)
    first = bundle_of(report, catalogue, 2)
    second = bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 99}), catalogue, 2)
    import_paths(db, [write(tmp_path / "usb", first)], catalogue)
    [conflict_file] = import_paths(db, [write(tmp_path / "usb", second)], catalogue).conflicts
    name = bundle_file_name(first)
    assert conflict_file.message.count(f"«{name}»") == 1  # the name alone, said once
    [conflict] = list_conflicts(db)
    when = f"{conflict.kept.imported_at.astimezone():%d/%m/%Y %H:%M}"
    assert f"khác với bản cùng lần gửi 2 đã nhập lúc {when}." in conflict_file.message
    assert conflict.text().endswith("hai bản khác nhau cùng lần gửi 2")


def test_bringing_a_conflict_s_files_again_names_their_folders_and_the_open_conflict(
    tmp_path, db, catalogue
):
    """Two sticks with a file of one name: a re-import says which is which, and that the
    conflict they make is still open, rather than «xung đột 0»."""
    report = sample_report(TU_KY, PERIOD, catalogue)
    first = bundle_of(report, catalogue, 1)
    second = bundle_of(changed(report, **{"chi_dao.ke_hoach.tong": 99}), catalogue, 1)
    name = bundle_file_name(first)
    write(tmp_path / "USB-A", first)
    write(tmp_path / "USB-B" / "bao-cao", second)
    sticks = [tmp_path / "USB-A", tmp_path / "USB-B"]
    result = import_paths(db, sticks, catalogue)
    assert len(result.conflicts) == 1 and result.open_conflicts == 1
    assert result.counts_text() == "Đã nhập 1 tệp, bỏ qua 0, từ chối 0, xung đột 1."
    assert f"«USB-B/bao-cao/{name}»" in result.conflicts[0].message
    assert f"«USB-A/{name}»" in result.conflicts[0].message

    again = import_paths(db, [tmp_path / "USB-B"], catalogue)
    [skipped] = again.skipped
    assert skipped.message.startswith(f"Tệp «USB-B/bao-cao/{name}»: trùng hoàn toàn với lần gửi 1")
    assert f"(tệp «USB-B/bao-cao/{name}»); đang dùng lần gửi 1 (tệp «USB-A/{name}»)" in (
        skipped.message
    )
    assert "xung đột lần gửi 1 của đơn vị này chưa được giải quyết" in skipped.message
    assert again.open_conflicts == 1
    assert again.counts_text() == (
        "Đã nhập 0 tệp, bỏ qua 1, từ chối 0, xung đột 0; còn 1 xung đột chưa giải quyết "
        "của các đơn vị trong lần nhập này (mục «Xung đột»)."
    )
    [conflict] = list_conflicts(db)
    resolve_conflict(db, conflict.id, keep_other=False)
    settled = import_paths(db, [tmp_path / "USB-B"], catalogue)
    assert settled.open_conflicts == 0
    assert settled.counts_text() == "Đã nhập 0 tệp, bỏ qua 1, từ chối 0, xung đột 0."
    assert "chưa được giải quyết" not in settled.skipped[0].message
