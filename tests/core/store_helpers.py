"""A small catalogue and units for the store tests (independent of the shipped catalogue)."""

from pathlib import Path

from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.units import commune

CATALOGUE_TOML = """
id = "thu-kho"
version = "1"
title = "Danh mục thử cho kho dữ liệu"

[[parts]]
id = "ket_qua"
title = "Kết quả thực hiện"

[[parts]]
id = "danh_gia"
title = "Đánh giá chung"

[[sections]]
id = "tthc"
part = "ket_qua"
title = "Cải cách thủ tục hành chính"
narratives = [
  { id = "ket_qua", label = "Kết quả đạt được" },
  { id = "han_che", label = "Tồn tại, hạn chế" },
]

[[sections]]
id = "to_chuc"
part = "ket_qua"
title = "Cải cách tổ chức bộ máy"

[[sections]]
id = "tai_chinh"
part = "ket_qua"
title = "Cải cách tài chính công"

[[sections]]
id = "par"
part = "danh_gia"
title = "Tự đánh giá chỉ số CCHC"

[[sections]]
id = "chung"
part = "danh_gia"
title = "Đánh giá chung"
narratives = [{ id = "uu_diem", label = "Ưu điểm" }]

[[indicators]]
id = "tthc.thu_tuc.cong_bo"
label = "Số thủ tục hành chính đã công bố"
unit = "thủ tục"
kind = "count"
carry_over = true

[[indicators]]
id = "tthc.ho_so.ky_truoc"
label = "Số hồ sơ kỳ trước chuyển sang"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.moi"
label = "Số hồ sơ mới tiếp nhận"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.tiep_nhan"
label = "Tổng số hồ sơ tiếp nhận"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.da_giai_quyet"
label = "Số hồ sơ đã giải quyết"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.dung_han"
label = "Số hồ sơ giải quyết đúng hạn"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.dang_giai_quyet"
label = "Số hồ sơ đang giải quyết"
unit = "hồ sơ"
kind = "count"

[[indicators]]
id = "tthc.ho_so.ty_le_dung_han"
label = "Tỷ lệ hồ sơ giải quyết đúng hạn"
unit = "%"
kind = "percent"
derived = true

[[indicators]]
id = "tthc.hai_long"
label = "Tỷ lệ người dân hài lòng"
unit = "%"
kind = "percent"

[[indicators]]
id = "to_chuc.bien_che"
label = "Số biên chế được giao"
unit = "người"
kind = "count"
carry_over = true

[[indicators]]
id = "to_chuc.so_nguoi"
label = "Số cán bộ, công chức hiện có"
unit = "người"
kind = "count"
carry_over = true

[[indicators]]
id = "tai_chinh.giai_ngan"
label = "Số vốn đầu tư công đã giải ngân"
unit = "triệu đồng"
kind = "money"

[[indicators]]
id = "par.diem_toi_da"
label = "Điểm tối đa lĩnh vực thủ tục hành chính"
unit = "điểm"
kind = "score"
default = "16.5"

[[indicators]]
id = "par.diem_tu_cham"
label = "Điểm tự chấm lĩnh vực thủ tục hành chính"
unit = "điểm"
kind = "score"

[[rules]]
id = "tthc.tiep_nhan_theo_nguon"
kind = "sum"
total = "tthc.ho_so.tiep_nhan"
parts = ["tthc.ho_so.ky_truoc", "tthc.ho_so.moi"]

[[rules]]
id = "tthc.ty_le_dung_han"
kind = "ratio"
target = "tthc.ho_so.ty_le_dung_han"
numerator = ["tthc.ho_so.dung_han"]
denominator = "tthc.ho_so.da_giai_quyet"

[[rules]]
id = "tthc.chuyen_ky"
kind = "cross_period"
indicator = "tthc.ho_so.ky_truoc"
previous = "tthc.ho_so.dang_giai_quyet"
"""

TU_KY = Unit.from_official(commune("11074"))
KY_SON = Unit.from_official(commune("04894"))
# A historical unit typed as free text, as in the 2021–2023 reference reports.
PHUONG_KY = Unit(
    name="Xã Phượng Kỳ",
    parent_body="UBND HUYỆN TỨ KỲ",
    issuing_body="ỦY BAN NHÂN DÂN XÃ PHƯỢNG KỲ",
)


def write_catalogue(folder: Path) -> Path:
    path = folder / "thu-kho.toml"
    path.write_text(CATALOGUE_TOML, encoding="utf-8")
    return path


def make_catalogue(folder: Path) -> Catalogue:
    return load_catalogue(write_catalogue(folder))
