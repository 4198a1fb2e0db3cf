"""How a section's figures are grouped on its page: by the middle part of their ids.

``tthc.ho_so.tiep_nhan`` and ``tthc.ho_so.da_giai_quyet`` share the group
``ho_so``; the heading comes from the labels by a simple rule (a group named
``tong`` is "Tổng cộng"), so that a new
catalogue needs no code. Groups of a single figure are gathered into one
"Số liệu khác" group after the others.
"""

from dataclasses import dataclass, field

from cchc_desktop.catalogue import Catalogue, Indicator

OTHER = "Số liệu khác"
TOTALS = "Tổng cộng"
_LEADING = ("Trong đó: ", "Tổng số ", "Tổng ", "Số ")


@dataclass
class FigureGroup:
    title: str
    indicators: list[Indicator] = field(default_factory=list)


def figure_groups(catalogue: Catalogue, section_id: str) -> list[FigureGroup]:
    by_name: dict[str, list[Indicator]] = {}
    for indicator in catalogue.section_indicators(section_id):
        by_name.setdefault(indicator.id.split(".")[1], []).append(indicator)
    groups: list[FigureGroup] = []
    other = FigureGroup(OTHER)
    for name, members in by_name.items():
        if len(members) > 1:
            groups.append(FigureGroup(TOTALS if name == "tong" else group_title(members), members))
        else:
            other.indicators += members
    if len(groups) == 0:
        other.title = "Số liệu"
    return [*groups, other] if other.indicators else groups


def group_title(indicators: list[Indicator]) -> str:
    """``Trình độ chuyên môn: đại học`` … → ``Trình độ chuyên môn``; ``Điểm tối đa: X`` and
    ``Điểm tự đánh giá: X`` → ``X``; otherwise the first label without ``Tổng số``,
    ``Số`` or a closing bracket: ``Tổng số hồ sơ tiếp nhận`` → ``Hồ sơ tiếp nhận``."""
    labels = [i.label for i in indicators]
    if all(":" in label for label in labels):
        heads = {label.split(":", 1)[0].strip() for label in labels}
        tails = {label.split(":", 1)[1].strip() for label in labels}
        if len(heads) == 1:
            return heads.pop()
        if len(tails) == 1:
            return _capital(tails.pop())
    text = labels[0]
    for prefix in _LEADING:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    if text.endswith(")") and " (" in text:
        text = text[: text.rindex(" (")]
    return _capital(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
