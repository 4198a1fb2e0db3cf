"""How long printing a full report takes, against a bare ReportLab build of the same text.

The report: the demo's figures and header, its narratives replaced by the text
of a reference report (``../shared/reference/001_*.txt`` beside the checkout,
or ``--reference FILE``) split across the sections, so the PDF has the size of
a real one. The floor prints what the report prints in the plainest ReportLab
way: every paragraph of the report (header lines, headings, figure sentences,
narratives, footnotes, signature) in the body style, and every table's rows
(the figures appendix above all) as a plain gridded ``Table`` of strings with
its header row repeated, in a ``SimpleDocTemplate``; no header layout, bold
faces, spans, footnote area or page numbers. The content is read off the
report's story once, before timing. Both are built interleaved in the same run;
medians, their ratio and the ratio per page are printed. Target: at most 1.5×.
Run with
``python -m benchmarks.bench_pdf [--runs N] [--reference FILE]``.
"""

import argparse
import datetime as dt
import io
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table

from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.demo import HEADER, NARRATIVES, VALUES
from cchc_desktop.model import Header, Report, Unit
from cchc_desktop.pdf import render_report_pdf
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.document import ReportDocument
from cchc_desktop.pdf.fonts import REGULAR
from cchc_desktop.pdf.layout import MOTTO, NATION, HeaderBlock
from cchc_desktop.pdf.text import markup, paragraphs
from cchc_desktop.units import commune

TARGET_RATIO = 1.5
_REFERENCES = Path(__file__).resolve().parents[2] / "shared" / "reference"


def reference_text(path: Path | None) -> str:
    """A reference report's text (its markdown marks dropped), or the demo's narratives."""
    candidates = [path] if path else sorted(_REFERENCES.glob("001_*.txt"))
    for candidate in candidates:
        if candidate and candidate.is_file():
            lines = candidate.read_text(encoding="utf-8").splitlines()
            return "\n".join(line.replace("**", "").replace("*", "") for line in lines)
    return "\n".join(NARRATIVES.values()) * 2


def full_report(catalogue: Catalogue, text: str) -> Report:
    """The demo report with ``text``'s paragraphs dealt out to the narratives in order."""
    lines = paragraphs(text)
    keys = list(catalogue.narrative_keys())
    share = max(1, len(lines) // len(keys))
    narratives = {
        key: "\n".join(lines[i * share : (i + 1) * share if i < len(keys) - 1 else None])
        for i, key in enumerate(keys)
    }
    now = dt.datetime(2026, 3, 16, 8, 0)
    return Report(
        id=1,
        catalogue_id=catalogue.id,
        catalogue_version=catalogue.version,
        unit=Unit.from_official(commune("11074")),
        period="2026-Q1",
        period_title="quý I năm 2026",
        window_from=dt.date(2025, 12, 15),
        window_to=dt.date(2026, 3, 14),
        header=Header.model_validate(HEADER),
        narratives=narratives,
        values=dict(VALUES),
        created_at=now,
        updated_at=now,
    )


# A table as the floor prints it: its rows of strings and its column widths.
Rows = tuple[list[list[str]], list[float]]


def printed(flowables: Iterable[Flowable]) -> Iterator[str | Rows]:
    """What ``flowables`` print, in order: each paragraph's markup, each text table's rows."""
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            yield flowable.text
        elif isinstance(flowable, HeaderBlock):
            lines = [*flowable.parent, *flowable.issuer, NATION, MOTTO]
            yield from (markup(line) for line in [*lines, flowable.number, flowable.dateline])
        elif isinstance(flowable, KeepTogether):
            yield from printed(flowable._content)
        elif isinstance(flowable, Table):
            cells = flowable._cellvalues
            if all(isinstance(cell, str) for row in cells for cell in row):
                yield [list(row) for row in cells], list(flowable._argW)
            else:  # a layout table (the signature): its cells hold paragraphs
                for row in cells:
                    for cell in row:
                        yield from printed(cell if isinstance(cell, list | tuple) else [cell])


def bare_build(report: Report, catalogue: Catalogue) -> Callable[[], bytes]:
    """The report's paragraphs and tables in a plain document (see the module's doc)."""
    body = s.styles().body
    document = ReportDocument(report, catalogue, draft=True)
    story, _ = document.story(footnotes=True)
    content = [*printed(story), *document.notes.notes]
    grid = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the default Helvetica has no Vietnamese
        ("FONTSIZE", (0, 0), (-1, -1), s.TABLE),
        ("LEADING", (0, 0), (-1, -1), s.TABLE * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
    ]

    def build() -> bytes:
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=s.MARGIN_LEFT,
            rightMargin=s.MARGIN_RIGHT,
            topMargin=s.MARGIN_TOP,
            bottomMargin=s.MARGIN_BOTTOM,
            invariant=1,
        )
        doc.build(
            [
                Paragraph(item, body)
                if isinstance(item, str)
                else Table(item[0], colWidths=item[1], repeatRows=1, style=grid)
                for item in content
            ]
        )
        return out.getvalue()

    return build


def run(runs: int = 9, reference: Path | None = None) -> None:
    catalogue = load_catalogue()
    report = full_report(catalogue, reference_text(reference))
    bare = bare_build(report, catalogue)

    def ours() -> bytes:
        out = io.BytesIO()
        render_report_pdf(report, catalogue, out)
        return out.getvalue()

    sizes = {"report": len(ours()), "bare": len(bare())}  # warm up: fonts, caches
    times: dict[str, list[float]] = {"report": [], "bare": []}
    for _ in range(runs):
        for name, action in (("report", ours), ("bare", bare)):
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    from pypdf import PdfReader

    pages = {
        name: len(PdfReader(io.BytesIO(build())).pages)
        for name, build in (("report", ours), ("bare", bare))
    }
    words = sum(len(t.split()) for t in report.narratives.values())
    report_ms = statistics.median(times["report"]) * 1000
    bare_ms = statistics.median(times["bare"]) * 1000
    print(f"report: {words} words of narrative, {len(report.values)} figures")
    print(f"  full PDF: {pages['report']} pages, {sizes['report'] // 1024} KiB")
    print(f"  bare PDF: {pages['bare']} pages, {sizes['bare'] // 1024} KiB")
    print(f"render_report_pdf: {report_ms:.0f} ms median of {runs}")
    print(f"bare SimpleDocTemplate of the same text: {bare_ms:.0f} ms median of {runs}")
    verdict = "ok" if report_ms <= TARGET_RATIO * bare_ms else "OVER TARGET"
    print(f"ratio {report_ms / bare_ms:.2f}× (target ≤ {TARGET_RATIO}×): {verdict}")
    per_page = (report_ms / pages["report"]) / (bare_ms / pages["bare"])
    print(
        f"per page: {report_ms / pages['report']:.1f} ms against {bare_ms / pages['bare']:.1f} ms"
        f" = {per_page:.2f}× (the same text; the report in its own layout: header, faces,"
        " footnotes, spans, page numbers)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--reference", type=Path)
    options = parser.parse_args()
    run(options.runs, options.reference)
