"""The narrative checker's warnings as checker findings, for every narrative of a report.

Each warning becomes a :class:`~cchc_desktop.checks.Finding` with rule id
``van_ban.<narrative key>``, the narrative's section, severity warning, status
failed, the narrative as its field and the message prefixed with where it is
(``Kết quả đạt được, dòng 3: …``), so the wizard's findings page, ``cchc check``,
the bundle and the printed findings page list them beside the arithmetic rules.

One narrative is read once per text and figures: :func:`text_findings` remembers
its last results, so the checker's findings, the wizard's underline (which needs
the spans a :class:`Finding` does not carry) and its findings list share one check.
"""

from collections.abc import Iterable, Mapping
from functools import lru_cache

from cchc_desktop.catalogue import Catalogue, Severity
from cchc_desktop.checks.findings import Finding, Status
from cchc_desktop.narrative_numbers.check import check_text
from cchc_desktop.narrative_numbers.figures import Figures
from cchc_desktop.narrative_numbers.finding import TextFinding
from cchc_desktop.vnformat import Number

RULE_PREFIX = "van_ban."  # rule id of a narrative finding: van_ban.<narrative key>


def narrative_findings(
    catalogue: Catalogue, values: Mapping[str, Number], narratives: Mapping[str, str]
) -> list[Finding]:
    """The warnings of every narrative of the report, in the catalogue's outline order."""
    findings: list[Finding] = []
    for key in catalogue.narrative_keys():
        text = narratives.get(key, "")
        if text.strip():
            findings += findings_of(catalogue, values, key, text)
    return findings


def update_narrative_findings(
    catalogue: Catalogue,
    findings: Iterable[Finding],
    values: Mapping[str, Number],
    narratives: Mapping[str, str],
    changed: str,
) -> list[Finding]:
    """The narrative warnings among ``findings`` after one field changed.

    ``changed`` is a narrative key or an indicator id: the narratives of its section
    are read again (a figure may now match, or no longer match, what they quote),
    the others keep their warnings. The result equals :func:`narrative_findings` of
    the new values and texts.
    """
    section = changed.split(".", 1)[0]
    keys = list(catalogue.narrative_keys())
    old: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule_id.startswith(RULE_PREFIX):
            old.setdefault(finding.rule_id.removeprefix(RULE_PREFIX), []).append(finding)
    result: list[Finding] = []
    for key in keys:
        if key.split(".", 1)[0] != section:
            result += old.get(key, [])
        elif (text := narratives.get(key, "")).strip():
            result += findings_of(catalogue, values, key, text)
    return result


def findings_of(
    catalogue: Catalogue, values: Mapping[str, Number], key: str, text: str
) -> list[Finding]:
    """The warnings of one narrative (``key`` is ``section.narrative``)."""
    return [as_finding(catalogue, key, f) for f in text_findings(catalogue, values, key, text)]


def text_findings(
    catalogue: Catalogue, values: Mapping[str, Number], key: str, text: str
) -> tuple[TextFinding, ...]:
    """The warnings of one narrative with their spans (``key`` is ``section.narrative``).

    Remembered per text and figures of the section: the same text with the same
    figures is not read again (the underline, the findings and a recheck ask in turn).
    """
    section = key.split(".", 1)[0]
    quoted = tuple((i, values[i]) for i in _figure_ids(catalogue, section) if i in values)
    return _checked(catalogue, section, text, quoted)


@lru_cache(maxsize=64)
def _figure_ids(catalogue: Catalogue, section: str) -> tuple[str, ...]:
    """The figures a narrative of ``section`` may quote."""
    return tuple(i.id for i in catalogue.section_indicators(section))


@lru_cache(maxsize=256)
def _checked(
    catalogue: Catalogue, section: str, text: str, quoted: tuple[tuple[str, Number], ...]
) -> tuple[TextFinding, ...]:
    return tuple(check_text(text, Figures(catalogue, section, dict(quoted))))


def as_finding(catalogue: Catalogue, key: str, found: TextFinding) -> Finding:
    section_id, _, narrative_id = key.partition(".")
    section = catalogue.section(section_id)
    labels = [n.label for n in section.narratives if n.id == narrative_id]
    where = f"{labels[0]}, dòng {found.line}" if labels else f"Dòng {found.line}"
    return Finding(
        rule_id=f"{RULE_PREFIX}{key}",
        section=section_id,
        severity=Severity.WARNING,
        status=Status.FAILED,
        indicators=found.indicators,
        narratives=(key,),
        message=f"{where}: {found.message}",
    )
