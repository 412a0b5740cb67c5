import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from orgs import vn


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2022, 3, 9), "Hà Nội, ngày 09 tháng 3 năm 2022"),
        (datetime.date(2022, 2, 18), "Hà Nội, ngày 18 tháng 02 năm 2022"),
        (datetime.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (datetime.date(2020, 12, 17), "Hà Nội, ngày 17 tháng 12 năm 2020"),
    ],
)
def test_date_line_pads_days_and_only_january_february(day, expected):
    assert vn.date_line("Hà Nội", day) == expected


def test_short_date_follows_the_same_padding():
    assert vn.short_date(datetime.date(2023, 4, 4)) == "04/4/2023"
    assert vn.short_date(datetime.date(2022, 2, 18)) == "18/02/2022"


def test_document_number_pads_below_ten():
    assert vn.document_number(5, vn.document_symbol("QĐ", "UBND")) == "05/QĐ-UBND"
    assert (
        vn.document_number(105, vn.document_symbol("", "HĐTĐKT", "NV"))
        == "105/HĐTĐKT-NV"
    )
    assert vn.document_number(972, vn.document_symbol("KH", "CTĐ7")) == "972/KH-CTĐ7"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
        (1_005_000, "một triệu không trăm linh năm nghìn"),
        (1_000_000_000, "một tỷ"),
    ],
)
def test_number_words(number, words):
    assert vn.number_words(number) == words


def test_money_and_words():
    assert vn.money(2_340_000) == "2.340.000 đồng"
    assert vn.money_words(702_000) == "Bảy trăm linh hai nghìn đồng"


def test_fold_removes_marks_and_case():
    assert vn.fold("Nguyễn Văn  Ánh") == vn.fold("nguyen van anh") == "nguyen van anh"
    assert vn.fold("ĐẶNG Đức Ỷ") == "dang duc y"


def test_decimal_and_percent_use_a_comma():
    assert vn.decimal_vi(Decimal("0.30")) == "0,3"
    assert vn.decimal_vi(Decimal("1234.5")) == "1.234,5"
    assert vn.percent_vi(Fraction(20, 22)) == "90,91%"


def test_ordinal_names_sessions():
    assert vn.ordinal(1) == "Nhất"
    assert vn.ordinal(4) == "Tư"
