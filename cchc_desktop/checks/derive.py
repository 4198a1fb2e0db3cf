"""Derived percentages: computed from their counts, never typed."""

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from cchc_desktop.catalogue import Catalogue, RatioRule
from cchc_desktop.vnformat import Number

CENT = Decimal("0.01")


def as_number(value: object) -> Number | None:
    """A typed value as int or Decimal; ``None`` (and anything non-numeric) is empty."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    return None


class Derivation:
    """The catalogue's ratio rules, ordered so that a ratio of ratios comes after its inputs."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.ratios: dict[str, RatioRule] = {
            r.target: r for r in catalogue.rules if isinstance(r, RatioRule)
        }
        self.derived = frozenset(self.ratios) | {i.id for i in catalogue.indicators if i.derived}
        ordered: list[RatioRule] = []
        seen: set[str] = set()

        def visit(rule: RatioRule) -> None:
            if rule.target in seen:
                return
            seen.add(rule.target)
            for input_id in rule.inputs():
                if input_id in self.ratios:
                    visit(self.ratios[input_id])
            ordered.append(rule)

        for rule in self.ratios.values():
            visit(rule)
        self.order = tuple(ordered)

    def expand(self, ids: Iterable[str]) -> tuple[str, ...]:
        """The typed figures behind ``ids``: derived ones replaced by their ratio's inputs."""
        out: dict[str, None] = {}
        stack = list(ids)[::-1]
        seen: set[str] = set()
        while stack:
            key = stack.pop()
            if key in self.ratios:
                if key not in seen:
                    seen.add(key)
                    stack.extend(self.ratios[key].inputs()[::-1])
            elif key not in self.derived:
                out[key] = None
        return tuple(out)

    def working_values(self, values: Mapping[str, object]) -> dict[str, Number]:
        """Typed figures (typed derived ones dropped) plus the derived ones computed."""
        derived = self.derived
        work: dict[str, Number] = {}
        for key, raw in values.items():
            number = as_number(raw)
            if number is not None and key not in derived:
                work[key] = number
        for rule in self.order:
            denominator = work.get(rule.denominator)
            if denominator is None or denominator <= 0:
                continue
            numerator: Number = 0
            for part in rule.numerator:
                value = work.get(part)
                if value is None:
                    break
                numerator += value
            else:
                ratio = Decimal(numerator) * rule.scale / Decimal(denominator)
                work[rule.target] = ratio.quantize(CENT, rounding=ROUND_HALF_UP)
        return work

    def compute(self, values: Mapping[str, object]) -> dict[str, Decimal]:
        """Every ratio target whose inputs are filled and whose denominator is > 0."""
        work = self.working_values(values)
        return {r.target: Decimal(work[r.target]) for r in self.order if r.target in work}
