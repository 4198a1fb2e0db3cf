"""The checker over the real catalogue: the reference reports' figures are consistent,
slips of every rule are caught with readable messages, and recheck = full check."""

import statistics
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.catalogue import (
    BoundsRule,
    ChangeLimitRule,
    IndicatorKind,
    LessEqualRule,
    RatioRule,
    RequiredRule,
    Severity,
    SumRule,
    load_catalogue,
)
from cchc_desktop.checks import Checker, Finding, Status, compute_derived, has_errors

CATALOGUE = load_catalogue()
CHECKER = Checker(CATALOGUE)
D = Decimal
REQUIRED_RULES = {r.id for r in CATALOGUE.rules if isinstance(r, RequiredRule)}

# Reference 000 (thị xã Ngã Năm, 2022): plan 15/25 done, 10 not yet due ("đạt 60%");
# inspections 05 of 8 ("đạt 62.5%"), 05/05 fixed; dossiers 1.730 = 1.553 + 177,
# 1.551 on time or early + 02 late ("đạt 99.87%"); 26/26 agencies autonomous;
# 31 = 01 + 30 public-service units.
REF_000 = {
    "chi_dao.ke_hoach.tong": 25,
    "chi_dao.ke_hoach.hoan_thanh": 15,
    "chi_dao.ke_hoach.chua_den_han": 10,
    "chi_dao.kiem_tra.ke_hoach": 8,
    "chi_dao.kiem_tra.da_kiem_tra": 5,
    "chi_dao.kiem_tra.da_khac_phuc": 5,
    "tthc.ho_so.tiep_nhan": 1730,
    "tthc.ho_so.da_giai_quyet": 1553,
    "tthc.ho_so.dang_giai_quyet": 177,
    "tthc.ho_so.dung_han": 1551,
    "tthc.ho_so.qua_han": 2,
    "tai_chinh.tu_chu.co_quan": 26,
    "tai_chinh.tu_chu.co_quan_tu_chu": 26,
    "tai_chinh.su_nghiep.tong": 31,
    "tai_chinh.su_nghiep.mot_phan": 1,
    "tai_chinh.su_nghiep.nha_nuoc": 30,
}
REF_000_DERIVED = {
    "chi_dao.ke_hoach.ty_le_hoan_thanh": D("60"),
    "chi_dao.kiem_tra.ty_le": D("62.5"),
    "chi_dao.kiem_tra.ty_le_khac_phuc": D("100"),
    "tthc.ho_so.ty_le_dung_han": D("99.87"),
}

# Reference 000, the communes' dossiers: 15.780 = 15.776 + 04; 15.775 on time + 01 late.
REF_000_COMMUNES = {
    "tthc.ho_so.tiep_nhan": 15780,
    "tthc.ho_so.da_giai_quyet": 15776,
    "tthc.ho_so.dang_giai_quyet": 4,
    "tthc.ho_so.dung_han": 15775,
    "tthc.ho_so.qua_han": 1,
}
REF_000_COMMUNES_DERIVED = {"tthc.ho_so.ty_le_dung_han": D("99.99")}

# Reference 001 (xã Phượng Kỳ, 2023): 907 received = 892 online + 15 in person, 907
# resolved, all early, 100% digitised; 164 procedures = 141 + 12 + 11 = 53 + 69 + 42;
# e-ID 3.525/3.879 and 2.846/3.525; 17 staff = 10 cadres + 07 civil servants, quota 18;
# 01 master + 14 university + 02 intermediate; theory 16 intermediate + 01 elementary;
# 574/574 outgoing and 880/880 incoming documents online; 13 + 02 signing certificates.
REF_001 = {
    "tthc.ho_so.tiep_nhan": 907,
    "tthc.ho_so.ky_truoc": 0,
    "tthc.ho_so.moi": 907,
    "tthc.ho_so.truc_tuyen": 892,
    "tthc.ho_so.truc_tiep": 15,
    "tthc.ho_so.da_giai_quyet": 907,
    "tthc.ho_so.dung_han": 907,
    "tthc.ho_so.truoc_han": 907,
    "tthc.ho_so.dang_giai_quyet": 0,
    "tthc.so_hoa.ho_so": 907,
    "tthc.so_hoa.ket_qua": 907,
    "tthc.thu_tuc.tong": 164,
    "tthc.thu_tuc.cap_xa": 141,
    "tthc.thu_tuc.quoc_phong": 12,
    "tthc.thu_tuc.cong_an": 11,
    "tthc.thu_tuc.toan_trinh": 53,
    "tthc.thu_tuc.mot_phan": 69,
    "tthc.thu_tuc.thong_tin": 42,
    "tthc.dinh_danh.cong_dan_14": 3879,
    "tthc.dinh_danh.da_thu_nhan": 3525,
    "tthc.dinh_danh.da_kich_hoat": 2846,
    "to_chuc.bien_che.cbcc": 18,
    "to_chuc.cbcc.tong": 17,
    "to_chuc.cbcc.can_bo": 10,
    "to_chuc.cbcc.cong_chuc": 7,
    "cong_vu.trinh_do.sau_dai_hoc": 1,
    "cong_vu.trinh_do.dai_hoc": 14,
    "cong_vu.trinh_do.cao_dang": 0,
    "cong_vu.trinh_do.trung_cap": 2,
    "cong_vu.trinh_do.khac": 0,
    "cong_vu.ly_luan.cao_cap": 0,
    "cong_vu.ly_luan.trung_cap": 16,
    "cong_vu.ly_luan.so_cap": 1,
    "cong_vu.ly_luan.chua_qua": 0,
    "so_hoa.van_ban.di": 574,
    "so_hoa.van_ban.di_truc_tuyen": 574,
    "so_hoa.van_ban.den": 880,
    "so_hoa.van_ban.den_truc_tuyen": 880,
    "so_hoa.chu_ky_so.ca_nhan": 13,
    "so_hoa.chu_ky_so.to_chuc": 2,
}
REF_001_DERIVED = {
    "tthc.ho_so.ty_le_dung_han": D("100"),
    "tthc.so_hoa.ty_le": D("100"),
    "so_hoa.dvc.ty_le_truc_tuyen": D("98.35"),
    "tthc.dinh_danh.ty_le_thu_nhan": D("90.87"),
    # 2.846 / 3.525 = 80,7375%: the report truncated it to 80,73%; half-up gives 80,74%
    "tthc.dinh_danh.ty_le_kich_hoat": D("80.74"),
}

# Reference 002 (thành phố Sa Đéc, 2023): tasks 51 = 20 early + 24 on time + 06 not yet
# due + 01 late; disbursed 212.901,285 of 590.161,540 million ("đạt 36%"); 17 of 35
# socio-economic targets; PAR self-assessment 13,91/16,5 + 3/7 + 18,98/29 + 6/8 +
# 5,77/14 + 2,5/7 + 7,8/14,5 = 57,96 of 70, survey 0/30; budget revenue 298.781.
REF_002 = {
    "chi_dao.ke_hoach.tong": 51,
    "chi_dao.ke_hoach.hoan_thanh": 44,
    "chi_dao.ke_hoach.truoc_han": 20,
    "chi_dao.ke_hoach.chua_den_han": 6,
    "chi_dao.ke_hoach.tre_han": 1,
    "tai_chinh.dau_tu.ke_hoach": D("590161.540"),
    "tai_chinh.dau_tu.giai_ngan": D("212901.285"),
    "tai_chinh.ngan_sach.thuc_hien_thu": D("298781"),
    "tac_dong.chi_tieu.tong": 35,
    "tac_dong.chi_tieu.dat": 17,
    "chi_so.chi_dao.diem": D("13.91"),
    "chi_so.chi_dao.toi_da": D("16.5"),
    "chi_so.the_che.diem": D("3"),
    "chi_so.the_che.toi_da": D("7"),
    "chi_so.tthc.diem": D("18.98"),
    "chi_so.tthc.toi_da": D("29"),
    "chi_so.to_chuc.diem": D("6"),
    "chi_so.to_chuc.toi_da": D("8"),
    "chi_so.cong_vu.diem": D("5.77"),
    "chi_so.cong_vu.toi_da": D("14"),
    "chi_so.tai_chinh.diem": D("2.5"),
    "chi_so.tai_chinh.toi_da": D("7"),
    "chi_so.so_hoa.diem": D("7.8"),
    "chi_so.so_hoa.toi_da": D("14.5"),
    "chi_so.tac_dong.toi_da": D("4"),
    "chi_so.tong.tu_danh_gia": D("57.96"),
    "chi_so.tong.toi_da_tu_danh_gia": D("70"),
    "chi_so.dtxhh.diem": D("0"),
    "chi_so.dtxhh.toi_da": D("30"),
    "chi_so.tong.diem": D("57.96"),
    "chi_so.tong.toi_da": D("100"),
}
REF_002_DERIVED = {
    "chi_dao.ke_hoach.ty_le_hoan_thanh": D("86.27"),
    "tai_chinh.dau_tu.ty_le_giai_ngan": D("36.08"),
    "tac_dong.chi_tieu.ty_le_dat": D("48.57"),
}

REFERENCES = {
    "000": (REF_000, REF_000_DERIVED),
    "000-communes": (REF_000_COMMUNES, REF_000_COMMUNES_DERIVED),
    "001": (REF_001, REF_001_DERIVED),
    "002": (REF_002, REF_002_DERIVED),
}


def failed(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.status == Status.FAILED]


def of_rule(findings: list[Finding], rule_id: str) -> Finding:
    found = [f for f in findings if f.rule_id == rule_id]
    assert len(found) == 1, findings
    return found[0]


def test_reference_ids_are_all_in_the_catalogue():
    for values, derived in REFERENCES.values():
        for key in [*values, *derived]:
            assert CATALOGUE.has_indicator(key), key
            assert CATALOGUE.indicator(key).derived == (key in derived), key


# The relations each reference report states, which its figures must pass (not pend).
STATED = {
    "000": {
        "chi_dao.ke_hoach.tong_bang_tien_do",
        "chi_dao.kiem_tra.khong_vuot_ke_hoach",
        "chi_dao.kiem_tra.khac_phuc_trong_da_kiem_tra",
        "tthc.ho_so.nhan_bang_giai_quyet",
        "tthc.ho_so.giai_quyet_theo_thoi_han",
        "tai_chinh.tu_chu.khong_vuot_co_quan",
        "tai_chinh.su_nghiep.tong_theo_muc_tu_chu",
    },
    "000-communes": {"tthc.ho_so.nhan_bang_giai_quyet", "tthc.ho_so.giai_quyet_theo_thoi_han"},
    "001": {
        "tthc.ho_so.tiep_nhan_bang_ky_truoc_cong_moi",
        "tthc.ho_so.moi_theo_hinh_thuc",
        "tthc.ho_so.nhan_bang_giai_quyet",
        "tthc.ho_so.giai_quyet_theo_thoi_han",
        "tthc.ho_so.truoc_han_trong_dung_han",
        "tthc.so_hoa.ho_so_trong_tiep_nhan",
        "tthc.thu_tuc.tong_theo_tham_quyen",
        "tthc.thu_tuc.tong_theo_muc_do",
        "tthc.dinh_danh.thu_nhan_trong_cong_dan",
        "tthc.dinh_danh.kich_hoat_trong_thu_nhan",
        "to_chuc.cbcc.tong_bang_can_bo_cong_chuc",
        "to_chuc.cbcc.khong_vuot_bien_che",
        "cong_vu.trinh_do.tong_bang_cbcc",
        "cong_vu.ly_luan.tong_bang_cbcc",
        "so_hoa.van_ban.di_truc_tuyen_trong_di",
        "so_hoa.van_ban.den_truc_tuyen_trong_den",
    },
    "002": {
        "chi_dao.ke_hoach.tong_bang_tien_do",
        "chi_dao.ke_hoach.truoc_han_trong_hoan_thanh",
        "tai_chinh.dau_tu.giai_ngan_khong_vuot_ke_hoach",
        "tac_dong.chi_tieu.dat_trong_tong",
        "chi_so.chi_dao.khong_vuot_toi_da",
        "chi_so.tthc.khong_vuot_toi_da",
        "chi_so.so_hoa.khong_vuot_toi_da",
        "chi_so.tong.tu_danh_gia_bang_tong_linh_vuc",
        "chi_so.tong.toi_da_bang_tong_linh_vuc",
        "chi_so.tong.toi_da_theo_phan",
        "chi_so.tong.tu_danh_gia_khong_vuot_toi_da",
        "chi_so.tong.diem_bang_tu_danh_gia_cong_dtxhh",
        "chi_so.tong.toi_da_gioi_han",
    },
}


def fully_filled(rule_id: str, values: dict) -> bool:
    rule = next(r for r in CATALOGUE.rules if r.id == rule_id)
    work = {**values, **compute_derived(CATALOGUE, values)}
    optional = set(rule.optional_parts) if isinstance(rule, SumRule) else set()
    return all(key in work for key in rule.inputs() if key not in optional)


@pytest.mark.parametrize("name", REFERENCES)
def test_reference_figures_are_consistent(name):
    values, _ = REFERENCES[name]
    for key, value in values.items():  # every figure is one a clerk may type
        assert CATALOGUE.indicator(key).parse(value) == value
    findings = CHECKER.check(values, {}, None)
    assert [f for f in failed(findings) if f.rule_id not in REQUIRED_RULES] == []
    # what is left is only what the final copy still needs, never a wrong figure
    assert all(f.message.startswith("Cần nhập «") for f in failed(findings))
    # and the relations the report states were evaluated and passed, not left pending
    for rule_id in STATED[name]:
        assert fully_filled(rule_id, values), rule_id
        assert [f for f in findings if f.rule_id == rule_id] == [], rule_id


@pytest.mark.parametrize("name", REFERENCES)
def test_a_slip_in_any_stated_figure_is_caught(name):
    values, _ = REFERENCES[name]
    for rule_id in sorted(STATED[name]):
        rule = next(r for r in CATALOGUE.rules if r.id == rule_id)
        if isinstance(rule, SumRule):
            key, wrong = rule.total, values[rule.total] + 1
        elif isinstance(rule, LessEqualRule):
            key, wrong = rule.left, sum(values[k] for k in rule.right) + 1
        else:
            assert isinstance(rule, BoundsRule) and rule.maximum is not None
            key, wrong = rule.indicator, rule.maximum + 1
        slipped = {**values, key: wrong}
        hits = [f for f in CHECKER.check(slipped, {}, None) if f.rule_id == rule_id]
        assert [f.status for f in hits] == [Status.FAILED], rule_id
        assert key in hits[0].indicators


@pytest.mark.parametrize("name", REFERENCES)
def test_reference_percentages_are_derived_from_their_counts(name):
    values, expected = REFERENCES[name]
    derived = compute_derived(CATALOGUE, values)
    assert {key: derived.get(key) for key in expected} == expected


def test_reference_rates_match_the_printed_ones_to_the_hundredth():
    # the reports print 99,87%, 62,5%, 90,87%, 80,73% (truncated), 60%
    printed = {
        "tthc.ho_so.ty_le_dung_han": (REF_000, D("99.87")),
        "chi_dao.kiem_tra.ty_le": (REF_000, D("62.5")),
        "chi_dao.ke_hoach.ty_le_hoan_thanh": (REF_000, D("60")),
        "tthc.dinh_danh.ty_le_thu_nhan": (REF_001, D("90.87")),
        "tthc.dinh_danh.ty_le_kich_hoat": (REF_001, D("80.73")),
    }
    for key, (values, rate) in printed.items():
        assert abs(compute_derived(CATALOGUE, values)[key] - rate) <= D("0.01"), key


def test_the_documented_sum_slip_reads_exactly_as_specified():
    values = {**REF_000, "tthc.ho_so.dang_giai_quyet": 176}
    finding = of_rule(CHECKER.check(values), "tthc.ho_so.nhan_bang_giai_quyet")
    assert finding.message == (
        "Tổng số hồ sơ tiếp nhận (1.730) phải bằng đã giải quyết (1.553) "
        "+ đang giải quyết (176) = 1.729"
    )
    assert finding.status == Status.FAILED
    assert finding.severity == Severity.ERROR
    assert finding.section == "tthc"


def test_a_breakdown_that_does_not_add_up_is_caught():
    values = {**REF_001, "tthc.thu_tuc.mot_phan": 68}
    finding = of_rule(CHECKER.check(values), "tthc.thu_tuc.tong_theo_muc_do")
    assert finding.message == (
        "Tổng số thủ tục hành chính được công khai tại Bộ phận Một cửa (164) phải bằng "
        "trực tuyến toàn trình (53) + trực tuyến một phần (68) + chỉ cung cấp thông tin (42) = 163"
    )
    # the other breakdown of the same total still adds up and says nothing
    assert [
        f for f in CHECKER.check(values) if f.rule_id == "tthc.thu_tuc.tong_theo_tham_quyen"
    ] == []


def test_digitised_over_received_is_an_error_naming_both_fields():
    values = {**REF_000, "tthc.so_hoa.ho_so": 1800}
    finding = of_rule(CHECKER.check(values), "tthc.so_hoa.ho_so_trong_tiep_nhan")
    assert finding.message == (
        "«Số hồ sơ được số hóa khi tiếp nhận» (1.800) không được lớn hơn "
        "«Tổng số hồ sơ tiếp nhận» (1.730)"
    )
    assert has_errors([finding])


def test_headcount_over_quota_only_warns():
    values = {**REF_001, "to_chuc.bien_che.cbcc": 16}
    findings = CHECKER.check(values)
    finding = of_rule(findings, "to_chuc.cbcc.khong_vuot_bien_che")
    assert finding.severity == Severity.WARNING
    assert "(17)" in finding.message and "(16)" in finding.message
    assert not has_errors(f for f in findings if f.rule_id not in REQUIRED_RULES)


def test_pending_until_the_breakdown_is_complete():
    values = {"tthc.ho_so.tiep_nhan": 1730, "tthc.ho_so.da_giai_quyet": 1553}
    finding = of_rule(CHECKER.check(values), "tthc.ho_so.nhan_bang_giai_quyet")
    assert finding.status == Status.PENDING
    assert finding.message == (
        "Chưa đủ số liệu để kiểm tra «Tổng số hồ sơ tiếp nhận»: "
        "còn thiếu «Số hồ sơ đang giải quyết»"
    )


def test_an_empty_report_only_asks_for_the_required_fields():
    findings = CHECKER.check({}, {}, None)
    assert findings
    assert all(f.status == Status.FAILED for f in findings)
    assert all(f.message.startswith("Cần nhập «") for f in findings)
    required = {i for r in CATALOGUE.rules if isinstance(r, RequiredRule) for i in r.indicators}
    assert {f.indicators[0] for f in findings if f.indicators} == required


def test_cross_period_and_change_limit_against_the_previous_report():
    previous = {"tthc.ho_so.dang_giai_quyet": 177, "to_chuc.cbcc.tong": 12}
    values = {**REF_001, "tthc.ho_so.ky_truoc": 170, "tthc.ho_so.moi": 737}
    values.update({"tthc.ho_so.truc_tuyen": 722, "tthc.ho_so.truc_tiep": 15})
    findings = CHECKER.check(values, {}, previous)
    carried = of_rule(findings, "tthc.ho_so.ky_truoc_khop_bao_cao_truoc")
    assert carried.status == Status.FAILED
    assert "(170)" in carried.message and "(177)" in carried.message
    jump = of_rule(findings, "to_chuc.cbcc.bien_dong")
    assert jump.message == (
        "«Tổng số cán bộ, công chức hiện có» tăng 41,67% so với báo cáo kỳ trước "
        "(từ 12 lên 17), vượt mức 20%: hãy kiểm tra lại"
    )
    no_previous = CHECKER.check(values, {}, None)
    assert [f for f in no_previous if f.rule_id == "tthc.ho_so.ky_truoc_khop_bao_cao_truoc"] == []
    assert [f for f in no_previous if f.rule_id == "to_chuc.cbcc.bien_dong"] == []


def test_change_limit_rules_of_the_catalogue_are_warnings():
    rules = [r for r in CATALOGUE.rules if isinstance(r, ChangeLimitRule)]
    assert rules
    assert all(r.severity == Severity.WARNING for r in rules)


def test_a_positive_count_over_a_zero_total_cannot_give_a_rate():
    values = {"tthc.dinh_danh.cong_dan_14": 0, "tthc.dinh_danh.da_thu_nhan": 5}
    finding = of_rule(CHECKER.check(values), "tthc.dinh_danh.ty_le_thu_nhan")
    assert finding.status == Status.FAILED
    assert "bằng 0" in finding.message and "(5)" in finding.message


def test_required_narratives_are_asked_for():
    findings = CHECKER.check(REF_000, {"danh_gia.uu_diem": "   "}, None)
    asked = [f for f in findings if f.narratives]
    assert {f.narratives for f in asked} == {("danh_gia.uu_diem",), ("phuong_huong.nhiem_vu",)}
    assert all(f.message.startswith("Cần nhập «") for f in asked)
    filled = {"danh_gia.uu_diem": "Tốt.", "phuong_huong.nhiem_vu": "Tiếp tục."}
    assert [f for f in CHECKER.check(REF_000, filled, None) if f.narratives] == []


# -- every rule of the catalogue, generically ---------------------------------------


def sample(key: str, value: int) -> int | Decimal:
    kind = CATALOGUE.indicator(key).kind
    return value if kind == IndicatorKind.COUNT else Decimal(value)


SUMS = [r for r in CATALOGUE.rules if isinstance(r, SumRule)]
LES = [r for r in CATALOGUE.rules if isinstance(r, LessEqualRule)]


@pytest.mark.parametrize("rule", SUMS, ids=lambda r: r.id)
def test_every_sum_rule_passes_when_it_adds_up_and_fails_readably_when_not(rule: SumRule):
    parts = {key: sample(key, 3) for key in (*rule.parts, *rule.optional_parts)}
    good = {**parts, rule.total: sample(rule.total, 3 * len(parts))}
    assert [f for f in CHECKER.check(good) if f.rule_id == rule.id] == []
    bad = {**good, rule.total: sample(rule.total, 3 * len(parts) + 1)}
    finding = of_rule(CHECKER.check(bad), rule.id)
    label = CATALOGUE.indicator(rule.total).label
    assert finding.message.startswith(f"{label[:1].upper()}{label[1:]} (")
    assert finding.message.endswith(f" = {3 * len(parts)}")
    for key in parts:
        assert CATALOGUE.indicator(key).short_label in finding.message


@pytest.mark.parametrize("rule", LES, ids=lambda r: r.id)
def test_every_le_rule_allows_equality_and_flags_excess(rule: LessEqualRule):
    right = {key: sample(key, 5) for key in rule.right}
    equal = {**right, rule.left: sample(rule.left, 5 * len(right))}
    assert [f for f in CHECKER.check(equal) if f.rule_id == rule.id] == []
    over = {**equal, rule.left: sample(rule.left, 5 * len(right) + 1)}
    finding = of_rule(CHECKER.check(over), rule.id)
    assert finding.status == Status.FAILED
    assert f"«{CATALOGUE.indicator(rule.left).label}» ({5 * len(right) + 1}" in finding.message


# -- recheck over the real catalogue ------------------------------------------------

TYPED = [i.id for i in CATALOGUE.indicators if not i.derived]
ALL_IDS = [i.id for i in CATALOGUE.indicators]
NARRATIVES = list(CATALOGUE.narrative_keys())
RATIO_INPUTS = sorted({k for r in CATALOGUE.rules if isinstance(r, RatioRule) for k in r.inputs()})
number = st.one_of(st.integers(min_value=0, max_value=30), st.sampled_from([0, 17, 18, 164, 907]))
base = st.sampled_from([REF_000, REF_001, REF_002, {}])


@settings(max_examples=150, deadline=None)
@given(
    start=base,
    extra=st.dictionaries(st.sampled_from(ALL_IDS), number, max_size=20),
    previous=st.one_of(st.none(), st.dictionaries(st.sampled_from(TYPED), number, max_size=10)),
    edits=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(ALL_IDS + RATIO_INPUTS), st.one_of(st.none(), number)),
            st.tuples(st.sampled_from(NARRATIVES), st.sampled_from([None, " ", "Có"])),
        ),
        max_size=8,
    ),
)
def test_recheck_equals_a_full_check_on_the_real_catalogue(start, extra, previous, edits):
    values = {**start, **extra}
    narratives: dict[str, str] = {}
    findings = CHECKER.check(values, narratives, previous)
    for key, new in edits:
        target: dict = narratives if key in NARRATIVES else values
        if new is None:
            target.pop(key, None)
        else:
            target[key] = new
        findings = CHECKER.recheck(findings, values, key, narratives, previous)
        assert findings == CHECKER.check(values, narratives, previous)


def test_a_full_check_of_a_filled_report_fits_well_inside_a_frame():
    values = {**REF_000, **REF_001, **REF_002}
    values.update({i.id: 1 for i in CATALOGUE.indicators if i.id not in values and not i.derived})
    narratives = {key: "Có." for key in CATALOGUE.narrative_keys()}
    times = []
    for _ in range(25):
        start = time.perf_counter()
        CHECKER.check(values, narratives, values)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.016 / 4  # the benchmark measures it properly
