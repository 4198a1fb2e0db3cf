"""The fixed blocks of an administrative document: header, title, signature.

The header is drawn directly (two columns, rules measured on the text they
underline, ``Số`` and the dateline on one baseline); the rest are paragraphs
and a borderless two-column table.
"""

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from cchc_desktop.model import Header, Report, Signer, Unit
from cchc_desktop.pdf import styles as s
from cchc_desktop.pdf.fonts import BOLD, ITALIC, REGULAR, width
from cchc_desktop.pdf.text import Para, markup, nfc, upper
from cchc_desktop.vnformat import format_date_long

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
COMMITTEE = "ỦY BAN NHÂN DÂN"
BLANK = "\u00a0" * 8  # a blank number or day, a little wider than ``05``
_LINE = 15.5  # baseline step of the 12–13 pt header lines
_UNIT_KINDS = (
    "Xã ",
    "Phường ",
    "Đặc khu ",
    "Thị trấn ",
    "Thị xã ",
    "Huyện ",
    "Quận ",
    "Thành phố ",
)


def document_number(header: Header) -> str:
    """``05/BC-UBND`` from ``5``, ``05`` or ``05/BC-UBND``; a blank of the right width if none."""
    number = nfc(header.number.strip())
    if not number:
        return f"{BLANK}/BC-UBND"
    if "/" in number:
        return number
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    return f"{number}/BC-UBND"


def place_name(report: Report) -> str:
    """The dateline's place: the clerk's, else the unit's name without ``Xã``/``Phường``."""
    if report.header.place.strip():
        return nfc(report.header.place.strip())
    name = nfc(report.unit.name.strip())
    for prefix in _UNIT_KINDS:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def dateline(report: Report) -> str:
    """``Tứ Kỳ, ngày 05 tháng 01 năm 2026``, or with blank day and month on a draft."""
    if report.header.date is not None:
        return f"{place_name(report)}, {format_date_long(report.header.date)}"
    year = int(report.period[:4])
    return f"{place_name(report)}, ngày{BLANK}tháng{BLANK}năm {year}"


def issuing_body(unit: Unit) -> str:
    return upper(unit.issuing_body or f"{COMMITTEE} {unit.name}")


def _wrap(text: str, font: str, size: float, room: float) -> list[str]:
    """Lines of at most ``room`` points; a committee's name breaks after ``ỦY BAN NHÂN DÂN``."""
    if width(text, font, size) <= room:
        return [text]
    if text.startswith(COMMITTEE + " "):
        return [COMMITTEE, *_wrap(text[len(COMMITTEE) + 1 :], font, size, room)]
    return [str(line) for line in simpleSplit(text, font, size, room)]


class HeaderBlock(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Issuer and number on the left, nation, motto and dateline on the right."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        left = s.HEADER_LEFT_WIDTH
        parent = upper(report.unit.parent_body.strip())
        self.parent = _wrap(parent, REGULAR, s.HEADER, left) if parent else []
        self.issuer = _wrap(issuing_body(report.unit), BOLD, s.HEADER, left)
        self.number = f"Số: {document_number(report.header)}"
        self.dateline = dateline(report)
        rows = max(len(self.parent) + len(self.issuer), 2)
        self.number_drop = rows * _LINE + 28  # baseline of Số and the dateline, from the top

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.number_drop + 6
        return self.width, self.height

    def _centred(self, text: str, font: str, size: float, centre: float, y: float) -> float:
        self.canv.setFont(font, size)
        self.canv.drawCentredString(centre, y, text)
        return width(text, font, size)

    def _rule(self, centre: float, length: float, y: float) -> None:
        self.canv.setLineWidth(0.6)
        self.canv.line(centre - length / 2, y, centre + length / 2, y)

    def draw(self) -> None:
        left_centre = s.HEADER_LEFT_WIDTH / 2
        right_centre = s.HEADER_LEFT_WIDTH + (self.width - s.HEADER_LEFT_WIDTH) / 2
        y = self.height - s.HEADER
        for line in self.parent:
            self._centred(line, REGULAR, s.HEADER, left_centre, y)
            y -= _LINE
        widest = 0.0
        for line in self.issuer:
            widest = max(widest, self._centred(line, BOLD, s.HEADER, left_centre, y))
            y -= _LINE
        self._rule(left_centre, widest * 0.4, y + _LINE - 6)
        y = self.height - s.HEADER
        self._centred(NATION, BOLD, s.HEADER_SMALL, right_centre, y)
        y -= _LINE
        motto = self._centred(MOTTO, BOLD, s.HEADER, right_centre, y)
        self._rule(right_centre, motto, y - 6)
        y = self.height - self.number_drop
        self._centred(self.number, REGULAR, s.HEADER, left_centre, y)
        self._centred(self.dateline, ITALIC, s.DATELINE, right_centre, y)


class Rule(Flowable):  # type: ignore[misc]
    """A short centred rule, e.g. under the title's summary."""

    def __init__(self, length: float, space_before: float = 5, space_after: float = 6) -> None:
        super().__init__()
        self.length = length
        self.space_before = space_before
        self.space_after = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.space_before + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        y = self.space_after
        self.canv.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


def title_block(summary: str, *, draft: bool) -> list[Flowable]:
    """``DỰ THẢO`` (on a draft), ``BÁO CÁO``, the summary and its short rule."""
    st = s.styles()
    blocks: list[Flowable] = []
    if draft:
        room = width("DỰ THẢO", BOLD, s.BODY) + 16
        mark = Table([[Para("DỰ THẢO", st.draft)]], colWidths=[room], hAlign="CENTER")
        mark.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), BOLD), ("BOX", (0, 0), (-1, -1), 0.8, "black")]
            )
        )
        mark.spaceBefore = 12
        blocks.append(mark)
    blocks.append(Para("BÁO CÁO", st.title))
    blocks.append(Para(markup(summary), st.summary))
    longest = min(width(nfc(summary), BOLD, s.BODY), s.FRAME_WIDTH)
    blocks.append(Rule(max(longest / 3, 30 * mm)))
    return blocks


def addressee_block(addressee: str) -> list[Flowable]:
    """``Kính gửi: ...`` centred; several lines become a dashed list."""
    st = s.styles()
    lines = [line.strip().lstrip("-–").strip() for line in addressee.splitlines() if line.strip()]
    if not lines:
        return []
    if len(lines) == 1:
        return [Para(f"Kính gửi: {markup(lines[0])}", st.addressee)]
    return [
        Para("Kính gửi:", st.addressee),
        *(Para(f"- {markup(line.rstrip(';.'))};", st.centred) for line in lines),
    ]


def recipient_lines(recipients: list[str]) -> list[str]:
    """``- X;`` one a line, the last ``- Lưu: VT, VP.`` (added when the clerk left it out)."""
    names = [nfc(r).strip().lstrip("-–+ ").rstrip(" ;.,") for r in recipients]
    names = [n for n in names if n]
    keep = [n for n in names if n.startswith("Lưu")]
    others = [n for n in names if not n.startswith("Lưu")]
    last = keep[-1] if keep else "Lưu: VT, VP"
    return [*(f"- {n};" for n in others), f"- {last}."]


def authority_lines(signer: Signer) -> list[str]:
    """``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH`` or ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``."""
    title = upper(signer.title.strip()) or "CHỦ TỊCH"
    if signer.authority == "KT":
        return ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" if title == "CHỦ TỊCH" else title]
    return [f"TM. {COMMITTEE}", title]


def signature_block(header: Header, authority: list[str] | None = None) -> Table:
    """``Nơi nhận`` on the left, level with the signing authority and name on the right.

    ``authority``: the lines above the signature (default :func:`authority_lines`).
    """
    st = s.styles()
    left: list[Flowable] = [Para("Nơi nhận:", st.recipients_title)]
    left += [Para(markup(line), st.recipients) for line in recipient_lines(header.recipients)]
    lines = authority_lines(header.signer) if authority is None else authority
    right: list[Flowable] = [
        Para("<br/>".join(markup(line) for line in lines), st.authority),
        Spacer(1, 28 * mm),
        Para(markup(header.signer.name.strip()) or "&nbsp;", st.signer),
    ]
    half = s.FRAME_WIDTH / 2
    table = Table([[left, right]], colWidths=[half - 8 * mm, half + 8 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
