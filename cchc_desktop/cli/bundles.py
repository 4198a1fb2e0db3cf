"""Commands for bundles: write one for the province office, verify one received."""

import argparse
import sys
from pathlib import Path
from typing import Any

from cchc_desktop.bundle import Bundle, BundleError, read_bundle
from cchc_desktop.bundle.export import prepare_bundle, write_bundle_file
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.checks.kinds import Kinds
from cchc_desktop.cli.common import EXIT_ERRORS
from cchc_desktop.status import status_word
from cchc_desktop.store import Store


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """``cchc bundle ID -o DIR`` (with the store) and ``cchc verify FILE`` (alone)."""
    bundle = commands.add_parser(
        "bundle", help="xuất gói dữ liệu gửi tỉnh (tệp .cchc.json), in ra đường dẫn tệp"
    )
    bundle.add_argument("id", type=int, metavar="SỐ", help="số báo cáo (xem cchc list)")
    bundle.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="THƯ_MỤC",
        help="thư mục ghi gói dữ liệu (ví dụ USB)",
    )
    bundle.set_defaults(with_store=_bundle)
    verify = commands.add_parser(
        "verify", help="kiểm tra một gói dữ liệu nhận được; mã thoát 1 nếu hỏng"
    )
    verify.add_argument("file", type=Path, metavar="TỆP", help="tệp .cchc.json")
    verify.set_defaults(alone=_verify)


def summary_line(bundle: Bundle, kinds: Kinds) -> str:
    """One line about a bundle: unit, period, revision, status, figures and findings
    (counted as the clerk's screens count them: an empty required field is no error)."""
    counts = bundle.counts(kinds)
    created = bundle.created_at.strftime("%d/%m/%Y %H:%M")
    return (
        f"{bundle.unit_code} {bundle.unit_name} — {bundle.period_title}, "
        f"lần gửi {bundle.revision}, {status_word(bundle.status).lower()}, "
        f"{len(bundle.values)} số liệu, {counts.errors} lỗi, {counts.warnings} cảnh báo, "
        f"tạo lúc {created}"
    )


def _bundle(store: Store, args: argparse.Namespace) -> int:
    prepared = prepare_bundle(store, args.id)
    path = write_bundle_file(prepared.bundle, args.output)
    prepared.record(store)
    note = "lần gửi mới" if prepared.changed else "không thay đổi từ lần xuất trước"
    print(f"Đã ghi gói dữ liệu lần gửi {prepared.bundle.revision} ({note}).", file=sys.stderr)
    print(path)
    return 0


def _verify(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    try:
        bundle = read_bundle(args.file, catalogue)
    except BundleError as error:
        print(f"Không hợp lệ: {error.reason}", file=sys.stderr)
        return EXIT_ERRORS
    print(f"Hợp lệ: {summary_line(bundle, Kinds(catalogue))}")
    return 0
