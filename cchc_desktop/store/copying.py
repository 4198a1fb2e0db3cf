"""What a new report starts with: the unit's place name, and what carries over from
the report it is duplicated from."""

import json
import re
from collections.abc import Mapping, Set
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from cchc_desktop.catalogue import Catalogue, CrossPeriodRule
from cchc_desktop.store.records import HEADER_PREFIX, canonical
from cchc_desktop.units import commune

if TYPE_CHECKING:
    from cchc_desktop.model import Unit

# Given when the report is signed, so never copied into the next period's report.
NOT_CARRIED_HEADER = frozenset({f"{HEADER_PREFIX}number", f"{HEADER_PREFIX}date"})
PREAMBLE = f"{HEADER_PREFIX}preamble"


def place_of(unit: "Unit") -> str:
    """The dateline's place (``Tứ Kỳ`` for ``Xã Tứ Kỳ``); blank for a free-text unit."""
    if not unit.code:
        return ""
    try:
        return commune(unit.code).place
    except ValueError:
        return ""


def carried_values(
    catalogue: Catalogue, source: Mapping[str, str], defaults: Mapping[str, str]
) -> dict[str, str]:
    """Defaults, then the source's stock figures, then each cross-period rule's figure.

    Flows (dossiers received, documents issued …) start empty: they count what
    happens in the new period. A stock (headcount, procedures published) is
    still true at its start. A value the current catalogue no longer accepts is
    left behind rather than copied in broken.
    """
    values = dict(defaults)
    for indicator_id, text in source.items():
        if catalogue.has_indicator(indicator_id):
            indicator = catalogue.indicator(indicator_id)
            if indicator.carry_over and not indicator.derived:
                _put(catalogue, values, indicator_id, text)
    for rule in catalogue.rules:
        if isinstance(rule, CrossPeriodRule) and rule.previous in source:
            _put(catalogue, values, rule.indicator, source[rule.previous])
    return values


def _put(catalogue: Catalogue, values: dict[str, str], indicator_id: str, text: str) -> None:
    try:
        values[indicator_id] = canonical(catalogue.indicator(indicator_id).parse(Decimal(text)))
    except (ValueError, InvalidOperation):
        return


def carried_texts(narrative_keys: Set[str], source: Mapping[str, str]) -> dict[str, str]:
    """The header but its number and date, and the narratives the catalogue still has."""
    return {
        key: text
        for key, text in source.items()
        if (key.startswith(HEADER_PREFIX) and key not in NOT_CARRIED_HEADER)
        or key in narrative_keys
    }


def retitled(text: str, old_title: str, new_title: str) -> str:
    """``text`` with each whole mention of ``old_title`` replaced by ``new_title``.

    The first letter may be either case (``quý I năm 2026`` at the start of a
    sentence is ``Quý I năm 2026``); the replacement keeps it.
    """
    if not old_title or not new_title or old_title == new_title:
        return text
    first, rest = old_title[0], re.escape(old_title[1:])
    pattern = re.compile(rf"(?<!\w)([{re.escape(first.lower() + first.upper())}]){rest}(?!\w)")

    def replace(found: re.Match[str]) -> str:
        head = new_title[0].upper() if found[1].isupper() else new_title[0]
        return head + new_title[1:]

    return pattern.sub(replace, text)


def retitle_preamble(texts: dict[str, str], old_title: str, new_title: str) -> None:
    """Make the carried preamble (stored JSON text) speak of the new period.

    ``…báo cáo kết quả … quý I năm 2026 như sau:`` copied into the second quarter
    says ``quý II năm 2026``. Narratives are left as they are: they tell what
    happened, and the clerk rewrites them.
    """
    stored = texts.get(PREAMBLE)
    if stored is None:
        return
    try:
        preamble = json.loads(stored)
    except ValueError:
        return
    if not isinstance(preamble, str):
        return
    changed = retitled(preamble, old_title, new_title)
    if changed != preamble:
        texts[PREAMBLE] = json.dumps(changed, ensure_ascii=False)
