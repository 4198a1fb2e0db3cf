"""Commands of the province office: import bundles, summarise a period, settle conflicts.

They work on the province database (``--province-db``, default
``province.sqlite3`` beside the clerk's database), never on the clerk's store.
"""

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import Any

from cchc_desktop.bundle import BundleError
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.cli.common import EXIT_ERRORS, UsageError, write_failed
from cchc_desktop.province import (
    Conflict,
    ImportFailed,
    NotFound,
    Outcome,
    ProvinceDatabase,
    ProvinceDatabaseError,
    Summary,
    conflict_differences,
    differences_text,
    import_paths,
    list_conflicts,
    province_summary,
    resolve_conflict,
    write_summary_csv,
)
from cchc_desktop.province.database import default_province_db_path
from cchc_desktop.province.importer import OUTCOME_WORDS
from cchc_desktop.status import status_word
from cchc_desktop.vnformat import format_number

_DB_HELP = "tệp dữ liệu tổng hợp của tỉnh (mặc định: province.sqlite3 cạnh tệp dữ liệu --db)"


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``import``, ``summary``, ``conflicts`` and ``resolve`` (province database)."""
    import_ = commands.add_parser(
        "import",
        help="nhập gói dữ liệu của các xã (tệp hoặc thư mục); mã thoát 1 nếu có tệp bị từ chối",
    )
    import_.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="ĐƯỜNG_DẪN",
        help="tệp .cchc.json hoặc thư mục chứa chúng (ví dụ ổ USB)",
    )
    import_.add_argument("--province-db", type=Path, metavar="TỆP", help=_DB_HELP)
    import_.add_argument("-v", "--verbose", action="store_true", help="in cả các tệp đã nhập")
    import_.set_defaults(alone=_import)
    summary = commands.add_parser("summary", help="bảng tổng hợp một tỉnh trong một kỳ")
    summary.add_argument(
        "--province", required=True, metavar="MÃ_TỈNH", help="mã tỉnh, ví dụ 01 hoặc 1"
    )
    summary.add_argument("--period", required=True, metavar="KỲ", help="kỳ, ví dụ 2026-Q1")
    summary.add_argument("--province-db", type=Path, metavar="TỆP", help=_DB_HELP)
    summary.add_argument(
        "-o", "--output", type=Path, metavar="TỆP_CSV", help="ghi bảng ra tệp CSV (mở bằng Excel)"
    )
    summary.add_argument(
        "--pdf", type=Path, metavar="TỆP_PDF", help="in báo cáo tổng hợp ra tệp PDF"
    )
    summary.set_defaults(alone=_summary)
    conflicts = commands.add_parser(
        "conflicts", help="các xung đột: hai bản khác nhau cùng một lần gửi"
    )
    conflicts.add_argument("--province", metavar="MÃ_TỈNH", help="chỉ một tỉnh")
    conflicts.add_argument("--period", metavar="KỲ", help="chỉ một kỳ")
    conflicts.add_argument("--all", action="store_true", help="cả các xung đột đã giải quyết")
    conflicts.add_argument("--province-db", type=Path, metavar="TỆP", help=_DB_HELP)
    conflicts.set_defaults(alone=_conflicts)
    resolve = commands.add_parser("resolve", help="giải quyết một xung đột: chọn bản dùng")
    resolve.add_argument("id", type=int, metavar="SỐ", help="số xung đột (xem cchc conflicts)")
    keep = resolve.add_mutually_exclusive_group(required=True)
    keep.add_argument("--first", action="store_true", help="dùng bản nhận trước")
    keep.add_argument("--other", action="store_true", help="dùng bản nhận sau")
    resolve.add_argument("--province-db", type=Path, metavar="TỆP", help=_DB_HELP)
    resolve.set_defaults(alone=_resolve)


def _open(args: argparse.Namespace) -> ProvinceDatabase:
    try:
        db = ProvinceDatabase.open(args.province_db or default_province_db_path(args.db))
    except ProvinceDatabaseError as error:
        raise UsageError(str(error)) from None
    for notice in db.notices:
        print(notice, file=sys.stderr)
    return db


_ORDER = (Outcome.REJECTED, Outcome.CONFLICT, Outcome.SKIPPED, Outcome.IMPORTED)


def _import(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    with _open(args) as db:
        try:
            result = import_paths(db, args.paths, catalogue)
        except ImportFailed as error:
            raise UsageError(str(error)) from None
    for outcome in _ORDER:
        files = [f for f in result.files if f.outcome == outcome]
        if not files or (outcome == Outcome.IMPORTED and not args.verbose):
            continue
        print(f"{OUTCOME_WORDS[outcome]} ({len(files)}):")
        for file in files:
            print(f"  - {file.message}")
    print(result.counts_text())
    return EXIT_ERRORS if result.rejected else 0


def _cut(text: str, width: int) -> str:
    text = unicodedata.normalize("NFC", text)
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_text(summary: Summary) -> list[str]:
    """The summary as lines of text: the communes, then the totals."""
    lines = [
        f"{summary.province_name} — {summary.period_title}",
        summary.counts_text(),
        "",
        f"{'STT':>4}  {'Mã':5}  {'Tên':32}  {'Tình trạng':13}  {'Lần':>3}  "
        f"{'Trạng thái':10}  {'Lỗi':>3}  {'C.báo':>5}",
    ]
    for number, row in enumerate(summary.rows, start=1):
        state = row.state_words()
        if row.reported:
            status = status_word(row.status) if row.status else ""
            rest = f"{row.revision:>3}  {status:10}  {row.errors:>3}  {row.warnings:>5}"
        else:
            state, rest = state.upper(), ""
        line = f"{number:>4}  {row.code:5}  {_cut(row.name, 32):32}  {state:13}  {rest}"
        lines.append(line.rstrip())
    if summary.reported:
        lines += ["", f"Tổng hợp số liệu của {len(summary.reported)} đơn vị đã báo cáo:"]
        for total in summary.totals:
            if total.value is not None:
                indicator = total.indicator
                over = "tính trên " if indicator.derived else ""
                given = f"  ({over}{total.communes} đơn vị)"
                value = format_number(total.value)
                lines.append(f"  {indicator.label}: {value} {indicator.unit}{given}")
    return lines


def _summary(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    with _open(args) as db:
        summary = province_summary(db, catalogue, args.province, args.period)
    if args.output:
        try:
            write_summary_csv(summary, args.output)
        except OSError as error:
            raise write_failed(args.output, error) from None
        print(f"Đã ghi bảng tổng hợp: {args.output}", file=sys.stderr)
    if args.pdf:
        from cchc_desktop.pdf.summary import render_summary_pdf

        try:
            render_summary_pdf(summary, catalogue, args.pdf)
        except OSError as error:
            raise write_failed(args.pdf, error) from None
        print(f"Đã ghi báo cáo tổng hợp: {args.pdf}", file=sys.stderr)
    if not args.output and not args.pdf:
        print("\n".join(summary_text(summary)))
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    with _open(args) as db:
        found = list_conflicts(db, args.province, args.period, include_resolved=args.all)
        if not found:
            print("Không có xung đột nào.")
        for conflict in found:
            print("\n".join(conflict_lines(db, conflict, catalogue)))
    return 0


_RESOLUTION_WORDS = {
    "kept": "giữ bản nhận trước",
    "other": "dùng bản nhận sau",
    "superseded": "có bản mới",
}


def conflict_lines(db: ProvinceDatabase, conflict: Conflict, catalogue: Catalogue) -> list[str]:
    """A conflict for the officer: number, unit and state, then what tells the sides apart."""
    state = (
        "CHƯA GIẢI QUYẾT" if conflict.open else _RESOLUTION_WORDS.get(conflict.resolution or "", "")
    )
    lines = [f"{conflict.id}\t{conflict.text()}\t{state}"]
    for flag, name, ref in (
        ("--first", "Bản nhận trước", conflict.kept),
        ("--other", "Bản nhận sau", conflict.other),
    ):
        using = " — đang dùng" if conflict.open and conflict.current_id == ref.id else ""
        lines.append(f"    {name} ({flag}): {ref.describe()}{using}")
    try:
        differences = conflict_differences(db, conflict, catalogue)
    except BundleError as error:
        lines.append(f"    Không so sánh được hai bản: {error.reason}")
        return lines
    if differences:
        lines.append(f"    Khác nhau ({len(differences)} chỗ):")
    lines += [f"      {line}" for line in differences_text(differences, _SHOWN_DIFFERENCES)]
    return lines


_SHOWN_DIFFERENCES = 5


def _resolve(args: argparse.Namespace) -> int:
    with _open(args) as db:
        try:
            conflict = resolve_conflict(db, args.id, keep_other=args.other)
        except NotFound as error:
            raise UsageError(str(error)) from None
    chosen = conflict.other if args.other else conflict.kept
    print(f"Đã giải quyết xung đột {conflict.id}: dùng tệp «{chosen.shown}».")
    return 0
