"""One evaluator per rule kind, writing findings a commune clerk can act on.

Messages use the fields' Vietnamese labels and the numbers written the Vietnamese
way: "Tổng số hồ sơ tiếp nhận (1.730) phải bằng đã giải quyết (1.553) + đang
giải quyết (176) = 1.729".
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from cchc_desktop.catalogue import (
    BoundsRule,
    Catalogue,
    ChangeLimitRule,
    CrossPeriodRule,
    IndicatorKind,
    LessEqualRule,
    RatioRule,
    RequiredRule,
    Rule,
    Severity,
    SumRule,
)
from cchc_desktop.checks.derive import CENT, Derivation
from cchc_desktop.checks.findings import Finding, Status
from cchc_desktop.vnformat import Number, format_number, format_percent

BEFORE_FINAL = "trước khi in bản chính thức"


def section_of(key: str) -> str:
    """The section of an indicator id or a narrative key (``tthc.ho_so.tiep_nhan`` → tthc)."""
    return key.split(".", 1)[0]


@dataclass(slots=True)
class Context:
    """One evaluation: typed figures with derived ones computed, narratives, last report."""

    values: dict[str, Number]
    narratives: Mapping[str, str]
    raw_previous: Mapping[str, Number] | None
    derivation: Derivation
    _previous: dict[str, Number] | None = field(default=None)

    def previous(self) -> dict[str, Number] | None:
        """The previous report's figures (with derived ones), computed on first use."""
        if self.raw_previous is None:
            return None
        if self._previous is None:
            self._previous = self.derivation.working_values(self.raw_previous)
        return self._previous


Evaluate = Callable[["Compiled", Context], list[Finding]]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A rule with what it needs resolved once: its section and the figures it reads."""

    index: int
    rule: Rule
    section: str
    required: tuple[str, ...]  # direct inputs that must be filled to evaluate
    required_raw: tuple[str, ...]  # the same, derived ones replaced by the counts behind them
    all_raw: tuple[str, ...]  # every typed figure the rule depends on
    evaluate: Evaluate


class Rules:
    """Compiles a catalogue's rules into evaluators."""

    def __init__(self, catalogue: Catalogue, derivation: Derivation) -> None:
        self._indicators = {i.id: i for i in catalogue.indicators}
        self._derivation = derivation
        self._narratives = {
            section.narrative_key(n.id): (section.title, n.label)
            for section in catalogue.sections
            for n in section.narratives
        }
        self._evaluators: dict[type, Evaluate] = {
            SumRule: self._gated(self._sum),
            LessEqualRule: self._gated(self._less_equal),
            BoundsRule: self._gated(self._bounds),
            RatioRule: self._ratio,
            RequiredRule: self._required,
            CrossPeriodRule: self._cross_period,
            ChangeLimitRule: self._change_limit,
        }

    def compile(self, index: int, rule: Rule) -> Compiled:
        inputs = rule.inputs()
        required = (rule.total, *rule.parts) if isinstance(rule, SumRule) else inputs
        first = rule.target if isinstance(rule, RatioRule) else (inputs or ("",))[0]
        if isinstance(rule, RequiredRule) and not inputs and rule.narratives:
            first = rule.narratives[0]
        return Compiled(
            index=index,
            rule=rule,
            section=section_of(first),
            required=required,
            required_raw=self._derivation.expand(required),
            all_raw=self._derivation.expand(inputs),
            evaluate=self._evaluators[type(rule)],
        )

    # -- wording --------------------------------------------------------------------

    def _label(self, key: str) -> str:
        return self._indicators[key].label

    def _show(self, key: str, value: Number) -> str:
        """A value as the report writes it: ``1.730``, ``212.901,285``, ``99,87%``."""
        if self._indicators[key].kind == IndicatorKind.PERCENT:
            return format_percent(value)
        return format_number(value)

    def _quoted(self, key: str, value: Number) -> str:
        return f"«{self._label(key)}» ({self._show(key, value)})"

    def _labels(self, keys: Iterable[str]) -> str:
        return ", ".join(f"«{self._label(k)}»" for k in keys)

    def _summed(self, keys: Iterable[str], values: Mapping[str, Number]) -> tuple[str, Number]:
        """``«a» (1) + «b» (2) = 3`` (or ``«a» (1)`` alone), and the sum."""
        keys = [k for k in keys if k in values]
        total: Number = sum((values[k] for k in keys), 0)
        text = " + ".join(self._quoted(k, values[k]) for k in keys)
        if len(keys) > 1:
            text += f" = {self._show(keys[0], total)}"
        return text, total

    @staticmethod
    def _finding(
        compiled: Compiled,
        message: str,
        indicators: tuple[str, ...] = (),
        narratives: tuple[str, ...] = (),
        status: Status = Status.FAILED,
        section: str | None = None,
    ) -> Finding:
        return Finding(
            rule_id=compiled.rule.id,
            section=section or compiled.section,
            severity=compiled.rule.severity,
            status=status,
            indicators=indicators,
            narratives=narratives,
            message=message[:1].upper() + message[1:],
        )

    # -- evaluators -----------------------------------------------------------------

    def _gated(self, body: Evaluate) -> Evaluate:
        """Silent when nothing is filled, pending when something is missing, else ``body``."""

        def evaluate(compiled: Compiled, context: Context) -> list[Finding]:
            values = context.values
            if not any(key in values for key in compiled.all_raw):
                return []
            missing = tuple(key for key in compiled.required_raw if key not in values)
            if missing:
                message = (
                    f"Chưa đủ số liệu để {self._subject(compiled.rule)}: "
                    f"còn thiếu {self._labels(missing)}"
                )
                return [self._finding(compiled, message, missing, status=Status.PENDING)]
            if any(key not in values for key in compiled.required):
                return []  # a derived percentage over a zero denominator: nothing to check
            return body(compiled, context)

        return evaluate

    def _subject(self, rule: Rule) -> str:
        """What a pending rule would check: ``so sánh «A» với «B»``, ``kiểm tra «T»``."""
        if isinstance(rule, LessEqualRule):
            right = " + ".join(f"«{self._label(k)}»" for k in rule.right)
            return f"so sánh «{self._label(rule.left)}» với {right}"
        return f"kiểm tra «{self._label(rule.inputs()[0])}»"

    def _sum(self, compiled: Compiled, context: Context) -> list[Finding]:
        rule = compiled.rule
        assert isinstance(rule, SumRule)
        values = context.values
        parts = [k for k in (*rule.parts, *rule.optional_parts) if k in values]
        total: Number = sum((values[k] for k in parts), 0)
        derived = self._derivation.derived
        tolerance = CENT * sum(1 for key in (rule.total, *parts) if key in derived)
        if abs(Decimal(values[rule.total]) - Decimal(total)) <= tolerance:
            return []
        terms = " + ".join(
            f"{self._indicators[k].short_label} ({self._show(k, values[k])})" for k in parts
        )
        message = (
            f"{self._label(rule.total)} ({self._show(rule.total, values[rule.total])}) "
            f"phải bằng {terms or '0'} = {self._show(rule.total, total)}"
        )
        return [self._finding(compiled, message, rule.inputs())]

    def _less_equal(self, compiled: Compiled, context: Context) -> list[Finding]:
        rule = compiled.rule
        assert isinstance(rule, LessEqualRule)
        values = context.values
        right_text, right = self._summed(rule.right, values)
        left = values[rule.left]
        if left <= right:
            return []
        if rule.severity == Severity.WARNING:
            message = f"{self._quoted(rule.left, left)} lớn hơn {right_text}: hãy kiểm tra lại"
        else:
            message = f"{self._quoted(rule.left, left)} không được lớn hơn {right_text}"
        return [self._finding(compiled, message, rule.inputs())]

    def _bounds(self, compiled: Compiled, context: Context) -> list[Finding]:
        rule = compiled.rule
        assert isinstance(rule, BoundsRule)
        key, low, high = rule.indicator, rule.minimum, rule.maximum
        value = context.values[key]
        if (low is None or value >= low) and (high is None or value <= high):
            return []
        if low is not None and high is not None:
            limits = f"phải nằm trong khoảng từ {self._show(key, low)} đến {self._show(key, high)}"
        elif low is not None:
            limits = f"không được nhỏ hơn {self._show(key, low)}"
        else:
            limits = f"không được lớn hơn {self._show(key, high or 0)}"
        return [self._finding(compiled, f"{self._quoted(key, value)} {limits}", (key,))]

    def _ratio(self, compiled: Compiled, context: Context) -> list[Finding]:
        """A ratio only derives; it speaks only of a positive count over a zero total."""
        rule = compiled.rule
        assert isinstance(rule, RatioRule)
        values = context.values
        if values.get(rule.denominator) != 0:
            return []
        terms, numerator = self._summed(rule.numerator, values)
        if numerator <= 0:
            return []
        message = (
            f"Không tính được «{self._label(rule.target)}»: «{self._label(rule.denominator)}» "
            f"bằng 0 trong khi {terms}"
        )
        return [self._finding(compiled, message, (rule.target, *rule.inputs()))]

    def _required(self, compiled: Compiled, context: Context) -> list[Finding]:
        """One failed finding per empty field; always evaluated, never pending."""
        rule = compiled.rule
        assert isinstance(rule, RequiredRule)
        values = context.values
        findings: list[Finding] = []
        for key in rule.indicators:
            if key in values:
                continue
            if key in self._derivation.derived:
                missing = tuple(k for k in self._derivation.expand((key,)) if k not in values)
                if not missing:
                    continue  # all its counts are there; its denominator is 0
                message = (
                    f"Cần nhập {self._labels(missing)} để tính «{self._label(key)}» {BEFORE_FINAL}"
                )
                indicators = (key, *missing)
            else:
                message = f"Cần nhập «{self._label(key)}» {BEFORE_FINAL}"
                indicators = (key,)
            findings.append(self._finding(compiled, message, indicators, section=section_of(key)))
        for key in rule.narratives:
            if context.narratives.get(key, "").strip():
                continue
            title, label = self._narratives[key]
            message = f"Cần nhập «{label}» của mục «{title}» {BEFORE_FINAL}"
            findings.append(
                self._finding(compiled, message, narratives=(key,), section=section_of(key))
            )
        return findings

    def _cross_period(self, compiled: Compiled, context: Context) -> list[Finding]:
        rule = compiled.rule
        assert isinstance(rule, CrossPeriodRule)
        current = context.values.get(rule.indicator)
        if current is None:
            return []
        previous = context.previous()
        # Without the unit's previous report nothing typed in this one can settle the
        # rule: silent, as a change limit with nothing to compare with, not pending
        # (which would leave the section looking unfinished for good).
        before = None if previous is None else previous.get(rule.previous)
        if before is None or before == current:
            return []
        message = (
            f"{self._quoted(rule.indicator, current)} phải bằng «{self._label(rule.previous)}» "
            f"của báo cáo kỳ trước ({self._show(rule.previous, before)})"
        )
        return [self._finding(compiled, message, (rule.indicator,))]

    def _change_limit(self, compiled: Compiled, context: Context) -> list[Finding]:
        rule = compiled.rule
        assert isinstance(rule, ChangeLimitRule)
        key = rule.indicator
        current = context.values.get(key)
        previous = context.previous()
        before = None if previous is None else previous.get(key)
        if current is None or before is None or before <= 0:
            return []  # nothing to compare with (a share of 0 is not defined)
        change = abs(Decimal(current) - Decimal(before)) / Decimal(before)
        if change <= rule.max_share:
            return []
        direction, word = ("tăng", "lên") if current > before else ("giảm", "xuống")
        message = (
            f"«{self._label(key)}» {direction} {format_percent(change * 100)} so với báo cáo kỳ "
            f"trước (từ {self._show(key, before)} {word} {self._show(key, current)}), vượt mức "
            f"{format_percent(rule.max_share * 100)}: hãy kiểm tra lại"
        )
        return [self._finding(compiled, message, (key,))]
