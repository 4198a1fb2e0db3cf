"""Checks that follow the clerk's typing without slowing it down.

Each changed field is noted; 250 ms after the last keystroke the rules that read
the noted fields are evaluated again (``Checker.recheck``, a few rules, never the
whole catalogue) and ``findings_changed`` carries the new list.
"""

from cchc_desktop.checks import Checker, Finding
from ui.qt import QObject, QTimer, Signal
from ui.wizard.marks import FindingKind, classify, required_rule_ids
from ui.wizard.session import ReportSession

DELAY_MS = 250


class LiveChecks(QObject):
    """The report's findings, kept current as its fields change."""

    findings_changed = Signal(object)  # list[Finding]

    def __init__(self, session: ReportSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.checker = Checker(session.catalogue)
        self._required = required_rule_ids(session.catalogue)
        self.findings: list[Finding] = self._full_check()
        self._noted: dict[str, None] = {}
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
        if not self.checker.touching(key):
            return
        self._noted[key] = None
        self._timer.start()

    def kind(self, finding: Finding) -> FindingKind:
        return classify(finding, self._required)

    def pending(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        """Re-evaluate the rules of the noted fields now and announce the findings."""
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
        self.findings_changed.emit(findings)
