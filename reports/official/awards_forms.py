"""Biểu 0602.N and 0603.N of TT 02/2023/TT-BNV: awards conferred in the year.

The row structure follows the forms as implemented by LifeSoft (peers.md §1.1;
the circular's own text was not read): totals, then by proposing body (0602), by
subject with the leader tiers and direct workers, and by method of commendation.
Rows are numbered 01… in order; a figure counts valid award records whose
decision date falls in the report year (the form counts decisions of the year).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardKind, AwardType, Subject
from orgs.models import Unit
from reports.filters import ENTERPRISE_Q, SUBJECT_Q, TIER_Q

from .base import NOTHING, Column, FormSpec, Line

IND, COL = Subject.INDIVIDUAL, Subject.COLLECTIVE
BOTH = frozenset({IND, COL})
ONLY_IND = frozenset({IND})
ONLY_COL = frozenset({COL})

# Central agencies in the province (tax, treasury…) propose State awards through
# their ministry, not through the province.
MINISTRY_Q = Q(unit__kind=Unit.Kind.CENTRAL_AGENCY) | Q(
    unit__parent__kind=Unit.Kind.CENTRAL_AGENCY
)


def subject_lines(first: int) -> list[Line]:
    """The "by subject" block shared by both forms, numbered from ``first``."""
    codes = [f"{n:02d}" for n in range(first, first + 9)]
    return [
        Line(codes[0], _("- Tập thể"), SUBJECT_Q[COL], _("Tập thể"), 1, COL),
        Line(
            codes[1],
            _("Trong đó: Doanh nghiệp"),
            SUBJECT_Q[COL] & ENTERPRISE_Q,
            _("Doanh nghiệp"),
            2,
            COL,
        ),
        Line(
            codes[2],
            _("- Hộ gia đình"),
            SUBJECT_Q[Subject.HOUSEHOLD],
            _("Hộ"),
            1,
            Subject.HOUSEHOLD,
        ),
        Line(codes[3], _("- Cá nhân"), SUBJECT_Q[IND], _("Người"), 1, IND),
        Line(
            codes[4],
            _("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"),
            TIER_Q["province_leader"],
            _("Người"),
            2,
            IND,
        ),
        Line(
            codes[5],
            _("+ Lãnh đạo cấp vụ, sở, ngành và tương đương"),
            TIER_Q["department_leader"],
            _("Người"),
            2,
            IND,
        ),
        Line(codes[6], _("+ Doanh nhân"), TIER_Q["entrepreneur"], _("Người"), 2, IND),
        Line(
            codes[7],
            _("+ Các cấp lãnh đạo khác từ phó phòng trở lên"),
            TIER_Q["other_leader"],
            _("Người"),
            2,
            IND,
        ),
        Line(
            codes[8],
            _(
                "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ "
                "chiến đấu (công nhân, nông dân, …)"
            ),
            TIER_Q["direct_worker"],
            _("Người"),
            2,
            IND,
        ),
    ]


def method_lines(first: int) -> list[Line]:
    """By method of commendation (Luật 2022 Điều 8); "niên hạn" and "kháng chiến"
    awards are not recorded by the app, so their rows stay at zero."""
    rows = [
        (_("- Thường xuyên"), Q(award_type=AwardType.REGULAR)),
        (_("- Chuyên đề"), Q(award_type=AwardType.MOVEMENT)),
        (_("- Đột xuất"), Q(award_type=AwardType.AD_HOC)),
        (_("- Đối ngoại"), Q(award_type=AwardType.FOREIGN)),
        (_("- Cống hiến"), Q(award_type=AwardType.LONG_SERVICE)),
        (_("- Niên hạn"), NOTHING),
        (_("- Kháng chiến"), NOTHING),
    ]
    return [
        Line(f"{first + index:02d}", label, q, "", 1)
        for index, (label, q) in enumerate(rows)
    ]


def _kind(code: str) -> Q:
    return Q(award_kind__code=code)


def _group(*names: str) -> Q:
    return Q(award_kind__group__in=names)


def _pair(key: str, label: str, q: Q, number: str) -> list[Column]:
    """A collective and an individual column under one header."""
    return [
        Column(
            f"{key}_t", str(_("Tập thể")), q & SUBJECT_Q[COL], number, label, ONLY_COL
        ),
        Column(
            f"{key}_c", str(_("Cá nhân")), q & SUBJECT_Q[IND], number, label, ONLY_IND
        ),
    ]


def _single(key: str, label: str, q: Q, number: str, subject: str) -> Column:
    return Column(
        key,
        str(_("Cá nhân") if subject == IND else _("Tập thể")),
        q & SUBJECT_Q[subject],
        number,
        label,
        frozenset({subject}),
    )


STATE_NAMED = (
    _group("Huân chương")
    | _group("Huy chương")
    | _group("Giải thưởng Hồ Chí Minh")
    | _group("Giải thưởng Nhà nước")
    | _group("Danh hiệu vinh dự nhà nước")
    | _kind("CO_CP")
    | _kind("BK_TTG")
    | _kind("CSTDTQ")
)


def form_0602() -> FormSpec:
    columns = [
        *_pair("hc", str(_("Huân chương")), _group("Huân chương"), "2"),
        _single("hcg", str(_("Huy chương")), _group("Huy chương"), "2", IND),
        _single(
            "gthcm",
            str(_("Giải thưởng Hồ Chí Minh")),
            _group("Giải thưởng Hồ Chí Minh"),
            "3",
            IND,
        ),
        _single(
            "gtnn",
            str(_("Giải thưởng Nhà nước")),
            _group("Giải thưởng Nhà nước"),
            "4",
            IND,
        ),
        *_pair(
            "vd",
            str(_("Danh hiệu vinh dự nhà nước")),
            _group("Danh hiệu vinh dự nhà nước"),
            "5",
        ),
        _single("cocp", str(_("Cờ thi đua của Chính phủ")), _kind("CO_CP"), "6", COL),
        *_pair(
            "bkttg", str(_("Bằng khen của Thủ tướng Chính phủ")), _kind("BK_TTG"), "7"
        ),
        _single(
            "cstdtq", str(_("Chiến sĩ thi đua toàn quốc")), _kind("CSTDTQ"), "8", IND
        ),
        *_pair("khac", str(_("Các hình thức khen thưởng khác")), ~STATE_NAMED, "9"),
    ]
    lines = [
        Line("01", _("Tổng số"), Q()),
        Line(
            "",
            _(
                "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"
            ),
        ),
        Line(
            "02",
            _("- Bộ, ban, ngành, đoàn thể Trung ương"),
            MINISTRY_Q,
            _("Bộ, ngành"),
            1,
        ),
        Line(
            "03",
            _("- Tỉnh, thành phố trực thuộc Trung ương"),
            ~MINISTRY_Q,
            _("Tỉnh, TP"),
            1,
        ),
        Line("", _("2. Chia theo đối tượng khen thưởng")),
        *subject_lines(4),
        Line("", _("3. Chia theo phương thức khen thưởng")),
        *method_lines(13),
    ]
    return FormSpec(
        code="0602",
        number="0602.N/BNV-TĐKT",
        title=str(_("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC")),
        dataset="awards",
        lines=lines,
        columns=columns,
        landscape=True,
        base=Q(award_kind__level=AwardKind.Level.STATE),
        notes=[
            *_common_notes(),
            str(
                _(
                    "Dòng 02: khen thưởng của cơ quan Trung ương trên địa bàn (và đơn vị "
                    "trực thuộc) do bộ, ngành trình; các khen thưởng khác do tỉnh trình."
                )
            ),
        ],
    )


PROVINCE_COLUMNS_Q = _kind("BK_TINH") | _kind("CSTDT") | _kind("CO_TINH") | _kind("KNC")


def form_0603() -> FormSpec:
    columns = [
        Column("bk", str(_("Bằng khen")), _kind("BK_TINH"), "2"),
        Column(
            "cstd",
            str(_("Chiến sĩ thi đua cấp bộ, cấp tỉnh")),
            _kind("CSTDT"),
            "3",
            subjects=ONLY_IND,
        ),
        Column(
            "co",
            str(
                _(
                    "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
                    "thành phố trực thuộc Trung ương"
                )
            ),
            _kind("CO_TINH"),
            "4",
            subjects=ONLY_COL,
        ),
        Column(
            "knc",
            str(
                _(
                    "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, "
                    "tỉnh, thành phố trực thuộc Trung ương"
                )
            ),
            _kind("KNC"),
            "5",
        ),
    ]
    lines = [
        Line("01", _("Tổng số"), Q()),
        Line("", _("1. Chia theo đối tượng khen thưởng")),
        *subject_lines(2),
        Line("", _("2. Chia theo phương thức khen thưởng")),
        *method_lines(11),
    ]
    return FormSpec(
        code="0603",
        number="0603.N/BNV-TĐKT",
        title=str(
            _(
                "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ "
                "TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
            )
        ),
        dataset="awards",
        lines=lines,
        columns=columns,
        landscape=True,
        base=Q(award_kind__level=AwardKind.Level.PROVINCE) & PROVINCE_COLUMNS_Q,
        total_label=str(_("Tổng số")),
        notes=[
            *_common_notes(),
            str(
                _(
                    "Cột 1 = 2 + 3 + 4 + 5. Danh hiệu cấp tỉnh không thuộc bốn cột của "
                    "biểu (Tập thể lao động xuất sắc, Xã tiêu biểu…) không tính vào biểu; "
                    "số của chúng có ở trang Thống kê khen thưởng."
                )
            ),
        ],
    )


def _common_notes() -> list[str]:
    return [
        str(
            _(
                "Số liệu: khen thưởng còn hiệu lực có ngày quyết định trong năm báo cáo, "
                "của đơn vị báo cáo và các đơn vị trực thuộc."
            )
        ),
        str(
            _(
                "Nhóm lãnh đạo xác định theo cờ “lãnh đạo, quản lý” của cá nhân khi được "
                "đề nghị và cấp của đơn vị quản lý (UBND tỉnh; sở, ngành, quận, huyện, "
                "cơ quan Trung ương trên địa bàn; doanh nghiệp; đơn vị khác)."
            )
        ),
        str(
            _(
                "Cấu trúc dòng, cột theo biểu mẫu Thông tư 02/2023/TT-BNV như được các phần "
                "mềm đang dùng triển khai; mã số dòng đánh liên tục theo thứ tự."
            )
        ),
    ]
