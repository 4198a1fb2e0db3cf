"""What the checker says: one finding per broken or pending rule (passing rules say nothing)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cchc_desktop.catalogue import Severity


class Status(StrEnum):
    FAILED = "failed"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict: the fields involved, for the UI to mark, and a Vietnamese message.

    ``section`` is the section of the rule's first input (a ratio's target); for a
    required field it is that field's own section. ``indicators`` of a pending
    finding are the figures still missing.
    """

    rule_id: str
    section: str
    severity: Severity
    status: Status
    indicators: tuple[str, ...]
    narratives: tuple[str, ...]
    message: str

    @property
    def blocking(self) -> bool:
        """A failed error: the final copy cannot be printed while it stands."""
        return self.status == Status.FAILED and self.severity == Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only (for the bundle and the findings page)."""
        return {
            "rule_id": self.rule_id,
            "section": self.section,
            "severity": str(self.severity),
            "status": str(self.status),
            "indicators": list(self.indicators),
            "narratives": list(self.narratives),
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Finding":
        """The inverse of ``to_dict``; ``KeyError``/``ValueError`` on a malformed entry."""
        return cls(
            rule_id=str(data["rule_id"]),
            section=str(data["section"]),
            severity=Severity(data["severity"]),
            status=Status(data["status"]),
            indicators=tuple(str(i) for i in data.get("indicators", ())),
            narratives=tuple(str(n) for n in data.get("narratives", ())),
            message=str(data["message"]),
        )


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any failed error remains; pending rules and warnings never block."""
    return any(f.blocking for f in findings)
