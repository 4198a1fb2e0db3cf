"""Figures → sentences from the catalogue's templates, and the small words of the layout."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue, CatalogueError, Sentence, load_catalogue
from cchc_desktop.checks import compute_derived
from cchc_desktop.model import Header, Signer
from cchc_desktop.pdf.layout import authority_lines, document_number, recipient_lines
from cchc_desktop.pdf.sentences import SentenceWriter, format_figure
from cchc_desktop.pdf.text import capitalise, letter, lower_first, roman
from cchc_desktop.vnformat import Number
from tests.fixtures import catalogue_text

WINDOW = (dt.date(2025, 12, 15), dt.date(2026, 3, 14))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def written(
    catalogue: Catalogue, section: str, values: dict[str, Number], window=None
) -> list[str]:
    filled = {**values, **compute_derived(catalogue, values)}
    writer = SentenceWriter(catalogue, filled, window or (None, None))
    return writer.section(catalogue.section(section))


def sentence(catalogue: Catalogue, clauses: list[object], values: dict[str, Number]) -> str | None:
    template = Sentence.model_validate({"clauses": clauses})
    return SentenceWriter(catalogue, values, WINDOW).sentence(template)


@pytest.mark.parametrize(
    ("values", "window", "expected"),
    [
        pytest.param(
            {
                "tthc.ho_so.tiep_nhan": 1730,
                "tthc.ho_so.da_giai_quyet": 1553,
                "tthc.ho_so.dung_han": 1551,
                "tthc.ho_so.qua_han": 2,
                "tthc.ho_so.dang_giai_quyet": 177,
            },
            None,
            [
                "Tổng số hồ sơ tiếp nhận 1.730 hồ sơ; đã giải quyết 1.553 hồ sơ, trong đó đúng "
                "hạn và trước hạn 1.551 hồ sơ, đạt 99,87%; quá hạn 02 hồ sơ; đang giải quyết "
                "177 hồ sơ."
            ],
            id="as-the-clerk-writes-them",
        ),
        pytest.param(
            {"tthc.ho_so.tiep_nhan": 907},
            WINDOW,
            ["Từ ngày 15/12/2025 đến ngày 14/03/2026, tổng số hồ sơ tiếp nhận 907 hồ sơ."],
            id="the-data-window-opens-the-sentence",
        ),
        pytest.param({}, None, [], id="no-figure-no-sentence"),
        pytest.param(
            {"tthc.ho_so.da_giai_quyet": 5},
            None,
            ["Đã giải quyết 05 hồ sơ."],  # leading "; " dropped, capitalised, no "None"
            id="empty-figures-leave-no-trace",
        ),
    ],
)
def test_dossiers_read_as_the_clerk_writes_them(
    catalogue: Catalogue,
    values: dict[str, Number],
    window: tuple[dt.date, dt.date] | None,
    expected: list[str],
) -> None:
    assert written(catalogue, "tthc", values, window) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param(
            {
                "chi_dao.ke_hoach.tong": 25,
                "chi_dao.ke_hoach.hoan_thanh": 15,
                "chi_dao.ke_hoach.chua_den_han": 10,
                "chi_dao.ke_hoach.tre_han": 0,
            },
            [
                "Kế hoạch cải cách hành chính năm đề ra 25 nhiệm vụ; đã hoàn thành 15 nhiệm vụ, "
                "đạt 60%; 10 nhiệm vụ chưa đến hạn; không có nhiệm vụ trễ hạn."
            ],
            id="zero-as-words",
        ),
        pytest.param(
            {"chi_dao.ke_hoach.hoan_thanh": 9, "chi_dao.ke_hoach.truoc_han": 0},
            ["Đã hoàn thành 09 nhiệm vụ."],
            id="zero-drops",
        ),
        pytest.param(
            {"chi_dao.ke_hoach.hoan_thanh": 9, "chi_dao.ke_hoach.truoc_han": 3},
            ["Đã hoàn thành 09 nhiệm vụ (trong đó 03 nhiệm vụ hoàn thành trước hạn)."],
            id="not-zero",
        ),
        # without the figure it is part of, a share is not printed at all
        pytest.param({"chi_dao.ke_hoach.truoc_han": 3}, [], id="share-alone"),
    ],
)
def test_a_zero_reads_as_words_or_drops(
    catalogue: Catalogue, values: dict[str, Number], expected: list[str]
) -> None:
    assert written(catalogue, "chi_dao", values) == expected


GUARDED = ["Có {tthc.ho_so.tiep_nhan}", ", trong đó {tthc.ho_so.moi:so} mới{?tthc.ho_so.ky_truoc}"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"tthc.ho_so.tiep_nhan": 9, "tthc.ho_so.moi": 9}, "Có 09 hồ sơ."),
        (
            {"tthc.ho_so.tiep_nhan": 9, "tthc.ho_so.moi": 9, "tthc.ho_so.ky_truoc": 0},
            "Có 09 hồ sơ, trong đó 09 mới.",
        ),
    ],
)
def test_guards_require_without_printing(
    catalogue: Catalogue, values: dict[str, Number], expected: str
) -> None:
    assert sentence(catalogue, GUARDED, values) == expected


QUALIFICATIONS = [
    "Trình độ: ",
    {"text": ", {cong_vu.trinh_do.dai_hoc:so} đại học", "zero": ""},
    "; lý luận: ",
    {"text": ", {cong_vu.ly_luan.so_cap:so} sơ cấp", "zero": ""},
]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"cong_vu.trinh_do.dai_hoc": 0, "cong_vu.ly_luan.so_cap": 1}, "Lý luận: 01 sơ cấp."),
        ({"cong_vu.trinh_do.dai_hoc": 14, "cong_vu.ly_luan.so_cap": 0}, "Trình độ: 14 đại học."),
        ({"cong_vu.trinh_do.dai_hoc": 0}, None),
    ],
)
def test_a_clause_without_figures_needs_a_figure_after_it(
    catalogue: Catalogue, values: dict[str, Number], expected: str | None
) -> None:
    assert sentence(catalogue, QUALIFICATIONS, values) == expected


def test_money_scores_and_rates_are_written_the_vietnamese_way(catalogue: Catalogue) -> None:
    values = {
        "tai_chinh.dau_tu.ke_hoach": Decimal("590161.540"),
        "tai_chinh.dau_tu.giai_ngan": Decimal("212901.285"),
    }
    [text, *_] = written(catalogue, "tai_chinh", values)
    assert text == (
        "Kế hoạch vốn đầu tư công được giao 590.161,54 triệu đồng; đã giải ngân "
        "212.901,285 triệu đồng, đạt 36,08%."
    )
    score = catalogue.indicator("chi_so.tthc.diem")
    assert format_figure(score, Decimal("18.98")) == "18,98 điểm"
    count = catalogue.indicator("tthc.ho_so.qua_han")
    assert format_figure(count, 2) == "02 hồ sơ"
    assert format_figure(count, 2, unit=False) == "02"


def test_every_figure_of_a_sentence_section_is_named_by_a_template(catalogue: Catalogue) -> None:
    for section in catalogue.sections:
        named = {i for t in section.sentences for i in t.indicator_ids()}
        ids = {i.id for i in catalogue.section_indicators(section.id)}
        if section.figures == "sentences":
            assert ids <= named, section.id
    assert catalogue.section("chi_so").figures == "scores"


def small_catalogue(tmp_path: Path, clause: str, more_indicators: str = "") -> Path:
    """A one-section catalogue file: one sentence of ``clause``, ``tiep_nhan`` and ``more``."""
    path = tmp_path / "danh-muc.toml"
    sentence = f'\n[[sections.sentences]]\nclauses = ["{clause}"]\n'
    path.write_text(catalogue_text("one-section") + sentence + more_indicators, encoding="utf-8")
    return path


def test_untemplated_figures_fall_back_to_label_and_value(tmp_path: Path) -> None:
    more = """
[[indicators]]
id = "tthc.ho_so.moi"
label = "Số hồ sơ mới"
unit = "hồ sơ"
kind = "count"
[[indicators]]
id = "tthc.ho_so.ty_le"
label = "TTHC trực tuyến"
unit = "%"
kind = "percent"
"""
    small = load_catalogue(small_catalogue(tmp_path, "Tiếp nhận {tthc.ho_so.tiep_nhan}", more))
    values: dict[str, Number] = {"tthc.ho_so.moi": 3, "tthc.ho_so.ty_le": Decimal("62.5")}
    assert SentenceWriter(small, values).section(small.section("tthc")) == [
        "Số hồ sơ mới: 03 hồ sơ; TTHC trực tuyến: 62,5%."
    ]


@pytest.mark.parametrize(
    ("clause", "problem"),
    [
        ("Tiếp nhận {tthc.ho_so.khong_co}", "khong_co"),
        ("Không có số liệu", "không có chỉ tiêu nào"),
    ],
)
def test_a_template_naming_no_figure_is_rejected(tmp_path: Path, clause: str, problem: str) -> None:
    with pytest.raises(CatalogueError, match=problem):
        load_catalogue(small_catalogue(tmp_path, clause))


def test_vietnamese_point_letters_and_roman_parts() -> None:
    assert [letter(n) for n in range(1, 24)] == list("abcdđeghiklmnopqrstuvxy")
    assert letter(24) == "aa"
    assert [roman(n) for n in (1, 4, 5, 9, 14)] == ["I", "IV", "V", "IX", "XIV"]
    assert capitalise("đã giải quyết") == "Đã giải quyết"
    assert capitalise("53 thủ tục") == "53 thủ tục"
    assert lower_first("Số văn bản") == "số văn bản"
    assert lower_first("TTHC cấp xã") == "TTHC cấp xã"


def test_number_recipients_and_authority() -> None:
    assert document_number(Header(number="5")) == "05/BC-UBND"
    assert document_number(Header(number="123/BC-UBND")) == "123/BC-UBND"
    assert document_number(Header()).endswith("/BC-UBND")
    assert document_number(Header()).startswith("\u00a0")  # a blank, not "None"
    assert recipient_lines(["Sở Nội vụ;", "- Thường trực Đảng ủy", "Lưu: VT, VP."]) == [
        "- Sở Nội vụ;",
        "- Thường trực Đảng ủy;",
        "- Lưu: VT, VP.",
    ]
    assert recipient_lines([]) == ["- Lưu: VT, VP."]
    assert authority_lines(Signer()) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert authority_lines(Signer(authority="KT")) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


CHECKED = [
    "Tự kiểm tra {the_che.vbqppl.kiem_tra}",
    {
        "text": ", phát hiện {the_che.vbqppl.trai_phap_luat}",
        "zero": ", không phát hiện văn bản trái pháp luật{?the_che.vbqppl.ra_soat}",
    },
]


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        ({}, "Tự kiểm tra 04 văn bản."),
        (
            {"the_che.vbqppl.ra_soat": 6},
            "Tự kiểm tra 04 văn bản, không phát hiện văn bản trái pháp luật.",
        ),
    ],
)
def test_a_zero_wording_needs_its_own_figures(
    catalogue: Catalogue, reviewed: dict[str, Number], expected: str
) -> None:
    values: dict[str, Number] = {"the_che.vbqppl.kiem_tra": 4, "the_che.vbqppl.trai_phap_luat": 0}
    assert sentence(catalogue, CHECKED, values | reviewed) == expected
