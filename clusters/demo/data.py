"""Texts and criteria of the cluster demo (shared/articles 1, 3, 4).

The criteria are illustrative: no Hà Nội or Hà Nam scoring table was found
(domain.md §9.5 [U]); their structure follows the typical groups listed there.
"""

from __future__ import annotations

from typing import Any

# (code, title, max, kind, evidence, children)
CITY_DISTRICT_CRITERIA_2019: list[tuple[Any, ...]] = [
    (
        "I",
        "Thực hiện nhiệm vụ chính trị, các chỉ tiêu phát triển kinh tế – xã hội",
        40,
        "scored",
        "",
        [
            (
                "I.1",
                "Hoàn thành các chỉ tiêu kinh tế – xã hội Thành phố giao",
                20,
                "scored",
                "Báo cáo kết quả thực hiện chỉ tiêu năm",
                [],
            ),
            (
                "I.2",
                "Bảo đảm quốc phòng – an ninh, trật tự an toàn xã hội",
                10,
                "scored",
                "",
                [],
            ),
            ("I.3", "Trật tự đô thị, vệ sinh môi trường", 10, "scored", "", []),
        ],
    ),
    (
        "II",
        "Xây dựng Đảng, chính quyền, đoàn thể",
        15,
        "scored",
        "",
        [
            ("II.1", "Tổ chức đảng hoàn thành tốt nhiệm vụ", 8, "scored", "", []),
            ("II.2", "Chính quyền, mặt trận, đoàn thể vững mạnh", 7, "scored", "", []),
        ],
    ),
    (
        "III",
        "Cải cách hành chính, kỷ luật, kỷ cương",
        15,
        "scored",
        "",
        [
            (
                "III.1",
                "Cải cách thủ tục hành chính, cơ chế một cửa",
                10,
                "scored",
                "Số liệu tiếp nhận, giải quyết hồ sơ",
                [],
            ),
            (
                "III.2",
                "Kỷ luật, kỷ cương hành chính, văn hóa công vụ",
                5,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "IV",
        "Công tác thi đua, khen thưởng",
        30,
        "scored",
        "",
        [
            (
                "IV.1",
                "Phát động, tổ chức phong trào thi đua; ký kết giao ước",
                10,
                "scored",
                "Kế hoạch, bản giao ước",
                [],
            ),
            (
                "IV.2",
                "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
                10,
                "scored",
                "",
                [],
            ),
            (
                "IV.3",
                "Khen thưởng chính xác, kịp thời; ưu tiên người lao động trực tiếp",
                5,
                "scored",
                "",
                [],
            ),
            (
                "IV.4",
                "Thực hiện chế độ thông tin, báo cáo đúng hạn",
                5,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "V",
        "Điểm thưởng",
        10,
        "bonus",
        "",
        [
            (
                "V.1",
                "Được tặng Cờ thi đua của Chính phủ, của Thành phố",
                10,
                "bonus",
                "Quyết định khen thưởng",
                [],
            ),
            (
                "V.2",
                "Thành tích đột xuất được cấp trên khen thưởng",
                5,
                "bonus",
                "Quyết định khen thưởng",
                [],
            ),
        ],
    ),
    (
        "VI",
        "Điểm trừ",
        10,
        "penalty",
        "",
        [
            (
                "VI.1",
                "Chậm báo cáo, không tham gia hoạt động chung của cụm",
                5,
                "penalty",
                "",
                [],
            ),
        ],
    ),
]

# How Cụm 8 adapted the city's draft: 6 of 20 criteria (30%, ARTICLE-1).
CLUSTER_8_CHANGES = {
    "update": {
        "I.3": {"title": "Trật tự đô thị, lòng đường, hè phố; vệ sinh môi trường"},
        "III.1": {
            "title": "Cải cách thủ tục hành chính, một cửa liên thông, dịch vụ công trực tuyến"
        },
        "IV.1": {"max_points": 8},
        "IV.2": {"max_points": 12},
    },
    "delete": ["IV.4"],
    "add": [
        (
            "IV",
            "IV.5",
            "Tham gia đầy đủ, tích cực các hoạt động chung của Cụm thi đua số 8",
            5,
            "scored",
        ),
    ],
}

DEPARTMENT_CRITERIA_2023: list[tuple[Any, ...]] = [
    (
        "I",
        "Thực hiện nhiệm vụ chính trị, chuyên môn của ngành",
        50,
        "scored",
        "",
        [
            (
                "I.1",
                "Hoàn thành các chỉ tiêu, nhiệm vụ Thành phố giao",
                30,
                "scored",
                "Báo cáo kết quả thực hiện nhiệm vụ năm",
                [],
            ),
            (
                "I.2",
                "Tham mưu ban hành nghị quyết, chương trình, kế hoạch đúng tiến độ",
                20,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "II",
        "Thực hiện chủ đề năm “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”",
        20,
        "scored",
        "",
        [
            ("II.1", "Cải cách hành chính, chuyển đổi số", 10, "scored", "", []),
            ("II.2", "Kỷ luật, kỷ cương, văn hóa công vụ", 10, "scored", "", []),
        ],
    ),
    (
        "III",
        "Công tác thi đua, khen thưởng",
        30,
        "scored",
        "",
        [
            (
                "III.1",
                "Hưởng ứng phong trào do Thành phố phát động và Cụm đề xuất",
                10,
                "scored",
                "Kế hoạch, báo cáo",
                [],
            ),
            (
                "III.2",
                "Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt",
                10,
                "scored",
                "",
                [],
            ),
            (
                "III.3",
                "Chế độ thông tin, báo cáo theo quy chế Cụm",
                10,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "IV",
        "Điểm thưởng",
        10,
        "bonus",
        "",
        [
            (
                "IV.1",
                "Thành tích đột xuất được Thành phố khen thưởng",
                10,
                "bonus",
                "Quyết định khen thưởng",
                [],
            ),
        ],
    ),
    (
        "V",
        "Điểm trừ",
        10,
        "penalty",
        "",
        [
            (
                "V.1",
                "Chậm báo cáo, không tham gia hoạt động của Cụm",
                10,
                "penalty",
                "",
                [],
            ),
        ],
    ),
]

HA_NAM_BLOCK_CRITERIA_2021: list[tuple[Any, ...]] = [
    (
        "I",
        "Thực hiện nhiệm vụ chuyên môn được giao",
        50,
        "scored",
        "",
        [
            (
                "I.1",
                "Hoàn thành nhiệm vụ trọng tâm năm 2021",
                30,
                "scored",
                "Báo cáo tổng kết năm",
                [],
            ),
            (
                "I.2",
                "Nhiệm vụ bổ sung, đột xuất (bầu cử, phòng, chống dịch Covid-19)",
                20,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "II",
        "Cải cách hành chính, chuyển đổi số",
        20,
        "scored",
        "",
        [
            (
                "II.1",
                "Cải cách thủ tục hành chính",
                10,
                "scored",
                "Số liệu giải quyết thủ tục hành chính",
                [],
            ),
            (
                "II.2",
                "Ứng dụng công nghệ thông tin, chuyển đổi số",
                10,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "III",
        "Xây dựng tổ chức đảng, đoàn thể",
        10,
        "scored",
        "",
        [
            (
                "III.1",
                "Tổ chức đảng, đoàn thể trong sạch, vững mạnh",
                10,
                "scored",
                "",
                [],
            ),
        ],
    ),
    (
        "IV",
        "Công tác thi đua, khen thưởng",
        20,
        "scored",
        "",
        [
            (
                "IV.1",
                "Phát động, tổ chức phong trào thi đua theo chủ đề của tỉnh",
                10,
                "scored",
                "",
                [],
            ),
            ("IV.2", "Khen thưởng kịp thời; báo cáo đúng hạn", 10, "scored", "", []),
        ],
    ),
    (
        "V",
        "Điểm thưởng",
        5,
        "bonus",
        "",
        [
            (
                "V.1",
                "Thành tích đột xuất được tỉnh khen thưởng",
                5,
                "bonus",
                "Quyết định khen thưởng",
                [],
            ),
        ],
    ),
    (
        "VI",
        "Điểm trừ",
        5,
        "penalty",
        "",
        [
            ("VI.1", "Chậm báo cáo, chậm đề nghị khen thưởng", 5, "penalty", "", []),
        ],
    ),
]

CLUSTER_8_CONCLUSIONS = [
    "Ký cam kết giao ước thi đua năm 2019; phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu "
    "phát triển kinh tế – xã hội, quốc phòng – an ninh năm 2019 của từng đơn vị.",
    "Thông qua Kế hoạch công tác thi đua, khen thưởng năm 2019.",
    "Thông qua Quy chế hoạt động của Cụm thi đua số 8 năm 2019.",
    "Thống nhất sửa đổi 30% nội dung dự thảo tiêu chí chấm điểm thi đua của Thành phố cho phù hợp "
    "với nội dung hoạt động của Cụm thi đua số 8.",
    "Đổi mới nội dung, phương thức tổ chức các phong trào thi đua theo chuyên đề; tăng tỷ lệ khen "
    "thưởng người lao động trực tiếp; kiện toàn đội ngũ cán bộ làm công tác thi đua, khen thưởng.",
]

CLUSTER_7_MIDYEAR_CONCLUSIONS = [
    "Tiếp tục thi đua thực hiện thắng lợi nhiệm vụ, chương trình, kế hoạch chung của Thành phố và "
    "của từng đơn vị trong Cụm 6 tháng cuối năm 2023.",
    "Thực hiện nghiêm túc chủ đề năm 2023 của Thành phố “Kỷ cương, trách nhiệm, hành động, sáng tạo, "
    "phát triển”.",
    "Tổ chức chấm điểm thi đua các đơn vị trong Cụm; tổng kết công tác thi đua, khen thưởng năm 2023; "
    "đề xuất khen thưởng bảo đảm khách quan, chính xác; ưu tiên khen thưởng người lao động trực tiếp.",
]

HA_NAM_CONCLUSIONS = [
    "Thống nhất dự thảo báo cáo tổng kết công tác thi đua, khen thưởng năm 2021 của Khối.",
    "Bình xét thi đua năm 2021 và đề nghị khen thưởng các đơn vị theo kết quả biểu quyết.",
    "Giới thiệu Văn phòng UBND tỉnh làm Trưởng khối, Chi nhánh Ngân hàng Nhà nước tỉnh làm Phó "
    "trưởng khối năm 2022, đề nghị Hội đồng Thi đua – Khen thưởng tỉnh xác nhận.",
    "Năm 2022 tiếp tục quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị; đổi mới, nâng "
    "cao chất lượng công tác thi đua, khen thưởng.",
]

CLUSTER_7_PLAN_BODY = "\n".join(
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Thống nhất nội dung hoạt động của Cụm thi đua số 7 năm 2023, gắn với chủ đề năm của Thành "
        "phố “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”.",
        "II. NỘI DUNG",
        "1. Ký kết Bản giao ước thi đua năm 2023 giữa 06 đơn vị trong Cụm.",
        "2. Hưởng ứng các phong trào thi đua do Thành phố phát động và do Cụm đề xuất.",
        "3. Thực hiện chế độ thông tin, báo cáo theo quy chế của Cụm và Ban Thi đua – Khen thưởng Thành phố.",
        "4. Tổ chức sơ kết 6 tháng, tổng kết năm; chấm điểm, bình xét thi đua các đơn vị trong Cụm.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Đơn vị Cụm trưởng chủ trì, phối hợp với đơn vị Cụm phó theo dõi, đôn đốc các đơn vị thực hiện.",
    ]
)

CLUSTER_7_REGULATION_BODY = "\n".join(
    [
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế về tổ chức hoạt động và nguyên tắc bình xét "
        "thi đua Cụm thi đua số 7 thành phố Hà Nội năm 2023.",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
        "Điều 3. Thủ trưởng các đơn vị trong Cụm thi đua số 7 chịu trách nhiệm thi hành Quyết định này./.",
    ]
)
