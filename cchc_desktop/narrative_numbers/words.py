"""The words around a number that say what it counts, or that it counts nothing.

A Vietnamese number is followed by its unit (*classifier*): ``1.730 hồ sơ``,
``05 đơn vị``, ``17 cán bộ, công chức``. Units that name the same thing are one
unit here (``TTHC`` is ``thủ tục``; ``cán bộ``, ``công chức``, ``đồng chí`` are
``người``). A number followed by another word takes that word as its unit, so
that only like is added to like; a number followed by a descriptor (``trực
tuyến 1.500, trực tiếp 200``; ``1.500 trực tuyến``) or by nothing is *bare* and
counts in the unit of the total it breaks down.
"""

import re

# canonical unit → the ways it is written (lower case; longest match wins)
UNITS: dict[str, tuple[str, ...]] = {
    "hồ sơ": ("hồ sơ", "bộ hồ sơ"),
    "thủ tục": ("thủ tục hành chính", "thủ tục", "tthc", "dịch vụ công"),
    "người": (
        "cán bộ, công chức, viên chức",
        "cán bộ, công chức",
        "cán bộ công chức",
        "cán bộ",
        "công chức",
        "viên chức",
        "người lao động",
        "người",
        "đồng chí",
        "cbccvc",
        "cbcc",
        "nhân sự",
    ),
    "lượt": ("lượt người", "lượt truy cập", "lượt"),
    "đơn vị": ("cơ quan, đơn vị", "đơn vị"),
    "cơ quan": ("cơ quan",),
    "đơn": ("đơn thư", "đơn"),
    "văn bản": ("văn bản",),
    "tin bài": ("tin, bài", "tin bài", "tin", "bài viết", "bài"),
    "phản ánh": ("phản ánh, kiến nghị", "kiến nghị, phản ánh", "phản ánh", "kiến nghị"),
    "hộ": ("hộ kinh doanh", "hộ gia đình", "hộ"),
    "trường": ("trường học", "trường"),
    "tài khoản": ("tài khoản",),
    "chứng thư số": ("chứng thư số", "chữ ký số"),
    "mô hình": ("mô hình, sáng kiến", "mô hình", "sáng kiến", "giải pháp"),
    "triệu đồng": ("triệu đồng", "triệu"),
    "tỷ đồng": ("tỷ đồng", "tỉ đồng"),
    "nghìn đồng": ("nghìn đồng", "ngàn đồng"),
    "m²": ("m²", "m2"),
    "xã": ("xã, phường, thị trấn", "xã, phường", "xã"),
}
for _unit in (
    "biên chế", "cuộc", "buổi", "hội nghị", "lớp", "đợt", "kỳ", "lần", "kế hoạch",
    "quyết định", "công văn", "báo cáo", "thông báo", "nhiệm vụ", "chỉ tiêu", "tiêu chí",
    "chỉ số", "phiếu", "doanh nghiệp", "dự án", "điểm", "trường hợp", "vụ việc", "vụ",
    "thôn", "ấp", "khóm", "tổ", "phòng", "thành viên", "tập thể", "cá nhân", "máy", "camera",
    "loại", "chuyên đề", "bộ phận", "học viên", "đối tượng", "đồng", "ngày", "tháng", "năm", "giờ",
    "phút", "km", "ha",
):  # fmt: skip
    UNITS.setdefault(_unit, (_unit,))

# Time and distance: a number with these counts days, not dossiers (never a total).
MEASURES = frozenset({"ngày", "tháng", "năm", "giờ", "phút", "km", "ha", "m²"})

_FORMS = sorted(
    ((form, unit) for unit, forms in UNITS.items() for form in forms),
    key=lambda pair: -len(pair[0]),
)
_UNIT_FORM = {form: unit for form, unit in _FORMS}
UNIT_PATTERN = re.compile(
    r"\s*("
    + "|".join(re.escape(form).replace(r"\ ", r"\s+").replace(",", r"\s*,") for form, _ in _FORMS)
    + r")(?![\w²])",
    re.IGNORECASE,
)

# After a number: words that describe it without being a unit (the number stays bare).
DESCRIPTORS = re.compile(
    r"\s*(?:trực\s+tuyến|trực\s+tiếp|qua\s+bưu\s+chính|bưu\s+chính|đúng\s+hạn|trước\s+hạn"
    r"|quá\s+hạn|trễ\s+hạn|trễ\s+hẹn|chưa\s+đến\s+hạn|nam|nữ|toàn\s+trình|một\s+phần)(?!\w)",
    re.IGNORECASE,
)

# After a number: words that start the rest of the sentence (the number stays bare).
CONNECTORS = frozenset(
    (
        "và", "hoặc", "với", "của", "trong", "đạt", "là", "so", "trên", "tại", "có", "được", "đã",
        "đang", "còn", "thuộc", "cho", "từ", "đến", "tới", "theo", "về", "do", "bằng", "chiếm",
        "gồm", "nhưng", "mà", "thì", "sau", "trước", "khi", "tăng", "giảm", "lên", "xuống", "hơn",
        "ít", "nhiều", "chưa", "không", "đều", "cũng", "vẫn", "tính", "kể", "như", "nên", "để",
        "ra", "vào", "qua", "trong", "đó", "bao",
    )
)  # fmt: skip

# Before a number: words after which the number names something (ngày 10, mức độ 3, Phường 1).
LABEL_WORDS = frozenset(
    (
        "ngày", "tháng", "năm", "quý", "số", "khóa", "khoá", "kỳ", "đoạn", "độ", "mức", "loại",
        "thứ", "điều", "khoản", "điểm", "phường", "khu", "tổ", "ấp", "thôn", "khóm", "lớp",
        "phòng", "đợt", "lần", "tiêu", "chí", "tầng", "hạng", "nhóm", "bậc", "cấp", "mục", "phần",
        "chương", "top", "iso", "tcvn", "covid", "đề", "án", "định", "thị", "hoạch", "văn", "báo",
        "tư", "luật", "lệnh", "vực",
    )
)  # fmt: skip

# Capitalised words that start a clause rather than name something (Có 5, Tổng 24).
CLAUSE_WORDS = frozenset(
    (
        "có", "trong", "tổng", "gồm", "với", "đã", "còn", "là", "đạt", "được", "tại", "từ", "đến",
        "cả", "chỉ", "trên", "dưới", "hơn", "khoảng", "gần", "cộng", "bằng", "tiếp", "nhận",
        "giải", "quyết", "phát", "thu", "cấp", "cử", "ban", "hành", "tổ", "chức", "thực", "hiện",
        "riêng", "kích", "hoạt", "hiện", "đăng", "tải", "hoàn", "thành", "niêm", "yết", "công",
        "khai", "trực", "tuyến", "trực", "tiếp",
    )
)  # fmt: skip

# In a breakdown: shares that may overlap (nữ, đảng viên …): each part is only a share.
OVERLAPPING = re.compile(
    r"(?<!\w)(?:nữ|đảng\s+viên|dân\s+tộc|tôn\s+giáo|trẻ\s+em|cao\s+tuổi|khuyết\s+tật|hộ\s+nghèo"
    r"|thương\s+binh|liệt\s+sĩ|đoàn\s+viên|hội\s+viên|thanh\s+niên)(?!\w)",
    re.IGNORECASE,
)

# Before a number: it is not exact, so it is never added up.
APPROXIMATE = re.compile(
    r"(?:(?<!\w)(?:khoảng|gần|hơn|trên|dưới|xấp\s+xỉ|chừng|ước|ước\s+đạt|tối\s+thiểu|ít\s+nhất"
    r"|tối\s+đa|hàng|vài|mấy)|[<>≥≤~])\s*$",
    re.IGNORECASE,
)


def unit_at(scan: str, position: int) -> tuple[str, int] | None:
    """The canonical unit written at ``position`` (after spaces) and where it ends."""
    match = UNIT_PATTERN.match(scan, position)
    if match is None or "\n" in scan[position : match.start(1)]:
        return None
    form = re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", match.group(1).lower()))
    return _UNIT_FORM[form], match.end()
