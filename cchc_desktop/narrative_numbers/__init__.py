"""Arithmetic slips in the narrative text, not only in the figure fields.

Clerks write numbers into their prose, and that is where real reports go wrong:
a total followed by parts that do not add up (``tiếp nhận 1.730 hồ sơ, trong đó
trực tuyến 1.500, trực tiếp 200``), a fraction beside a rate that does not match
(``hoàn thành 15/25 nhiệm vụ, đạt 62%``), a figure in the text that contradicts
the report's own figure field. :func:`check_text` reads the numbers the
Vietnamese way (:mod:`.numbers`), leaves alone what is not a sum (dates, document
numbers, years, telephone numbers, running differences, rates per day, ranges)
and returns warnings, never errors: the clerk decides.

- :mod:`.breakdowns`: totals and their parts (in the sentence, in parentheses, in
  the list lines below);
- :mod:`.rates`: ``A/B …, đạt P%`` and ``P% (A/B)``;
- :mod:`.figures`: consistency with the report's figures, from the phrase file;
- :mod:`.report`: the same as checker findings (:func:`narrative_findings`, and
  :func:`update_narrative_findings` after one field changed).
"""

from cchc_desktop.narrative_numbers.check import check_text
from cchc_desktop.narrative_numbers.figures import Figures
from cchc_desktop.narrative_numbers.finding import TextFinding
from cchc_desktop.narrative_numbers.report import (
    RULE_PREFIX,
    narrative_findings,
    update_narrative_findings,
)

__all__ = [
    "RULE_PREFIX",
    "Figures",
    "TextFinding",
    "check_text",
    "narrative_findings",
    "update_narrative_findings",
]
