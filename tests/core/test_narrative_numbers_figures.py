"""Figures quoted in the narrative against the report's figure fields, and the narrative
warnings as checker findings."""

import pytest

import cchc_desktop.narrative_numbers.report as report_module
from cchc_desktop.catalogue import Severity, load_catalogue
from cchc_desktop.checks import Finding, Status
from cchc_desktop.demo import NARRATIVES as DEMO_NARRATIVES
from cchc_desktop.demo import VALUES
from cchc_desktop.narrative_numbers import (
    RULE_PREFIX,
    Figures,
    check_text,
    narrative_findings,
    update_narrative_findings,
)
from cchc_desktop.narrative_numbers.figures import load_phrases, matcher_for
from cchc_desktop.narrative_numbers.layout import Layout
from cchc_desktop.narrative_numbers.report import as_finding, text_findings
from cchc_desktop.narrative_numbers.text import prepare
from tests.references import REFERENCE_DIR

CATALOGUE = load_catalogue()

# The demo's figures, told by a clerk who restates them all in the prose (the demo's own
# narratives leave the figures to the printed sentences): quoted figures to compare.
# ruff: noqa: E501 -- prose, one paragraph a line
QUOTING: dict[str, str] = {
    "chi_dao.ket_qua": """\
Ngay từ đầu năm, UBND xã đã ban hành Kế hoạch số 12/KH-UBND ngày 05/01/2026 về cải cách hành chính năm 2026, xác định 32 nhiệm vụ, sản phẩm cụ thể, phân công rõ cơ quan, bộ phận chủ trì, thời hạn hoàn thành. Trong kỳ đã ban hành 14 văn bản chỉ đạo, điều hành về CCHC, trong đó có 09 kế hoạch (tuyên truyền CCHC; kiểm tra CCHC; kiểm soát TTHC; chuyển đổi số; đào tạo, bồi dưỡng cán bộ, công chức; tăng cường kỷ luật, kỷ cương hành chính...).
- Tiến độ thực hiện Kế hoạch CCHC: đến ngày 14/3/2026 đã hoàn thành 09/32 nhiệm vụ (trong đó 03 nhiệm vụ hoàn thành trước hạn), 23 nhiệm vụ chưa đến hạn, không có nhiệm vụ trễ hạn.
- Công tác kiểm tra: theo Kế hoạch kiểm tra CCHC năm 2026, UBND xã kiểm tra 04 bộ phận, thôn; trong quý đã kiểm tra 01/04 đơn vị (Bộ phận Một cửa), đơn vị được kiểm tra đã khắc phục xong các tồn tại được chỉ ra.
- Công tác tuyên truyền: đăng tải 38 tin, bài về CCHC trên Trang thông tin điện tử và hệ thống truyền thanh của xã; tổ chức 02 hội nghị quán triệt, tập huấn về CCHC và chuyển đổi số cho cán bộ, công chức, trưởng thôn và Tổ công nghệ số cộng đồng.
- Triển khai 01 mô hình mới «Tổ hỗ trợ dịch vụ công trực tuyến tại Bộ phận Một cửa»; Chủ tịch UBND xã tổ chức 01 cuộc đối thoại với người dân về giải quyết thủ tục hành chính lĩnh vực đất đai.
- Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ về CCHC với Sở Nội vụ thành phố đúng thời hạn.""",
    "the_che.ket_qua": """\
- HĐND, UBND xã ban hành 01 văn bản quy phạm pháp luật, bảo đảm đúng trình tự, thủ tục theo Luật Ban hành văn bản quy phạm pháp luật; tự kiểm tra 01 văn bản, không phát hiện văn bản trái pháp luật.
- Rà soát 06 văn bản quy phạm pháp luật do HĐND, UBND các xã cũ ban hành; qua rà soát có 01 văn bản cần bãi bỏ, đã xử lý xong.
- Tổ chức 05 cuộc tuyên truyền, phổ biến, giáo dục pháp luật lồng ghép trong các hội nghị của thôn với 920 lượt người tham dự; duy trì tủ sách pháp luật và chuyên mục pháp luật trên Trang thông tin điện tử của xã.""",
    "tthc.ket_qua": """\
- Niêm yết công khai đầy đủ 164 TTHC tại Bộ phận Một cửa và trên Trang thông tin điện tử của xã, gồm 141 TTHC cấp xã, 12 TTHC lĩnh vực quân sự, quốc phòng và 11 TTHC lĩnh vực công an. Trong đó 53 TTHC cung cấp dịch vụ công trực tuyến toàn trình, 69 TTHC một phần và 42 TTHC chỉ cung cấp thông tin; 20 TTHC được cắt giảm thời gian giải quyết.
- Kết quả giải quyết TTHC: từ ngày 15/12/2025 đến ngày 14/3/2026, Bộ phận Một cửa tiếp nhận 907 hồ sơ (không có hồ sơ kỳ trước chuyển sang), trong đó trực tuyến 892 hồ sơ, trực tiếp 15 hồ sơ. Đã giải quyết 907/907 hồ sơ, 100% trước hạn; không có hồ sơ quá hạn. 100% hồ sơ được số hóa khi tiếp nhận và số hóa kết quả giải quyết; 318 hồ sơ thanh toán phí, lệ phí trực tuyến.
- Trong kỳ không nhận được phản ánh, kiến nghị nào về quy định hành chính. Phát ra 150 phiếu khảo sát sự hài lòng, thu về 142 phiếu, 140 phiếu đánh giá hài lòng.
- Tiếp công dân 14 lượt (03 lượt tiếp định kỳ của Chủ tịch UBND xã, 11 lượt tiếp thường xuyên). Tổng số đơn phải xử lý là 07 đơn (01 đơn kỳ trước chuyển sang, 05 đơn mới, 01 đơn cấp trên chuyển đến), gồm 01 đơn khiếu nại và 06 đơn kiến nghị, phản ánh; đã giải quyết 06 đơn, đang giải quyết 01 đơn.
- Thực hiện Đề án 06: thu nhận 3.525/3.879 hồ sơ tài khoản định danh điện tử, đạt 90,87% số công dân từ đủ 14 tuổi trở lên; kích hoạt 2.846/3.525 tài khoản, đạt 80,74%.""",
    "to_chuc.ket_qua": """\
- Thực hiện Luật Tổ chức chính quyền địa phương năm 2025, UBND xã được tổ chức theo mô hình chính quyền địa phương hai cấp, gồm 03 cơ quan chuyên môn: Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã hội.
- Biên chế cán bộ, công chức được giao là 18; hiện có 17 người, gồm 10 cán bộ và 07 công chức. Lãnh đạo UBND xã gồm 01 Chủ tịch và 02 Phó Chủ tịch.
- Ban hành Quy chế làm việc của UBND xã nhiệm kỳ 2021 - 2026 (sửa đổi) và phân công nhiệm vụ cụ thể cho từng thành viên UBND, từng công chức, bảo đảm không chồng chéo, bỏ sót nhiệm vụ.""",
    "cong_vu.ket_qua": """\
- Trình độ chuyên môn của 17 cán bộ, công chức: 01 thạc sĩ, 14 đại học, 02 trung cấp; trình độ lý luận chính trị: 16 trung cấp, 01 sơ cấp.
- Cử 12 lượt cán bộ, công chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ, kỹ năng số do thành phố tổ chức; 01 công chức được điều động theo yêu cầu nhiệm vụ.
- Đánh giá, xếp loại chất lượng năm 2025 cho 17 cán bộ, công chức: 03 hoàn thành xuất sắc nhiệm vụ, 12 hoàn thành tốt nhiệm vụ, 02 hoàn thành nhiệm vụ; không có trường hợp không hoàn thành nhiệm vụ và không có cán bộ, công chức bị xử lý kỷ luật.
- Duy trì kỷ luật, kỷ cương hành chính, văn hóa công sở; cán bộ, công chức Bộ phận Một cửa có thái độ phục vụ tận tình, đúng mực.""",
    "tai_chinh.ket_qua": """\
- Xây dựng và công khai dự toán thu - chi ngân sách năm 2026 theo quy định; dự toán thu ngân sách nhà nước được giao 8.650 triệu đồng, đến ngày 14/3/2026 thu được 2.337,4 triệu đồng.
- Kế hoạch vốn đầu tư công năm 2026 được giao 12.450 triệu đồng, đã giải ngân 3.112,5 triệu đồng, đạt 25%.
- UBND xã thực hiện tự chủ về kinh phí quản lý hành chính theo quy định; ban hành Quy chế chi tiêu nội bộ, Quy chế quản lý, sử dụng tài sản công năm 2026; tiết kiệm chi thường xuyên 125,6 triệu đồng.""",
    "so_hoa.ket_qua": """\
- 100% văn bản đi, đến (không bao gồm văn bản mật) được xử lý trên Hệ thống quản lý văn bản và điều hành: 186/186 văn bản đi, 412/412 văn bản đến; 186/186 văn bản đi được ký số.
- Duy trì 13 chứng thư số cá nhân và 02 chứng thư số của cơ quan, tổ chức; 17/17 cán bộ, công chức được cấp và sử dụng thư điện tử công vụ.
- Trong 892 hồ sơ nộp trực tuyến có 406 hồ sơ thực hiện toàn trình. Trang thông tin điện tử của xã đăng tải 64 tin, bài; tổ chức 09 cuộc họp trực tuyến với thành phố.
- Tiếp tục áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 đối với 141 TTHC cấp xã.""",
    "tac_dong.ket_qua": """\
- CCHC góp phần cải thiện môi trường đầu tư, kinh doanh trên địa bàn: trong quý có 01 dự án được chấp thuận chủ trương đầu tư, 04 doanh nghiệp thành lập mới, 01 hộ kinh doanh chuyển đổi thành doanh nghiệp.
- Trong 18 chỉ tiêu phát triển kinh tế - xã hội năm 2026 do HĐND xã giao, đến hết quý I đã có 05 chỉ tiêu đạt và vượt kế hoạch năm.""",
    "chi_so.nhan_xet": """\
Kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2025 của UBND xã đạt 68,75/70 điểm; điểm điều tra xã hội học 22,4/30 điểm; tổng điểm 91,15/100 điểm. Các lĩnh vực cải cách thủ tục hành chính và chỉ đạo, điều hành đạt điểm cao.""",
}
NARRATIVES = {**DEMO_NARRATIVES, **QUOTING}


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


def test_the_demo_figures_quoted_in_full_without_a_slip() -> None:
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


def test_a_narrative_is_read_once_per_text_and_figures_of_its_section(monkeypatch) -> None:
    """The checker, the wizard's underline and its findings list ask in turn: one reading."""
    report_module._checked.cache_clear()
    read: list[str] = []
    check = report_module.check_text
    monkeypatch.setattr(report_module, "check_text", lambda t, f: read.append(t) or check(t, f))
    text = "Bộ phận Một cửa tiếp nhận 907 hồ sơ."
    values = {"tthc.ho_so.tiep_nhan": 900}
    first = text_findings(CATALOGUE, values, "tthc.ket_qua", text)
    assert [f.indicators for f in first] == [("tthc.ho_so.tiep_nhan",)]
    assert narrative_findings(CATALOGUE, values, {"tthc.ket_qua": text}) == [
        as_finding(CATALOGUE, "tthc.ket_qua", first[0])
    ]
    other_section = {**values, "chi_dao.ke_hoach.tong": 3}
    assert text_findings(CATALOGUE, other_section, "tthc.ket_qua", text) == first
    assert read == [text]  # another section's figure changes nothing here
    assert text_findings(CATALOGUE, {"tthc.ho_so.tiep_nhan": 907}, "tthc.ket_qua", text) == ()
    assert read == [text, text]  # this section's figure: read again
