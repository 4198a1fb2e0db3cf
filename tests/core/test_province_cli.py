"""``cchc import``, ``summary``, ``conflicts`` and ``resolve``, run as an officer runs them."""

import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.bundle import bundle_bytes, bundle_file_name
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.province.sample import sample_bundle, write_sample_bundles
from cchc_desktop.units import communes

CAO_BANG = list(communes("04"))


@pytest.fixture
def cchc(tmp_path: Path):
    db = tmp_path / "tinh.sqlite3"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cchc_desktop", *args, "--province-db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


@pytest.fixture(scope="module")
def usb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("usb")
    write_sample_bundles(folder / "ok", CAO_BANG[:3], "2026-Q1", load_catalogue())
    (folder / "bad").mkdir()
    (folder / "bad" / "hong.cchc.json").write_text('{"format": "cchc-bundle"', encoding="utf-8")
    return folder


def test_import_prints_counts_and_reasons_and_fails_when_a_file_is_rejected(cchc, usb):
    result = cchc("import", str(usb))
    assert result.returncode == 1, result.stderr
    assert "Từ chối (1):" in result.stdout
    assert "Tệp «hong.cchc.json»: tệp bị cắt cụt" in result.stdout
    assert "Đã nhập 3 tệp, bỏ qua 0, từ chối 1, xung đột 0." in result.stdout
    again = cchc("import", str(usb / "ok"), "-v")
    assert again.returncode == 0, again.stderr
    assert "Bỏ qua (3):" in again.stdout and "trùng hoàn toàn" in again.stdout
    assert "Đã nhập 0 tệp, bỏ qua 3, từ chối 0, xung đột 0." in again.stdout


def test_summary_prints_the_table_or_writes_csv_and_pdf(cchc, usb, tmp_path):
    assert cchc("import", str(usb / "ok")).returncode == 0
    shown = cchc("summary", "--province", "4", "--period", "2026-Q1")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Tỉnh Cao Bằng — quý I năm 2026"
    assert f"Đã báo cáo 3/{len(CAO_BANG)}" in lines[1]
    assert any(CAO_BANG[0].code in line and "Đã báo cáo" in line for line in lines)
    assert any(CAO_BANG[5].code in line and "CHƯA BÁO CÁO" in line for line in lines)
    assert any(line.startswith("  Tổng số hồ sơ tiếp nhận: ") for line in lines)
    csv_path, pdf_path = tmp_path / "t.csv", tmp_path / "t.pdf"
    written = cchc(
        "summary",
        "--province",
        "04",
        "--period",
        "2026-q1",
        "-o",
        str(csv_path),
        "--pdf",
        str(pdf_path),
    )
    assert written.returncode == 0, written.stderr
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfSTT,M\xc3\xa3 x\xc3\xa3,")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert written.stdout == ""


@pytest.mark.parametrize("flag", ["-o", "--pdf"])
def test_a_summary_into_a_missing_folder_is_a_usage_error(cchc, tmp_path, flag):
    target = tmp_path / "khong-co" / "tong-hop.out"
    result = cchc("summary", "--province", "04", "--period", "2026-Q1", flag, str(target))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"không ghi được tệp {target}" in result.stderr


def test_bad_province_or_period_is_a_usage_error(cchc):
    wrong = cchc("summary", "--province", "99", "--period", "2026-Q1")
    assert wrong.returncode == 2 and "Mã tỉnh «99»" in wrong.stderr
    period = cchc("summary", "--province", "1", "--period", "quy 1")
    assert period.returncode == 2 and "Kỳ báo cáo «quy 1» không hợp lệ" in period.stderr
    assert "Traceback" not in wrong.stderr + period.stderr


def test_a_conflict_is_listed_and_resolved(cchc, tmp_path):
    catalogue = load_catalogue()
    first = sample_bundle(CAO_BANG[0], "2026-Q1", catalogue, scale=1)
    second = sample_bundle(CAO_BANG[0], "2026-Q1", catalogue, scale=2)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / bundle_file_name(first)).write_bytes(bundle_bytes(first))
    (tmp_path / "b.json").write_bytes(bundle_bytes(second))
    assert cchc("import", str(tmp_path / "a")).returncode == 0
    imported = cchc("import", str(tmp_path / "b.json"))
    assert imported.returncode == 0 and "Xung đột (1):" in imported.stdout
    listed = cchc("conflicts")
    conflict_id = listed.stdout.split("\t")[0]
    assert "CHƯA GIẢI QUYẾT" in listed.stdout and "«b.json»" in listed.stdout
    resolved = cchc("resolve", conflict_id, "--other")
    assert resolved.returncode == 0 and "«b.json»" in resolved.stdout
    assert cchc("conflicts").stdout.strip() == "Không có xung đột nào."
    assert "dùng bản nhận sau" in cchc("conflicts", "--all").stdout
    again = cchc("resolve", conflict_id, "--first")
    assert again.returncode == 2 and "đã được giải quyết" in again.stderr


def test_a_conflict_between_files_of_the_same_name_shows_what_differs(cchc, tmp_path):
    catalogue = load_catalogue()
    first = sample_bundle(CAO_BANG[1], "2026-Q1", catalogue, revision=2, scale=1)
    second = sample_bundle(CAO_BANG[1], "2026-Q1", catalogue, revision=2, scale=2)
    name = bundle_file_name(first)
    for folder, bundle in (("a", first), ("b", second)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_bytes(bundle_bytes(bundle))
    assert cchc("import", str(tmp_path / "a"), str(tmp_path / "b")).returncode == 0
    listed = cchc("conflicts")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    # one name from two folders: each side is named by its folder
    assert lines[0].endswith(f"lần gửi 2 — «a/{name}» và «b/{name}»\tCHƯA GIẢI QUYẾT")
    assert f"«{name}» và «{name}»" not in listed.stdout
    assert f"tệp «a/{name}»" in lines[1] and f"tệp «b/{name}»" in lines[2]
    assert lines[1].startswith("    Bản nhận trước (--first): lập lúc ")
    assert lines[1].endswith("— đang dùng") and ", chính thức, 0 lỗi, " in lines[1]
    assert lines[2].startswith("    Bản nhận sau (--other): lập lúc ")
    assert lines[3].startswith("    Khác nhau (") and lines[3].endswith(" chỗ):")
    label = catalogue.indicator("chi_dao.ke_hoach.tong").label
    tong = [line for line in lines if line.startswith(f"      {label}: ")]
    assert len(tong) == 1 and " bản nhận trước " in tong[0] and " — bản nhận sau " in tong[0]
    assert lines[-1].startswith("      … và ") and lines[-1].endswith(" chỗ khác nữa")
    assert len(lines) == 4 + 5 + 1
