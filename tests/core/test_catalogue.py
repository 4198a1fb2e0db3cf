"""The report catalogue (resources/catalogue/cchc-xa.toml) and its loader."""

import json
import re
import subprocess
import sys
import tomllib
import unicodedata
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Literal, get_args, get_origin

import msgspec
import pytest

import cchc_desktop.catalogue as catalogue_module
from cchc_desktop.catalogue import (
    BoundsRule,
    Catalogue,
    CatalogueError,
    ChangeLimitRule,
    CrossPeriodRule,
    IndicatorKind,
    LessEqualRule,
    RatioRule,
    RequiredRule,
    Rule,
    Severity,
    SumRule,
    load_catalogue,
)
from cchc_desktop.resources import resource_path
from tests.fixtures import catalogue_text

CATALOGUE_FILE = resource_path("catalogue", "cchc-xa.toml")

SECTION_ORDER = [
    "chi_dao",
    "the_che",
    "tthc",
    "to_chuc",
    "cong_vu",
    "tai_chinh",
    "so_hoa",
    "tac_dong",
    "chi_so",
    "danh_gia",
    "phuong_huong",
    "kien_nghi",
]
REFORM_SECTIONS = SECTION_ORDER[:8]

# The ids the province keys on: they must exist exactly, with this kind.
REQUIRED_IDS = {
    "tthc.ho_so.tiep_nhan": "count",
    "tthc.ho_so.ky_truoc": "count",
    "tthc.ho_so.moi": "count",
    "tthc.ho_so.truc_tuyen": "count",
    "tthc.ho_so.truc_tiep": "count",
    "tthc.ho_so.buu_chinh": "count",
    "tthc.ho_so.da_giai_quyet": "count",
    "tthc.ho_so.dung_han": "count",
    "tthc.ho_so.truoc_han": "count",
    "tthc.ho_so.qua_han": "count",
    "tthc.ho_so.dang_giai_quyet": "count",
    "tthc.ho_so.ty_le_dung_han": "percent",
    "chi_dao.ke_hoach.tong": "count",
    "chi_dao.ke_hoach.hoan_thanh": "count",
    "chi_dao.ke_hoach.chua_den_han": "count",
    "chi_dao.ke_hoach.tre_han": "count",
    "to_chuc.cbcc.tong": "count",
    "to_chuc.cbcc.can_bo": "count",
    "to_chuc.cbcc.cong_chuc": "count",
}

PAR_AREAS = ["chi_dao", "the_che", "tthc", "to_chuc", "cong_vu", "tai_chinh", "so_hoa", "tac_dong"]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _sum_rules(catalogue: Catalogue) -> list[SumRule]:
    return [r for r in catalogue.rules if isinstance(r, SumRule)]


def _le_rules(catalogue: Catalogue) -> list[LessEqualRule]:
    return [r for r in catalogue.rules if isinstance(r, LessEqualRule)]


def _ratio_rules(catalogue: Catalogue) -> list[RatioRule]:
    return [r for r in catalogue.rules if isinstance(r, RatioRule)]


# --- the default file ------------------------------------------------------------------


def test_default_catalogue_loads_with_identity(catalogue: Catalogue) -> None:
    assert catalogue.id == "cchc-xa"
    assert catalogue.version == "2026.1"
    assert "cải cách hành chính" in catalogue.title
    assert load_catalogue(CATALOGUE_FILE) == catalogue


def test_file_is_utf8_nfc() -> None:
    text = CATALOGUE_FILE.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_parts_in_report_order(catalogue: Catalogue) -> None:
    assert [p.id for p in catalogue.parts] == [
        "ket_qua",
        "tu_danh_gia",
        "danh_gia",
        "phuong_huong",
        "kien_nghi",
    ]
    assert [p.id for p in catalogue.parts if p.optional] == ["tu_danh_gia"]


def test_sections_in_report_order(catalogue: Catalogue) -> None:
    assert [s.id for s in catalogue.sections] == SECTION_ORDER
    parts = {s.id: s.part for s in catalogue.sections}
    assert all(parts[s] == "ket_qua" for s in REFORM_SECTIONS)
    assert parts["chi_so"] == "tu_danh_gia"
    assert parts["danh_gia"] == "danh_gia"
    assert parts["phuong_huong"] == "phuong_huong"
    assert parts["kien_nghi"] == "kien_nghi"
    assert {s.id for s in catalogue.sections if s.optional} == {"tac_dong", "chi_so"}
    assert catalogue.section("tthc").title == "Cải cách thủ tục hành chính"
    with pytest.raises(KeyError, match="khong_co"):
        catalogue.section("khong_co")


def test_narratives_of_each_section(catalogue: Catalogue) -> None:
    for section_id in REFORM_SECTIONS:
        narratives = {n.id: n.label for n in catalogue.section(section_id).narratives}
        assert narratives == {
            "ket_qua": "Kết quả đạt được",
            "han_che": "Tồn tại, hạn chế và nguyên nhân",
        }, section_id
    assert [n.id for n in catalogue.section("danh_gia").narratives] == [
        "uu_diem",
        "han_che",
        "nguyen_nhan",
    ]
    assert [n.id for n in catalogue.section("phuong_huong").narratives] == ["nhiem_vu"]
    assert [n.id for n in catalogue.section("kien_nghi").narratives] == ["noi_dung"]
    keys = list(catalogue.narrative_keys())
    assert keys[:2] == ["chi_dao.ket_qua", "chi_dao.han_che"]
    assert keys[-1] == "kien_nghi.noi_dung"
    assert keys.index("danh_gia.uu_diem") < keys.index("phuong_huong.nhiem_vu")


def test_every_section_and_narrative_has_help(catalogue: Catalogue) -> None:
    for section in catalogue.sections:
        assert section.help.strip(), section.id
        for narrative in section.narratives:
            assert narrative.help.strip(), section.narrative_key(narrative.id)


# --- indicators ------------------------------------------------------------------------


@pytest.mark.parametrize(("indicator_id", "kind"), sorted(REQUIRED_IDS.items()))
def test_required_id_exists_with_kind(catalogue: Catalogue, indicator_id: str, kind: str) -> None:
    assert catalogue.has_indicator(indicator_id)
    assert catalogue.indicator(indicator_id).kind == IndicatorKind(kind)


def test_unknown_indicator_raises_vietnamese_key_error(catalogue: Catalogue) -> None:
    assert not catalogue.has_indicator("tthc.ho_so.khong_co")
    with pytest.raises(KeyError, match="Không có chỉ tiêu"):
        catalogue.indicator("tthc.ho_so.khong_co")


def test_every_indicator_is_described(catalogue: Catalogue) -> None:
    for indicator in catalogue.indicators:
        assert indicator.label.strip() and indicator.label[0].isupper(), indicator.id
        assert indicator.unit.strip(), indicator.id
        assert indicator.help.strip(), indicator.id
        assert indicator.short, indicator.id


def test_short_labels_read_lower_case(catalogue: Catalogue) -> None:
    for indicator in catalogue.indicators:
        first_word = indicator.short_label.split()[0]
        # The whole first word: a short label starting with "TTHC" would read "tTHC".
        assert first_word == first_word.lower(), indicator.id
        assert indicator.short_label == indicator.short, indicator.id


def test_units_match_kinds(catalogue: Catalogue) -> None:
    for indicator in catalogue.indicators:
        if indicator.kind == IndicatorKind.PERCENT:
            assert indicator.unit == "%", indicator.id
        elif indicator.kind == IndicatorKind.MONEY:
            assert indicator.unit == "triệu đồng", indicator.id
        elif indicator.kind == IndicatorKind.SCORE:
            assert indicator.unit == "điểm", indicator.id
        else:
            assert indicator.unit not in {"%", "triệu đồng", "điểm"}, indicator.id


def test_indicators_are_grouped_by_section_in_outline_order(catalogue: Catalogue) -> None:
    order = [s.id for s in catalogue.sections]
    positions = [order.index(i.section) for i in catalogue.indicators]
    assert positions == sorted(positions)
    for indicator in catalogue.indicators:
        assert len(indicator.id.split(".")) == 3, indicator.id
    assert catalogue.section_indicators("tthc")[0].section == "tthc"
    assert catalogue.section_indicators("danh_gia") == ()


def test_carry_over_marks_stock_not_flow(catalogue: Catalogue) -> None:
    stock = [
        "to_chuc.cbcc.tong",
        "to_chuc.cbcc.can_bo",
        "to_chuc.bien_che.cbcc",
        "cong_vu.trinh_do.dai_hoc",
        "cong_vu.ly_luan.trung_cap",
        "tthc.thu_tuc.tong",
        "tthc.thu_tuc.toan_trinh",
        *(f"chi_so.{area}.toi_da" for area in PAR_AREAS),
    ]
    flow = [
        "tthc.ho_so.tiep_nhan",
        "tthc.ho_so.moi",
        "tthc.ho_so.dang_giai_quyet",
        "chi_dao.van_ban.ban_hanh",
        "chi_dao.kiem_tra.da_kiem_tra",
        "so_hoa.van_ban.di",
        "tthc.don_thu.tong",
        "cong_vu.dao_tao.luot",
        *(f"chi_so.{area}.diem" for area in PAR_AREAS),
    ]
    assert all(catalogue.indicator(i).carry_over for i in stock)
    assert not any(catalogue.indicator(i).carry_over for i in flow)
    assert not any(i.carry_over for i in catalogue.indicators if i.derived)


def test_defaults_only_on_par_maxima(catalogue: Catalogue) -> None:
    with_default = {i.id for i in catalogue.indicators if i.default is not None}
    assert with_default
    for indicator_id in with_default:
        assert indicator_id.startswith("chi_so."), indicator_id
        assert "toi_da" in indicator_id.split(".")[-1], indicator_id
        assert catalogue.indicator(indicator_id).kind == IndicatorKind.SCORE
        assert catalogue.indicator(indicator_id).carry_over
    defaults = [catalogue.indicator(f"chi_so.{a}.toi_da").default for a in PAR_AREAS[:7]]
    assert defaults == [Decimal(v) for v in ("16.5", "7", "29", "8", "14", "7", "14.5")]


def test_par_default_maxima_satisfy_the_sum_rules(catalogue: Catalogue) -> None:
    defaults = {i.id: i.default for i in catalogue.indicators if i.default is not None}
    checked = 0
    for rule in _sum_rules(catalogue):
        if all(i in defaults for i in rule.inputs()):
            total = sum((defaults[p] for p in (*rule.parts, *rule.optional_parts)), Decimal(0))
            assert defaults[rule.total] == total, rule.id
            checked += 1
    assert checked == 2  # 100 = Σ area maxima; 100 = 70 self-assessed + 30 survey


# --- rules -----------------------------------------------------------------------------


def test_ratio_targets_are_derived_and_nothing_else_is(catalogue: Catalogue) -> None:
    targets = {r.target for r in _ratio_rules(catalogue)}
    derived = {i.id for i in catalogue.indicators if i.derived}
    assert targets == derived
    assert "tthc.ho_so.ty_le_dung_han" in derived
    for target in targets:
        assert catalogue.indicator(target).kind == IndicatorKind.PERCENT
    assert len(targets) == len(_ratio_rules(catalogue))


def test_on_time_rate_is_on_time_over_resolved(catalogue: Catalogue) -> None:
    (rule,) = [r for r in _ratio_rules(catalogue) if r.target == "tthc.ho_so.ty_le_dung_han"]
    assert rule.numerator == ("tthc.ho_so.dung_han",)
    assert rule.denominator == "tthc.ho_so.da_giai_quyet"
    assert rule.scale == 100


def test_every_ratio_is_capped_at_100_percent_by_another_rule(catalogue: Catalogue) -> None:
    """A derived rate can only pass 100 % when a sum or le rule already reports an error."""
    for ratio in _ratio_rules(catalogue):
        numerator = set(ratio.numerator)
        capped = any(
            r.left in numerator and len(numerator) == 1 and r.right == (ratio.denominator,)
            for r in _le_rules(catalogue)
            if r.severity == Severity.ERROR
        ) or any(
            r.total == ratio.denominator and numerator <= {*r.parts, *r.optional_parts}
            for r in _sum_rules(catalogue)
        )
        assert capped, ratio.id


def test_typed_percents_have_bounds(catalogue: Catalogue) -> None:
    bounded = {r.indicator for r in catalogue.rules if isinstance(r, BoundsRule)}
    typed = {
        i.id for i in catalogue.indicators if i.kind == IndicatorKind.PERCENT and not i.derived
    }
    assert typed
    assert typed <= bounded
    total_max = [r for r in catalogue.rules if isinstance(r, BoundsRule)]
    assert any(r.indicator == "chi_so.tong.toi_da" and r.maximum == 100 for r in total_max)


def test_rule_ids_start_with_their_section(catalogue: Catalogue) -> None:
    sections = {s.id for s in catalogue.sections}
    for rule in catalogue.rules:
        assert rule.id.split(".")[0] in sections, rule.id


def test_rule_inputs_read_apart_in_messages(catalogue: Catalogue) -> None:
    for rule in catalogue.rules:
        inputs = list(dict.fromkeys(rule.inputs()))
        shorts = [catalogue.indicator(i).short_label for i in inputs]
        assert len(set(shorts)) == len(shorts), rule.id


def test_severities(catalogue: Catalogue) -> None:
    assert all(r.severity == Severity.ERROR for r in _sum_rules(catalogue))
    assert all(r.severity == Severity.ERROR for r in _ratio_rules(catalogue))
    warnings = {r.id for r in _le_rules(catalogue) if r.severity == Severity.WARNING}
    assert warnings == {
        "to_chuc.cbcc.khong_vuot_bien_che",
        "to_chuc.nhan_su.vien_chuc_khong_vuot_bien_che",
    }
    for rule in catalogue.rules:
        if isinstance(rule, ChangeLimitRule):
            assert rule.severity == Severity.WARNING
        if isinstance(rule, RequiredRule):
            assert rule.severity == Severity.ERROR


def _has_sum(catalogue: Catalogue, total: str, parts: set[str]) -> bool:
    return any(
        r.total == total and {*r.parts, *r.optional_parts} == parts for r in _sum_rules(catalogue)
    )


def _has_le(catalogue: Catalogue, left: str, right: str) -> bool:
    return any(r.left == left and r.right == (right,) for r in _le_rules(catalogue))


def _has_ratio(catalogue: Catalogue, target: str, numerator: str, denominator: str) -> bool:
    return any(
        r.target == target and r.numerator == (numerator,) and r.denominator == denominator
        for r in _ratio_rules(catalogue)
    )


# The relations of the domain guide, "Figures and the arithmetic they must obey".
SUMS = [
    (
        "chi_dao.ke_hoach.tong",
        {
            "chi_dao.ke_hoach.hoan_thanh",
            "chi_dao.ke_hoach.chua_den_han",
            "chi_dao.ke_hoach.tre_han",
        },
    ),
    (
        "tthc.thu_tuc.tong",
        {
            "tthc.thu_tuc.cap_xa",
            "tthc.thu_tuc.quoc_phong",
            "tthc.thu_tuc.cong_an",
            "tthc.thu_tuc.nganh_khac",
        },
    ),
    (
        "tthc.thu_tuc.tong",
        {"tthc.thu_tuc.toan_trinh", "tthc.thu_tuc.mot_phan", "tthc.thu_tuc.thong_tin"},
    ),
    ("tthc.ho_so.tiep_nhan", {"tthc.ho_so.ky_truoc", "tthc.ho_so.moi"}),
    ("tthc.ho_so.moi", {"tthc.ho_so.truc_tuyen", "tthc.ho_so.truc_tiep", "tthc.ho_so.buu_chinh"}),
    (
        "tthc.ho_so.tiep_nhan",
        {"tthc.ho_so.da_giai_quyet", "tthc.ho_so.dang_giai_quyet", "tthc.ho_so.rut_tra"},
    ),
    ("tthc.ho_so.da_giai_quyet", {"tthc.ho_so.dung_han", "tthc.ho_so.qua_han"}),
    ("tthc.phan_anh.tiep_nhan", {"tthc.phan_anh.da_xu_ly", "tthc.phan_anh.dang_xu_ly"}),
    (
        "tthc.tiep_cong_dan.tong",
        {"tthc.tiep_cong_dan.dinh_ky", "tthc.tiep_cong_dan.thuong_xuyen"},
    ),
    (
        "tthc.don_thu.tong",
        {"tthc.don_thu.ky_truoc", "tthc.don_thu.moi", "tthc.don_thu.cap_tren_chuyen"},
    ),
    (
        "tthc.don_thu.tong",
        {"tthc.don_thu.khieu_nai", "tthc.don_thu.to_cao", "tthc.don_thu.kien_nghi"},
    ),
    ("tthc.don_thu.tong", {"tthc.don_thu.da_giai_quyet", "tthc.don_thu.dang_giai_quyet"}),
    ("to_chuc.cbcc.tong", {"to_chuc.cbcc.can_bo", "to_chuc.cbcc.cong_chuc"}),
    ("to_chuc.bien_che.tong", {"to_chuc.bien_che.cbcc", "to_chuc.bien_che.su_nghiep"}),
    (
        "to_chuc.bien_che.su_nghiep",
        {"to_chuc.bien_che.giao_duc", "to_chuc.bien_che.van_hoa", "to_chuc.bien_che.khac"},
    ),
    ("to_chuc.nhan_su.tong", {"to_chuc.cbcc.tong", "to_chuc.nhan_su.vien_chuc"}),
    ("to_chuc.lanh_dao.tong", {"to_chuc.lanh_dao.cap_truong", "to_chuc.lanh_dao.cap_pho"}),
    (
        "to_chuc.cbcc.tong",
        {
            "cong_vu.trinh_do.sau_dai_hoc",
            "cong_vu.trinh_do.dai_hoc",
            "cong_vu.trinh_do.cao_dang",
            "cong_vu.trinh_do.trung_cap",
            "cong_vu.trinh_do.khac",
        },
    ),
    (
        "to_chuc.cbcc.tong",
        {
            "cong_vu.ly_luan.cao_cap",
            "cong_vu.ly_luan.trung_cap",
            "cong_vu.ly_luan.so_cap",
            "cong_vu.ly_luan.chua_qua",
        },
    ),
    (
        "tai_chinh.su_nghiep.tong",
        {
            "tai_chinh.su_nghiep.tu_bao_dam",
            "tai_chinh.su_nghiep.mot_phan",
            "tai_chinh.su_nghiep.nha_nuoc",
        },
    ),
    ("chi_so.tong.tu_danh_gia", {f"chi_so.{a}.diem" for a in PAR_AREAS}),
    ("chi_so.tong.toi_da", {f"chi_so.{a}.toi_da" for a in PAR_AREAS}),
    ("chi_so.tong.toi_da", {"chi_so.tong.toi_da_tu_danh_gia", "chi_so.dtxhh.toi_da"}),
]

LES = [
    ("chi_dao.ke_hoach.truoc_han", "chi_dao.ke_hoach.hoan_thanh"),
    ("chi_dao.kiem_tra.da_kiem_tra", "chi_dao.kiem_tra.ke_hoach"),
    ("chi_dao.kiem_tra.da_khac_phuc", "chi_dao.kiem_tra.da_kiem_tra"),
    ("tthc.ho_so.truoc_han", "tthc.ho_so.dung_han"),
    ("tthc.so_hoa.ho_so", "tthc.ho_so.tiep_nhan"),
    ("tthc.thanh_toan.truc_tuyen", "tthc.ho_so.da_giai_quyet"),
    ("tthc.khao_sat.thu_ve", "tthc.khao_sat.phat_ra"),
    ("tthc.khao_sat.hai_long", "tthc.khao_sat.thu_ve"),
    ("tthc.dinh_danh.da_thu_nhan", "tthc.dinh_danh.cong_dan_14"),
    ("tthc.dinh_danh.da_kich_hoat", "tthc.dinh_danh.da_thu_nhan"),
    ("to_chuc.cbcc.tong", "to_chuc.bien_che.cbcc"),
    ("tai_chinh.tu_chu.co_quan_tu_chu", "tai_chinh.tu_chu.co_quan"),
    ("tai_chinh.dau_tu.giai_ngan", "tai_chinh.dau_tu.ke_hoach"),
    ("so_hoa.van_ban.di_truc_tuyen", "so_hoa.van_ban.di"),
    ("so_hoa.van_ban.den_truc_tuyen", "so_hoa.van_ban.den"),
    ("so_hoa.thu_cong_vu.cap", "to_chuc.cbcc.tong"),
    ("so_hoa.dvc.toan_trinh", "tthc.ho_so.truc_tuyen"),
    *((f"chi_so.{a}.diem", f"chi_so.{a}.toi_da") for a in PAR_AREAS),
    ("chi_so.dtxhh.diem", "chi_so.dtxhh.toi_da"),
]

RATIOS = [
    ("chi_dao.ke_hoach.ty_le_hoan_thanh", "chi_dao.ke_hoach.hoan_thanh", "chi_dao.ke_hoach.tong"),
    ("chi_dao.kiem_tra.ty_le", "chi_dao.kiem_tra.da_kiem_tra", "chi_dao.kiem_tra.ke_hoach"),
    ("tthc.khao_sat.ty_le_hai_long", "tthc.khao_sat.hai_long", "tthc.khao_sat.thu_ve"),
    (
        "tthc.dinh_danh.ty_le_thu_nhan",
        "tthc.dinh_danh.da_thu_nhan",
        "tthc.dinh_danh.cong_dan_14",
    ),
    (
        "tthc.dinh_danh.ty_le_kich_hoat",
        "tthc.dinh_danh.da_kich_hoat",
        "tthc.dinh_danh.da_thu_nhan",
    ),
    ("tai_chinh.dau_tu.ty_le_giai_ngan", "tai_chinh.dau_tu.giai_ngan", "tai_chinh.dau_tu.ke_hoach"),
]


@pytest.mark.parametrize(("total", "parts"), SUMS)
def test_domain_sum_relation_is_in_the_catalogue(
    catalogue: Catalogue, total: str, parts: set[str]
) -> None:
    assert _has_sum(catalogue, total, parts)


@pytest.mark.parametrize(("left", "right"), LES)
def test_domain_le_relation_is_in_the_catalogue(
    catalogue: Catalogue, left: str, right: str
) -> None:
    assert _has_le(catalogue, left, right)


@pytest.mark.parametrize(("target", "numerator", "denominator"), RATIOS)
def test_domain_rate_is_derived(
    catalogue: Catalogue, target: str, numerator: str, denominator: str
) -> None:
    assert _has_ratio(catalogue, target, numerator, denominator)


def test_required_figures_and_narratives(catalogue: Catalogue) -> None:
    required = [r for r in catalogue.rules if isinstance(r, RequiredRule)]
    indicators = {i for r in required for i in r.indicators}
    narratives = {n for r in required for n in r.narratives}
    assert {
        "tthc.ho_so.tiep_nhan",
        "tthc.ho_so.da_giai_quyet",
        "tthc.ho_so.dang_giai_quyet",
        "to_chuc.cbcc.tong",
    } <= indicators
    assert {"danh_gia.uu_diem", "phuong_huong.nhiem_vu"} <= narratives
    assert narratives <= set(catalogue.narrative_keys())


def test_cross_period_carry_overs(catalogue: Catalogue) -> None:
    pairs = {(r.indicator, r.previous) for r in catalogue.rules if isinstance(r, CrossPeriodRule)}
    assert pairs == {
        ("tthc.ho_so.ky_truoc", "tthc.ho_so.dang_giai_quyet"),
        ("tthc.don_thu.ky_truoc", "tthc.don_thu.dang_giai_quyet"),
    }


def test_change_limits_on_stock_figures(catalogue: Catalogue) -> None:
    limits = {r.indicator: r.max_share for r in catalogue.rules if isinstance(r, ChangeLimitRule)}
    assert limits == {"to_chuc.cbcc.tong": Decimal("0.2"), "tthc.thu_tuc.tong": Decimal("0.2")}
    assert all(catalogue.indicator(i).carry_over for i in limits)


def test_rules_touching_finds_the_rules_that_read_an_indicator(catalogue: Catalogue) -> None:
    touching = {r.id for r in catalogue.rules_touching("tthc.ho_so.tiep_nhan")}
    assert {
        "tthc.ho_so.nhan_bang_giai_quyet",
        "tthc.ho_so.tiep_nhan_bang_ky_truoc_cong_moi",
        "tthc.so_hoa.ho_so_trong_tiep_nhan",
        "tthc.so_hoa.ty_le",
        "tthc.ho_so.bat_buoc",
    } <= touching
    # A ratio is re-checked when its inputs change, not when its own result does.
    assert catalogue.rules_touching("tthc.ho_so.ty_le_dung_han") == ()


# --- the reference reports are consistent examples --------------------------------------


def _evaluate(rule: Rule, values: dict[str, Decimal]) -> bool | None:
    """True/False for a sum or le rule over ``values``; None when not evaluable."""
    if isinstance(rule, SumRule):
        if any(i not in values for i in (rule.total, *rule.parts)):
            return None
        parts = sum((values[p] for p in rule.parts), Decimal(0))
        parts += sum((values.get(p, Decimal(0)) for p in rule.optional_parts), Decimal(0))
        return values[rule.total] == parts
    if isinstance(rule, LessEqualRule):
        if any(i not in values for i in rule.inputs()):
            return None
        return values[rule.left] <= sum((values[r] for r in rule.right), Decimal(0))
    return None


def _check(catalogue: Catalogue, raw: dict[str, str]) -> tuple[int, list[str]]:
    values = {i: Decimal(catalogue.indicator(i).parse(v)) for i, v in raw.items()}
    results = {r.id: _evaluate(r, values) for r in catalogue.rules}
    return (
        sum(1 for v in results.values() if v is not None),
        [k for k, v in results.items() if v is False],
    )


REFERENCE_FIGURES = {
    # 000: thị xã Ngã Năm, quý III/2022
    "000": {
        "tthc.ho_so.tiep_nhan": "1.730",
        "tthc.ho_so.da_giai_quyet": "1.553",
        "tthc.ho_so.dung_han": "1.551",
        "tthc.ho_so.qua_han": "2",
        "tthc.ho_so.dang_giai_quyet": "177",
        "chi_dao.ke_hoach.tong": "25",
        "chi_dao.ke_hoach.hoan_thanh": "15",
        "chi_dao.ke_hoach.chua_den_han": "10",
        "chi_dao.kiem_tra.ke_hoach": "8",
        "chi_dao.kiem_tra.da_kiem_tra": "5",
        "chi_dao.kiem_tra.da_khac_phuc": "5",
        "tai_chinh.tu_chu.co_quan": "26",
        "tai_chinh.tu_chu.co_quan_tu_chu": "26",
        "tai_chinh.su_nghiep.tong": "31",
        "tai_chinh.su_nghiep.mot_phan": "1",
        "tai_chinh.su_nghiep.nha_nuoc": "30",
    },
    # 001: xã Phượng Kỳ, năm 2023
    "001": {
        "tthc.ho_so.tiep_nhan": "907",
        "tthc.ho_so.moi": "907",
        "tthc.ho_so.truc_tuyen": "892",
        "tthc.ho_so.truc_tiep": "15",
        "tthc.ho_so.da_giai_quyet": "907",
        "tthc.ho_so.dung_han": "907",
        "tthc.ho_so.truoc_han": "907",
        "tthc.ho_so.dang_giai_quyet": "0",
        "tthc.thu_tuc.tong": "164",
        "tthc.thu_tuc.cap_xa": "141",
        "tthc.thu_tuc.quoc_phong": "12",
        "tthc.thu_tuc.cong_an": "11",
        "tthc.thu_tuc.toan_trinh": "53",
        "tthc.thu_tuc.mot_phan": "69",
        "tthc.thu_tuc.thong_tin": "42",
        "tthc.dinh_danh.cong_dan_14": "3.879",
        "tthc.dinh_danh.da_thu_nhan": "3.525",
        "tthc.dinh_danh.da_kich_hoat": "2.846",
        "to_chuc.bien_che.cbcc": "18",
        "to_chuc.cbcc.tong": "17",
        "to_chuc.cbcc.can_bo": "10",
        "to_chuc.cbcc.cong_chuc": "7",
        "cong_vu.trinh_do.sau_dai_hoc": "1",
        "cong_vu.trinh_do.dai_hoc": "14",
        "cong_vu.trinh_do.cao_dang": "0",
        "cong_vu.trinh_do.trung_cap": "2",
        "cong_vu.trinh_do.khac": "0",
        "cong_vu.ly_luan.cao_cap": "0",
        "cong_vu.ly_luan.trung_cap": "16",
        "cong_vu.ly_luan.so_cap": "1",
        "cong_vu.ly_luan.chua_qua": "0",
        "so_hoa.van_ban.di": "574",
        "so_hoa.van_ban.di_truc_tuyen": "574",
        "so_hoa.van_ban.den": "880",
        "so_hoa.van_ban.den_truc_tuyen": "880",
    },
    # 002: thành phố Sa Đéc, Chỉ số CCHC đến 25/8/2023
    "002": {
        "chi_dao.ke_hoach.tong": "51",
        "chi_dao.ke_hoach.hoan_thanh": "44",
        "chi_dao.ke_hoach.truoc_han": "20",
        "chi_dao.ke_hoach.chua_den_han": "6",
        "chi_dao.ke_hoach.tre_han": "1",
        "tai_chinh.dau_tu.ke_hoach": "590.161,540",
        "tai_chinh.dau_tu.giai_ngan": "212.901,285",
        "chi_so.chi_dao.diem": "13,91",
        "chi_so.the_che.diem": "3",
        "chi_so.tthc.diem": "18,98",
        "chi_so.to_chuc.diem": "6",
        "chi_so.cong_vu.diem": "5,77",
        "chi_so.tai_chinh.diem": "2,5",
        "chi_so.so_hoa.diem": "7,8",
        "chi_so.tong.tu_danh_gia": "57,96",
        "chi_so.dtxhh.diem": "0",
        "chi_so.tong.diem": "57,96",
        "chi_so.chi_dao.toi_da": "16,5",
        "chi_so.the_che.toi_da": "7",
        "chi_so.tthc.toi_da": "29",
        "chi_so.to_chuc.toi_da": "8",
        "chi_so.cong_vu.toi_da": "14",
        "chi_so.tai_chinh.toi_da": "7",
        "chi_so.so_hoa.toi_da": "14,5",
        "chi_so.tac_dong.toi_da": "4",
        "chi_so.tong.toi_da_tu_danh_gia": "70",
        "chi_so.dtxhh.toi_da": "30",
        "chi_so.tong.toi_da": "100",
    },
}


@pytest.mark.parametrize("reference", sorted(REFERENCE_FIGURES))
def test_reference_report_figures_pass_the_rules(catalogue: Catalogue, reference: str) -> None:
    evaluated, failed = _check(catalogue, REFERENCE_FIGURES[reference])
    assert failed == []
    assert evaluated >= 5


def test_a_slip_in_the_figures_is_caught(catalogue: Catalogue) -> None:
    figures = dict(REFERENCE_FIGURES["000"], **{"tthc.ho_so.dang_giai_quyet": "176"})
    _, failed = _check(catalogue, figures)
    assert failed == ["tthc.ho_so.nhan_bang_giai_quyet"]


def test_indicator_parse_follows_the_kind(catalogue: Catalogue) -> None:
    assert catalogue.indicator("tthc.ho_so.tiep_nhan").parse("1.730") == 1730
    money = catalogue.indicator("tai_chinh.dau_tu.giai_ngan").parse("212.901,285")
    assert money == Decimal("212901.285")
    assert catalogue.indicator("chi_so.tthc.diem").parse("18,98") == Decimal("18.98")
    with pytest.raises(ValueError, match="Tổng số hồ sơ tiếp nhận: phải là số nguyên"):
        catalogue.indicator("tthc.ho_so.tiep_nhan").parse("12,5")


# --- broken catalogue files ------------------------------------------------------------

MINIMAL = catalogue_text("minimal")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "danh-muc.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_catalogue_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(_write(tmp_path, MINIMAL))
    assert [i.id for i in catalogue.section_indicators("tthc")] == [
        "tthc.ho_so.tiep_nhan",
        "tthc.ho_so.da_giai_quyet",
    ]


def test_dangling_rule_reference_is_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        MINIMAL.replace('parts = ["tthc.ho_so.da_giai_quyet"]', 'parts = ["tthc.ho_so.moi"]'),
    )
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    message = str(error.value)
    assert str(path) in message
    assert "quy tắc tthc.ho_so.nhan_bang_giai_quyet: không có chỉ tiêu tthc.ho_so.moi" in message


def test_dangling_narrative_in_required_rule_is_rejected(tmp_path: Path) -> None:
    text = (
        MINIMAL
        + '\n[[rules]]\nid = "tthc.bat_buoc"\nkind = "required"\nnarratives = ["tthc.ket_qua"]\n'
    )
    with pytest.raises(CatalogueError, match=re.escape("không có nội dung tthc.ket_qua")):
        load_catalogue(_write(tmp_path, text))


def test_duplicate_indicator_id_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL.replace('id = "tthc.ho_so.da_giai_quyet"', 'id = "tthc.ho_so.tiep_nhan"')
    text = text.replace('parts = ["tthc.ho_so.da_giai_quyet"]', "parts = []")
    path = _write(tmp_path, text)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    message = str(error.value)
    assert str(path) in message
    assert "chỉ tiêu trùng mã: tthc.ho_so.tiep_nhan" in message


def test_duplicate_rule_id_is_rejected(tmp_path: Path) -> None:
    rule = MINIMAL[MINIMAL.index("[[rules]]") :]
    with pytest.raises(
        CatalogueError, match=re.escape("quy tắc trùng mã: tthc.ho_so.nhan_bang_giai_quyet")
    ):
        load_catalogue(_write(tmp_path, MINIMAL + "\n" + rule))


def test_bad_toml_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.replace('title = "Kết quả"', 'title = "Kết quả'))
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(path) in str(error.value)
    assert "sai cú pháp" in str(error.value)


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.toml"
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(path) in str(error.value)
    assert "Không đọc được tệp danh mục" in str(error.value)
    assert "không tìm thấy" in str(error.value) and "No such file" not in str(error.value)


def test_unknown_kind_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL.replace('kind = "count"\n', 'kind = "dem"\n', 1)
    path = _write(tmp_path, text)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(path) in str(error.value)
    assert "không hợp lệ" in str(error.value)
    assert "indicators.0.kind" in str(error.value)


def test_derived_indicator_without_ratio_rule_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL.replace('kind = "count"\n', 'kind = "count"\nderived = true\n', 1)
    with pytest.raises(CatalogueError, match="là chỉ tiêu tính toán nhưng không có quy tắc tỷ lệ"):
        load_catalogue(_write(tmp_path, text))


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('unit = "hồ sơ"\n', "unit = 5\n", "indicators.0.unit: phải là văn bản"),
        (
            'unit = "hồ sơ"\n',
            'unit = "hồ sơ"\nghi_chu = "x"\n',
            "indicators.0.ghi_chu: không có trường này",
        ),
        ('label = "Tổng số hồ sơ tiếp nhận"\n', "", "indicators.0.label: còn thiếu"),
        (
            'id = "tthc.ho_so.da_giai_quyet"',
            'id = "Tthc.Da-Giai-Quyet"',
            "indicators.1.id: «Tthc.Da-Giai-Quyet» sai định dạng mã",
        ),
        ('id = "ket_qua"', 'id = "ket_qua\\n"', "parts.0.id: «ket_qua\n» sai định dạng mã"),
        (
            'kind = "count"\n',
            'kind = "dem"\n',
            "indicators.0.kind: phải là một trong: count, money, score, percent",
        ),
        ('kind = "sum"\n', "", "rules.0.kind: còn thiếu"),
        (
            'kind = "sum"\n',
            'kind = "tong"\n',
            "rules.0.kind: phải là một trong: sum, le, ratio, bounds, required, cross_period,",
        ),
        (
            'kind = "sum"\n',
            'kind = "sum"\nseverity = "loi"\n',
            "rules.0.severity: phải là một trong",
        ),
        (
            'parts = ["tthc.ho_so.da_giai_quyet"]',
            'parts = "x"',
            "rules.0.parts: phải là một danh sách",
        ),
        (
            'kind = "count"\n',
            'kind = "count"\ndecimals = 1.5\n',
            "indicators.0.decimals: phải là số nguyên",
        ),
        (
            'kind = "count"\n',
            'kind = "count"\nderived = "có"\n',
            "indicators.0.derived: phải là true hoặc false",
        ),
        (
            'kind = "count"\n',
            'kind = "count"\ndefault = true\n',
            "indicators.0.default: phải là số",
        ),
        (
            'kind = "count"\n',
            'kind = "count"\ndefault = nan\n',
            "indicators.0: default phải là một số",
        ),
        ("[[parts]]\n", "[parts]\n", "parts: phải là một danh sách"),
    ],
)
def test_a_problem_is_named_with_its_place(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    # msgspec stops at the first problem of the file: a file is fixed one problem at a time.
    assert old in MINIMAL
    path = _write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path)
    assert str(error.value).startswith(f"Tệp danh mục {path} không hợp lệ: {problem}")


def test_sentences_need_a_clause_of_text_or_a_table() -> None:
    data = tomllib.loads(MINIMAL)
    for clauses, problem in (
        ([], "sections.0.sentences.0.clauses: không được để trống"),
        ([5], "sections.0.sentences.0.clauses.0: phải là văn bản hoặc một bảng các trường"),
        ([{"zero": ""}], "sections.0.sentences.0.clauses.0.text: còn thiếu"),
    ):
        data["sections"][0]["sentences"] = [{"clauses": clauses}]
        with pytest.raises(ValueError, match=re.escape(problem)):
            Catalogue.model_validate(data)


def test_every_fixed_choice_field_lists_its_choices() -> None:
    """A field of an enum or literal type is in ``_CHOICES``: msgspec names no choices."""
    records = [getattr(catalogue_module, name) for name in dir(catalogue_module)]
    checked = set()
    for record in records:
        if not (isinstance(record, type) and issubclass(record, msgspec.Struct)):
            continue
        for field in msgspec.structs.fields(record):
            fixed = get_origin(field.type) is Literal or (
                isinstance(field.type, type) and issubclass(field.type, Enum)
            )
            if fixed:
                choices = catalogue_module._CHOICES[field.name]
                expected = get_args(field.type) or tuple(field.type)
                assert choices == expected, (record, field.name)
                checked.add(field.name)
    assert checked == set(catalogue_module._CHOICES)


def test_numbers_and_nested_records_are_read_as_typed() -> None:
    data = tomllib.loads(MINIMAL.replace('kind = "count"\n', 'kind = "score"\ndefault = 16.5\n', 1))
    data["rules"].append(
        {
            "id": "tthc.bien_dong",
            "kind": "change_limit",
            "indicator": "tthc.ho_so.tiep_nhan",
            "max_share": 0.2,
            "severity": "warning",
        }
    )
    catalogue = Catalogue.model_validate(data)
    assert catalogue.indicators[0].default == Decimal("16.5")
    assert catalogue.indicators[0].kind is IndicatorKind.SCORE
    [_, limit] = catalogue.rules
    assert isinstance(limit, ChangeLimitRule)
    assert limit.max_share == Decimal("0.2") and limit.severity is Severity.WARNING
    with pytest.raises(ValueError, match=r"rules\.1\.max_share: phải là số"):
        Catalogue.model_validate(
            {**data, "rules": [*data["rules"][:1], {**data["rules"][1], "max_share": "nhiều"}]}
        )
    with pytest.raises(ValueError, match=r"rules\.1: max_share phải là một số"):
        Catalogue.model_validate(
            {**data, "rules": [*data["rules"][:1], {**data["rules"][1], "max_share": "inf"}]}
        )


def test_catalogue_records_are_frozen_values(catalogue: Catalogue) -> None:
    indicator = catalogue.indicator("tthc.ho_so.tiep_nhan")
    with pytest.raises(AttributeError):
        indicator.label = "Khác"  # type: ignore[misc]
    assert indicator in set(catalogue.indicators)  # hashed by value, as before
    again = Catalogue.model_validate(json.loads(catalogue.model_dump_json()))
    assert again == catalogue and hash(again.rules) == hash(catalogue.rules)
    dumped = json.loads(catalogue.model_dump_json(indent=2))
    ratio = next(r for r in dumped["rules"] if r["kind"] == "ratio")
    assert ratio["scale"] == "100"  # decimals as strings, as the CLI has always printed them
    assert list(ratio)[:4] == ["kind", "id", "severity", "help"]  # the tag first, then fields


def test_the_catalogue_needs_no_pydantic() -> None:
    # It is read before the first window is painted; pydantic costs ~100 ms to import.
    script = (
        "import sys\n"
        "from cchc_desktop.catalogue import load_catalogue\n"
        "load_catalogue()\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
