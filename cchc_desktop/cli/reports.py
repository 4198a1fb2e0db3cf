"""Commands on the clerk's reports: create, fill, inspect, check, duplicate, print."""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cchc_desktop import units
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.checks import Kinds, check_report, compute_derived, has_errors
from cchc_desktop.cli.common import (
    EXIT_ERRORS,
    UsageError,
    finding_line,
    findings_total,
    write_failed,
)
from cchc_desktop.model import Unit
from cchc_desktop.status import ReportStatus, status_word
from cchc_desktop.store import Store
from cchc_desktop.vnformat import format_number

_PERIODS = "2026-Q1…Q4, 2026-H1, 2026-9M, 2026-Y, 2026-AH1"


# The header fields given as JSON, with the shape each expects.
_JSON_SHAPES = {
    "signer": '{"authority": "TM", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}',
    "citations": (
        '[{"kind": "Kế hoạch", "number": "05/KH-UBND", "date": "17/01/2022", '
        '"issuer": "UBND xã", "summary": "về cải cách hành chính năm 2026"}]'
    ),
    "contacts": (
        '[{"role": "Lãnh đạo phụ trách", "name": "Nguyễn Văn A", '
        '"position": "Phó Chủ tịch", "contact": "0912345678"}]'
    ),
}

_STRUCTURED_HELP = "\n".join(
    [
        "Trường header.recipients: mỗi nơi nhận một dòng.",
        "Trường header.signer: chỉ tên người ký (giữ nguyên TM/KT và chức danh), hoặc JSON dạng",
        f"  {_JSON_SHAPES['signer']}",
        "  (authority là TM hoặc KT).",
        "Trường header.citations: JSON, một danh sách văn bản căn cứ, dạng",
        f"  {_JSON_SHAPES['citations']}",
        "Trường header.contacts: JSON, một danh sách người phụ trách, dạng",
        f"  {_JSON_SHAPES['contacts']}",
        'Ví dụ: cchc text 1 header.signer "Nguyễn Văn Thắng"',
    ]
)


def _report_id(command: argparse.ArgumentParser) -> None:
    command.add_argument("id", type=int, metavar="SỐ", help="số báo cáo (xem cchc list)")


def register(commands: "argparse._SubParsersAction[Any]") -> None:
    """Add the report commands; each runs with the open store."""
    new = commands.add_parser("new", help="tạo báo cáo mới, in ra số báo cáo")
    new.add_argument("--unit", metavar="MÃ_XÃ", help="mã xã, phường chính thức (5 chữ số)")
    new.add_argument(
        "--unit-name", metavar="TÊN", help="tên đơn vị tự nhập (báo cáo cũ, không có mã)"
    )
    new.add_argument(
        "--parent-body", default="", metavar="CƠ_QUAN", help="cơ quan cấp trên, với --unit-name"
    )
    new.add_argument("--period", required=True, metavar="KỲ", help=f"kỳ: {_PERIODS}")
    new.add_argument("--title", default="", metavar="TÊN_KỲ", help="tên kỳ báo cáo đột xuất")
    new.set_defaults(with_store=_new)
    commands.add_parser("list", help="danh sách báo cáo").set_defaults(with_store=_list)
    show = commands.add_parser("show", help="xem một báo cáo")
    _report_id(show)
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(with_store=_show)
    set_ = commands.add_parser("set", help="nhập một số liệu (để trống để xóa)")
    _report_id(set_)
    set_.add_argument(
        "indicator", metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ tthc.ho_so.tiep_nhan"
    )
    set_.add_argument("value", metavar="SỐ_LIỆU", help='số liệu, ví dụ 1.730 hoặc 99,87; "" để xóa')
    set_.set_defaults(with_store=_set)
    text = commands.add_parser(
        "text",
        help="nhập nội dung một mục, hoặc một trường header.*",
        description="Nhập nội dung một mục của báo cáo, hoặc một trường phần đầu (header.*).",
        epilog=_STRUCTURED_HELP,
    )
    # The command's own help formatter (Vietnamese words), keeping the epilog's lines.
    text.formatter_class = type(
        "KeepingLines", (argparse.RawDescriptionHelpFormatter, text.formatter_class), {}
    )
    _report_id(text)
    text.add_argument(
        "field", metavar="MỤC", help="ví dụ tthc.ket_qua, header.place, header.recipients"
    )
    text.add_argument(
        "text",
        metavar="NỘI_DUNG",
        help="nội dung, hoặc - để đọc từ đầu vào chuẩn (header.signer, header.citations, "
        "header.contacts viết dạng JSON, xem dưới đây)",
    )
    text.set_defaults(with_store=_text)
    check = commands.add_parser("check", help="kiểm tra số liệu; mã thoát 1 nếu còn lỗi")
    _report_id(check)
    check.add_argument("--json", action="store_true", help="in dạng JSON")
    check.set_defaults(with_store=_check)
    duplicate = commands.add_parser("duplicate", help="tạo báo cáo kỳ mới từ kỳ trước")
    _report_id(duplicate)
    duplicate.add_argument("--period", required=True, metavar="KỲ", help=f"kỳ mới: {_PERIODS}")
    duplicate.add_argument("--title", default="", metavar="TÊN_KỲ", help="tên kỳ báo cáo đột xuất")
    duplicate.set_defaults(with_store=_duplicate)
    pdf = commands.add_parser(
        "pdf", help="in báo cáo ra tệp PDF; mã thoát 1 nếu bản chính thức còn lỗi"
    )
    _report_id(pdf)
    pdf.add_argument(
        "-o", "--output", required=True, type=Path, metavar="TỆP_PDF", help="tệp PDF sẽ ghi"
    )
    copy = pdf.add_mutually_exclusive_group()
    copy.add_argument("--draft", action="store_true", help="bản dự thảo (mặc định)")
    copy.add_argument("--final", action="store_true", help="bản chính thức, chỉ khi không còn lỗi")
    pdf.add_argument(
        "--findings",
        action="store_true",
        help="bản dự thảo có thêm trang cuối liệt kê lỗi, cảnh báo",
    )
    pdf.set_defaults(with_store=_pdf)
    catalogue = commands.add_parser("catalogue", help="danh mục chỉ tiêu và quy tắc")
    catalogue.add_argument("--json", action="store_true", help="in dạng JSON")
    catalogue.set_defaults(alone=_catalogue)


def _new(store: Store, args: argparse.Namespace) -> int:
    if bool(args.unit) == bool(args.unit_name):
        raise UsageError("cần đúng một trong hai: --unit MÃ_XÃ hoặc --unit-name TÊN")
    if args.unit:
        unit = Unit.from_official(units.commune(args.unit))
    else:
        unit = Unit(name=args.unit_name, parent_body=args.parent_body)
    print(store.create_report(unit, args.period, ad_hoc_title=args.title))
    return 0


def _list(store: Store, args: argparse.Namespace) -> int:
    summaries = store.list_reports()
    if not summaries:
        print("Chưa có báo cáo nào.")
    for s in summaries:
        columns = [s.id, s.unit_code or "-", s.unit_name, s.period, status_word(s.status)]
        print("\t".join(map(str, columns)) + f"\t{s.updated_at:%d/%m/%Y %H:%M}")
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    report = store.load(args.id)
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    catalogue = store.catalogue
    derived = compute_derived(catalogue, report.values)
    print(f"Báo cáo số {report.id}: {report.unit.name} — {report.period_title}")
    if report.window_from and report.window_to:
        print(f"Số liệu từ {report.window_from:%d/%m/%Y} đến {report.window_to:%d/%m/%Y}")
    print(f"Trạng thái: {status_word(report.status)}")
    for section in catalogue.sections:
        lines = [
            f"  {i.label}: {format_number(v)} {i.unit}"
            for i in catalogue.section_indicators(section.id)
            if (v := report.values.get(i.id, derived.get(i.id))) is not None
        ]
        lines += [
            f"  {n.label}: {excerpt(report.narratives[key])}"
            for n in section.narratives
            if (key := section.narrative_key(n.id)) in report.narratives
        ]
        if lines:
            print(f"{section.title}:")
            print("\n".join(lines))
    return 0


def excerpt(text: str, width: int = 70) -> str:
    """The start of a narrative on one line, cut at a word and ended with «…» when cut.

    Never inside a word or a number: ``trực tuyến 1.500`` is not cut to ``trực tuyến 1``.
    """
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    space = line.rfind(" ", 0, width + 1)
    cut = line[:space] if space > 0 else line[:width]
    return f"{cut.rstrip(' ,;:.-–—(')}…"


def _set(store: Store, args: argparse.Namespace) -> int:
    value = store.set_value(args.id, args.indicator, args.value)
    label = store.catalogue.indicator(args.indicator).label
    print(f"{label}: {'đã xóa' if value is None else format_number(value)}")
    return 0


def _text(store: Store, args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    if args.field.startswith("header."):
        name = args.field.removeprefix("header.")
        if name == "signer" and not text.lstrip().startswith("{"):
            # A plain name: the signer's name, the authority and title kept.
            signer = store.load(args.id).header.signer.model_dump()
            store.set_header_field(args.id, name, signer | {"name": text.strip()})
        else:
            store.set_header_field(args.id, name, _header_value(name, text))
    else:
        store.set_text(args.id, args.field, text)
    return 0


def _header_value(name: str, text: str) -> object:
    """Structured header fields are given as JSON, the list of recipients one per line."""
    if name in _JSON_SHAPES:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise UsageError(
                f"header.{name} phải viết dạng JSON (chỗ sai ở dòng {error.lineno}, "
                f"cột {error.colno}), ví dụ: {_JSON_SHAPES[name]}"
            ) from None
    if name == "recipients":
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def _check(store: Store, args: argparse.Namespace) -> int:
    report = store.load(args.id)
    previous = store.previous_report(args.id)
    findings = check_report(store.catalogue, report, previous)  # the header's gaps included
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        kinds = Kinds(store.catalogue)
        for finding in findings:
            print(finding_line(finding, kinds))
        print(findings_total(findings, kinds))
    return EXIT_ERRORS if has_errors(findings) else 0


def _duplicate(store: Store, args: argparse.Namespace) -> int:
    print(store.duplicate(args.id, args.period, ad_hoc_title=args.title))
    return 0


def _pdf(store: Store, args: argparse.Namespace) -> int:
    from cchc_desktop.pdf import FinalCopyRefused, render_report_pdf  # ReportLab loads slowly

    output: Path = args.output
    if args.final and args.findings:
        raise UsageError("--findings chỉ dùng với bản dự thảo")
    if output.is_dir():
        raise UsageError(f"{output} là một thư mục, cần tên tệp PDF")
    if not output.parent.is_dir():
        raise UsageError(f"không ghi được tệp {output}: thư mục không tồn tại")
    report = store.load(args.id)
    previous = store.previous_report(args.id)
    printed_at = store.edit_point(args.id)
    try:
        render_report_pdf(
            report,
            store.catalogue,
            output,
            final=args.final,
            include_findings_page=args.findings,
            previous=previous,
        )
    except FinalCopyRefused as refused:
        print(f"Lỗi: {refused}", file=sys.stderr)
        kinds = Kinds(store.catalogue)
        for finding in refused.errors:
            print(finding_line(finding, kinds), file=sys.stderr)
        return EXIT_ERRORS
    except OSError as error:
        raise write_failed(output, error) from None
    if not args.final:
        print(f"Đã ghi bản dự thảo: {output}")
        return 0
    status = store.mark_final(args.id, printed_at)
    print(f"Đã ghi bản chính thức: {output}")
    if status == ReportStatus.FINAL:
        print(f"Báo cáo số {args.id} chuyển sang trạng thái «{status_word(status)}».")
    return 0


def _catalogue(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    if args.json:
        print(catalogue.model_dump_json(indent=2))
        return 0
    print(f"Danh mục {catalogue.id} phiên bản {catalogue.version}: {catalogue.title}")
    for section in catalogue.sections:
        print(f"[{section.id}] {section.title}")
        for indicator in catalogue.section_indicators(section.id):
            mark = " (tính tự động)" if indicator.derived else ""
            print(f"  {indicator.id}: {indicator.label} ({indicator.unit}){mark}")
    return 0
