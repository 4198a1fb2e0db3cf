"""Administrative units from the official list (``vietnam-provinces``): 34 provinces,
3,321 communes, wards and special zones since 1 July 2025.

Codes are strings as the official list writes them: provinces ``01`` … ``96``,
communes five digits (``11074``). The official list is imported on first use,
not at start-up: it takes a noticeable moment on an old PC.
"""

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vietnam_provinces import Province, Ward


@dataclass(frozen=True)
class OfficialUnit:
    code: str
    name: str
    province_code: str
    province_name: str

    @property
    def issuing_body(self) -> str:
        """``ỦY BAN NHÂN DÂN XÃ TỨ KỲ``: the committee that issues the report."""
        return f"ỦY BAN NHÂN DÂN {self.name.upper()}"

    @property
    def parent_body(self) -> str:
        """``UBND THÀNH PHỐ HẢI PHÒNG``, ``UBND TỈNH CAO BẰNG``: printed above the issuer."""
        return f"UBND {self.province_name.upper()}"

    @property
    def place(self) -> str:
        """The place name of the dateline: ``Tứ Kỳ`` for ``Xã Tứ Kỳ``."""
        for prefix in ("Xã ", "Phường ", "Đặc khu "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


def fold(text: str) -> str:
    """Lower-case text without accents, for search: ``Phượng Kỳ`` → ``phuong ky``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def province_code(code: str | int) -> str:
    """Normalise ``1`` or ``01`` to ``01``; ``ValueError`` for an unknown province."""
    from vietnam_provinces import Province, ProvinceCode

    try:
        number = int(code)
        Province.from_code(ProvinceCode(number))
    except ValueError:
        raise ValueError(f"Mã tỉnh «{code}» không có trong danh sách 34 tỉnh, thành phố") from None
    return f"{number:02d}"


def _province_name(province: "Province") -> str:
    from vietnam_provinces import VietNamDivisionType

    if province.division_type == VietNamDivisionType.TINH:
        return f"Tỉnh {province.name}"
    return province.name


def provinces() -> list[tuple[str, str]]:
    """``(code, name)`` of the 34 provinces, in official order."""
    from vietnam_provinces import Province

    return [(f"{p.code.value:02d}", _province_name(p)) for p in Province.iter_all()]


def _official(ward: "Ward") -> OfficialUnit:
    from vietnam_provinces import Province

    province = Province.from_code(ward.province_code)
    return OfficialUnit(
        code=f"{ward.code.value:05d}",
        name=ward.name,
        province_code=f"{province.code.value:02d}",
        province_name=_province_name(province),
    )


@cache
def _all_units() -> tuple[OfficialUnit, ...]:
    from vietnam_provinces import Ward

    return tuple(_official(w) for w in Ward.iter_all())


def commune(code: str | int) -> OfficialUnit:
    """The commune with that official code; ``ValueError`` with a Vietnamese message if none."""
    from vietnam_provinces import Ward, WardCode

    try:
        return _official(Ward.from_code(WardCode(int(code))))
    except ValueError:
        raise ValueError(
            f"Mã đơn vị «{code}» không có trong danh sách xã, phường chính thức"
        ) from None


def communes(province: str | int | None = None) -> Iterator[OfficialUnit]:
    """All communes, or those of one province, in official order."""
    wanted = province_code(province) if province is not None else None
    return (u for u in _all_units() if wanted is None or u.province_code == wanted)


def search(query: str, province: str | int | None = None) -> list[OfficialUnit]:
    """Communes whose name contains every word of the query, accents ignored."""
    words = fold(query).split()
    return [u for u in communes(province) if all(w in fold(u.name) for w in words)]
