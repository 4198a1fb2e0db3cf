"""What the printed report's header and closing block still lack.

The checker's rules read figures and narratives; these read the header (the
preamble, the signer's name, the recipients) and the data window, which the
final copy cannot go without. Each gap is a failed error finding (so it blocks
the final copy like a required figure), ``section`` ``header``, ``rule_id``
``header.<field>``; the wizard, ``cchc check``, the final-copy refusal and the
bundle all take them from here.
"""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cchc_desktop.catalogue import Severity
from cchc_desktop.checks.findings import Finding, Status

if TYPE_CHECKING:  # read by attribute only: the checker needs no pydantic
    from cchc_desktop.model import Header

HEADER_SECTION = "header"
RULE_PREFIX = "header."
WINDOW_KEY = "window"  # the key the history and the wizard give the data window


@dataclass(frozen=True)
class _Requirement:
    name: str  # rule ``header.<name>``
    key: str  # the field to open: ``header.<name>``, or ``window``
    words: str  # what is missing, in the clerk's words


_WINDOW = _Requirement("window", WINDOW_KEY, "thời gian lấy số liệu (từ ngày … đến ngày …)")
_PREAMBLE = _Requirement(
    "preamble", "header.preamble", "phần căn cứ (thực hiện kế hoạch, văn bản nào)"
)
_SIGNER = _Requirement("signer", "header.signer", "họ và tên người ký")
_RECIPIENTS = _Requirement("recipients", "header.recipients", "nơi nhận")
_BY_RULE = {f"{RULE_PREFIX}{r.name}": r for r in (_WINDOW, _PREAMBLE, _SIGNER, _RECIPIENTS)}


def header_findings(
    header: "Header", window_from: dt.date | None, window_to: dt.date | None
) -> list[Finding]:
    """The header's gaps that keep the final copy from being printed, in page order."""
    gaps = []
    if window_from is None or window_to is None:
        gaps.append(_WINDOW)
    if not header.preamble.strip():
        gaps.append(_PREAMBLE)
    if not header.signer.name.strip():
        gaps.append(_SIGNER)
    if not header.recipients:
        gaps.append(_RECIPIENTS)
    return [
        Finding(
            rule_id=f"{RULE_PREFIX}{gap.name}",
            section=HEADER_SECTION,
            severity=Severity.ERROR,
            status=Status.FAILED,
            indicators=(),
            narratives=(),
            message=f"Cần nhập {gap.words} trước khi in bản chính thức",
        )
        for gap in gaps
    ]


def is_header_finding(finding: Finding) -> bool:
    return finding.section == HEADER_SECTION and finding.rule_id in _BY_RULE


def header_field_key(finding: Finding) -> str:
    """The field a header finding is about (``header.signer``, ``window`` …)."""
    return _BY_RULE[finding.rule_id].key


def header_words(finding: Finding) -> str:
    """What a header finding says is missing, briefly (``họ và tên người ký``)."""
    return _BY_RULE[finding.rule_id].words
