"""Figures quoted in the narrative against the report's figure fields, and the narrative
warnings as checker findings."""

import pytest

from cchc_desktop.catalogue import Severity, load_catalogue
from cchc_desktop.checks import Finding, Status
from cchc_desktop.demo import NARRATIVES, VALUES
from cchc_desktop.narrative_numbers import (
    RULE_PREFIX,
    Figures,
    check_text,
    narrative_findings,
    update_narrative_findings,
)
from cchc_desktop.narrative_numbers.figures import load_phrases, matcher_for
from cchc_desktop.narrative_numbers.layout import Layout
from cchc_desktop.narrative_numbers.text import prepare
from tests.references import REFERENCE_DIR

CATALOGUE = load_catalogue()


def figures(section: str, **values: int) -> Figures:
    return Figures(CATALOGUE, section, {k.replace("__", "."): v for k, v in values.items()})


def tthc(**values: int) -> Figures:
    return figures("tthc", **{f"tthc__ho_so__{k}": v for k, v in values.items()})


def test_the_phrase_file_names_only_indicators_of_the_catalogue() -> None:
    phrases = load_phrases()
    assert len(phrases.figures) > 40
    for figure in phrases.figures:
        assert CATALOGUE.has_indicator(figure.indicator), figure.indicator
        assert figure.denominator is None or CATALOGUE.has_indicator(figure.denominator)
        for pattern in figure.patterns:
            assert pattern.count("{}") == 1, pattern
    matcher_for(CATALOGUE)  # compiles


def test_the_demo_report_quotes_its_own_figures_without_a_slip() -> None:
    assert narrative_findings(CATALOGUE, VALUES, NARRATIVES) == []
    matcher = matcher_for(CATALOGUE)
    quoted = {
        mention.indicator
        for key, text in NARRATIVES.items()
        for mention in matcher.mentions(Layout(prepare(text)), key.split(".")[0])
    }
    assert {
        "tthc.ho_so.tiep_nhan",
        "tthc.ho_so.truc_tuyen",
        "tthc.thu_tuc.cap_xa",
        "chi_dao.ke_hoach.tong",
        "chi_dao.ke_hoach.hoan_thanh",
        "so_hoa.van_ban.di",
        "tai_chinh.dau_tu.giai_ngan",
    } <= quoted
    assert len(quoted) > 40


def test_a_figure_the_text_contradicts_is_a_warning_on_the_narrative() -> None:
    values = {**VALUES, "tthc.ho_so.tiep_nhan": 900}
    finding, fraction = narrative_findings(CATALOGUE, values, NARRATIVES)
    assert fraction.message.endswith("là 900 hồ sơ nhưng văn bản ghi 907/907 hồ sơ")
    assert finding == Finding(
        rule_id="van_ban.tthc.ket_qua",
        section="tthc",
        severity=Severity.WARNING,
        status=Status.FAILED,
        indicators=("tthc.ho_so.tiep_nhan",),
        narratives=("tthc.ket_qua",),
        message="Kết quả đạt được, dòng 2: Số liệu «Tổng số hồ sơ tiếp nhận» là 900 hồ sơ "
        "nhưng văn bản ghi 907 hồ sơ",
    )
    assert not finding.blocking
    assert Finding.from_dict(finding.to_dict()) == finding
    assert finding.rule_id.startswith(RULE_PREFIX)


def test_a_fraction_checks_both_its_figures() -> None:
    values = {**VALUES, "chi_dao.ke_hoach.tong": 30}
    found = narrative_findings(CATALOGUE, values, NARRATIVES)
    assert {f.indicators for f in found} == {("chi_dao.ke_hoach.tong",)}
    assert all("«Tổng số nhiệm vụ trong Kế hoạch CCHC» là 30 nhiệm vụ" in f.message for f in found)
    assert {f.message.split(": ")[0] for f in found} == {
        "Kết quả đạt được, dòng 1",
        "Kết quả đạt được, dòng 2",
    }


def test_money_is_compared_as_written() -> None:
    values = {**VALUES, "tai_chinh.dau_tu.giai_ngan": VALUES["tai_chinh.dau_tu.giai_ngan"] + 1}
    [finding] = narrative_findings(CATALOGUE, values, NARRATIVES)
    assert finding.message.endswith(
        "Số liệu «Vốn đầu tư công đã giải ngân» là 3.113,5 triệu đồng "
        "nhưng văn bản ghi 3.112,5 triệu đồng"
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the same figure quoted with two values: which one is meant?
        (
            "Thị xã: tiếp nhận 1.730 hồ sơ. Xã, phường: tiếp nhận 15.780 hồ sơ.",
            {"tiep_nhan": 1730},
        ),
        # a narrower scope after the unit
        ("Lĩnh vực hộ tịch tiếp nhận 50 hồ sơ đăng ký khai sinh.", {"tiep_nhan": 907}),
        ("Tiếp nhận 50 hồ sơ đăng ký khai sinh.", {"tiep_nhan": 907}),
        # another period
        ("So với cùng kỳ năm trước, tiếp nhận 800 hồ sơ.", {"tiep_nhan": 907}),
        # another unit
        ("Tiếp nhận 12 phản ánh, kiến nghị.", {"tiep_nhan": 907}),
        # not typed yet
        ("Tiếp nhận 907 hồ sơ.", {}),
        # approximate
        ("Tiếp nhận khoảng 900 hồ sơ.", {"tiep_nhan": 907}),
        # a subject that narrows the scope
        ("Thanh toán trực tuyến 318 hồ sơ.", {"truc_tuyen": 892}),
    ],
)
def test_a_mention_that_is_not_clearly_the_figure_is_left_alone(
    text: str, values: dict[str, int]
) -> None:
    assert check_text(text, tthc(**values)) == []


def test_only_the_figures_of_the_narratives_section_are_compared() -> None:
    text = "Bộ phận Một cửa tiếp nhận 907 hồ sơ."
    assert check_text(text, figures("so_hoa", tthc__ho_so__tiep_nhan=900)) == []
    [found] = check_text(text, tthc(tiep_nhan=900))
    assert found.indicators == ("tthc.ho_so.tiep_nhan",)
    assert [text[a:b] for a, b in found.spans] == ["907"]


@pytest.mark.parametrize(
    ("text", "values", "indicator"),
    [
        (
            "Tổng số đã tiếp nhận 1.730 hồ sơ, đã giải quyết 1.553 hồ sơ.",
            {"tiep_nhan": 1731},
            "tiep_nhan",
        ),
        (
            "Tổng số đã tiếp nhận 1.730 hồ sơ, đã giải quyết 1.553 hồ sơ.",
            {"da_giai_quyet": 1550},
            "da_giai_quyet",
        ),
        ("Có 02 hồ sơ trễ hạn (do lỗi hệ thống).", {"qua_han": 3}, "qua_han"),
        (
            "Có 177 hồ sơ đang giải quyết (chưa đến hạn).",
            {"dang_giai_quyet": 176},
            "dang_giai_quyet",
        ),
        ("Đã giải quyết 907/907 hồ sơ.", {"tiep_nhan": 900}, "tiep_nhan"),
        ("Số lượng hồ sơ đã giải quyết: 907.", {"da_giai_quyet": 900}, "da_giai_quyet"),
    ],
)
def test_a_quoted_dossier_figure_is_compared(
    text: str, values: dict[str, int], indicator: str
) -> None:
    [found] = check_text(text, tthc(**values))
    assert found.indicators == (f"tthc.ho_so.{indicator}",)
    assert "nhưng văn bản ghi" in found.message


def test_figures_do_not_change_the_verdict_on_a_reference_report() -> None:
    path = REFERENCE_DIR / "001_31624673e54f2858.txt"
    if not path.is_file():
        pytest.skip("no reference report")
    text = path.read_text(encoding="utf-8")
    consistent = {
        "tthc.ho_so.tiep_nhan": 907,
        "tthc.ho_so.da_giai_quyet": 907,
        "tthc.thu_tuc.tong": 164,
        "tthc.thu_tuc.cap_xa": 141,
        "tthc.dinh_danh.da_thu_nhan": 3525,
        "tthc.dinh_danh.cong_dan_14": 3879,
        "tthc.dinh_danh.da_kich_hoat": 2846,
    }
    assert check_text(text, Figures(CATALOGUE, "tthc", consistent)) == []
    slipped = {**consistent, "tthc.dinh_danh.cong_dan_14": 3880}
    [found] = check_text(text, Figures(CATALOGUE, "tthc", slipped))
    assert [text[a:b] for a, b in found.spans] == ["3.879"]
    assert found.message == (
        "Số liệu «Số công dân từ đủ 14 tuổi trở lên» là 3.880 người nhưng văn bản ghi "
        "3.525/3.879 tài khoản"
    )


def test_narrative_findings_follow_the_outline_and_skip_empty_texts() -> None:
    narratives = {
        "tthc.han_che": "Tiếp nhận 10 hồ sơ, trong đó trực tuyến 6 hồ sơ, trực tiếp 5 hồ sơ.",
        "chi_dao.ket_qua": "Hoàn thành 15/25 nhiệm vụ, đạt 62%.",
        "the_che.ket_qua": "   ",
        "kien_nghi.noi_dung": "Tổ chức 24 cuộc, gồm 15 cuộc ở thôn và 11 cuộc ở xã.",
    }
    found = narrative_findings(CATALOGUE, {}, narratives)
    assert [(f.rule_id, f.section, f.narratives) for f in found] == [
        ("van_ban.chi_dao.ket_qua", "chi_dao", ("chi_dao.ket_qua",)),
        ("van_ban.tthc.han_che", "tthc", ("tthc.han_che",)),
        ("van_ban.kien_nghi.noi_dung", "kien_nghi", ("kien_nghi.noi_dung",)),
    ]
    assert found[0].message == "Kết quả đạt được, dòng 1: Tỷ lệ 15/25 là 60%, không phải 62%"
    assert found[1].message.startswith("Tồn tại, hạn chế và nguyên nhân, dòng 1: Tổng 10 hồ sơ")
    assert all(f.severity == Severity.WARNING and f.status == Status.FAILED for f in found)


@pytest.mark.parametrize(
    ("changed", "value", "text"),
    [
        ("tthc.ho_so.tiep_nhan", 900, None),  # a figure the text quotes
        ("tthc.ho_so.tiep_nhan", 907, None),  # back to agreeing
        (
            "tthc.ket_qua",
            None,
            "Tiếp nhận 10 hồ sơ, trong đó 6 hồ sơ trực tuyến, 5 hồ sơ trực tiếp.",
        ),
        ("chi_dao.ket_qua", None, "Hoàn thành 15/25 nhiệm vụ, đạt 62%."),
        ("chi_dao.ket_qua", None, ""),
        ("header.place", None, None),  # not a section: nothing to read again
    ],
)
def test_updating_after_one_change_equals_checking_everything(
    changed: str, value: int | None, text: str | None
) -> None:
    before_values = {**VALUES, "tthc.ho_so.tiep_nhan": 905}
    before_texts = {**NARRATIVES, "so_hoa.han_che": "Tổng 5 văn bản, gồm 3 văn bản và 3 văn bản."}
    before = narrative_findings(CATALOGUE, before_values, before_texts)
    values = {**before_values, **({changed: value} if value is not None else {})}
    texts = {**before_texts, **({changed: text} if text is not None else {})}
    mixed = [*before, Finding("some.rule", "tthc", Severity.ERROR, Status.FAILED, (), (), "x")]
    updated = update_narrative_findings(CATALOGUE, mixed, values, texts, changed)
    assert updated == narrative_findings(CATALOGUE, values, texts)
