"""The status of a report: draft, ready for signing, or the final copy.

Apart from ``cchc_desktop.model`` (which re-exports it) so that listing the
reports, which the start screen does before its first paint, needs no pydantic.
"""

from enum import StrEnum


class ReportStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    FINAL = "final"
