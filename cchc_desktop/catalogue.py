"""The report catalogue: outline, indicators and arithmetic rules, read from data.

The catalogue file (TOML, in ``resources/catalogue/``) says what a report holds;
the rest of the product is one generic engine over it, with no code per field.
Its classes are frozen ``msgspec.Struct`` records, not pydantic models: the
catalogue is read at every start, before the first window is painted, and msgspec
checks the whole file in under a millisecond. msgspec stops at the first
problem; :func:`load_catalogue` says it in Vietnamese with where it is
(``indicators.0.kind``).
"""

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, Self, get_args

import msgspec

from cchc_desktop.os_words import os_error_words
from cchc_desktop.resources import resource_path
from cchc_desktop.vnformat import Number, format_number, parse_number

DEFAULT_CATALOGUE = "cchc-xa.toml"


class CatalogueError(Exception):
    """The catalogue file cannot be used; the message is Vietnamese and names the file."""


class IndicatorKind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    SCORE = "score"
    PERCENT = "percent"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# The patterns of ids: lower-case ASCII, digits and ``_``, parts joined by dots. msgspec
# searches for the pattern, so it is anchored to the whole text (``\Z``: no newline after).
_Name = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9_]+\Z")]
_IndicatorId = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9_]+(\.[a-z0-9_]+)+\Z")]
_RuleId = Annotated[str, msgspec.Meta(pattern=r"\A[a-z0-9_.]+\Z")]


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A catalogue record: immutable, compared and hashed by value, refusing unknown fields.

    Each subclass says ``frozen=True, kw_only=True`` again: msgspec does not inherit
    ``kw_only`` (built with keywords, a record may list a required field after ones with
    defaults, in the order they are printed) and mypy wants ``frozen`` on every class.
    """

    @classmethod
    def model_validate(cls, data: object) -> Self:
        """The record read from plain data (parsed TOML or JSON).

        Named as the pydantic models' (``cchc_desktop.model``) are, so callers read alike.
        ``ValueError`` with the first problem, where it is and what is wrong, in Vietnamese.
        """
        try:
            return msgspec.convert(data, cls)
        except msgspec.ValidationError as error:
            raise ValueError(_problem(str(error), data)) from error

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The record as JSON in field order (decimals as strings); a rule's ``kind`` first."""
        text = msgspec.json.encode(self)
        return (text if indent is None else msgspec.json.format(text, indent=indent)).decode()


def _finite(record: Record, *names: str) -> None:
    """``ValueError`` if one of these decimal fields is ``nan`` or ``inf`` (TOML allows both)."""
    for name in names:
        value = getattr(record, name)
        if value is not None and not value.is_finite():
            raise ValueError(f"{name} phải là một số, không phải «{value}»")


class Indicator(Record, frozen=True, kw_only=True):
    """One figure of the report, e.g. ``tthc.ho_so.tiep_nhan``."""

    id: _IndicatorId
    label: str
    short: str | None = None
    unit: str
    kind: IndicatorKind
    help: str = ""
    derived: bool = False
    carry_over: bool = False
    default: Decimal | None = None
    decimals: int | None = None

    def __post_init__(self) -> None:
        _finite(self, "default")

    @property
    def section(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def short_label(self) -> str:
        """The label used inside a sentence: the given short form or the label, lower-cased."""
        text = self.short or self.label
        return text[:1].lower() + text[1:]

    @property
    def max_decimals(self) -> int:
        if self.decimals is not None:
            return self.decimals
        return {"count": 0, "money": 3, "score": 2, "percent": 2}[self.kind]

    def parse(self, raw: object) -> Number:
        """Validate a typed value; ``ValueError`` with a Vietnamese message naming the field."""
        if isinstance(raw, bool):
            raise ValueError(f"{self.label}: giá trị «{raw}» không phải là một số")
        try:
            value = parse_number(raw) if isinstance(raw, str) else Decimal(str(raw))
        except (ValueError, ArithmeticError) as error:
            raise ValueError(f"{self.label}: «{raw}» không phải là một số") from error
        if not value.is_finite():
            raise ValueError(f"{self.label}: «{raw}» không phải là một số")
        if value < 0:
            raise ValueError(f"{self.label}: không được là số âm ({format_number(value)})")
        if self.kind == IndicatorKind.PERCENT and value > 100:
            raise ValueError(f"{self.label}: tỷ lệ phải từ 0 đến 100% ({format_number(value)})")
        if value >= Decimal(10) ** 15:
            raise ValueError(f"{self.label}: số quá lớn ({format_number(value)})")
        if self.kind == IndicatorKind.COUNT:
            if value != value.to_integral_value():
                raise ValueError(f"{self.label}: phải là số nguyên ({format_number(value)})")
            return int(value)
        exponent = value.as_tuple().exponent
        if (
            isinstance(exponent, int)
            and -exponent > self.max_decimals
            and value != round(value, self.max_decimals)
        ):
            places = self.max_decimals
            raise ValueError(
                f"{self.label}: tối đa {places} chữ số thập phân ({format_number(value)})"
            )
        return value.normalize() if value else Decimal(0)


class Narrative(Record, frozen=True, kw_only=True):
    """A free-text field of a section, e.g. results or shortcomings."""

    id: _Name
    label: str
    help: str = ""


# A placeholder of a sentence template: ``{tthc.ho_so.tiep_nhan}`` prints the figure with
# its unit (``1.730 hồ sơ``, ``02 hồ sơ``, ``99,87%``), ``{id:so}`` the number alone,
# ``{?id}`` nothing but requires the figure; ``{tu_ngay}`` and ``{den_ngay}`` are the
# report's data window (``15/12/2025``).
PLACEHOLDER = re.compile(r"\{(?P<guard>\?)?(?P<name>[a-z0-9_.]+)(?::(?P<format>so))?\}")
WINDOW_PLACEHOLDERS = frozenset({"tu_ngay", "den_ngay"})


class Clause(Record, frozen=True, kw_only=True):
    """A clause with a wording for when its first figure is 0 (``""`` drops the clause)."""

    text: str
    zero: str | None = None


class Sentence(Record, frozen=True, kw_only=True):
    """Figures written as a clerk writes them: clauses printed only when all their
    placeholders are filled, joined as written (each carries its own ``, ``/``; ``)."""

    clauses: Annotated[tuple[str | Clause, ...], msgspec.Meta(min_length=1)]

    def clause_texts(self) -> Iterator[str]:
        for clause in self.clauses:
            if isinstance(clause, Clause):
                yield clause.text
                if clause.zero:
                    yield clause.zero
            else:
                yield clause

    def placeholders(self) -> tuple[str, ...]:
        """Every placeholder name, in order, without repeats."""
        names = (m["name"] for text in self.clause_texts() for m in PLACEHOLDER.finditer(text))
        return tuple(dict.fromkeys(names))

    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(n for n in self.placeholders() if n not in WINDOW_PLACEHOLDERS)


class Section(Record, frozen=True, kw_only=True):
    id: _Name
    part: str
    title: str
    optional: bool = False
    help: str = ""
    narratives: tuple[Narrative, ...] = ()
    # How the printed report shows the section's figures: as sentences (the
    # templates below, then a plain list for figures no template names) or as a
    # table of self-assessed scores against their maxima (``scores``).
    figures: Literal["sentences", "scores"] = "sentences"
    sentences: tuple[Sentence, ...] = ()

    def narrative_key(self, narrative_id: str) -> str:
        return f"{self.id}.{narrative_id}"


class Part(Record, frozen=True, kw_only=True):
    id: _Name
    title: str
    optional: bool = False


class _Rule(Record, frozen=True, kw_only=True, tag_field="kind"):
    """A rule; its ``kind`` (``sum``, ``le``…) is its msgspec tag, which picks the class."""

    id: _RuleId
    severity: Severity = Severity.ERROR
    help: str = ""

    @property
    def kind(self) -> str:
        """The rule's kind as the file writes it (``sum``, ``le``…), its msgspec tag."""
        return str(self.__struct_config__.tag)

    def inputs(self) -> tuple[str, ...]:
        """The indicator ids this rule reads."""
        raise NotImplementedError


class SumRule(_Rule, frozen=True, kw_only=True, tag="sum"):
    """``total`` = Σ ``parts``; ``optional_parts`` count as 0 when left empty."""

    total: str
    parts: tuple[str, ...]
    optional_parts: tuple[str, ...] = ()

    def inputs(self) -> tuple[str, ...]:
        return (self.total, *self.parts, *self.optional_parts)


class LessEqualRule(_Rule, frozen=True, kw_only=True, tag="le"):
    """``left`` ≤ Σ ``right`` (one or more indicators)."""

    left: str
    right: tuple[str, ...]

    def inputs(self) -> tuple[str, ...]:
        return (self.left, *self.right)


class RatioRule(_Rule, frozen=True, kw_only=True, tag="ratio"):
    """Derives ``target`` = Σ ``numerator`` / ``denominator`` × ``scale``; never typed."""

    target: str
    numerator: tuple[str, ...]
    denominator: str
    scale: Decimal = Decimal(100)

    def __post_init__(self) -> None:
        _finite(self, "scale")

    def inputs(self) -> tuple[str, ...]:
        return (*self.numerator, self.denominator)


class BoundsRule(_Rule, frozen=True, kw_only=True, tag="bounds"):
    """``minimum`` ≤ ``indicator`` ≤ ``maximum``, either bound optional."""

    indicator: str
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def __post_init__(self) -> None:
        _finite(self, "minimum", "maximum")

    def inputs(self) -> tuple[str, ...]:
        return (self.indicator,)


class RequiredRule(_Rule, frozen=True, kw_only=True, tag="required"):
    """Figures and narratives that must be filled in before the final copy."""

    indicators: tuple[str, ...] = ()
    narratives: tuple[str, ...] = ()

    def inputs(self) -> tuple[str, ...]:
        return self.indicators


class CrossPeriodRule(_Rule, frozen=True, kw_only=True, tag="cross_period"):
    """``indicator`` = the previous report's ``previous`` (same unit)."""

    indicator: str
    previous: str

    def inputs(self) -> tuple[str, ...]:
        return (self.indicator,)


class ChangeLimitRule(_Rule, frozen=True, kw_only=True, tag="change_limit"):
    """``indicator`` moved by more than ``max_share`` of the previous report's value."""

    indicator: str
    max_share: Decimal

    def __post_init__(self) -> None:
        _finite(self, "max_share")

    def inputs(self) -> tuple[str, ...]:
        return (self.indicator,)


# A rule of the catalogue, told apart by its ``kind``.
Rule = (
    SumRule
    | LessEqualRule
    | RatioRule
    | BoundsRule
    | RequiredRule
    | CrossPeriodRule
    | ChangeLimitRule
)


class Catalogue(Record, frozen=True, kw_only=True, dict=True):
    """The whole outline; ids are checked to refer to each other.

    (``dict=True`` gives the instances a ``__dict__`` for the cached indexes below.)
    """

    id: str
    version: str
    title: str
    parts: tuple[Part, ...]
    sections: tuple[Section, ...]
    indicators: tuple[Indicator, ...]
    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        self._check_references()

    def _check_references(self) -> None:
        """``ValueError`` naming every duplicate id and every reference to nothing."""
        problems: list[str] = []
        for kind, ids in (
            ("phần", [p.id for p in self.parts]),
            ("mục", [s.id for s in self.sections]),
            ("chỉ tiêu", [i.id for i in self.indicators]),
            ("quy tắc", [r.id for r in self.rules]),
        ):
            duplicates = sorted(i for i, count in Counter(ids).items() if count > 1)
            if duplicates:
                problems.append(f"{kind} trùng mã: {', '.join(duplicates)}")
        parts = {p.id for p in self.parts}
        sections = {s.id for s in self.sections}
        indicators = {i.id for i in self.indicators}
        narratives = {s.narrative_key(n.id) for s in self.sections for n in s.narratives}
        problems += [
            f"mục {s.id}: không có phần {s.part}" for s in self.sections if s.part not in parts
        ]
        problems += [
            f"mục {s.id}: câu mẫu dùng «{{{name}}}» nhưng không có chỉ tiêu này"
            for s in self.sections
            for sentence in s.sentences
            for name in sentence.placeholders()
            if name not in indicators and name not in WINDOW_PLACEHOLDERS
        ]
        problems += [
            f"mục {s.id}: câu mẫu {n} không có chỉ tiêu nào"
            for s in self.sections
            for n, sentence in enumerate(s.sentences, start=1)
            if not sentence.indicator_ids()
        ]
        problems += [
            f"chỉ tiêu {i.id}: không có mục {i.section}"
            for i in self.indicators
            if i.section not in sections
        ]
        for rule in self.rules:
            referenced = list(rule.inputs())
            if isinstance(rule, RatioRule):
                referenced.append(rule.target)
            if isinstance(rule, CrossPeriodRule):
                referenced.append(rule.previous)
            problems += [
                f"quy tắc {rule.id}: không có chỉ tiêu {i}"
                for i in referenced
                if i not in indicators
            ]
            if isinstance(rule, RequiredRule):
                problems += [
                    f"quy tắc {rule.id}: không có nội dung {n}"
                    for n in rule.narratives
                    if n not in narratives
                ]
        targets = {r.target for r in self.rules if isinstance(r, RatioRule)}
        problems += [
            f"chỉ tiêu {i.id}: là chỉ tiêu tính toán nhưng không có quy tắc tỷ lệ"
            for i in self.indicators
            if i.derived and i.id not in targets
        ]
        problems += [
            f"chỉ tiêu {t}: được tính toán nên phải có derived = true"
            for t in sorted(targets)
            if t in indicators and not self.indicator(t).derived
        ]
        if problems:
            raise ValueError("; ".join(problems))

    @cached_property
    def _indicators_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def _rules_by_input(self) -> dict[str, tuple[Rule, ...]]:
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for indicator_id in dict.fromkeys(rule.inputs()):
                index.setdefault(indicator_id, []).append(rule)
        return {key: tuple(rules) for key, rules in index.items()}

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with that id; ``KeyError`` with a Vietnamese message if none."""
        try:
            return self._indicators_by_id[indicator_id]
        except KeyError:
            raise KeyError(f"Không có chỉ tiêu «{indicator_id}» trong danh mục") from None

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._indicators_by_id

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"Không có mục «{section_id}» trong danh mục")

    def section_indicators(self, section_id: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.section == section_id)

    def narrative_keys(self) -> Iterator[str]:
        """Every narrative field as ``section.narrative``, in outline order."""
        for section in self.sections:
            for narrative in section.narratives:
                yield section.narrative_key(narrative.id)

    def rules_touching(self, indicator_id: str) -> tuple[Rule, ...]:
        """The rules that read this indicator (re-checked when it changes)."""
        return self._rules_by_input.get(indicator_id, ())


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate a catalogue file; ``CatalogueError`` says what is wrong where."""
    path = path or resource_path("catalogue", DEFAULT_CATALOGUE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogueError(
            f"Không đọc được tệp danh mục {path}: {os_error_words(error)}"
        ) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CatalogueError(f"Tệp danh mục {path} sai cú pháp: {error}") from error
    try:
        return Catalogue.model_validate(data)
    except ValueError as error:
        raise CatalogueError(f"Tệp danh mục {path} không hợp lệ: {error}") from error


# -- msgspec's problems in Vietnamese -------------------------------------------------

# What msgspec calls the types it expected (``Expected `str | object`, got `int```).
_TYPE_WORDS = {
    "str": "văn bản",
    "bool": "true hoặc false",
    "int": "số nguyên",
    "decimal": "số",
    "array": "một danh sách",
    "object": "một bảng các trường",
}
# The values of the fields with fixed choices, by field name (msgspec names only the
# wrong value); a rule's ``kind`` is its tag, told apart by msgspec's wording.
_CHOICES: dict[str, tuple[str, ...]] = {
    "kind": tuple(IndicatorKind),
    "severity": tuple(Severity),
    "figures": get_args(Section.__annotations__["figures"]),
}
_RULE_KINDS = tuple(str(rule.__struct_config__.tag) for rule in get_args(Rule))
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def _problem(message: str, data: object) -> str:
    """msgspec's ``words - at `$.rules[0].kind``` as ``rules.0.kind: lời`` in Vietnamese.

    A message of a record's own check (``__post_init__``) is Vietnamese already.
    """
    words, _, path = message.partition(" - at `$")
    steps = _STEP.findall(path.removesuffix("`"))
    where: list[str | int] = [name or int(index) for name, index in steps]
    if found := re.fullmatch(r"Object (missing required|contains unknown) field `(.+)`", words):
        where.append(found[2])
        words = "còn thiếu" if found[1].startswith("missing") else "không có trường này"
    elif words.startswith("Expected `str` matching regex"):
        words = f"«{_value_at(data, where)}» sai định dạng mã"
    elif words == "Expected `array` of length >= 1":
        words = "không được để trống"
    elif found := re.fullmatch(r"Expected `(.+)`, got `.+`", words):
        expected = [_TYPE_WORDS.get(t, t) for t in found[1].split(" | ") if t != "null"]
        words = f"phải là {' hoặc '.join(expected)}"
    elif found := re.fullmatch(r"Invalid (enum )?value .*", words, re.DOTALL):
        choices = _CHOICES.get(str(where[-1])) if found[1] else _RULE_KINDS
        words = f"phải là một trong: {', '.join(choices)}" if choices else "giá trị không hợp lệ"
    elif words == "Invalid decimal string":
        words = "phải là số"
    return f"{'.'.join(map(str, where))}: {words}" if where else words


def _value_at(data: Any, where: list[str | int]) -> object:
    for step in where:
        data = data[step]
    return data
