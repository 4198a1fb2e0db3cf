"""Checks that follow the clerk's typing without slowing it down.

Each changed field is noted; 250 ms after the last keystroke the rules that read
the noted fields are evaluated again (``Checker.recheck``, a few rules, never the
whole catalogue), the noted narratives (and those of a section whose figure
changed) are read again for numbers that do not add up (``narrative_numbers``),
and ``findings_changed`` carries the new list: the rules' findings, then the
narratives' warnings in outline order.
"""

from cchc_desktop.checks import Checker, Finding, Kinds
from cchc_desktop.narrative_numbers import RULE_PREFIX, TextFinding
from cchc_desktop.narrative_numbers.report import as_finding, text_findings
from ui.qt import QObject, QTimer, Signal
from ui.wizard.marks import FindingKind, classify
from ui.wizard.session import ReportSession

DELAY_MS = 250


class LiveChecks(QObject):
    """The report's findings, kept current as its fields change."""

    findings_changed = Signal(object)  # list[Finding]

    def __init__(self, session: ReportSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        catalogue = session.catalogue
        self.checker = Checker(catalogue)
        self._kinds = Kinds(catalogue)
        self._narrative_keys = list(catalogue.narrative_keys())
        self._rule_findings: list[Finding] = _without_texts(self._full_check())
        self._texts: dict[str, list[tuple[Finding, TextFinding]]] = {}
        for key in self._narrative_keys:
            self._check_text(key)
        self.findings: list[Finding] = self._combined()
        self._noted: dict[str, None] = {}
        self._noted_texts: dict[str, None] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        session.field_changed.connect(self.note)

    def _full_check(self) -> list[Finding]:
        session = self.session
        return self.checker.check(session.values, session.narratives, session.previous_values)

    def note(self, key: str) -> None:
        """A field changed: check it again once the typing pauses."""
        texts = self._texts_touched_by(key)
        self._noted_texts.update(dict.fromkeys(texts))
        if self.checker.touching(key):
            self._noted[key] = None
        if texts or key in self._noted:
            self._timer.start()

    def _texts_touched_by(self, key: str) -> list[str]:
        """The narratives to read again: itself, or those of a changed figure's section."""
        if key in self._texts:
            return [key]
        if self.session.catalogue.has_indicator(key):
            section = key.split(".", 1)[0]
            return [k for k in self._narrative_keys if k.split(".", 1)[0] == section]
        return []

    def kind(self, finding: Finding) -> FindingKind:
        return classify(finding, self._kinds)

    def pending(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        """Re-evaluate the rules of the noted fields now and announce the findings."""
        self._timer.stop()
        if not self._noted and not self._noted_texts:
            return
        session = self.session
        findings = self._rule_findings
        for key in self._noted:
            findings = _without_texts(
                self.checker.recheck(
                    findings, session.values, key, session.narratives, session.previous_values
                )
            )
        for key in self._noted_texts:
            self._check_text(key)
        self._noted.clear()
        self._noted_texts.clear()
        self._rule_findings = findings
        self.findings = self._combined()
        self.findings_changed.emit(self.findings)

    # -- narratives ------------------------------------------------------------------

    def text_finding(self, finding: Finding) -> TextFinding | None:
        """Where in its narrative a narrative warning is (its numbers' spans)."""
        for key in finding.narratives:
            for found, text_finding in self._texts.get(key, ()):
                if found == finding:
                    return text_finding
        return None

    def _check_text(self, key: str) -> None:
        session = self.session
        text = session.narratives.get(key, "")
        found = text_findings(session.catalogue, session.values, key, text) if text.strip() else []
        self._texts[key] = [(as_finding(session.catalogue, key, f), f) for f in found]

    def _combined(self) -> list[Finding]:
        texts = [finding for key in self._narrative_keys for finding, _ in self._texts[key]]
        return [*self._rule_findings, *texts]


def _without_texts(findings: list[Finding]) -> list[Finding]:
    """The rules' findings only (should the checker one day add the narratives' own)."""
    return [f for f in findings if not f.rule_id.startswith(RULE_PREFIX)]
