"""Numbers in the narrative: the reference reports pass whole, slips of every shape are
caught with the right numbers, and what is not a sum is left alone."""

import unicodedata
from pathlib import Path

import pytest

from cchc_desktop.narrative_numbers import check_text
from tests.references import REFERENCE_DIR, REFERENCES


def messages(text: str) -> list[str]:
    return [f.message for f in check_text(text)]


def reference(name: str) -> str:
    path = REFERENCE_DIR / name
    if not path.is_file():
        pytest.skip(f"no reference report {name}")
    return path.read_text(encoding="utf-8")


# -- the reference reports: zero false alarms, taken whole -----------------------------


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.name)
def test_a_reference_report_taken_whole_has_no_finding(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text) > 20_000  # footnotes, tables and all
    assert check_text(text) == []


def test_there_are_reference_reports() -> None:
    assert len(REFERENCES) >= 3


# Each consistent relation of a reference report, and the slip made by changing one of its
# numbers: proof that the clean result above is a check, not silence.
SLIPPED = [
    (
        "000_bd49e8f3fc2d1452.txt",
        "30 đơn vị do Nhà nước",
        "29 đơn vị do Nhà nước",
        "Tổng 31/31 đơn vị nhưng các thành phần cộng lại 30 đơn vị (01 + 29)",
    ),
    (
        "000_bd49e8f3fc2d1452.txt",
        "15/25 nhiệm vụ, đạt tỷ lệ 60%",
        "15/25 nhiệm vụ, đạt tỷ lệ 65%",
        "Tỷ lệ 15/25 là 60%, không phải 65%",
    ),
    (
        "001_31624673e54f2858.txt",
        "là 907, trong đó, trực tuyến: 892; trực tiếp: 15(NCC)",
        "là 907, trong đó, trực tuyến: 892; trực tiếp: 25(NCC)",
        "Tổng 907 nhưng các thành phần cộng lại 917 (892 + 25)",
    ),
    (
        "001_31624673e54f2858.txt",
        "12 TTHC lĩnh vực Quốc phòng",
        "13 TTHC lĩnh vực Quốc phòng",
        "Tổng 164 TTHC nhưng các thành phần cộng lại 165 TTHC (141 + 13 + 11)",
    ),
    (
        "001_31624673e54f2858.txt",
        "42 TTHC mức độ Cung cấp",
        "40 TTHC mức độ Cung cấp",
        "Tổng 164 TTHC nhưng các thành phần cộng lại 162 TTHC (53 + 69 + 40)",
    ),
    (
        "001_31624673e54f2858.txt",
        "Tài chính kế toán 01 người; Quân sự 01 người.",
        "Tài chính kế toán 01 người; Quân sự 02 người.",
        "Tổng 07 người nhưng các thành phần cộng lại 08 người (02 + 01 + 01 + 01 + 01 + 02)",
    ),
    (
        "001_31624673e54f2858.txt",
        "trong đó: 10 cán bộ, 07 công chức",
        "trong đó: 10 cán bộ, 08 công chức",
        "Tổng 17 cán bộ, công chức nhưng các thành phần cộng lại 18 cán bộ, công chức (10 + 08)",
    ),
    (
        "001_31624673e54f2858.txt",
        "kích hoạt 2.846/3.525 tài khoản, đạt 80,73%",
        "kích hoạt 2.846/3.525 tài khoản, đạt 80,83%",
        "Tỷ lệ 2.846/3.525 là 80,74%, không phải 80,83%",
    ),
    (
        "001_31624673e54f2858.txt",
        "18/18 bằng 100%",
        "17/18 bằng 100%",
        "Tỷ lệ 17/18 là 94,44%, không phải 100%",
    ),
    (
        "002_8505f9bceb088cd2.txt",
        "13 trường Tiểu học",
        "14 trường Tiểu học",
        "Tổng 18 trường học nhưng các thành phần cộng lại 19 trường học (05 + 14)",
    ),
    (
        "002_8505f9bceb088cd2.txt",
        "ĐTXHH: 04 điểm",
        "ĐTXHH: 08 điểm",
        "Thành phần 08 điểm lớn hơn tổng 03/07 điểm",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), SLIPPED)
def test_a_slip_put_into_a_reference_report_is_found(
    name: str, old: str, new: str, message: str
) -> None:
    text = reference(name)
    assert text.count(old) == 1
    found = check_text(text.replace(old, new))
    assert [f.message for f in found] == [message]
    line = text[: text.index(old)].count("\n") + 1
    assert found[0].line <= line


# -- constructed slips of each shape -----------------------------------------------------


def test_the_issue_example_of_a_total_and_its_breakdown() -> None:
    text = "Tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.500, trực tiếp 200."
    [found] = check_text(text)
    assert found.message == (
        "Tổng 1.730 hồ sơ nhưng các thành phần cộng lại 1.700 hồ sơ (1.500 + 200)"
    )
    assert found.line == 1
    assert [text[a:b] for a, b in found.spans] == ["1.730", "1.500", "200"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Tổ chức 24 cuộc tuyên truyền, trong đó: 15 cuộc tại thôn Như Lâm; "
            "11 cuộc tại thôn Tân Hợp.",
            "Tổng 24 cuộc nhưng các thành phần cộng lại 26 cuộc (15 + 11)",
        ),
        (
            "Ban hành 14 văn bản, trong đó: 09 văn bản chỉ đạo; 03 văn bản hướng dẫn "
            "và 03 văn bản khác.",
            "Tổng 14 văn bản nhưng các thành phần cộng lại 15 văn bản (09 + 03 + 03)",
        ),
        (  # in parentheses
            "UBND xã hiện có 17 cán bộ, công chức (trong đó: 10 cán bộ, 08 công chức).",
            "Tổng 17 cán bộ, công chức nhưng các thành phần cộng lại 18 cán bộ, công chức "
            "(10 + 08)",
        ),
        (  # gồm
            "Niêm yết 164 TTHC, gồm 141 TTHC cấp xã, 12 TTHC lĩnh vực quân sự "
            "và 12 TTHC lĩnh vực công an.",
            "Tổng 164 TTHC nhưng các thành phần cộng lại 165 TTHC (141 + 12 + 12)",
        ),
        (  # bare parts take the unit of the total
            "Tổng số hồ sơ là 907, trong đó: trực tuyến 892; trực tiếp 25.",
            "Tổng 907 nhưng các thành phần cộng lại 917 (892 + 25)",
        ),
        (  # one part larger than its total
            "Tiếp nhận 10 hồ sơ, trong đó trực tuyến 12 hồ sơ.",
            "Thành phần 12 hồ sơ lớn hơn tổng 10 hồ sơ",
        ),
        (  # a sentence starting with "Trong đó" breaks down the one before
            "Công chức số lượng 07 người. Trong đó: Văn phòng 02 người; Địa chính 01 người.",
            "Tổng 07 người nhưng các thành phần cộng lại 03 người (02 + 01)",
        ),
        (  # money with decimals
            "Tổng kinh phí 212.901,285 triệu đồng, gồm 200.000 triệu đồng vốn tỉnh "
            "và 12.000,285 triệu đồng vốn xã.",
            "Tổng 212.901,285 triệu đồng nhưng các thành phần cộng lại 212.000,285 triệu đồng "
            "(200.000 + 12.000,285)",
        ),
    ],
)
def test_a_breakdown_that_does_not_add_up_is_found(text: str, message: str) -> None:
    assert messages(text) == [message]


def test_a_breakdown_in_the_list_lines_below_is_found() -> None:
    text = (
        "Tổng số cán bộ, công chức là 17 người, trong đó:\n"
        "- Cán bộ: 10 người;\n"
        "- Công chức: 08 người.\n"
        "- Trình độ chuyên môn: 01 thạc sĩ, 14 đại học.\n"
    )
    [found] = check_text(text)
    assert found.message == "Tổng 17 người nhưng các thành phần cộng lại 18 người (10 + 08)"
    assert found.line == 1
    assert [text[a:b] for a, b in found.spans] == ["17", "10", "08"]


def test_nested_breakdowns_are_checked_each_on_its_own() -> None:
    text = (
        "Tổng số 17 người, trong đó:\n"
        "- Cán bộ: 10 người;\n"
        "- Công chức: 07 người, trong đó:\n"
        "+ Văn phòng - Thống kê: 02 người;\n"
        "+ Địa chính - Xây dựng: 04 người.\n"
        "- Không chuyên trách: 18 người ở thôn.\n"
    )
    [found] = check_text(text)
    assert found.line == 3
    assert found.message == "Tổng 07 người nhưng các thành phần cộng lại 06 người (02 + 04)"
    fixed = text.replace("04 người.", "05 người.")
    assert check_text(fixed) == []


def test_a_breakdown_in_a_footnote_line_is_found() -> None:
    text = (
        "Kiểm tra công tác CCHC tại các đơn vị¹.\n\n"
        "¹ Kiểm tra 05 đơn vị, gồm 03 đơn vị cấp xã và 03 đơn vị cấp thôn.\n"
    )
    [found] = check_text(text)
    assert found.line == 3
    assert "Tổng 05 đơn vị" in found.message


TASKS = (
    "Kế hoạch đề ra 51 nhiệm vụ, trong đó hoàn thành trước hạn 20 nhiệm vụ, đúng hạn 24 "
    "nhiệm vụ, chưa đến hạn 6 nhiệm vụ, trễ hạn {late} nhiệm vụ."
)
DOSSIERS = (
    "Tiếp nhận 100 hồ sơ, trong đó đã giải quyết 80 hồ sơ, đang giải quyết 15 hồ sơ, "
    "chưa giải quyết {pending} hồ sơ."
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (  # the domain guide's own example: 51 = 20 + 24 + 6 + 1
            TASKS.format(late=1),
            None,
        ),
        (
            TASKS.format(late=2),
            "Tổng 51 nhiệm vụ nhưng các thành phần cộng lại 52 nhiệm vụ (20 + 24 + 6 + 2)",
        ),
        (DOSSIERS.format(pending=5), None),
        (
            DOSSIERS.format(pending=6),
            "Tổng 100 hồ sơ nhưng các thành phần cộng lại 101 hồ sơ (80 + 15 + 6)",
        ),
        (
            "Tiếp nhận 100 hồ sơ, trong đó giải quyết đúng hạn 90 hồ sơ, chưa giải quyết 10 hồ sơ.",
            None,
        ),
        (
            "Tiếp nhận 100 hồ sơ, trong đó giải quyết đúng hạn 90 hồ sơ, chưa giải quyết 11 hồ sơ.",
            "Tổng 100 hồ sơ nhưng các thành phần cộng lại 101 hồ sơ (90 + 11)",
        ),
        (
            "Tiếp nhận 1.730 hồ sơ, trong đó giải quyết đúng hạn và trước hạn 1.551 hồ sơ, "
            "trễ hạn 02 hồ sơ, đang giải quyết 177 hồ sơ (chưa đến hạn).",
            None,
        ),
        (
            "Tiếp nhận 1.730 hồ sơ, trong đó giải quyết đúng hạn và trước hạn 1.551 hồ sơ, "
            "trễ hạn 02 hồ sơ, đang giải quyết 176 hồ sơ (chưa đến hạn).",
            "Tổng 1.730 hồ sơ nhưng các thành phần cộng lại 1.729 hồ sơ (1.551 + 02 + 176)",
        ),
        (
            "Kế hoạch đề ra 25 nhiệm vụ, trong đó hoàn thành 15 nhiệm vụ, còn lại 10 nhiệm vụ "
            "đang triển khai.",
            None,
        ),
        (
            "Kiểm tra 08 đơn vị, trong đó 05 đơn vị đã khắc phục, còn 04 đơn vị đang khắc phục.",
            "Tổng 08 đơn vị nhưng các thành phần cộng lại 09 đơn vị (05 + 04)",
        ),
        (  # the last part is a sibling of the total, not a part of it
            "Tiếp nhận 1.730 hồ sơ, đã giải quyết 1.553 hồ sơ, trong đó đúng hạn và trước hạn "
            "1.551 hồ sơ, trễ hạn 02 hồ sơ, đang giải quyết 177 hồ sơ.",
            None,
        ),
    ],
)
def test_status_parts_after_a_status_part_belong_to_the_breakdown(
    text: str, message: str | None
) -> None:
    assert messages(text) == ([message] if message else [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Tiếp nhận 907 hồ sơ, trong đó 892 trực tuyến, 15 trực tiếp, đã giải quyết 907 hồ sơ.",
            None,
        ),
        (  # maybe a part is missing: the parts are not claimed to add up
            "Tiếp nhận 907 hồ sơ, trong đó 892 trực tuyến, 25 trực tiếp, đã giải quyết 907 hồ sơ.",
            None,
        ),
        (  # but none can be larger than the total
            "Tiếp nhận 907 hồ sơ, trong đó 1.892 trực tuyến, 15 trực tiếp, "
            "đã giải quyết 907 hồ sơ.",
            "Thành phần 1.892 hồ sơ lớn hơn tổng 907 hồ sơ",
        ),
        (
            "Tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.500 hồ sơ, trực tiếp 230 hồ sơ, "
            "đã giải quyết 1.553 hồ sơ, đang giải quyết 177 hồ sơ.",
            None,
        ),
        (
            "Tổng số đã tiếp nhận 1.730 hồ sơ, đã giải quyết 1.553 hồ sơ, trong đó giải quyết "
            "đúng hạn và trước hạn 1.551 hồ sơ, đạt 99,87%, 02 hồ sơ trễ hạn, có 177 hồ sơ "
            "đang giải quyết (chưa đến hạn).",
            None,
        ),
        (
            "Tiếp nhận 30 đơn, trong đó khiếu nại 10 đơn, kiến nghị 20 đơn, đã giải quyết 25 đơn, "
            "đang giải quyết 5 đơn.",
            None,
        ),
        (
            "Ban hành 14 văn bản, trong đó 09 văn bản chỉ đạo, 05 văn bản hướng dẫn, "
            "đã triển khai 14 văn bản.",
            None,
        ),
    ],
)
def test_a_list_cut_by_a_new_clause_is_only_held_to_parts_within_the_total(
    text: str, message: str | None
) -> None:
    assert messages(text) == ([message] if message else [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Đến nay đã hoàn thành 15/25 nhiệm vụ, đạt 62%, còn lại 10 nhiệm vụ.",
            "Tỷ lệ 15/25 là 60%, không phải 62%",
        ),
        ("Hoàn thành 15/25 nhiệm vụ, đạt tỷ lệ 6%.", "Tỷ lệ 15/25 là 60%, không phải 6%"),
        (
            "Tỷ lệ giải quyết đúng hạn đạt 99,87% (1.550/1.553 hồ sơ).",
            "Tỷ lệ 1.550/1.553 là 99,81%, không phải 99,87%",
        ),
        ("Kết quả 15/25 nhiệm vụ (62%).", "Tỷ lệ 15/25 là 60%, không phải 62%"),
        (
            "Kích hoạt 2.846/3.525 tài khoản, đạt 80,83%.",
            "Tỷ lệ 2.846/3.525 là 80,74%, không phải 80,83%",
        ),
        ("Kiểm tra 5/8 đơn vị, đạt 62.0%.", "Tỷ lệ 5/8 là 62,5%, không phải 62.0%"),
        (  # rounded to the writer's places, 99,87% would print 100%
            "Giải quyết 1.551/1.553 hồ sơ, đạt 98%.",
            "Tỷ lệ 1.551/1.553 là 99,87%, không phải 98%",
        ),
        ("Tiếp nhận 1/3 hồ sơ, đạt 30%.", "Tỷ lệ 1/3 là 33,33%, không phải 30%"),
        (  # two places would print 100,00%
            "Trả 299.999/300.000 hồ sơ đúng hạn, đạt 98%.",
            "Tỷ lệ 299.999/300.000 là 99,9997%, không phải 98%",
        ),
        (
            "Giải ngân 212.901,285/590.161,540 triệu đồng, đạt 37%.",
            "Tỷ lệ 212.901,285/590.161,540 là 36,08%, không phải 37%",
        ),
    ],
)
def test_a_rate_that_does_not_match_its_fraction_is_found(text: str, message: str) -> None:
    [found] = check_text(text)
    assert found.message == message
    assert len(found.spans) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Hoàn thành 15/25 nhiệm vụ, đạt tỷ lệ 60%.",
        "Kiểm tra 05/08 đơn vị, đạt 62.5% kế hoạch.",  # a dot decimal
        "Giải quyết đúng hạn 1.551/1.553 hồ sơ, đạt 99,87%.",
        "Kích hoạt 2.846/3.525 tài khoản, đạt 80,74%.",  # rounded
        "Kích hoạt 2.846/3.525 tài khoản, đạt 80,73%.",  # cut off, as a reference report does
        "Hoàn thành 2/3 nhiệm vụ, đạt 67%. Hoàn thành 2/3 nhiệm vụ, đạt 66%.",
        "Tỷ lệ 100% (18/18 cán bộ, công chức).",
        "Hoàn thành 15/25 nhiệm vụ, đạt khoảng 50%.",  # approximate
        "Hoàn thành 0/0 nhiệm vụ, đạt 100%.",  # nothing to divide by
        "Đạt 80,6%: 0/1,5 điểm.",  # a score beside a rate of something else
        "Đạt 77,7% so với kế hoạch (còn 02 lớp) (0,77/1,0).",
    ],
)
def test_a_consistent_or_unrelated_rate_is_not_flagged(text: str) -> None:
    assert messages(text) == []


# -- what is not a sum is left alone -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # dates, document and decree numbers
        "Thực hiện Kế hoạch số 05/KH-UBND ngày 17/01/2022, trong đó giao 03 nhiệm vụ.",
        "Theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018, trong đó có 02 điều, gồm 3 khoản.",
        "Ngày 15/3 tổ chức 02 hội nghị, gồm hội nghị ngày 10 và ngày 20.",
        "Báo cáo số 21^a/KH-UBND, số 43/KH-UBND gồm 05 nội dung.",
        # years and ranges
        "Giai đoạn 2021 - 2025 gồm 2021, 2022 và 2023.",
        "Tiếp nhận từ 10 đến 15 hồ sơ mỗi ngày, trong đó 20 hồ sơ trực tuyến.",
        # telephone numbers
        "Đường dây nóng 0918037364, gồm 12 người trực.",
        # running differences
        "Biên chế 76 biên chế giảm còn 75, trong đó 40 biên chế khối xã.",
        "Rút ngắn thời gian giải quyết 15 loại thủ tục (03 ngày còn 02 ngày; 15 ngày còn 10 ngày).",
        # averages
        "Giải quyết trung bình 18 thủ tục/ngày, trong đó 10 thủ tục/ngày qua mạng "
        "và 9 thủ tục/ngày trực tiếp.",
        # enumerations, labels and names
        "Chỉ số gồm 08 chỉ số nội dung: (1) Công tác chỉ đạo; (2) Cải cách thể chế; (3) Khác.",
        "Rút ngắn 44 thủ tục, gồm: Phường 1, Phường 2, Phường 3, Tân Long.",
        "Tỷ lệ giải quyết TTHC mức độ 3, 4 gồm 100% hồ sơ.",
        # other units are not added up
        "Thực hiện 06 kỳ phát thanh gồm 06 chuyên đề và 10 tin, bài.",
        "Tổng thu 298.781 triệu đồng đạt 61,81% dự toán, trong đó thu ngoài quốc doanh "
        "163.751 triệu đồng đạt 95,76% dự toán.",
        # approximate numbers
        "Tiếp nhận khoảng 100 hồ sơ, trong đó 60 hồ sơ trực tuyến và 30 hồ sơ trực tiếp.",
        # a list that ends where the sentence goes on
        "Tổng số đơn là 07 đơn, gồm 01 đơn khiếu nại và 06 đơn kiến nghị; "
        "đã giải quyết 06 đơn, đang giải quyết 01 đơn.",
        "Tiếp nhận 907 hồ sơ, trong đó 892 trực tuyến, 15 trực tiếp, đã giải quyết 907 hồ sơ.",
        # shares that may overlap, and highlights
        "Tổng số 17 cán bộ, công chức, trong đó nữ 05 người, đảng viên 15 người.",
        "Tiếp nhận 907 hồ sơ, trong đó có 100 hồ sơ đất đai, 50 hồ sơ hộ tịch.",
        # figures of a score out of its maximum
        "Chỉ số này đạt 03/07 điểm. Trong đó, tiêu chí (3): 04 điểm chưa xác định được.",
        # decimals within rounding
        "Tổng 10,5 triệu đồng, gồm 3,33 triệu đồng và 7,2 triệu đồng.",
        # web addresses and e-mail
        "Truy cập https://dichvucong.gov.vn/p/12 gồm 3 bước; hộp thư cchc12@tuky.gov.vn gồm 2.",
    ],
)
def test_numbers_that_are_not_sums_are_left_alone(text: str) -> None:
    assert messages(text) == []


def test_consistent_shapes_pass() -> None:
    text = (
        "Tiếp nhận 1.730 hồ sơ, trong đó trực tuyến 1.530, trực tiếp 200.\n"
        "Tổ chức 26 cuộc, trong đó: 15 cuộc tại thôn Như Lâm; 11 cuộc tại thôn Tân Hợp.\n"
        "UBND xã có 17 cán bộ, công chức (trong đó: 10 cán bộ, 07 công chức).\n"
        "Tổng số là 17 người, trong đó:\n- Cán bộ: 10 người;\n- Công chức: 07 người.\n"
        "Đơn vị sự nghiệp: tổng số 31/31 đơn vị, trong đó: 01 đơn vị tự bảo đảm, 30 đơn vị khác.\n"
    )
    assert check_text(text) == []


# -- spans, lines and normalisation ------------------------------------------------------


def test_spans_point_into_the_text_as_given_even_when_it_is_not_nfc() -> None:
    nfc = "Dòng đầu.\nTổ chức 24 cuộc họp, trong đó: 15 cuộc ở thôn; 11 cuộc ở xã."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    [found] = check_text(nfd)
    assert found.line == 2
    assert [nfd[a:b] for a, b in found.spans] == ["24", "15", "11"]
    assert found.message == "Tổng 24 cuộc nhưng các thành phần cộng lại 26 cuộc (15 + 11)"


def test_markdown_emphasis_and_footnote_marks_do_not_hide_a_slip() -> None:
    text = "Hiện có 17 cán bộ, công chức (*trong đó: 10 cán bộ, 08 công chức*)<sup>1</sup>."
    [found] = check_text(text)
    assert [text[a:b] for a, b in found.spans] == ["17", "10", "08"]


def test_findings_are_in_the_order_of_the_text() -> None:
    text = (
        "Hoàn thành 15/25 nhiệm vụ, đạt 62%.\n"
        "Tiếp nhận 10 hồ sơ, trong đó trực tuyến 6 hồ sơ, trực tiếp 5 hồ sơ.\n"
    )
    assert [f.line for f in check_text(text)] == [1, 2]


def test_an_empty_or_number_free_text_has_no_finding() -> None:
    assert check_text("") == []
    assert check_text("Không có.\n\n") == []
