"""One narrative checked: breakdowns, rates and, given the figures, quoted figures."""

from cchc_desktop.narrative_numbers.breakdowns import find_breakdowns
from cchc_desktop.narrative_numbers.figures import Figures, find_figure_slips
from cchc_desktop.narrative_numbers.finding import TextFinding
from cchc_desktop.narrative_numbers.layout import Layout
from cchc_desktop.narrative_numbers.rates import find_rates
from cchc_desktop.narrative_numbers.text import prepare


def check_text(text: str, figures: Figures | None = None) -> list[TextFinding]:
    """Every suspicious group of numbers in ``text``, in the order of the text.

    With ``figures``, numbers quoting the report's figures of that section are
    compared with them too. Spans are offsets into ``text`` as given.
    """
    prepared = prepare(text)
    layout = Layout(prepared)
    slips = find_breakdowns(layout) + find_rates(layout)
    if figures is not None:
        slips += find_figure_slips(layout, figures)
    findings = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    for slip in sorted(slips, key=lambda s: s.spans):
        if slip.spans in seen:
            continue
        seen.add(slip.spans)
        spans = tuple((prepared.to_original(a), prepared.to_original(b)) for a, b in slip.spans)
        line = prepared.line_of(slip.spans[0][0])
        findings.append(TextFinding(line, spans, slip.message, slip.indicators))
    return findings
