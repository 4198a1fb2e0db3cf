"""What a finding means to the clerk: an error, a warning, something missing, or a rule
waiting for figures. One classification for every screen: the wizard, the start
screen and the ``cchc`` command line count and label findings the same way.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from cchc_desktop.catalogue import Catalogue, RequiredRule, Severity
from cchc_desktop.checks.findings import Finding, Status
from cchc_desktop.checks.header import is_header_finding

__all__ = [
    "FindingKind",
    "KindCounts",
    "Kinds",
    "blocks_final",
    "count_kinds",
    "counts_text",
    "kind_label",
    "kind_word",
]


class FindingKind(StrEnum):
    """The checker's severity and status, combined as the clerk reads them."""

    ERROR = "error"  # a figure is wrong: fix it before the final copy
    WARNING = "warning"  # worth a second look; never blocks
    MISSING = "missing"  # a required figure, text or header field is still empty
    PENDING = "pending"  # a rule that cannot be evaluated yet (some figures missing)


# The word in front of a finding's line (``cchc check``), and the counted noun.
_LABELS = {
    FindingKind.ERROR: "LỖI",
    FindingKind.WARNING: "CẢNH BÁO",
    FindingKind.MISSING: "CÒN THIẾU",
    FindingKind.PENDING: "CHỜ SỐ LIỆU",
}
_COUNTED = {
    FindingKind.ERROR: "lỗi",
    FindingKind.WARNING: "cảnh báo",
    FindingKind.MISSING: "mục còn thiếu",
    FindingKind.PENDING: "quy tắc chưa kiểm tra được",
}


class Kinds:
    """Classifies the findings of one catalogue (build once, call per finding)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.required = frozenset(r.id for r in catalogue.rules if isinstance(r, RequiredRule))

    def __call__(self, finding: Finding) -> FindingKind:
        if finding.status == Status.PENDING:
            return FindingKind.PENDING
        if finding.rule_id in self.required or is_header_finding(finding):
            return FindingKind.MISSING
        return FindingKind.ERROR if finding.severity == Severity.ERROR else FindingKind.WARNING


def kind_label(kind: FindingKind) -> str:
    """``LỖI``, ``CẢNH BÁO``, ``CÒN THIẾU`` or ``CHỜ SỐ LIỆU``."""
    return _LABELS[kind]


def kind_word(kind: FindingKind) -> str:
    """``Lỗi``, ``Cảnh báo``, ``Còn thiếu`` or ``Chờ số liệu``: the label in a sentence."""
    return _LABELS[kind].capitalize()


@dataclass(frozen=True)
class KindCounts:
    """How many findings of each kind: what the clerk's screens and the province count."""

    errors: int = 0
    warnings: int = 0
    missing: int = 0
    pending: int = 0


def count_kinds(findings: Iterable[Finding], kinds: Kinds) -> KindCounts:
    """The findings counted by kind, as the wizard and the start screen count them.

    ``errors`` are wrong figures only: a required field still empty (a draft with no
    signer) is ``missing``, not an error.
    """
    listed = [kinds(f) for f in findings]
    return KindCounts(
        errors=listed.count(FindingKind.ERROR),
        warnings=listed.count(FindingKind.WARNING),
        missing=listed.count(FindingKind.MISSING),
        pending=listed.count(FindingKind.PENDING),
    )


def blocks_final(kind: FindingKind) -> bool:
    """Errors and missing entries keep the final copy from being printed."""
    return kind in (FindingKind.ERROR, FindingKind.MISSING)


def counts_text(kinds: Iterable[FindingKind], *, zero: bool = False) -> str:
    """``2 lỗi, 1 cảnh báo, 3 mục còn thiếu`` in this order; kinds absent are left out
    (with ``zero``, errors, warnings and missing entries are always said, ``0 lỗi``)."""
    listed = list(kinds)
    parts = [
        f"{listed.count(kind)} {word}"
        for kind, word in _COUNTED.items()
        if kind in listed or (zero and kind != FindingKind.PENDING)
    ]
    return ", ".join(parts)
