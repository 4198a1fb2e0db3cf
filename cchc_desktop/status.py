"""The status of a report: draft, ready for signing, or the final copy.

Apart from ``cchc_desktop.model`` (which re-exports it) so that listing the
reports, which the start screen does before its first paint, needs no pydantic.

A report becomes final when its final copy (PDF) is written; any later change
of its content returns it to draft, and undoing back to the printed content
makes it final again (``Store.mark_final``). ``ready`` is kept in the schema
but nothing sets it yet: whether a draft could be printed as final is what the
checker says, not a stored state.
"""

from enum import StrEnum


class ReportStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    FINAL = "final"


STATUS_WORDS: dict[str, str] = {
    ReportStatus.DRAFT: "Bản nháp",
    ReportStatus.READY: "Sẵn sàng",
    ReportStatus.FINAL: "Chính thức",
}


def status_word(status: ReportStatus | str) -> str:
    """``Bản nháp``, ``Sẵn sàng`` or ``Chính thức`` (an unknown status as it is)."""
    return STATUS_WORDS.get(str(status), str(status))
