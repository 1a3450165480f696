"""Article texts of the zoo: commune and district news written for it (NFC, made-up figures).

Each story is what a perfect crawl must store: title, publication date and time (Asia/Ho_Chi_Minh),
the signed author (None when unsigned), the view count shown on the page, and the body lines
(paragraphs, image captions, table rows with cells joined by " | "). The platforms decide where and
how each of these is shown; nothing here is markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    published: str  # "YYYY-MM-DD HH:MM", local time
    views: int
    author: str | None
    paragraphs: tuple[str, ...]
    caption: str | None = None
    table: tuple[tuple[str, ...], ...] = field(default=())
    # table rows are inserted after this many paragraphs
    table_after: int = 1

    @property
    def date(self) -> str:
        return self.published[:10]

    @property
    def time(self) -> str:
        return self.published[11:]

    def body_lines(self) -> list[str]:
        """The article text a crawl must keep, in reading order."""
        lines = list(self.paragraphs[: self.table_after])
        lines += [" | ".join(row) for row in self.table]
        lines += list(self.paragraphs[self.table_after :])
        if self.caption:
            lines.insert(1, self.caption)
        return lines


STORIES: tuple[Story, ...] = (
    Story(
        key="hoi-nong-dan",
        title="Kỷ niệm 90 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930-14/10/2020)",
        published="2020-10-13 08:30",
        views=271,
        author="Nguyễn Thu Hà",
        paragraphs=(
            "Sáng 13/10, Hội Nông dân xã tổ chức lễ kỷ niệm 90 năm Ngày thành lập Hội Nông dân "
            "Việt Nam với sự tham dự của 150 đại biểu là hội viên tiêu biểu của 9 chi hội.",
            "Nhiệm kỳ qua, Hội đã phối hợp với Ngân hàng Chính sách xã hội giải ngân 12,4 tỷ đồng "
            "cho 318 hộ vay vốn phát triển chăn nuôi và trồng cây ăn quả.",
            "Số hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp tăng từ 412 hộ năm 2015 lên "
            "587 hộ năm 2020; thu nhập bình quân đầu người đạt 52,6 triệu đồng một năm.",
            "Dịp này, 15 tập thể và 27 cá nhân được Ban Thường vụ Hội Nông dân huyện tặng giấy "
            "khen vì có thành tích xuất sắc trong phong trào nông dân thi đua sản xuất.",
        ),
        caption="Lãnh đạo xã trao giấy khen cho các hội viên tiêu biểu.",
    ),
    Story(
        key="mot-cua",
        title="Bộ phận một cửa xã giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính",
        published="2023-07-05 14:15",
        views=164,
        author=None,
        paragraphs=(
            "Sáu tháng đầu năm 2023, Bộ phận tiếp nhận và trả kết quả của UBND xã đã tiếp nhận "
            "1.046 hồ sơ thủ tục hành chính, tăng 12% so với cùng kỳ năm trước.",
            "Kết quả giải quyết theo từng lĩnh vực được tổng hợp như sau:",
            "Trong số hồ sơ quá hạn, phần lớn thuộc lĩnh vực đất đai do phải xác minh nguồn gốc "
            "sử dụng đất; xã đã gửi thư xin lỗi tới từng công dân.",
            "Tỷ lệ hồ sơ nộp trực tuyến đạt 41,3%, vượt chỉ tiêu huyện giao 6,3 điểm phần trăm.",
        ),
        table=(
            ("Lĩnh vực", "Số hồ sơ tiếp nhận", "Đúng hạn", "Quá hạn"),
            ("Hộ tịch", "612", "612", "0"),
            ("Chứng thực", "291", "290", "1"),
            ("Đất đai", "143", "129", "14"),
        ),
        table_after=2,
    ),
    Story(
        key="nong-thon-moi",
        title="Xã về đích nông thôn mới nâng cao với 19/19 tiêu chí",
        published="2023-10-31 09:00",
        views=538,
        author="Trần Văn Minh",
        paragraphs=(
            "Chiều 30/10, Đoàn thẩm định của huyện đã kiểm tra kết quả xây dựng nông thôn mới "
            "nâng cao tại xã; cả 19 tiêu chí đều được đánh giá đạt.",
            "Trong ba năm, xã huy động 46,8 tỷ đồng, trong đó nhân dân đóng góp 9,2 tỷ đồng và "
            "hiến 3.400 m² đất để mở rộng 7,5 km đường trục thôn.",
            "Tỷ lệ hộ nghèo giảm còn 1,12%; 100% hộ dân được dùng nước sạch theo quy chuẩn và "
            "95,4% người dân tham gia bảo hiểm y tế.",
        ),
    ),
    Story(
        key="tiem-chung",
        title="Trạm Y tế xã hoàn thành tiêm chủng mở rộng cho 412 trẻ em",
        published="2024-03-22 15:40",
        views=89,
        author="Lê Thị Hồng",
        paragraphs=(
            "Trong quý I năm 2024, Trạm Y tế xã đã tổ chức 3 đợt tiêm chủng mở rộng cho 412 trẻ "
            "dưới 5 tuổi, đạt 97,2% kế hoạch.",
            "Các điểm tiêm được bố trí tại nhà văn hóa thôn Đông và thôn Bắc để giảm thời gian "
            "đi lại cho phụ huynh; không ghi nhận trường hợp phản ứng nặng sau tiêm.",
            "Trạm cũng khám sàng lọc bệnh không lây nhiễm cho 236 người cao tuổi và lập hồ sơ "
            "quản lý sức khỏe điện tử cho 88% dân số của xã.",
        ),
    ),
    Story(
        key="giao-quan",
        title="Xã tổ chức lễ giao nhận quân năm 2024",
        published="2024-02-26 07:30",
        views=1204,
        author=None,
        paragraphs=(
            "Sáng 26/02, Hội đồng nghĩa vụ quân sự xã tổ chức lễ giao nhận quân cho 14 thanh "
            "niên trúng tuyển, trong đó có 2 đảng viên và 5 thanh niên có trình độ đại học.",
            "Mỗi tân binh được xã tặng quà trị giá 2 triệu đồng; Mặt trận Tổ quốc xã tặng thêm "
            "500 nghìn đồng cho các gia đình có hoàn cảnh khó khăn.",
        ),
        caption="Các tân binh lên đường nhập ngũ.",
    ),
    Story(
        key="thuy-loi",
        title="Ra quân làm thủy lợi nội đồng vụ Đông Xuân 2023-2024",
        published="2023-11-18 10:05",
        views=302,
        author="Phạm Quang Huy",
        paragraphs=(
            "Hưởng ứng đợt ra quân của huyện, xã đã huy động hơn 600 lượt người nạo vét 14,2 km "
            "kênh mương, khối lượng đất đào đắp đạt 3.850 m³.",
            "Kinh phí thực hiện 315 triệu đồng từ nguồn hỗ trợ sản xuất lúa, bảo đảm nước tưới "
            "cho 276 ha lúa và 48 ha cây vụ đông.",
            "UBND xã giao các thôn hoàn thành việc khơi thông dòng chảy trước ngày 15/12.",
        ),
    ),
    Story(
        key="chuyen-doi-so",
        title="Tổ công nghệ số cộng đồng hướng dẫn người dân cài ứng dụng VNeID",
        published="2024-05-09 16:20",
        views=77,
        author="Đỗ Minh Tuấn",
        paragraphs=(
            "Tháng 5/2024, 11 tổ công nghệ số cộng đồng của xã đã đến từng hộ hướng dẫn người "
            "dân kích hoạt tài khoản định danh điện tử mức 2.",
            "Đến nay toàn xã có 6.214 tài khoản được kích hoạt, đạt 83,5% số công dân đủ điều "
            "kiện; 72% hộ kinh doanh đã dùng thanh toán không dùng tiền mặt.",
            "Xã đặt mục tiêu đến hết năm 2024 có 95% người dân trong độ tuổi lao động sử dụng "
            "dịch vụ công trực tuyến toàn trình.",
        ),
    ),
    Story(
        key="thu-ngan-sach",
        title="HĐND xã khóa XXI tổ chức kỳ họp thứ bảy",
        published="2023-12-20 08:00",
        views=455,
        author=None,
        paragraphs=(
            "Ngày 20/12, HĐND xã khóa XXI tổ chức kỳ họp thứ bảy để đánh giá tình hình kinh "
            "tế - xã hội năm 2023 và quyết định nhiệm vụ năm 2024.",
            "Tổng thu ngân sách trên địa bàn năm 2023 ước đạt 18,74 tỷ đồng, bằng 123,5% dự "
            "toán; tổng chi ước 16,9 tỷ đồng.",
            "Giá trị sản xuất nông nghiệp bình quân đạt 142 triệu đồng trên một héc-ta canh tác.",
            "Kỳ họp đã thông qua 6 nghị quyết, trong đó có nghị quyết về kế hoạch đầu tư công "
            "năm 2024 với tổng vốn 9,3 tỷ đồng.",
        ),
        table=(
            ("Chỉ tiêu", "Kế hoạch 2023", "Thực hiện 2023"),
            ("Thu ngân sách (tỷ đồng)", "15,17", "18,74"),
            ("Tỷ lệ hộ nghèo (%)", "1,5", "1,12"),
        ),
        table_after=2,
    ),
    Story(
        key="phong-chay",
        title="Tuyên truyền phòng cháy, chữa cháy tại các hộ kinh doanh",
        published="2024-08-14 09:45",
        views=63,
        author="Vũ Thị Lan",
        paragraphs=(
            "Công an xã phối hợp với các thôn kiểm tra an toàn phòng cháy tại 57 hộ kinh doanh "
            "và 23 nhà ở kết hợp sản xuất.",
            "Qua kiểm tra đã hướng dẫn 19 hộ bố trí thêm bình chữa cháy và lối thoát nạn thứ "
            "hai; 100% hộ được phát tờ rơi về kỹ năng thoát nạn.",
        ),
    ),
)

# Titles of other news shown in sidebars and "Tin liên quan" blocks: never stored as articles
# of the variant, never part of a body.
SIDEBAR_TITLES: tuple[str, ...] = (
    "Hội nghị sơ kết công tác cải cách hành chính 9 tháng",
    "Ra mắt mô hình dân vận khéo trong xây dựng đường giao thông",
    "Kiểm tra công tác chuẩn bị bầu cử trưởng thôn nhiệm kỳ 2024-2026",
    "Tổng kết công tác Mặt trận năm 2023",
    "Trao 12 nhà đại đoàn kết cho hộ nghèo",
    "Hội thi cán bộ dân vận khéo cấp xã",
    "Khai giảng lớp bồi dưỡng nhận thức về Đảng",
)

# Stories of the held-out portals only (tests/zoo/heldout.py): written after the rules were
# frozen, never used to tune them.
HELDOUT_STORIES: tuple[Story, ...] = (
    Story(
        key="duong-lien-thon",
        title="Khánh thành tuyến đường liên thôn Đồng Chùa - Bãi Sậy dài 2,6 km",
        published="2024-10-14 08:30",
        views=318,
        author="Hoàng Văn Khải",
        paragraphs=(
            "Sáng 14/10, UBND xã tổ chức lễ khánh thành tuyến đường liên thôn Đồng Chùa - Bãi "
            "Sậy, công trình chào mừng Đại hội Đảng bộ xã nhiệm kỳ 2025-2030.",
            "Tuyến đường dài 2,6 km, mặt đường bê tông rộng 5,5 m, tổng mức đầu tư 7,85 tỷ đồng, "
            "trong đó nhân dân đóng góp 1,2 tỷ đồng và hiến 3.400 m² đất.",
            "Công trình giúp 640 hộ dân của hai thôn đi lại thuận tiện, rút ngắn 4 km đường vận "
            "chuyển nông sản ra quốc lộ.",
        ),
        caption="Cắt băng khánh thành tuyến đường liên thôn.",
    ),
    Story(
        key="bau-cu-thon",
        title="Bầu cử trưởng thôn nhiệm kỳ 2024-2026: 12/12 thôn hoàn thành",
        published="2024-06-30 17:10",
        views=96,
        author=None,
        paragraphs=(
            "Đến 17 giờ ngày 30/6, cả 12 thôn của xã đã hoàn thành bầu cử trưởng thôn nhiệm kỳ "
            "2024-2026 đúng kế hoạch, bảo đảm dân chủ, đúng luật.",
            "Kết quả bầu cử từng thôn được tổng hợp như sau:",
            "Ban chỉ đạo xã đề nghị các thôn sớm kiện toàn ban công tác Mặt trận và các chi hội.",
        ),
        table=(
            ("Thôn", "Cử tri", "Tham gia", "Tỷ lệ trúng cử"),
            ("Thôn Đông", "812", "798", "91,2%"),
            ("Thôn Đoài", "1.046", "1.031", "88,7%"),
        ),
        table_after=2,
    ),
    Story(
        key="hoc-bong",
        title="Trao 85 suất học bổng cho học sinh vượt khó học giỏi năm học 2024-2025",
        published="2024-09-05 15:45",
        views=1204,
        author="Ngô Thị Bích Ngọc",
        paragraphs=(
            "Chiều 5/9, Hội Khuyến học xã phối hợp với các nhà hảo tâm trao 85 suất học bổng "
            "cho học sinh có hoàn cảnh khó khăn, mỗi suất trị giá 1.500.000 đồng.",
            "Năm học vừa qua, xã có 312 học sinh giỏi cấp huyện và 27 học sinh giỏi cấp tỉnh; "
            "tỷ lệ học sinh lên lớp đạt 99,6%.",
            "Quỹ khuyến học của xã hiện có 486,5 triệu đồng, tăng 18% so với năm trước.",
        ),
    ),
)
