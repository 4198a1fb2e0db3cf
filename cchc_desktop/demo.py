"""The built-in demo report: Xã Tứ Kỳ (11074), quý I năm 2026, every section filled.

Its figures follow the reference reports (``907 = 892 + 15`` dossiers, ``164 =
141 + 12 + 11 = 53 + 69 + 42`` procedures, ``17 = 10 + 7`` staff of a quota of
18, e-ID ``3.525/3.879`` and ``2.846/3.525``) and obey every rule of the
catalogue, so the checker finds no error. The printed report writes the
figures as sentences, so the narratives, adapted from a real commune's report,
say what the figures cannot (which plans, who did what, the new model, the
dialogue, qualitative results) and quote none of them. The people, phone
numbers and the commune's own documents are made up. Used for screenshots,
benchmarks and a first look at the product; it is written through the ordinary
``Store`` API.
"""
# ruff: noqa: E501 -- the narratives are prose, one paragraph a line, as the clerk types them

import datetime as dt
from decimal import Decimal

from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune

DEMO_UNIT_CODE = "11074"
DEMO_PERIOD = "2026-Q1"

D = Decimal

# Every typed indicator of catalogue cchc-xa 2026.1 (the PAR-index maxima keep
# their catalogue defaults). Rates are derived by the checker, never typed.
VALUES: dict[str, int | Decimal] = {
    # 1. Chỉ đạo, điều hành: 32 = 9 done (3 early) + 23 not yet due; 1 of 4 inspected
    "chi_dao.ke_hoach.tong": 32,
    "chi_dao.ke_hoach.hoan_thanh": 9,
    "chi_dao.ke_hoach.truoc_han": 3,
    "chi_dao.ke_hoach.chua_den_han": 23,
    "chi_dao.ke_hoach.tre_han": 0,
    "chi_dao.van_ban.ban_hanh": 14,
    "chi_dao.van_ban.ke_hoach": 9,
    "chi_dao.kiem_tra.ke_hoach": 4,
    "chi_dao.kiem_tra.da_kiem_tra": 1,
    "chi_dao.kiem_tra.da_khac_phuc": 1,
    "chi_dao.tuyen_truyen.tin_bai": 38,
    "chi_dao.tuyen_truyen.hoi_nghi": 2,
    "chi_dao.sang_kien.so_luong": 1,
    "chi_dao.doi_thoai.so_cuoc": 1,
    # 2. Thể chế
    "the_che.vbqppl.ban_hanh": 1,
    "the_che.vbqppl.ra_soat": 6,
    "the_che.vbqppl.can_xu_ly": 1,
    "the_che.vbqppl.da_xu_ly": 1,
    "the_che.vbqppl.kiem_tra": 1,
    "the_che.vbqppl.trai_phap_luat": 0,
    "the_che.pho_bien.so_cuoc": 5,
    "the_che.pho_bien.luot_nguoi": 920,
    # 3. Thủ tục hành chính: 164 = 141 + 12 + 11 = 53 + 69 + 42
    "tthc.thu_tuc.tong": 164,
    "tthc.thu_tuc.cap_xa": 141,
    "tthc.thu_tuc.quoc_phong": 12,
    "tthc.thu_tuc.cong_an": 11,
    "tthc.thu_tuc.nganh_khac": 0,
    "tthc.thu_tuc.toan_trinh": 53,
    "tthc.thu_tuc.mot_phan": 69,
    "tthc.thu_tuc.thong_tin": 42,
    "tthc.thu_tuc.rut_ngan": 20,
    # 907 received = 0 carried over + 907 new = 892 online + 15 in person; all resolved early
    "tthc.ho_so.tiep_nhan": 907,
    "tthc.ho_so.ky_truoc": 0,
    "tthc.ho_so.moi": 907,
    "tthc.ho_so.truc_tuyen": 892,
    "tthc.ho_so.truc_tiep": 15,
    "tthc.ho_so.buu_chinh": 0,
    "tthc.ho_so.da_giai_quyet": 907,
    "tthc.ho_so.dung_han": 907,
    "tthc.ho_so.truoc_han": 907,
    "tthc.ho_so.qua_han": 0,
    "tthc.ho_so.dang_giai_quyet": 0,
    "tthc.ho_so.dang_qua_han": 0,
    "tthc.ho_so.rut_tra": 0,
    "tthc.so_hoa.ho_so": 907,
    "tthc.so_hoa.ket_qua": 907,
    "tthc.thanh_toan.truc_tuyen": 318,
    "tthc.phan_anh.tiep_nhan": 0,
    "tthc.phan_anh.da_xu_ly": 0,
    "tthc.phan_anh.dang_xu_ly": 0,
    "tthc.khao_sat.phat_ra": 150,
    "tthc.khao_sat.thu_ve": 142,
    "tthc.khao_sat.hai_long": 140,
    "tthc.khao_sat.chi_so_sipas": D("86.42"),
    "tthc.tiep_cong_dan.tong": 14,
    "tthc.tiep_cong_dan.dinh_ky": 3,
    "tthc.tiep_cong_dan.thuong_xuyen": 11,
    # petitions 7 = 1 + 5 + 1 = 1 complaint + 6 requests = 6 settled + 1 being settled
    "tthc.don_thu.tong": 7,
    "tthc.don_thu.ky_truoc": 1,
    "tthc.don_thu.moi": 5,
    "tthc.don_thu.cap_tren_chuyen": 1,
    "tthc.don_thu.khieu_nai": 1,
    "tthc.don_thu.to_cao": 0,
    "tthc.don_thu.kien_nghi": 6,
    "tthc.don_thu.da_giai_quyet": 6,
    "tthc.don_thu.dang_giai_quyet": 1,
    "tthc.dinh_danh.cong_dan_14": 3879,
    "tthc.dinh_danh.da_thu_nhan": 3525,
    "tthc.dinh_danh.da_kich_hoat": 2846,
    # 4. Tổ chức bộ máy: 17 = 10 cadres + 7 civil servants, quota 18
    "to_chuc.bien_che.tong": 18,
    "to_chuc.bien_che.cbcc": 18,
    "to_chuc.bien_che.su_nghiep": 0,
    "to_chuc.bien_che.giao_duc": 0,
    "to_chuc.bien_che.van_hoa": 0,
    "to_chuc.bien_che.khac": 0,
    "to_chuc.cbcc.tong": 17,
    "to_chuc.cbcc.can_bo": 10,
    "to_chuc.cbcc.cong_chuc": 7,
    "to_chuc.nhan_su.vien_chuc": 0,
    "to_chuc.nhan_su.tong": 17,
    "to_chuc.lanh_dao.tong": 3,
    "to_chuc.lanh_dao.cap_truong": 1,
    "to_chuc.lanh_dao.cap_pho": 2,
    "to_chuc.don_vi.phong_chuyen_mon": 3,
    # 5. Công vụ: 17 = 1 + 14 + 2 by qualification = 16 + 1 by political theory
    "cong_vu.trinh_do.sau_dai_hoc": 1,
    "cong_vu.trinh_do.dai_hoc": 14,
    "cong_vu.trinh_do.cao_dang": 0,
    "cong_vu.trinh_do.trung_cap": 2,
    "cong_vu.trinh_do.khac": 0,
    "cong_vu.ly_luan.cao_cap": 0,
    "cong_vu.ly_luan.trung_cap": 16,
    "cong_vu.ly_luan.so_cap": 1,
    "cong_vu.ly_luan.chua_qua": 0,
    "cong_vu.dao_tao.luot": 12,
    "cong_vu.tuyen_dung.so_nguoi": 0,
    "cong_vu.dieu_dong.so_nguoi": 1,
    "cong_vu.tinh_gian.so_nguoi": 0,
    "cong_vu.danh_gia.tong": 17,
    "cong_vu.danh_gia.xuat_sac": 3,
    "cong_vu.danh_gia.tot": 12,
    "cong_vu.danh_gia.hoan_thanh": 2,
    "cong_vu.danh_gia.khong_hoan_thanh": 0,
    "cong_vu.ky_luat.so_nguoi": 0,
    # 6. Tài chính công (million VND): 3.112,5 of 12.450 disbursed = 25%
    "tai_chinh.tu_chu.co_quan": 1,
    "tai_chinh.tu_chu.co_quan_tu_chu": 1,
    "tai_chinh.su_nghiep.tong": 0,
    "tai_chinh.su_nghiep.tu_bao_dam": 0,
    "tai_chinh.su_nghiep.mot_phan": 0,
    "tai_chinh.su_nghiep.nha_nuoc": 0,
    "tai_chinh.dau_tu.ke_hoach": D("12450"),
    "tai_chinh.dau_tu.giai_ngan": D("3112.5"),
    "tai_chinh.ngan_sach.du_toan_thu": D("8650"),
    "tai_chinh.ngan_sach.thuc_hien_thu": D("2337.4"),
    "tai_chinh.tiet_kiem.kinh_phi": D("125.6"),
    # 7. Chính quyền số
    "so_hoa.van_ban.di": 186,
    "so_hoa.van_ban.di_truc_tuyen": 186,
    "so_hoa.van_ban.ky_so": 186,
    "so_hoa.van_ban.den": 412,
    "so_hoa.van_ban.den_truc_tuyen": 412,
    "so_hoa.chu_ky_so.ca_nhan": 13,
    "so_hoa.chu_ky_so.to_chuc": 2,
    "so_hoa.thu_cong_vu.cap": 17,
    "so_hoa.dvc.toan_trinh": 406,
    "so_hoa.trang_tin.tin_bai": 64,
    "so_hoa.hop_truc_tuyen.so_cuoc": 9,
    "so_hoa.iso.thu_tuc": 141,
    # 8. Tác động (optional section)
    "tac_dong.dau_tu.du_an": 1,
    "tac_dong.doanh_nghiep.thanh_lap_moi": 4,
    "tac_dong.doanh_nghiep.ho_kinh_doanh_chuyen_doi": 1,
    "tac_dong.chi_tieu.tong": 18,
    "tac_dong.chi_tieu.dat": 5,
    # PAR-index self-assessment of 2025 (optional part): 68,75 of 70 + 22,4 of 30 = 91,15
    "chi_so.chi_dao.diem": D("11.75"),
    "chi_so.the_che.diem": D("5.5"),
    "chi_so.tthc.diem": D("20.5"),
    "chi_so.to_chuc.diem": D("6"),
    "chi_so.cong_vu.diem": D("9.75"),
    "chi_so.tai_chinh.diem": D("4.5"),
    "chi_so.so_hoa.diem": D("8.25"),
    "chi_so.tac_dong.diem": D("2.5"),
    "chi_so.tong.tu_danh_gia": D("68.75"),
    "chi_so.dtxhh.diem": D("22.4"),
    "chi_so.tong.diem": D("91.15"),
}

NARRATIVES: dict[str, str] = {
    "chi_dao.ket_qua": """\
- Kế hoạch CCHC năm 2026 (Kế hoạch số 12/KH-UBND ngày 05/01/2026) xác định cụ thể từng nhiệm vụ, sản phẩm, bộ phận chủ trì và thời hạn hoàn thành; kèm theo là các kế hoạch chuyên đề như: tuyên truyền CCHC; kiểm tra CCHC; kiểm soát TTHC; chuyển đổi số; đào tạo, bồi dưỡng cán bộ, công chức; tăng cường kỷ luật, kỷ cương hành chính. Tiến độ từng nhiệm vụ được rà soát tại cuộc giao ban hằng tuần của lãnh đạo UBND xã.
- Đoàn kiểm tra của UBND xã đã kiểm tra Bộ phận Một cửa; các tồn tại được chỉ ra (chậm cập nhật trạng thái hồ sơ, niêm yết chưa kịp thời TTHC mới công bố) đã được khắc phục ngay sau kiểm tra.
- Tin, bài tuyên truyền được đăng trên Trang thông tin điện tử và hệ thống truyền thanh của xã; hội nghị quán triệt, tập huấn dành cho cán bộ, công chức, trưởng thôn và Tổ công nghệ số cộng đồng.
- Mô hình mới «Tổ hỗ trợ dịch vụ công trực tuyến tại Bộ phận Một cửa» gồm công chức Văn phòng HĐND và UBND cùng đoàn viên thanh niên, trực hằng ngày để hướng dẫn người dân nộp hồ sơ, thanh toán phí, lệ phí trực tuyến.
- Ngày 26/02/2026, Chủ tịch UBND xã đối thoại với người dân về giải quyết TTHC lĩnh vực đất đai; các kiến nghị được trả lời ngay tại buổi đối thoại hoặc giao Phòng Kinh tế trả lời bằng văn bản.
- Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ về CCHC với Sở Nội vụ thành phố đúng thời hạn.""",
    "chi_dao.han_che": """\
- Một số bộ phận chưa chủ động tham mưu, còn chậm gửi tài liệu kiểm chứng phục vụ chấm điểm Chỉ số CCHC.
- Việc xây dựng, áp dụng sáng kiến trong công tác CCHC còn hạn chế. Nguyên nhân: cán bộ, công chức kiêm nhiệm nhiều việc; xã mới sắp xếp theo mô hình chính quyền địa phương hai cấp, khối lượng công việc lớn.""",
    "the_che.ket_qua": """\
- Văn bản quy phạm pháp luật ban hành trong quý được xây dựng đúng trình tự, thủ tục theo Luật Ban hành văn bản quy phạm pháp luật, có lấy ý kiến Nhân dân và được công chức Tư pháp - Hộ tịch thẩm định trước khi trình ký.
- Việc rà soát tập trung vào văn bản của HĐND, UBND các xã cũ ban hành trước khi sắp xếp; văn bản không còn phù hợp với mô hình chính quyền địa phương hai cấp đã được bãi bỏ.
- Phổ biến pháp luật lồng ghép trong hội nghị của các thôn, tập trung vào Luật Đất đai, Luật Căn cước và dịch vụ công trực tuyến; duy trì tủ sách pháp luật của xã.""",
    "the_che.han_che": """\
- Hình thức tuyên truyền, phổ biến pháp luật chưa đa dạng, chưa thu hút nhiều người dân tham gia.
- Công tác theo dõi tình hình thi hành pháp luật có nội dung còn hạn chế do công chức tư pháp kiêm nhiệm nhiều nhiệm vụ.""",
    "tthc.ket_qua": """\
- TTHC mới, sửa đổi, bổ sung được cập nhật niêm yết và quy trình nội bộ ngay khi Chủ tịch UBND thành phố công bố.
- Hồ sơ được tiếp nhận, giải quyết và trả kết quả trên phần mềm một cửa điện tử; thành phần hồ sơ được số hóa ngay khi tiếp nhận, giấy tờ đã số hóa được tái sử dụng, người dân không phải nộp lại.
- Người dân đánh giá cao thái độ hướng dẫn của công chức Bộ phận Một cửa; ý kiến đề nghị bố trí thêm ghế chờ, máy lấy số thứ tự đã được UBND xã đáp ứng trong quý.
- Đơn khiếu nại về bồi thường, hỗ trợ khi thu hồi đất làm đường trục xã đang được xác minh, giải quyết trong thời hạn luật định; các đơn kiến nghị, phản ánh đã được giải quyết dứt điểm tại cơ sở.
- Thực hiện Đề án 06, Bộ phận Một cửa phối hợp với Công an xã thu nhận, kích hoạt tài khoản định danh điện tử tại trụ sở và lưu động tại các thôn, kể cả ngày nghỉ.""",
    "tthc.han_che": """\
- Tỷ lệ người dân tự nộp hồ sơ trực tuyến chưa cao, phần lớn hồ sơ trực tuyến vẫn do công chức Bộ phận Một cửa hỗ trợ nộp.
- Phần mềm một cửa điện tử đôi lúc gián đoạn, ảnh hưởng đến thời gian tiếp nhận hồ sơ. Tỷ lệ kích hoạt tài khoản định danh điện tử chưa đạt chỉ tiêu do một bộ phận người dân đi làm ăn xa.""",
    "to_chuc.ket_qua": """\
- Từ ngày 01/07/2025, xã được tổ chức theo mô hình chính quyền địa phương hai cấp; cơ quan chuyên môn thuộc UBND xã gồm Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã hội.
- Ban hành Quy chế làm việc của UBND xã (sửa đổi), phân công nhiệm vụ cụ thể cho từng thành viên UBND, từng công chức. Đối với vị trí còn thiếu, UBND xã đã đề nghị Sở Nội vụ bổ sung; trong thời gian chờ đã phân công công chức kiêm nhiệm.""",
    "to_chuc.han_che": "Không.",
    "cong_vu.ket_qua": """\
- Cán bộ, công chức được cử tham gia các lớp bồi dưỡng do Sở Nội vụ, Trường Chính trị thành phố tổ chức về quản lý nhà nước theo mô hình chính quyền địa phương hai cấp và kỹ năng số.
- Việc đánh giá, xếp loại chất lượng năm 2025 gắn với sản phẩm cụ thể của từng người; kết quả được công khai, không có ý kiến thắc mắc.
- Duy trì kỷ luật, kỷ cương hành chính, văn hóa công sở; cán bộ, công chức Bộ phận Một cửa có thái độ phục vụ tận tình, đúng mực.""",
    "cong_vu.han_che": """\
- Tính chuyên nghiệp của một số cán bộ, công chức chưa cao, còn lúng túng khi tiếp nhận nhiệm vụ mới sau sắp xếp.
- Nguyên nhân: khối lượng công việc lớn, một người phụ trách nhiều lĩnh vực; thời gian bồi dưỡng còn ít.""",
    "tai_chinh.ket_qua": """\
- Dự toán ngân sách năm 2026 được công khai theo quy định; ban hành Quy chế chi tiêu nội bộ, Quy chế quản lý, sử dụng tài sản công; kinh phí tiết kiệm chủ yếu từ cắt giảm hội nghị, công tác phí.
- Vốn đầu tư công tập trung cho nâng cấp đường trục xã và cải tạo nhà văn hóa các thôn; Tổ công tác do Chủ tịch UBND xã làm Tổ trưởng họp hằng tháng với nhà thầu để đôn đốc giải ngân.""",
    "tai_chinh.han_che": """\
- Tiến độ giải ngân vốn đầu tư công còn chậm do vướng mắc trong giải phóng mặt bằng.
- Nguồn thu ngân sách của xã còn hạn hẹp, một số nhiệm vụ phát sinh chưa chủ động được kinh phí.""",
    "so_hoa.ket_qua": """\
- Lãnh đạo UBND xã giao việc, chỉ đạo và theo dõi kết quả xử lý công việc trên Hệ thống quản lý văn bản và điều hành; văn bản điện tử được phát hành không kèm bản giấy.
- Tổ công nghệ số cộng đồng ở các thôn hướng dẫn người dân dùng ứng dụng VNeID, ứng dụng ngân hàng để nộp hồ sơ và thanh toán trực tuyến.""",
    "so_hoa.han_che": """\
- Trang thiết bị công nghệ thông tin một số bộ phận đã cũ, đường truyền đôi lúc chưa ổn định.
- Chưa có công chức chuyên trách về công nghệ thông tin, an toàn thông tin mạng.""",
    "tac_dong.ket_qua": """\
- Thời gian giải quyết TTHC được rút ngắn, góp phần cải thiện môi trường đầu tư, kinh doanh trên địa bàn; dự án được chấp thuận chủ trương đầu tư trong quý là dự án xây dựng nhà xưởng may mặc, tạo việc làm cho lao động địa phương.
- Các chỉ tiêu đạt và vượt kế hoạch năm chủ yếu thuộc lĩnh vực văn hóa - xã hội và chuyển đổi số.""",
    "tac_dong.han_che": "Một số chỉ tiêu kinh tế - xã hội mang tính thời vụ, đến cuối năm mới đánh giá được kết quả.",
    "chi_so.nhan_xet": """\
Việc tự đánh giá, chấm điểm Chỉ số CCHC năm 2025 có đầy đủ tài liệu kiểm chứng; lĩnh vực cải cách thể chế và cải cách tổ chức bộ máy hành chính đạt tỷ lệ điểm cao nhất. Kết quả điều tra xã hội học cho thấy người dân đánh giá tích cực thái độ phục vụ của Bộ phận Một cửa.""",
    "chi_so.han_che": """\
Lĩnh vực cải cách tài chính công và xây dựng chính quyền số còn bị trừ điểm do tiến độ giải ngân vốn đầu tư công và tỷ lệ hồ sơ trực tuyến toàn trình chưa đạt yêu cầu.""",
    "danh_gia.uu_diem": """\
Công tác CCHC được cấp ủy, chính quyền xã quan tâm lãnh đạo, chỉ đạo; kế hoạch được ban hành kịp thời, các nhiệm vụ được triển khai đúng tiến độ. 100% hồ sơ TTHC được giải quyết trước hạn, không có hồ sơ quá hạn; tỷ lệ hồ sơ trực tuyến cao; văn bản được xử lý hoàn toàn trên môi trường mạng. Đội ngũ cán bộ, công chức cơ bản đáp ứng yêu cầu nhiệm vụ.""",
    "danh_gia.han_che": """\
Việc áp dụng sáng kiến trong CCHC còn ít; tỷ lệ người dân tự nộp hồ sơ trực tuyến chưa cao; tiến độ giải ngân vốn đầu tư công còn chậm; hạ tầng công nghệ thông tin chưa đồng bộ.""",
    "danh_gia.nguyen_nhan": """\
Xã mới sắp xếp theo mô hình chính quyền địa phương hai cấp, khối lượng công việc tăng trong khi số cán bộ, công chức chưa đủ biên chế; một bộ phận người dân chưa quen sử dụng dịch vụ công trực tuyến; kinh phí đầu tư cho công nghệ thông tin còn hạn chế.""",
    "phuong_huong.nhiem_vu": """\
- Tiếp tục thực hiện các nhiệm vụ của Kế hoạch CCHC năm 2026, phấn đấu hoàn thành 100% nhiệm vụ đúng hạn.
- Rà soát, cập nhật, công khai kịp thời các TTHC mới ban hành, sửa đổi, bổ sung; duy trì giải quyết 100% hồ sơ đúng và trước hạn.
- Đẩy mạnh hướng dẫn người dân tự nộp hồ sơ trực tuyến, thanh toán trực tuyến; nâng tỷ lệ kích hoạt tài khoản định danh điện tử.
- Thực hiện Kế hoạch kiểm tra CCHC đối với 03 bộ phận, thôn còn lại.
- Cử cán bộ, công chức tham gia bồi dưỡng chuyên môn, kỹ năng số; tăng cường kỷ luật, kỷ cương hành chính.
- Đẩy nhanh tiến độ giải ngân vốn đầu tư công; đầu tư, nâng cấp trang thiết bị công nghệ thông tin tại Bộ phận Một cửa.""",
    "kien_nghi.noi_dung": """\
- Đối với Trung ương: Không.
- Đối với thành phố: Đề nghị Sở Nội vụ tiếp tục mở các lớp bồi dưỡng nghiệp vụ CCHC cho công chức cấp xã; đề nghị Sở Khoa học và Công nghệ hỗ trợ nâng cấp đường truyền và thiết bị cho Bộ phận Một cửa.""",
}

HEADER: dict[str, object] = {
    "date": dt.date(2026, 3, 16),
    "addressee": "Sở Nội vụ thành phố Hải Phòng",
    "preamble": (
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã về cải cách hành "
        "chính năm 2026, Ủy ban nhân dân xã Tứ Kỳ báo cáo kết quả thực hiện công tác cải "
        "cách hành chính quý I năm 2026 như sau:"
    ),
    "citations": [
        {
            "kind": "Nghị quyết",
            "number": "76/NQ-CP",
            "date": "15/07/2021",
            "issuer": "Chính phủ",
            "summary": "ban hành Chương trình tổng thể cải cách hành chính nhà nước "
            "giai đoạn 2021 - 2030",
        },
        {
            "kind": "Kế hoạch",
            "number": "12/KH-UBND",
            "date": "05/01/2026",
            "issuer": "UBND xã Tứ Kỳ",
            "summary": "cải cách hành chính năm 2026",
        },
    ],
    "signer": {"authority": "TM", "title": "CHỦ TỊCH", "name": "Nguyễn Văn Thắng"},
    "recipients": [
        "Sở Nội vụ thành phố Hải Phòng;",
        "Thường trực Đảng ủy xã;",
        "Thường trực HĐND xã;",
        "Chủ tịch, các Phó Chủ tịch UBND xã;",
        "Lưu: VT, VP.",
    ],
    "contacts": [
        {
            "role": "Lãnh đạo phụ trách công tác CCHC",
            "name": "Trần Thị Hoa",
            "position": "Phó Chủ tịch UBND xã",
            "contact": "0912 000 101",
        },
        {
            "role": "Công chức tham mưu công tác CCHC",
            "name": "Lê Văn Minh",
            "position": "Công chức Văn phòng HĐND và UBND",
            "contact": "0912 000 102",
        },
    ],
}


def create_demo_report(store: Store) -> int:
    """Add the demo report to ``store`` and return its id.

    ``ValueError`` if the store already has a live report of Xã Tứ Kỳ for quý I
    năm 2026 (the demo or the clerk's own).
    """
    unit = Unit.from_official(commune(DEMO_UNIT_CODE))
    report_id = store.create_report(unit, DEMO_PERIOD)
    for indicator_id, value in VALUES.items():
        store.set_value(report_id, indicator_id, value)
    for key, text in NARRATIVES.items():
        store.set_text(report_id, key, text)
    for name, field in HEADER.items():
        store.set_header_field(report_id, name, field)
    return report_id


def demo_report(store: Store) -> int:
    """The id of the store's report of Xã Tứ Kỳ for quý I năm 2026, made by
    :func:`create_demo_report` if there is none yet."""
    for summary in store.list_reports():
        if summary.unit_code == DEMO_UNIT_CODE and summary.period == DEMO_PERIOD:
            return summary.id
    return create_demo_report(store)
