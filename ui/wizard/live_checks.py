"""Checks that follow the clerk's typing without slowing it down.

Each changed field is noted; 250 ms after the last keystroke the checker looks
again at what the noted fields touch (``Checker.recheck``: the rules that read
them, never the whole catalogue, and the narratives of their section, whose
numbers may no longer add up or match a figure — ``narrative_numbers``), and
``findings_changed`` carries the new list: the rules' findings, then the
narratives' warnings in outline order.

Where in its text a narrative warning is (its numbers' spans, which a ``Finding``
does not carry) is looked up right after each check, from the narrative checker's
remembered result for that text and those figures (``text_findings``): the check
just made, shared with the editor's underline (``number_marks``), not another one.
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
        self._narrative_keys = frozenset(catalogue.narrative_keys())
        self.findings: list[Finding] = self.checker.check(
            session.values, session.narratives, session.previous_values
        )
        self._located = self._locate()
        self._noted: dict[str, None] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        session.field_changed.connect(self.note)

    def note(self, key: str) -> None:
        """A field changed: check again what it touches once the typing pauses."""
        if self._checked(key):
            self._noted[key] = None
            self._timer.start()

    def _checked(self, key: str) -> bool:
        """Whether the checker reads ``key``: a rule's input, a figure or a narrative."""
        return (
            bool(self.checker.touching(key))
            or key in self._narrative_keys
            or self.session.catalogue.has_indicator(key)
        )

    def kind(self, finding: Finding) -> FindingKind:
        return classify(finding, self._kinds)

    def pending(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        """Re-evaluate what the noted fields touch now and announce the findings."""
        self._timer.stop()
        if not self._noted:
            return
        session = self.session
        findings = self.findings
        for key in self._noted:
            findings = self.checker.recheck(
                findings, session.values, key, session.narratives, session.previous_values
            )
        self._noted.clear()
        self.findings = findings
        self._located = self._locate()
        self.findings_changed.emit(self.findings)

    def text_finding(self, finding: Finding) -> TextFinding | None:
        """Where in its narrative a narrative warning is (its numbers' spans)."""
        return self._located.get(finding)

    def _locate(self) -> dict[Finding, TextFinding]:
        """The narrative warnings among the findings with their spans, as checked just now."""
        session = self.session
        catalogue = session.catalogue
        keys = (f.rule_id for f in self.findings if f.rule_id.startswith(RULE_PREFIX))
        located: dict[Finding, TextFinding] = {}
        for key in dict.fromkeys(k.removeprefix(RULE_PREFIX) for k in keys):
            text = session.narratives.get(key, "")
            for found in text_findings(catalogue, session.values, key, text):
                located.setdefault(as_finding(catalogue, key, found), found)
        return located
