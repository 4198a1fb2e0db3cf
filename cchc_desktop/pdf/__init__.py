"""The printed report: one PDF the chairman signs, laid out by Decree 30/2020/NĐ-CP.

:func:`render_report_pdf` is the one entry point. A draft may have blanks and
errors (``DỰ THẢO`` above the title, optionally a last page listing the open
findings); a final copy is refused while any error finding remains
(:class:`FinalCopyRefused`), the header's gaps included (``check_report``).
Marking the report final once the copy is written is the caller's (``Store.mark_final``).
"""

import os
from pathlib import Path
from typing import BinaryIO

from cchc_desktop.atomic_file import write_atomically
from cchc_desktop.catalogue import Catalogue
from cchc_desktop.checks import Finding, Kinds, check_report, counts_text
from cchc_desktop.model import Report
from cchc_desktop.pdf.document import ReportDocument

__all__ = ["FinalCopyRefused", "render_report_pdf"]


class FinalCopyRefused(Exception):
    """The final copy cannot be printed: ``errors`` are the blocking findings (failed
    errors and required entries still missing); ``counts`` says how many of each."""

    def __init__(self, errors: list[Finding], counts: str | None = None) -> None:
        self.errors = errors
        counts = counts or f"{len(errors)} lỗi"
        super().__init__(
            f"Chưa in được bản chính thức: báo cáo còn {counts}. "
            "Sửa lỗi, nhập đủ các mục còn thiếu, hoặc in bản dự thảo."
        )


def render_report_pdf(
    report: Report,
    catalogue: Catalogue,
    out: Path | BinaryIO,
    *,
    final: bool = False,
    findings: list[Finding] | None = None,
    include_findings_page: bool = False,
    previous: Report | None = None,
) -> None:
    """Write ``report`` as a PDF to ``out`` (a path, written atomically, or a binary stream).

    ``findings`` are the checker's (computed here, against ``previous``, when not
    given and a final copy or the findings page needs them). ``final`` raises
    :class:`FinalCopyRefused` before anything is written while a failed error
    remains; warnings and pending rules never block. The findings page is printed
    on drafts only. The same report gives the same bytes.
    """
    listed = None
    if final or include_findings_page:
        if findings is None:
            findings = check_report(catalogue, report, previous)
        if final:
            errors = [f for f in findings if f.blocking]
            if errors:
                kinds = Kinds(catalogue)
                raise FinalCopyRefused(errors, counts_text(kinds(f) for f in errors))
        else:
            listed = findings
    data = ReportDocument(report, catalogue, draft=not final, findings=listed).build()
    if isinstance(out, str | os.PathLike):
        write_atomically(out, data)
    else:
        out.write(data)
