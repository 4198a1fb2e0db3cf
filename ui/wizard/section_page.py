"""A page for one catalogue section, generated from the catalogue: no code per section.

Figures come first, in groups (``groups``), each with its unit beside it and its
help as tooltip; derived percentages are shown read-only and follow their
counts at once. The section's narratives follow, their suspicious numbers underlined
as the clerk types (``number_marks``). Findings appear under the group (or
narrative) they concern, and the fields they involve get a coloured frame.
"""

from cchc_desktop.catalogue import Indicator, RatioRule, RequiredRule, Rule, Section
from cchc_desktop.checks import Finding, Status
from cchc_desktop.narrative_numbers import TextFinding
from cchc_desktop.narrative_numbers.report import text_findings
from ui.qt import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget
from ui.wizard.fields import NumberField, ProblemLabel, TextField, unit_words
from ui.wizard.groups import figure_groups
from ui.wizard.live_checks import LiveChecks
from ui.wizard.marks import FindingKind, FindingsList, Mark, counts_text, mark_of
from ui.wizard.number_marks import NumberMarks
from ui.wizard.page import WizardPage
from ui.wizard.session import ReportSession

_ALERTS = {kind: kind.value.colour for kind in (FindingKind.ERROR, FindingKind.WARNING)}


def section_title(section: Section) -> str:
    return section.title + (" (không bắt buộc)" if section.optional else "")


def finding_keys(finding: Finding, rules: dict[str, Rule]) -> tuple[str, ...]:
    """The fields a settled finding may show under: its rule's inputs, then its own fields."""
    rule = rules.get(finding.rule_id)
    keys: tuple[str, ...] = ()
    if isinstance(rule, RatioRule):
        keys = (rule.target, *rule.inputs())
    elif rule is not None and not isinstance(rule, RequiredRule):
        keys = rule.inputs()
    return (*keys, *finding.indicators, *finding.narratives)


class SectionState:
    """What the side list and the findings page need of a section page, without its
    widgets: its title, whether it was started, and its mark (pages are built on first
    visit). A finding belongs to the page exactly when :class:`SectionPage` shows it."""

    def __init__(self, session: ReportSession, live: LiveChecks, section: Section) -> None:
        self.session = session
        self.live = live
        self.section = section
        self.title = section_title(section)
        catalogue = session.catalogue
        self.keys = [i.id for i in catalogue.section_indicators(section.id)] + [
            section.narrative_key(n.id) for n in section.narratives
        ]
        self._keys = frozenset(self.keys)
        self._rules: dict[str, Rule] = {r.id: r for r in catalogue.rules}

    def shows(self, finding: Finding) -> bool:
        if finding.status == Status.PENDING:
            return any(k in self._keys for k in (*finding.indicators, *finding.narratives))
        if any(k in self._keys for k in finding_keys(finding, self._rules)):
            return True
        return finding.section == self.section.id

    def started(self) -> bool:
        """Whether the clerk has typed anything here (default figures do not count)."""
        return self.session.started(self.keys)

    def kinds(self, findings: list[Finding]) -> list[FindingKind]:
        """The kinds of the findings the page shows (pending ones only once started)."""
        started = self.started()
        kinds = [self.live.kind(f) for f in findings if self.shows(f)]
        return [k for k in kinds if started or k != FindingKind.PENDING]

    def mark(self) -> tuple[Mark, str]:
        kinds = self.kinds(self.live.findings)
        return mark_of(kinds, self.started()), counts_text(kinds)


class SectionPage(WizardPage):
    def __init__(
        self,
        session: ReportSession,
        live: LiveChecks,
        section: Section,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section_title(section), section.help, parent)
        self.session = session
        self.live = live
        self.section = section
        self.numbers: dict[str, NumberField] = {}
        self.problems: dict[str, ProblemLabel] = {}
        self.texts: dict[str, TextField] = {}
        self.number_marks: dict[str, NumberMarks] = {}  # narrative key → its underlines
        self._slots: dict[str, FindingsList] = {}  # field key → where its findings show
        self._rules: dict[str, Rule] = {r.id: r for r in session.catalogue.rules}
        self._kinds: list[FindingKind] = []
        self._alerts: dict[str, str | None] = {}
        self._top = FindingsList(self)
        self.layout_.addWidget(self._top)
        self._unit_width = max(
            (
                self.fontMetrics().horizontalAdvance(_unit_text(i))
                for i in session.catalogue.indicators
            ),
            default=0,
        )
        for group in figure_groups(session.catalogue, section.id):
            self._add_group(group.title, group.indicators)
        for narrative in section.narratives:
            self._add_narrative(
                section.narrative_key(narrative.id), narrative.label, narrative.help
            )
        self.layout_.addStretch(1)
        self._order = {key: n for n, key in enumerate(self._slots)}
        self._refresh_derived()

    # -- building ----------------------------------------------------------------------

    def _add_group(self, title: str, indicators: list[Indicator]) -> None:
        """Label, input and unit per row; under it the reason a value was not saved and the
        findings whose last field on this page is this one (so they appear where the clerk
        has just typed)."""
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        grid.setColumnMinimumWidth(2, self._unit_width)
        for number, indicator in enumerate(indicators):
            row = 3 * number
            field = NumberField(indicator, box)
            field.show_value(None if indicator.derived else self.session.values.get(indicator.id))
            field.setToolTip(indicator.help)
            label = QLabel(indicator.label, box)
            label.setWordWrap(True)
            label.setBuddy(field)
            label.setToolTip(indicator.help)
            unit = QLabel(_unit_text(indicator), box)
            unit.setToolTip(indicator.help)
            problem = ProblemLabel(box)
            findings = FindingsList(box)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(unit, row, 2)
            grid.addWidget(problem, row + 1, 0, 1, 3)
            grid.addWidget(findings, row + 2, 0, 1, 3)
            self.numbers[indicator.id] = field
            self.problems[indicator.id] = problem
            self._slots[indicator.id] = findings
            if not indicator.derived:
                self.register(indicator.id, field)
                field.value_edited.connect(self._on_value_edited)
                field.editingFinished.connect(lambda f=field: self._on_left(f))
        self.layout_.addWidget(box)

    def _add_narrative(self, key: str, label_text: str, help_text: str) -> None:
        box = QGroupBox(label_text, self)
        layout = QVBoxLayout(box)
        editor = TextField(key, box)
        editor.setPlaceholderText(help_text)
        editor.setToolTip(help_text)
        editor.setAccessibleName(label_text)
        editor.set_text_quietly(self.session.narratives.get(key, ""))
        editor.settled.connect(self._on_text_settled)
        marks = NumberMarks(editor, lambda text: self._text_findings(key, text))
        marks.run()
        editor.tip_at = marks.message_at
        self.number_marks[key] = marks
        problem = ProblemLabel(box)
        findings = FindingsList(box)
        layout.addWidget(editor)
        layout.addWidget(problem)
        layout.addWidget(findings)
        self.texts[key] = editor
        self.problems[key] = problem
        self._slots[key] = findings
        self.register(key, editor)
        self.layout_.addWidget(box)

    # -- editing -----------------------------------------------------------------------

    def _on_value_edited(self, key: str, text: str) -> None:
        problem = self.problems[key]
        if text.endswith(","):
            problem.show_problem(None)  # the decimals are still being typed
            return
        try:
            self.session.set_value(key, text or None)
        except ValueError as error:
            problem.show_problem(str(error))
            return
        problem.show_problem(None)
        self._refresh_derived()
        self._recheck_texts()

    def _text_findings(self, key: str, text: str) -> tuple[TextFinding, ...]:
        """The narrative's warnings, with the section's figures as they are now (one check
        per text and figures, shared with the checker's findings)."""
        return text_findings(self.session.catalogue, self.session.values, key, text)

    def _recheck_texts(self) -> None:
        """A figure changed: the narratives quoting it are checked again after a pause."""
        for marks in self.number_marks.values():
            marks.schedule()

    def _on_left(self, field: NumberField) -> None:
        """Leaving a figure: a trailing comma goes, the value is shown as saved."""
        if self.problems[field.key].isVisible():
            return
        if field.text().endswith(","):
            self._on_value_edited(field.key, field.text()[:-1])
        field.show_value(self.session.values.get(field.key))

    def _on_text_settled(self, key: str, text: str) -> None:
        try:
            self.session.set_text(key, text)
        except ValueError as error:
            self.problems[key].show_problem(str(error))
        else:
            self.problems[key].show_problem(None)

    def _refresh_derived(self) -> None:
        derived = self.session.derived()
        for key, field in self.numbers.items():
            if field.indicator.derived:
                field.show_value(derived.get(key))

    def refresh(self, key: str) -> None:
        if key in self.texts:
            self.texts[key].set_text_quietly(self.session.narratives.get(key, ""))
        elif key in self.numbers:
            self.numbers[key].show_value(self.session.values.get(key))
            self.problems[key].show_problem(None)
            self._refresh_derived()
            self._recheck_texts()

    # -- findings ----------------------------------------------------------------------

    def show_findings(self, findings: list[Finding]) -> None:
        shown: dict[int, list[tuple[FindingKind, str]]] = {id(s): [] for s in self._slots.values()}
        shown[id(self._top)] = []
        alerts: dict[str, str | None] = dict.fromkeys(self.numbers)
        kinds: list[FindingKind] = []
        started = self.started()
        for finding in findings:
            slot = self._slot_for(finding)
            if slot is None:
                continue
            kind = self.live.kind(finding)
            if kind == FindingKind.PENDING and not started:
                continue  # only default figures here: nothing the clerk needs to hear yet
            shown[id(slot)].append((kind, finding.message))
            kinds.append(kind)
            colour = _ALERTS.get(kind)
            for key in finding.indicators if colour else ():
                if (
                    key in alerts
                    and alerts[key] != _ALERTS[FindingKind.ERROR]
                    and self._filled(key)
                ):
                    alerts[key] = colour
        for slot in {id(s): s for s in (*self._slots.values(), self._top)}.values():
            slot.set_findings(shown[id(slot)])
        for key, colour in alerts.items():
            if self._alerts.get(key) != colour:
                self.numbers[key].set_alert(colour)
        self._alerts = alerts
        self._kinds = kinds

    def findings_at(self, key: str) -> FindingsList:
        """The findings shown under field ``key``."""
        return self._slots[key]

    def _filled(self, key: str) -> bool:
        return key in self.session.values or bool(self.session.narratives.get(key))

    def _slot_for(self, finding: Finding) -> FindingsList | None:
        """Where a finding shows on this page, if anywhere.

        A pending rule shows under the first missing field here (none here: not on this
        page). Others show under the last of the rule's filled fields here, where the clerk
        has just typed, else under its last field here.
        """
        if finding.status == Status.PENDING:
            missing = [k for k in (*finding.indicators, *finding.narratives) if k in self._slots]
            return self._slots[min(missing, key=self._order.__getitem__)] if missing else None
        here = [k for k in finding_keys(finding, self._rules) if k in self._slots]
        filled = [k for k in here if self._filled(k)]
        if filled or here:
            return self._slots[max(filled or here, key=self._order.__getitem__)]
        return self._top if finding.section == self.section.id else None

    def started(self) -> bool:
        """Whether the clerk has typed anything here (default figures do not count)."""
        return self.session.started([*self.numbers, *self.texts])

    def mark(self) -> tuple[Mark, str]:
        return mark_of(self._kinds, self.started()), counts_text(self._kinds)


def _unit_text(indicator: Indicator) -> str:
    return unit_words(indicator) + (" — tự tính" if indicator.derived else "")
