"""The ``cchc`` command line's own words: help in Vietnamese, clear usage errors, no traceback
when the reader of its output stops early."""

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.cli import run

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "show program")
COMMANDS = [
    "new", "list", "show", "set", "text", "check", "duplicate", "pdf", "catalogue",
    "bundle", "verify", "import", "summary", "conflicts", "resolve", "lint-text",
]  # fmt: skip


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        run([*argv, "--help"])
    assert done.value.code == 0
    out: str = capsys.readouterr().out
    return out


def test_the_main_help_is_vietnamese(capsys):
    out = _help(capsys)
    assert out.startswith("Cách dùng: cchc ")
    assert "tùy chọn:" in out and "xem hướng dẫn này" in out and "xem số phiên bản" in out
    assert "lệnh:" in out and "summary" in out
    for word in ENGLISH:
        assert word not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_vietnamese(capsys, command):
    out = _help(capsys, command)
    assert out.startswith(f"Cách dùng: cchc {command} ")
    assert "tùy chọn:" in out and "-h, --help  " in out and "xem hướng dẫn này" in out
    for word in ENGLISH:
        assert word not in out


def _parsers() -> list[argparse.ArgumentParser]:
    from cchc_desktop.cli import _parser

    main = _parser()
    found: list[argparse.ArgumentParser] = [main]
    for action in main._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += list(action.choices.values())
    return found


def test_every_argument_has_a_vietnamese_metavar():
    """argparse would name it after its destination (``--unit UNIT``, ``id``), in English."""
    missing = [
        f"{parser.prog}: {'/'.join(action.option_strings) or action.dest}"
        for parser in _parsers()
        for action in parser._actions
        if action.nargs != 0
        and action.metavar is None
        and not isinstance(action, argparse._SubParsersAction)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("command", "metavars"),
    [
        ("new", ["--unit MÃ_XÃ", "--unit-name TÊN", "--parent-body CƠ_QUAN", "--period KỲ"]),
        ("show", ["SỐ "]),
        ("set", ["SỐ MÃ_CHỈ_TIÊU SỐ_LIỆU"]),
        ("text", ["SỐ MỤC NỘI_DUNG"]),
        ("duplicate", ["--period KỲ", "--title TÊN_KỲ", "kỳ mới: 2026-Q1"]),
        ("pdf", ["-o TỆP_PDF, --output TỆP_PDF"]),
        ("", ["--db TỆP"]),
    ],
)
def test_report_commands_name_their_arguments_in_vietnamese(capsys, command, metavars):
    out = _help(capsys, *([command] if command else []))
    for metavar in metavars:
        assert metavar in out


def test_every_argument_is_explained(capsys):
    for command in COMMANDS:
        out = _help(capsys, command)
        arguments = out.split("tham số:\n")[1].split("\n\n")[0] if "tham số:\n" in out else ""
        for line in arguments.splitlines():
            assert len(line.split()) > 1, f"{command}: {line}"  # a name and what it is


def test_positional_arguments_have_a_vietnamese_title(capsys):
    out = _help(capsys, "resolve")
    assert "tham số:\n  SỐ " in out


def test_a_usage_error_shows_vietnamese_usage(capsys):
    with pytest.raises(SystemExit) as done:
        run(["summary", "--period", "2026-Q1"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Cách dùng: cchc summary ")
    assert "Lỗi: thiếu tham số: --province" in err
    assert "usage:" not in err and "error:" not in err


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        run(list(argv))
    assert done.value.code == 2
    err: str = capsys.readouterr().err
    return err


def test_an_option_before_the_command_is_explained(capsys):
    err = _usage_error(
        capsys, "--province-db", "tinh.sqlite3", "summary", "--province", "31", "--period", "X"
    )
    assert "không có lựa chọn" not in err
    assert "Lỗi: tùy chọn «--province-db» phải đặt sau tên lệnh" in err
    assert "cchc summary --province-db tinh.sqlite3 …" in err


def test_a_flag_before_the_command_is_explained(capsys):
    err = _usage_error(capsys, "-v", "import", "usb")
    assert "Lỗi: tùy chọn «-v» phải đặt sau tên lệnh, ví dụ: cchc import -v …" in err


def test_db_after_the_command_is_explained(capsys):
    err = _usage_error(capsys, "list", "--db", "x.sqlite3")
    assert "không hiểu tham số" not in err
    assert "Lỗi: tùy chọn «--db» phải đặt trước tên lệnh, ví dụ: cchc --db x.sqlite3 list …" in err
    err = _usage_error(capsys, "show", "3", "--db=x.sqlite3")
    assert "ví dụ: cchc --db=x.sqlite3 show …" in err
    err = _usage_error(capsys, "import", "usb", "--db")
    assert "ví dụ: cchc --db TỆP import …" in err
    err = _usage_error(capsys, "list", "--version")
    assert "Lỗi: tùy chọn «--version» đặt trước tên lệnh, không kèm lệnh: cchc --version" in err


def test_an_unknown_option_after_the_command_is_just_unknown(capsys):
    err = _usage_error(capsys, "import", "usb", "--nhanh")
    assert "Lỗi: không hiểu tham số: --nhanh" in err


def test_a_misspelt_command_is_named(capsys):
    err = _usage_error(capsys, "sumary")
    assert "Lỗi: tham số LỆNH: không có lựa chọn «sumary» (xem danh sách lệnh: cchc --help)" in err


# -- a reader that stops early ------------------------------------------------------------


def _closed_reader(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``cchc`` with its standard output's reader already gone (as ``| head`` ends)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cchc_desktop", "--db", str(tmp_path / "d.sqlite3"), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    code = process.wait(timeout=60)
    return subprocess.CompletedProcess(argv, code, "", err)


def test_a_closed_standard_output_ends_quietly(tmp_path):
    done = _closed_reader(tmp_path, "catalogue")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.stderr == ""


def test_show_json_piped_into_head_ends_quietly(tmp_path):
    db = tmp_path / "d.sqlite3"
    new = ["new", "--unit", "11074", "--period", "2026-Q1"]
    created = subprocess.run(
        [sys.executable, "-m", "cchc_desktop", "--db", str(db), *new],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    done = _closed_reader(tmp_path, "show", created.stdout.strip(), "--json")
    assert "Traceback" not in done.stderr and done.stderr == ""
    shell = subprocess.run(
        f'"{sys.executable}" -m cchc_desktop --db "{db}" catalogue | head -n 1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.stdout.startswith("Danh mục") and "Traceback" not in shell.stderr
