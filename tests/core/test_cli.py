"""The ``cchc`` command line, run as a user runs it: a real process on a fresh database."""

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def cchc(tmp_path: Path):
    db = tmp_path / "cli.sqlite3"

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cchc_desktop", "--db", str(db), *args],
            capture_output=True,
            text=True,
            input=stdin,
            timeout=60,
        )

    return run


def test_a_report_is_created_filled_and_checked(cchc):
    created = cchc("new", "--unit", "11074", "--period", "2026-Q1")
    assert created.returncode == 0, created.stderr
    report = created.stdout.strip()
    assert report.isdigit()
    for indicator, value in [
        ("tthc.ho_so.tiep_nhan", "1.730"),
        ("tthc.ho_so.da_giai_quyet", "1.553"),
        ("tthc.ho_so.dang_giai_quyet", "176"),
    ]:
        assert cchc("set", report, indicator, value).returncode == 0
    checked = cchc("check", report)
    assert checked.returncode == 1
    assert (
        "Tổng số hồ sơ tiếp nhận (1.730) phải bằng đã giải quyết (1.553) + "
        "đang giải quyết (176) = 1.729" in checked.stdout
    )
    assert cchc("set", report, "tthc.ho_so.dang_giai_quyet", "177").returncode == 0
    as_json = cchc("check", report, "--json")
    findings = json.loads(as_json.stdout)
    assert as_json.returncode == 1  # required figures of a final report are still missing
    assert not [f for f in findings if "1.729" in f["message"]]
    assert [f for f in findings if f["rule_id"].endswith("bat_buoc")]


def test_list_show_and_text_from_standard_input(cchc):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q2").stdout.strip()
    result = cchc("text", report, "tthc.ket_qua", "-", stdin="Tổng số hồ sơ đã tiếp nhận 907.\n")
    assert result.returncode == 0, result.stderr
    assert cchc("text", report, "header.place", "Tứ Kỳ").returncode == 0
    listed = cchc("list")
    assert "Xã Tứ Kỳ" in listed.stdout and "2026-Q2" in listed.stdout
    shown = json.loads(cchc("show", report, "--json").stdout)
    assert shown["narratives"]["tthc.ket_qua"].startswith("Tổng số hồ sơ đã tiếp nhận 907")
    assert shown["header"]["place"] == "Tứ Kỳ"


def test_duplicate_prints_the_new_report(cchc):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q1").stdout.strip()
    cchc("set", report, "tthc.ho_so.dang_giai_quyet", "12")
    copy = cchc("duplicate", report, "--period", "2026-Q2")
    assert copy.returncode == 0, copy.stderr
    shown = json.loads(cchc("show", copy.stdout.strip(), "--json").stdout)
    assert shown["period"] == "2026-Q2"
    assert shown["values"]["tthc.ho_so.ky_truoc"] == 12


def test_catalogue_lists_indicators(cchc):
    listed = cchc("catalogue")
    assert "tthc.ho_so.tiep_nhan" in listed.stdout
    as_json = json.loads(cchc("catalogue", "--json").stdout)
    assert as_json["id"] == "cchc-xa"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("new", "--unit", "99999", "--period", "2026-Q1"), "Mã đơn vị"),
        (("new", "--unit", "11074", "--period", "2026-Q9"), "Kỳ báo cáo"),
        (("set", "1", "tthc.ho_so.tiep_nhan", "-5"), ""),
        (("show", "42"), "Không tìm thấy báo cáo"),
        (("set", "1", "khong.co.chi_tieu", "5"), ""),
        (("frobnicate",), "không có lựa chọn"),
        (("check",), "thiếu tham số"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_exit_2_never_a_traceback(cchc, args, words):
    cchc("new", "--unit", "11074", "--period", "2026-Q1")
    result = cchc(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Lỗi:" in result.stderr and words in result.stderr


def test_a_negative_count_names_the_field(cchc):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q1").stdout.strip()
    result = cchc("set", report, "tthc.ho_so.tiep_nhan", "-5")
    assert result.returncode == 2
    assert "Tổng số hồ sơ tiếp nhận" in result.stderr and "âm" in result.stderr


def test_show_cuts_a_long_narrative_at_a_word_with_an_ellipsis(cchc):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q2").stdout.strip()
    text = "Tổng số hồ sơ đã tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.500 hồ sơ, trực tiếp 230."
    assert cchc("text", report, "tthc.ket_qua", text).returncode == 0
    shown = cchc("show", report).stdout
    [line] = [line for line in shown.splitlines() if "Tổng số hồ sơ" in line]
    assert line.endswith("trong đó trực tuyến 1.500 hồ…"), line


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("ngắn\n  gọn", "ngắn gọn"),
        ("trực tuyến 1.500", "trực tuyến 1.500"),
        ("trực tuyến 1.500 hồ sơ", "trực tuyến 1.500…"),
        ("trực tuyến 11.500 hồ sơ", "trực tuyến…"),
        ("a" * 20, "a" * 16 + "…"),
        ("Kết quả đạt được, trong đó", "Kết quả đạt…"),
        ("Kết quả, trongđónhiều", "Kết quả…"),
    ],
)
def test_an_excerpt_never_ends_inside_a_word_or_a_number(text, shown):
    from cchc_desktop.cli.reports import excerpt

    assert excerpt(text, 16) == shown


def test_the_signer_can_be_given_as_a_plain_name_or_as_json(cchc):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q2").stdout.strip()
    signer = '{"authority": "KT", "title": "PHÓ CHỦ TỊCH", "name": "Trần Văn B"}'
    assert cchc("text", report, "header.signer", signer).returncode == 0
    named = cchc("text", report, "header.signer", "Nguyễn Văn Thắng")
    assert named.returncode == 0, named.stderr
    shown = json.loads(cchc("show", report, "--json").stdout)["header"]["signer"]
    assert shown == {"authority": "KT", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Thắng"}


@pytest.mark.parametrize("field", ["citations", "contacts", "signer"])
def test_a_json_header_field_that_is_not_json_says_which_shape_in_vietnamese(cchc, field):
    report = cchc("new", "--unit", "11074", "--period", "2026-Q2").stdout.strip()
    failed = cchc("text", report, f"header.{field}", "{Nguyễn Văn Thắng")
    assert failed.returncode == 2
    assert f"header.{field} phải viết dạng JSON (chỗ sai ở dòng 1, cột 2), ví dụ: " in failed.stderr
    assert "Expecting" not in failed.stderr and "Traceback" not in failed.stderr
    key = {"citations": '"kind"', "contacts": '"role"', "signer": '"authority"'}[field]
    assert key in failed.stderr


def test_the_text_help_shows_the_json_shapes(cchc):
    helped = cchc("text", "--help").stdout
    assert '{"authority": "TM", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}' in helped
    assert "header.citations" in helped and '"kind"' in helped
    assert "header.contacts" in helped and '"role"' in helped
