"""Generated sentences: a correct breakdown or rate is never flagged, a changed one always is."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cchc_desktop.narrative_numbers import check_text
from cchc_desktop.vnformat import format_count, format_number

UNITS = ["hồ sơ", "người", "TTHC", "cuộc", "đơn", "văn bản", "lượt", "đơn vị", "tin, bài"]
LABELS = [
    "trực tuyến",
    "trực tiếp",
    "cấp xã",
    "lĩnh vực đất đai",
    "lĩnh vực hộ tịch",
    "tại thôn Như Lâm",
    "tại thôn Tân Hợp",
    "khối chính quyền",
    "qua bưu chính",
    "của Văn phòng - Thống kê",
]
# How far things got: parts that start like a new clause (chưa …, đang …) yet belong to it.
STATUS_LABELS = [
    "hoàn thành trước hạn",
    "hoàn thành đúng hạn",
    "trễ hạn",
    "chưa đến hạn",
    "đã giải quyết",
    "đang giải quyết",
    "chưa giải quyết",
    "giải quyết quá hạn",
    "đang xử lý",
    "còn lại",
]
VERBS = ["Tiếp nhận", "Tổ chức", "Ban hành", "Trong kỳ có", "Niêm yết", "UBND xã hiện có"]
SHAPES = ["comma", "semicolon", "parentheses", "gom", "list", "bare", "next_sentence"]


def sentence(
    shape: str, verb: str, unit: str, total: int, parts: list[int], labels: list[str]
) -> str:
    """A total and its parts written in one of the shapes clerks use."""
    t = format_count(total)
    ps = [format_count(p) for p in parts]
    items = [f"{p} {unit} {label}" for p, label in zip(ps, labels, strict=True)]
    if shape == "comma":
        return f"{verb} {t} {unit}, trong đó {', '.join(items[:-1])} và {items[-1]}."
    if shape == "semicolon":
        fronted = [f"{label} {p} {unit}" for p, label in zip(ps, labels, strict=True)]
        return f"{verb} {t} {unit}, trong đó: {'; '.join(fronted)}."
    if shape == "parentheses":
        return f"{verb} {t} {unit} (trong đó: {', '.join(items)}), bảo đảm đúng quy định."
    if shape == "gom":
        return f"{verb} {t} {unit}, gồm {', '.join(items[:-1])} và {items[-1]}."
    if shape == "list":
        lines = [
            f"- {label[0].upper()}{label[1:]}: {p} {unit};"
            for p, label in zip(ps, labels, strict=True)
        ]
        lines[-1] = lines[-1][:-1] + "."
        return f"{verb} {t} {unit}, trong đó:\n" + "\n".join(lines) + "\nKết thúc."
    if shape == "bare":
        fronted = [f"{label}: {p}" for p, label in zip(ps, labels, strict=True)]
        return f"Tổng số {unit} là {t}, trong đó, {'; '.join(fronted)}."
    assert shape == "next_sentence"
    return f"{verb} {t} {unit}. Trong đó: {'; '.join(items)}."


@st.composite
def breakdowns(draw: st.DrawFn) -> tuple[str, str, str, list[int], list[str]]:
    shape = draw(st.sampled_from(SHAPES))
    verb = draw(st.sampled_from(VERBS))
    unit = draw(st.sampled_from(UNITS))
    parts = draw(st.lists(st.integers(1, 20_000), min_size=2, max_size=5))
    kind = draw(st.sampled_from([LABELS, STATUS_LABELS]))  # one enumeration, not a mix
    labels = draw(st.lists(st.sampled_from(kind), min_size=len(parts), max_size=len(parts)))
    return shape, verb, unit, parts, labels


@settings(max_examples=300, deadline=None)
@given(breakdowns())
def test_a_correct_breakdown_is_never_flagged(
    case: tuple[str, str, str, list[int], list[str]],
) -> None:
    shape, verb, unit, parts, labels = case
    text = sentence(shape, verb, unit, sum(parts), parts, labels)
    assert check_text(text) == [], text


@settings(max_examples=300, deadline=None)
@given(breakdowns(), st.data())
def test_a_breakdown_with_any_part_changed_is_flagged(
    case: tuple[str, str, str, list[int], list[str]], data: st.DataObject
) -> None:
    shape, verb, unit, parts, labels = case
    total = sum(parts)
    index = data.draw(st.integers(0, len(parts) - 1))
    new = data.draw(st.integers(1, 40_000).filter(lambda v: v != parts[index]))
    changed = [*parts[:index], new, *parts[index + 1 :]]
    if labels[-1] in STATUS_LABELS:
        # the first parts adding up on their own pass: the later ones may be the total's
        # siblings (đã giải quyết 1.553, trong đó đúng hạn 1.551, trễ hạn 2, đang giải quyết 177)
        assume(all(sum(changed[:n]) != total for n in range(1, len(changed))))
    text = sentence(shape, verb, unit, total, changed, labels)
    found = check_text(text)
    assert len(found) == 1, text
    assert found[0].message.startswith(f"Tổng {format_count(total)}"), found[0].message
    assert f"cộng lại {format_count(sum(changed))}" in found[0].message
    assert " + ".join(format_count(p) for p in changed) in found[0].message
    assert len(found[0].spans) == len(parts) + 1


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(UNITS),
    st.integers(1, 20_000),
    st.integers(1, 5_000),
    st.sampled_from(LABELS + STATUS_LABELS),
)
def test_a_single_part_is_flagged_only_when_larger_than_its_total(
    unit: str, total: int, part: int, label: str
) -> None:
    text = f"Tiếp nhận {format_count(total)} {unit}, trong đó {format_count(part)} {unit} {label}."
    found = check_text(text)
    assert bool(found) == (part > total), text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(1, 10**7), min_size=2, max_size=4),
    st.integers(1, 3),
    st.data(),
)
def test_amounts_with_decimals_are_checked_within_rounding(
    cents: list[int], places: int, data: st.DataObject
) -> None:
    parts = [Decimal(c).scaleb(-places) for c in cents]
    total = sum(parts, Decimal(0))
    written = [format_number(p, places) for p in parts]
    text = (
        f"Tổng kinh phí {format_number(total, places)} triệu đồng, gồm "
        + ", ".join(f"{w} triệu đồng nguồn thứ {n}" for n, w in enumerate(written, start=1))
        + "."
    )
    text = text.replace("nguồn thứ 1", "nguồn tỉnh").replace("nguồn thứ 2", "nguồn huyện")
    text = text.replace("nguồn thứ 3", "nguồn xã").replace("nguồn thứ 4", "nguồn khác")
    assert check_text(text) == [], text
    # off by more than the rounding of every number written: flagged
    step = Decimal(1).scaleb(-places)
    off = data.draw(st.integers(len(parts) + 2, 10**6)) * step
    wrong = text.replace(format_number(total, places), format_number(total + off, places), 1)
    assert len(check_text(wrong)) == 1, wrong


@st.composite
def rates(draw: st.DrawFn) -> tuple[int, int, int]:
    denominator = draw(st.integers(1, 100_000))
    numerator = draw(st.integers(0, denominator))
    places = draw(st.integers(0, 2))
    return numerator, denominator, places


def _percent(numerator: int, denominator: int, places: int, rounding: str) -> Decimal:
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding)


def _rate_text(numerator: int, denominator: int, percent: Decimal, places: int, form: int) -> str:
    a, b = format_number(numerator), format_number(denominator)
    p = format_number(percent, places) if places else format_number(percent)
    if form == 0:
        return f"Đã hoàn thành {a}/{b} nhiệm vụ, đạt tỷ lệ {p}%."
    if form == 1:
        return f"Tỷ lệ giải quyết đúng hạn đạt {p}% ({a}/{b} hồ sơ)."
    return f"Kích hoạt {a}/{b} tài khoản ({p}%)."


@settings(max_examples=300, deadline=None)
@given(rates(), st.integers(0, 2), st.sampled_from([ROUND_HALF_UP, ROUND_DOWN]))
def test_a_rate_rounded_or_cut_to_its_places_is_never_flagged(
    case: tuple[int, int, int], form: int, rounding: str
) -> None:
    numerator, denominator, places = case
    percent = _percent(numerator, denominator, places, rounding)
    text = _rate_text(numerator, denominator, percent, places, form)
    assert check_text(text) == [], text


@settings(max_examples=300, deadline=None)
@given(rates(), st.integers(0, 2), st.integers(-500, 500))
def test_a_rate_off_by_any_step_is_flagged(
    case: tuple[int, int, int], form: int, steps: int
) -> None:
    numerator, denominator, places = case
    rounded = _percent(numerator, denominator, places, ROUND_HALF_UP)
    cut = _percent(numerator, denominator, places, ROUND_DOWN)
    wrong = rounded + steps * Decimal(1).scaleb(-places)
    assume(wrong not in (rounded, cut) and wrong >= 0)
    text = _rate_text(numerator, denominator, wrong, places, form)
    [found] = check_text(text)
    head = f"Tỷ lệ {format_number(numerator)}/{format_number(denominator)} là "
    assert found.message.startswith(head), (text, found.message)
    shown = found.message.removeprefix(head).partition("%")[0]
    whole, _, decimals = shown.partition(",")
    value = Decimal(f"{whole.replace('.', '')}.{decimals or '0'}")
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    if value != exact:  # not exact: never rounder than the writer, nor than two decimals
        assert len(decimals) >= max(2, places), (text, found.message)
        assert value == exact.quantize(value, ROUND_HALF_UP), (text, found.message)
        assert value not in (0, 100), (text, found.message)


PIECES = [
    "1.730", "02", "15/25", "99,87%", "62.5%", "212.901,285", "0918037364", "2023", "(", ")",
    "ngày 17/01/2022", "số 05/KH-UBND", " hồ sơ", " người", " TTHC", " triệu đồng", ", ", "; ",
    ". ", ":", "\n", "\n- ", "\n+ ", " trong đó ", " gồm ", "Trong đó: ", " đạt ", " còn ",
    " - ", "/", "khoảng ", "¹", "<sup>1</sup>", "**", "Phường ", "(1) ", "\u0301", "😀",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60))
def test_any_text_is_read_without_failing_and_spans_stay_inside_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    lines = text.count("\n") + 1
    for found in check_text(text):
        assert 1 <= found.line <= lines
        assert found.message
        for start, end in found.spans:
            assert 0 <= start < end <= len(text)
            assert any(ch.isdigit() for ch in text[start:end])
