"""``cchc lint-text``: one finding a line, exit 1 when something was found, 0 when not."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.references import REFERENCE_DIR

SLIPS = (
    "Kết quả giải quyết TTHC:\n"
    "Tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.500, trực tiếp 200.\n"
    "Hoàn thành 15/25 nhiệm vụ, đạt 62%.\n"
)


def lint(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "lint-text", *args],
        capture_output=True,
        input=stdin,
        timeout=60,
    )


def test_a_file_with_slips_prints_one_finding_a_line_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.txt"
    path.write_text(SLIPS, encoding="utf-8")
    result = lint(str(path))
    assert result.returncode == 1, result.stderr.decode()
    assert result.stdout.decode("utf-8").splitlines() == [
        "2: Tổng 1.730 hồ sơ nhưng các thành phần cộng lại 1.700 hồ sơ (1.500 + 200)",
        "3: Tỷ lệ 15/25 là 60%, không phải 62%",
    ]


def test_standard_input_is_read_with_a_dash() -> None:
    result = lint("-", stdin=SLIPS.replace("\n", "\r\n").encode("utf-8-sig"))
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.decode().splitlines()] == ["2", "3"]


def test_a_consistent_text_prints_nothing_and_exits_0() -> None:
    result = lint("-", stdin="Tiếp nhận 907 hồ sơ, trong đó trực tuyến 892, trực tiếp 15.".encode())
    assert (result.returncode, result.stdout) == (0, b"")


def test_a_reference_report_passes() -> None:
    path = REFERENCE_DIR / "000_bd49e8f3fc2d1452.txt"
    if not path.is_file():
        pytest.skip("no reference report")
    result = lint(str(path))
    assert (result.returncode, result.stdout) == (0, b"")


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = lint(str(tmp_path / "khong-co.txt"))
    assert result.returncode == 2
    assert "Lỗi: không đọc được tệp" in result.stderr.decode()
    assert "không tìm thấy tệp" in result.stderr.decode()


def test_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = lint(str(tmp_path))
    assert result.returncode == 2
    assert "là một thư mục" in result.stderr.decode()


def test_a_file_in_a_legacy_encoding_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("Tæng sè 1.730 hå s¬".encode("latin-1"))
    result = lint(str(path))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "không phải văn bản UTF-8" in message
    assert "Traceback" not in message
