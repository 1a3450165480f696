"""Word lists the extractor relies on, kept apart so they can grow without touching logic.

All entries are lower-case NFC.
"""

from __future__ import annotations

CURRENCY_WORDS = ("vnđ", "vnd", "đồng", "đ")
FOREIGN_CURRENCIES = {"usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "euro": "EUR"}

# Physical units, written form -> canonical unit.
MEASURE_UNITS = {
    "km2": "km2", "km²": "km2", "km": "km", "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3",
    "ha": "ha", "héc ta": "ha", "hécta": "ha", "hecta": "ha", "héc-ta": "ha",
    "tấn/ha": "tấn/ha", "tạ/ha": "tạ/ha", "kg": "kg", "tấn": "tấn", "tạ": "tạ", "lít": "lít",
    "mw": "MW", "kwh": "kWh", "kw": "kW", "cm": "cm", "mm": "mm", "m": "m",
}

# Counted nouns, written form -> canonical unit. Longest written form wins.
COUNT_NOUNS = {
    "lđ": "lao động", "hs": "học sinh", "gv": "giáo viên", "dn": "doanh nghiệp",
    "htx": "hợp tác xã", "tcsđ": "tổ chức cơ sở đảng",
    **{word: word for word in (
        "lao động", "người", "nhân khẩu", "hộ", "hộ gia đình", "gia đình", "xã", "phường",
        "thị trấn", "thôn", "xóm", "làng", "bản", "khu dân cư", "tổ dân phố", "trường",
        "trường học", "lớp", "phòng học", "học sinh", "sinh viên", "học viên", "giáo viên",
        "cán bộ", "công chức", "viên chức", "đảng viên", "chi bộ", "tổ chức cơ sở đảng",
        "tổ chức đảng", "tập thể", "cá nhân", "doanh nghiệp", "hợp tác xã", "cơ sở", "dự án",
        "công trình", "tuyến", "tuyến đường", "cây cầu", "cầu", "nhà", "ngôi nhà", "căn nhà",
        "nhà văn hóa", "nhà văn hoá", "nhà ở", "căn hộ", "giường bệnh", "bác sĩ", "bác sỹ",
        "trạm y tế", "cụm công nghiệp", "khu công nghiệp", "chợ", "sản phẩm", "mô hình",
        "con", "cây", "chiếc", "cái", "lượt", "khách", "du khách", "thẻ", "suất", "suất quà",
        "phần quà", "xuất quà", "hồ sơ", "thủ tục", "vụ", "vụ việc", "vụ án", "đối tượng",
        "thanh niên", "tân binh", "công dân", "hội viên", "đoàn viên", "cụ", "trẻ", "trẻ em",
        "cháu", "em", "bệnh nhân", "ca", "máy", "camera", "đơn vị", "cơ quan", "tiêu chí",
        "đại biểu", "thí sinh", "đồng chí", "đồng bào", "tổ chức", "hội", "câu lạc bộ",
        "đội", "gian hàng", "lồng", "ao", "hộ dân", "trang trại", "gia trại",
        "giờ công", "ngày công", "bao", "kiện", "bộ", "ô tô", "xe", "tàu", "vận động viên",
        "nông dân", "ngư dân", "công nhân", "người lao động", "người cao tuổi", "hộ kinh doanh",
        "cơ sở sản xuất", "làng nghề", "thương binh", "liệt sĩ", "gia đình chính sách",
        "người có công", "khu", "điểm trường", "đầu",
    )},
}
# Canonical units folded further so "hộ dân" and "hộ" count the same thing.
UNIT_ALIASES = {"hộ dân": "hộ", "nhà văn hoá": "nhà văn hóa", "bác sỹ": "bác sĩ"}

# Nouns after a number that make it a duration, an age or a count of plan items, not an
# indicator of the territory (a count of plan items is kept only as a fulfilment ratio).
TIME_UNITS = frozenset({"năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "thế kỷ",
                        "tuổi", "buổi", "đêm", "kỳ"})
PLAN_UNITS = frozenset({"nhiệm vụ", "khâu", "khâu đột phá", "đột phá", "nhóm chỉ tiêu",
                        "chỉ tiêu", "danh mục", "giải pháp", "chương trình", "đề án", "kế hoạch",
                        "nghị quyết", "văn bản", "nội dung", "nhóm", "mục tiêu", "quan điểm",
                        "lĩnh vực", "trụ cột", "bước", "phong trào", "cuộc vận động",
                        "chuyên đề", "hội nghị", "cuộc họp"})
DENOMINATOR_UNITS = frozenset({"vạn dân", "nghìn dân", "ngàn dân"})

# Subjects after which a bare "115 triệu" is money.
MONEY_CUES = ("thu nhập", "giá trị", "ngân sách", "doanh thu", "vốn", "kinh phí", "tổng thu",
              "tổng chi", "chi ", "đầu tư", "kim ngạch", "lương", "giá ", "tiền", "hỗ trợ",
              "dư nợ", "tín dụng", "nguồn lực", "thu ", "grdp", "gdp", "lợi nhuận", "quỹ",
              "ủng hộ", "nộp", "vay", "giải ngân", "tài trợ")

QUALIFIERS = {"trên": ">", "hơn": ">", "ngoài": ">", "vượt trên": ">", "dưới": "<",
              "chưa đến": "<", "chưa tới": "<", "không quá": "<", "gần": "≈", "khoảng": "≈",
              "xấp xỉ": "≈", "chừng": "≈", "hơn gần": "≈"}

# Head words that open a subject noun phrase ("tỷ lệ …", "tổng thu …").
SUBJECT_HEADS = ("tỷ lệ", "tỉ lệ", "tốc độ", "tổng", "số ", "giá trị", "thu nhập", "thu ngân",
                 "thu ns", "chi ", "doanh thu", "sản lượng", "diện tích", "năng suất", "mức",
                 "cơ cấu", "kim ngạch", "dân số", "lượng", "tăng trưởng", "vốn", "dư nợ")
