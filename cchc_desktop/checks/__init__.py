"""The generic arithmetic checker: every rule of the catalogue over a report's figures.

No code per field: each rule kind has one evaluator (``rules``), and every finding
names the fields with their Vietnamese labels and the numbers written the
Vietnamese way. A rule that has some but not all of its figures is *pending*; a
rule with none is silent (the clerk has not started that section). Derived
percentages are computed (``derive``) from their counts, never read from typed
values.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from cchc_desktop.catalogue import Catalogue, RequiredRule
from cchc_desktop.checks.derive import Derivation
from cchc_desktop.checks.findings import Finding, Status, has_errors
from cchc_desktop.checks.header import header_findings
from cchc_desktop.checks.kinds import FindingKind, Kinds, blocks_final, counts_text, kind_label
from cchc_desktop.checks.rules import Context, Rules
from cchc_desktop.vnformat import Number

if TYPE_CHECKING:  # the checker reads figures; the report model (pydantic) is not needed
    from cchc_desktop.model import Report

__all__ = [
    "Checker",
    "Finding",
    "FindingKind",
    "Kinds",
    "Status",
    "blocks_final",
    "check_figures",
    "check_report",
    "compute_derived",
    "counts_text",
    "has_errors",
    "header_findings",
    "kind_label",
]


class Checker:
    """Evaluates a catalogue's rules; build once per catalogue, then check and recheck."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._derivation = Derivation(catalogue)
        compiler = Rules(catalogue, self._derivation)
        self._rules = tuple(compiler.compile(i, r) for i, r in enumerate(catalogue.rules))
        self._rule_index = {r.id: i for i, r in enumerate(catalogue.rules)}
        touching: dict[str, set[int]] = {}
        for compiled in self._rules:
            keys = {*compiled.all_raw, *compiled.rule.inputs()}
            if isinstance(compiled.rule, RequiredRule):
                keys.update(compiled.rule.narratives)
            for key in keys:
                touching.setdefault(key, set()).add(compiled.index)
        self._touching = {key: tuple(sorted(indexes)) for key, indexes in touching.items()}
        self._touching_sets = {key: frozenset(indexes) for key, indexes in touching.items()}

    def derived(self, values: Mapping[str, Number]) -> dict[str, Decimal]:
        """Every derived percentage computable from ``values`` (see ``compute_derived``)."""
        return self._derivation.compute(values)

    def check(
        self,
        values: Mapping[str, Number],
        narratives: Mapping[str, str] | None = None,
        previous: Mapping[str, Number] | None = None,
    ) -> list[Finding]:
        """Every rule's findings, in catalogue rule order, then the narratives' warnings.

        ``previous`` holds the same unit's previous report's figures (``None`` if
        there is none); typed values of derived indicators are ignored. The
        narratives' warnings are arithmetic slips in the clerk's prose
        (:mod:`cchc_desktop.narrative_numbers`), rule ids ``van_ban.<key>``.
        """
        # Imported here: narrative_numbers imports checks.findings.
        from cchc_desktop.narrative_numbers import narrative_findings

        context = self._context(values, narratives, previous)
        findings: list[Finding] = []
        for compiled in self._rules:
            findings += compiled.evaluate(compiled, context)
        return findings + narrative_findings(self.catalogue, values, narratives or {})

    def recheck(
        self,
        findings: Iterable[Finding],
        values: Mapping[str, Number],
        changed: str,
        narratives: Mapping[str, str] | None = None,
        previous: Mapping[str, Number] | None = None,
    ) -> list[Finding]:
        """``findings`` (of an earlier check) updated after one field changed.

        ``changed`` is an indicator id or a narrative key. Only the rules that
        depend on it — directly or through a derived percentage — are evaluated
        again; the result equals a full ``check`` of the new values.
        """
        from cchc_desktop.narrative_numbers import update_narrative_findings

        findings = list(findings)  # read twice
        texts = update_narrative_findings(
            self.catalogue, findings, values, narratives or {}, changed
        )
        affected = self._touching.get(changed, ())
        if not affected:
            return [f for f in findings if f.rule_id in self._rule_index] + texts
        context = self._context(values, narratives, previous)
        affected_set = self._touching_sets[changed]
        by_rule: dict[int, list[Finding]] = {}
        for finding in findings:
            index = self._rule_index.get(finding.rule_id)
            if index is not None and index not in affected_set:
                by_rule.setdefault(index, []).append(finding)
        for index in affected:
            compiled = self._rules[index]
            by_rule[index] = compiled.evaluate(compiled, context)
        return [f for index in sorted(by_rule) for f in by_rule[index]] + texts

    def touching(self, changed: str) -> tuple[str, ...]:
        """Ids of the rules that a change to ``changed`` re-evaluates, in rule order."""
        return tuple(self._rules[i].rule.id for i in self._touching.get(changed, ()))

    def _context(
        self,
        values: Mapping[str, Number],
        narratives: Mapping[str, str] | None,
        previous: Mapping[str, Number] | None,
    ) -> Context:
        values_ = self._derivation.working_values(values)
        return Context(values_, narratives or {}, previous, self._derivation)


@lru_cache(maxsize=8)
def _checker_for(catalogue: Catalogue) -> Checker:
    """One ``Checker`` per catalogue (hashed by value; the cache keeps the few catalogues alive)."""
    return Checker(catalogue)


def compute_derived(catalogue: Catalogue, values: Mapping[str, Number]) -> dict[str, Decimal]:
    """Every ratio target whose inputs are filled and whose denominator is > 0.

    Value = Σ numerator / denominator × scale, rounded to 2 places (ROUND_HALF_UP);
    typed values of derived indicators are ignored, so a percentage is always the
    one its counts give.
    """
    return _checker_for(catalogue).derived(values)


def check_report(
    catalogue: Catalogue, report: "Report", previous: "Report | None" = None
) -> list[Finding]:
    """All findings of ``report``, compared with ``previous`` (same unit) when given:
    the header's gaps (``header_findings``) first, then the figures' and narratives'.

    What the final copy, ``cchc check`` and the bundle go by.
    """
    return header_findings(report.header, report.window_from, report.window_to) + check_figures(
        catalogue,
        report.values,
        report.narratives,
        None if previous is None else previous.values,
    )


def check_figures(
    catalogue: Catalogue,
    values: Mapping[str, Number],
    narratives: Mapping[str, str] | None = None,
    previous: Mapping[str, Number] | None = None,
) -> list[Finding]:
    """All findings of a report given by its figures and narratives (``Store.check_inputs``),
    compared with the previous report's figures when given."""
    return _checker_for(catalogue).check(values, narratives, previous)
