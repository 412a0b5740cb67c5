"""The facts of article 0 (shared/articles/0) and the invented names of the demo."""

from __future__ import annotations

import datetime
from typing import Any

from councils.models import CouncilMember

D = datetime.date
R = CouncilMember.Role

# Units the members represent, beside those of orgs.demo (code, name, short, kind).
UNITS = [
    (
        "HN-HBT-MTTQ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam quận Hai Bà Trưng",
        "MTTQ",
        "mass_organisation",
    ),
    (
        "HN-HBT-LDLD",
        "Liên đoàn Lao động quận Hai Bà Trưng",
        "LĐLĐ",
        "mass_organisation",
    ),
    (
        "HN-HBT-QD",
        "Quận đoàn Hai Bà Trưng (Đoàn TNCS Hồ Chí Minh quận)",
        "QĐ",
        "mass_organisation",
    ),
    (
        "HN-HBT-HPN",
        "Hội Liên hiệp Phụ nữ quận Hai Bà Trưng",
        "HLHPN",
        "mass_organisation",
    ),
    ("HN-HBT-GDDT", "Phòng Giáo dục và Đào tạo quận Hai Bà Trưng", "GDĐT", "division"),
    ("HN-HBT-VHTT", "Phòng Văn hóa và Thông tin quận Hai Bà Trưng", "VHTT", "division"),
    (
        "HN-HBT-LDTBXH",
        "Phòng Lao động – Thương binh và Xã hội quận Hai Bà Trưng",
        "LĐTBXH",
        "division",
    ),
    ("HN-HBT-YT", "Phòng Y tế quận Hai Bà Trưng", "YT", "division"),
    ("HN-HBT-KT", "Phòng Kinh tế quận Hai Bà Trưng", "KT", "division"),
    ("HN-HBT-QLDT", "Phòng Quản lý đô thị quận Hai Bà Trưng", "QLĐT", "division"),
]

# Members of Quyết định 4084/QĐ-UBND (name, gender, birth year, title, unit, role).
# None as name: the demo login's person (thanhvien.hbt, noivu.hbt).
MEMBERS_2020: list[tuple[Any, ...]] = [
    ("Trần Minh Quang", "male", 1970, "Chủ tịch UBND quận", "HN-HBT", R.CHAIR),
    (
        "Phạm Thị Thu Hà",
        "female",
        1974,
        "Phó Chủ tịch UBND quận",
        "HN-HBT",
        R.FIRST_VICE_CHAIR,
    ),
    (
        "Đặng Văn Hùng",
        "male",
        1972,
        "Trưởng phòng Nội vụ",
        "HN-HBT-NV",
        R.STANDING_VICE_CHAIR,
    ),
    (
        "Vũ Thị Hồng Nhung",
        "female",
        1969,
        "Chủ tịch Ủy ban MTTQ Việt Nam quận",
        "HN-HBT-MTTQ",
        R.VICE_CHAIR,
    ),
    (
        "Bùi Quang Dũng",
        "male",
        1966,
        "Chủ tịch Liên đoàn Lao động quận",
        "HN-HBT-LDLD",
        R.VICE_CHAIR,
    ),
    (
        "Ngô Thị Lan Anh",
        "female",
        1980,
        "Phó Trưởng phòng Nội vụ",
        "HN-HBT-NV",
        R.STANDING_MEMBER,
    ),
    (
        "Đỗ Minh Tuấn",
        "male",
        1975,
        "Chánh Văn phòng HĐND và UBND quận",
        "HN-HBT-VP",
        R.MEMBER,
    ),
    (
        "thanhvien.hbt",
        None,
        None,
        "Trưởng phòng Tài chính – Kế hoạch",
        "HN-HBT-TCKH",
        R.MEMBER,
    ),
    (
        "Phan Thị Thanh Hương",
        "female",
        1973,
        "Trưởng phòng Giáo dục và Đào tạo",
        "HN-HBT-GDDT",
        R.MEMBER,
    ),
    (
        "Lý Quốc Bảo",
        "male",
        1971,
        "Trưởng phòng Văn hóa và Thông tin",
        "HN-HBT-VHTT",
        R.MEMBER,
    ),
    (
        "Mai Thị Thu Phượng",
        "female",
        1976,
        "Trưởng phòng Lao động – Thương binh và Xã hội",
        "HN-HBT-LDTBXH",
        R.MEMBER,
    ),
    ("Dương Văn Khánh", "male", 1962, "Trưởng phòng Y tế", "HN-HBT-YT", R.MEMBER),
    ("Trịnh Đức Thắng", "male", 1977, "Trưởng phòng Kinh tế", "HN-HBT-KT", R.MEMBER),
    (
        "Cao Xuân Việt",
        "male",
        1978,
        "Trưởng phòng Quản lý đô thị",
        "HN-HBT-QLDT",
        R.MEMBER,
    ),
    (
        "Tạ Thị Ngọc Yến",
        "female",
        1979,
        "Chủ tịch Hội Liên hiệp Phụ nữ quận",
        "HN-HBT-HPN",
        R.MEMBER,
    ),
    ("Lương Minh Đạt", "male", 1988, "Bí thư Quận đoàn", "HN-HBT-QD", R.MEMBER),
    (
        "Kiều Văn Nam",
        "male",
        1975,
        "Chủ tịch UBND phường Lê Đại Hành",
        "HN-HBT-LDH",
        R.MEMBER,
    ),
    (
        "Đinh Thị Thảo",
        "female",
        1981,
        "Chủ tịch UBND phường Bách Khoa",
        "HN-HBT-BK",
        R.MEMBER,
    ),
    (
        "Hồ Quang Phong",
        "male",
        1976,
        "Chủ tịch UBND phường Minh Khai",
        "HN-HBT-MK",
        R.MEMBER,
    ),
    (
        "Âu Thị Linh",
        "female",
        1982,
        "Phó Trưởng Ban Tuyên giáo Quận ủy",
        "HN-HBT",
        R.MEMBER,
    ),
    (
        "Ông Văn Cường",
        "male",
        1979,
        "Phó Chánh Văn phòng HĐND và UBND quận",
        "HN-HBT-VP",
        R.MEMBER,
    ),
    (
        "noivu.hbt",
        None,
        None,
        "Chuyên viên Phòng Nội vụ",
        "HN-HBT",
        R.SECRETARY,
    ),
]

# The 2022 kiện toàn: who left, who came in their place.
REPLACEMENTS_2022 = [
    (
        "Bùi Quang Dũng",
        (
            "Nguyễn Đức Hải",
            "male",
            1970,
            "Chủ tịch Liên đoàn Lao động quận",
            "HN-HBT-LDLD",
            R.VICE_CHAIR,
        ),
    ),
    (
        "Dương Văn Khánh",
        ("Phạm Thị Ngân", "female", 1978, "Trưởng phòng Y tế", "HN-HBT-YT", R.MEMBER),
    ),
]

AGENDA = [
    (
        "Quyết định kiện toàn thành viên Hội đồng Thi đua, khen thưởng quận năm 2022 (22 thành viên)",
        "Phòng Nội vụ (cơ quan thường trực)",
        "Dự thảo Quyết định kiện toàn Hội đồng Thi đua, khen thưởng quận năm 2022",
        "Các thành viên nhất trí với danh sách kiện toàn gồm 22 thành viên.",
    ),
    (
        "Kiện toàn 11 cụm thi đua thuộc quận; thông báo cụm trưởng, cụm phó; phân công thành viên Hội đồng theo dõi các cụm thi đua",
        "Phòng Nội vụ",
        "Dự thảo Quyết định kiện toàn 11 cụm thi đua thuộc quận\nDự thảo Thông báo cụm trưởng, cụm phó các cụm thi đua",
        "Thành viên Hội đồng được phân công theo dõi, đôn đốc và dự các cuộc họp của cụm thi đua.",
    ),
    (
        "Triển khai Kế hoạch công tác thi đua, khen thưởng năm 2022",
        "Phòng Nội vụ",
        "Văn bản số 105/HĐTĐKT-NV ngày 18/02/2022 của Hội đồng Thi đua, khen thưởng quận về việc hướng dẫn một số nhiệm vụ trọng tâm quý I năm 2022\n"
        "Văn bản số 291/UBND-NV ngày 03/3/2022 của UBND quận về việc thực hiện các nội dung thi đua, khen thưởng năm 2022",
        "Các cụm thi đua khẩn trương xây dựng, triển khai kế hoạch; ký cam kết giao ước thi đua; ban hành quy chế hoạt động của cụm ngay từ đầu năm.",
    ),
    (
        "Các mô hình thi đua, chuyên đề thi đua quận đã đăng ký với thành phố",
        "Văn phòng HĐND và UBND quận",
        "Văn bản số 219/UBND-NV ngày 22/02/2022 của UBND quận",
        "",
    ),
    (
        "Công tác xét công nhận sáng kiến kinh nghiệm trên địa bàn quận",
        "Phòng Nội vụ",
        "",
        "Đổi mới cách thức hoạt động; đề ra 04 khung thời gian xét sáng kiến trong năm.",
    ),
    (
        "Điều kiện, tiêu chí, tiêu chí thành phần thi đua của các cụm thi đua thuộc quận",
        "Phòng Nội vụ",
        "Điều kiện, tiêu chí, tiêu chí thành phần của Cụm thi đua số 8 thành phố Hà Nội",
        "Trên cơ sở bộ tiêu chí chung của thành phố, quận, các cụm xây dựng và bổ sung tiêu chí phù hợp chức năng, nhiệm vụ, đặc thù của từng cụm.",
    ),
    (
        "Biểu dương, khen thưởng các cá nhân hoàn thành xuất sắc nhiệm vụ hàng tháng",
        "Phòng Nội vụ, Phòng Tài chính – Kế hoạch",
        "Quyết định số 132/QĐ-UBND ngày 18/12/2020 của Hội đồng Thi đua, khen thưởng quận",
        "",
    ),
]

OVERVIEW = (
    "Phong trào thi đua yêu nước của quận tiếp tục đổi mới về nội dung và hình thức; nhiều mô hình "
    "mới, cách làm hay được triển khai và nhân rộng. Công tác khen thưởng bám sát tiêu chuẩn, đối "
    "tượng, thủ tục hồ sơ; đối tượng khen thưởng mở rộng đến người lao động trực tiếp; thành tích "
    "đột xuất được kịp thời tuyên dương, khen thưởng."
)

# Conclusions: (text, agenda order, [(task, member name or None, unit code or None, coordinating, due, done)])
CONCLUSIONS: list[tuple[Any, ...]] = [
    (
        "Thông qua Quyết định kiện toàn thành viên Hội đồng năm 2022 gồm 22 thành viên; kiện toàn 11 cụm thi đua; thông báo cụm trưởng, cụm phó và phân công thành viên theo dõi các cụm.",
        1,
        [
            (
                "Trình UBND quận ban hành Quyết định kiện toàn Hội đồng năm 2022",
                None,
                "HN-HBT-NV",
                "",
                D(2022, 3, 25),
                D(2022, 3, 21),
            )
        ],
    ),
    (
        "Giao đồng chí Phó Chủ tịch UBND quận và Đoàn TNCS Hồ Chí Minh quận khẩn trương triển khai các mô hình, chuyên đề thi đua đã đăng ký với thành phố.",
        4,
        [
            (
                "Triển khai các mô hình, chuyên đề thi đua đã đăng ký với thành phố",
                "Phạm Thị Thu Hà",
                "HN-HBT-QD",
                "",
                D(2022, 4, 30),
                None,
            )
        ],
    ),
    (
        "Đổi mới cách thức xét sáng kiến kinh nghiệm, 04 khung thời gian xét trong năm; đề nghị Hội đồng Sáng kiến kinh nghiệm quận hoạt động nghiêm túc.",
        5,
        [
            (
                "Thông báo 04 khung thời gian xét sáng kiến kinh nghiệm năm 2022",
                None,
                "HN-HBT-NV",
                "Phòng Giáo dục và Đào tạo quận",
                D(2022, 3, 31),
                D(2022, 3, 28),
            )
        ],
    ),
    (
        "Các cụm thi đua xây dựng và bổ sung tiêu chí, tiêu chí thành phần trên cơ sở bộ tiêu chí chung của thành phố, quận.",
        6,
        [
            (
                "Hướng dẫn các cụm thi đua xây dựng, bổ sung tiêu chí thi đua",
                None,
                "HN-HBT-NV",
                "",
                D(2022, 4, 15),
                None,
            )
        ],
    ),
    (
        "Giao Phòng Nội vụ phối hợp Phòng Tài chính – Kế hoạch tham mưu văn bản hướng dẫn biểu dương, khen thưởng hàng tháng, tổng hợp khó khăn, vướng mắc báo cáo Hội đồng.",
        7,
        [
            (
                "Tham mưu văn bản hướng dẫn biểu dương, khen thưởng hàng tháng",
                None,
                "HN-HBT-NV",
                "Phòng Tài chính – Kế hoạch quận",
                D(2022, 4, 15),
                None,
            ),
            (
                "Dự trù kinh phí khen thưởng hàng tháng từ Quỹ thi đua, khen thưởng quận",
                "thanhvien.hbt",
                None,
                "",
                D(2022, 4, 15),
                None,
            ),
        ],
    ),
    (
        "Đổi mới quy chế hoạt động của Hội đồng theo hướng phân công rõ nhiệm vụ, trách nhiệm của từng thành viên. Hội đồng họp mỗi quý một lần, họp bất thường khi cần thiết; cơ quan thường trực gửi văn bản xin ý kiến Hội đồng đối với những nội dung cấp bách mà thành phố, trung ương yêu cầu.",
        None,
        [
            (
                "Dự thảo Quy chế hoạt động (sửa đổi) của Hội đồng",
                None,
                "HN-HBT-NV",
                "",
                D(2022, 4, 30),
                None,
            )
        ],
    ),
]

# Absences on 9/3/2022: (name, status, reason, representative, written opinion).
ABSENT = [
    (
        "Dương Văn Khánh",
        "represented",
        "Đi công tác",
        "Phạm Thị Ngân, Phó Trưởng phòng Y tế",
        False,
    ),
    ("Tạ Thị Ngọc Yến", "absent", "Dự tập huấn của Thành hội", "", True),
    ("Hồ Quang Phong", "absent", "Tiếp công dân theo lịch", "", False),
]

QUESTION_CLOSED = (
    "Danh sách đề nghị Chủ tịch UBND thành phố tặng Bằng khen cho 05 tập thể, 12 cá nhân "
    "có thành tích xuất sắc trong phòng, chống dịch COVID-19"
)

QUESTION_OPEN = (
    "Dự thảo Quy chế hoạt động (sửa đổi) của Hội đồng Thi đua, khen thưởng quận"
)

# Members by order in the 2022 composition: late answers, no answer, disagree, other.
LATE, SILENT, DISAGREE, OTHER = {9, 14}, {4, 16, 19, 20}, {13}, {10}
