"""Vietnamese formatting in one place: dates, numbers, money, document symbols, search folding.

Pure functions, no database. Date and number rules follow Nghị định 30/2020/NĐ-CP,
Phụ lục I: days below 10 and the months January and February are zero-padded.
"""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal
from fractions import Fraction

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_ORDINALS = {
    1: "Nhất",
    2: "Hai",
    3: "Ba",
    4: "Tư",
    5: "Năm",
    6: "Sáu",
    7: "Bảy",
    8: "Tám",
    9: "Chín",
    10: "Mười",
}


def fold(text: str) -> str:
    """Return ``text`` lower-cased without diacritics, for accent-insensitive search.

    "Nguyễn Văn Ánh" and "nguyen van anh" fold to the same string; đ folds to d.
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def day_part(day: datetime.date) -> str:
    return f"{day.day:02d}"


def month_part(day: datetime.date) -> str:
    return f"{day.month:02d}" if day.month <= 2 else str(day.month)


def long_date(day: datetime.date) -> str:
    """Return "ngày 09 tháng 3 năm 2022"."""
    return f"ngày {day_part(day)} tháng {month_part(day)} năm {day.year}"


def date_line(place: str, day: datetime.date) -> str:
    """Return the place-and-date line: "Hà Nội, ngày 09 tháng 3 năm 2022"."""
    return f"{place}, {long_date(day)}"


def short_date(day: datetime.date) -> str:
    """Return "09/3/2022" or "18/02/2022", the form used in running text."""
    return f"{day_part(day)}/{month_part(day)}/{day.year}"


def time_of_day(moment: datetime.datetime | datetime.time) -> str:
    """Return "14 giờ 00 phút"."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


def document_symbol(
    type_abbreviation: str, issuer_symbol: str, drafting_code: str = ""
) -> str:
    """Return the symbol part: "QĐ-UBND", "HĐTĐKT-NV", or "UBND-NV" for a công văn."""
    parts = [p for p in (type_abbreviation, issuer_symbol, drafting_code) if p]
    return "-".join(parts)


def document_number(number: int, symbol: str) -> str:
    """Return "05/QĐ-UBND": numbers below 10 carry a leading zero."""
    return f"{number:02d}/{symbol}"


def group_thousands(value: int | Decimal) -> str:
    """Return "2.340.000": dots between thousands, as Vietnamese writes money."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", ".")


def decimal_vi(value: Decimal | float | int | Fraction, places: int = 2) -> str:
    """Return a number with a decimal comma and no trailing zeros: 0,3 or 1,5 or 12."""
    number = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    quantised = number.quantize(Decimal(1).scaleb(-places))
    text = f"{quantised:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    integer, _, fraction = text.partition(".")
    integer = group_thousands(int(integer)) if integer not in ("-0",) else "-0"
    return f"{integer},{fraction}" if fraction else integer


def percent_vi(value: Fraction | Decimal | float, places: int = 2) -> str:
    """Return "90,91%" for a ratio of 0.90909…"""
    ratio = Fraction(value) if not isinstance(value, Fraction) else value
    return decimal_vi(ratio * 100, places) + "%"


def _three_digits(number: int, full: bool) -> list[str]:
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
        if units:
            words.append(_DIGITS[units])
        return words
    words.append("mười" if tens == 1 else f"{_DIGITS[tens]} mươi")
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units:
        words.append(_DIGITS[units])
    return words


def _below_billion(number: int, full: bool) -> list[str]:
    millions, rest = divmod(number, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words: list[str] = []
    for group, scale in ((millions, "triệu"), (thousands, "nghìn"), (units, "")):
        if group:
            words += _three_digits(group, full=full or bool(words))
            if scale:
                words.append(scale)
    return words


def number_words(number: int) -> str:
    """Return an integer in Vietnamese words: 2340000 → "hai triệu ba trăm bốn mươi nghìn"."""
    if number < 0:
        return "âm " + number_words(-number)
    if number == 0:
        return _DIGITS[0]
    billions, rest = divmod(number, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += [number_words(billions), "tỷ"]
    words += _below_billion(rest, full=bool(billions))
    return " ".join(words)


def money_words(amount: int | Decimal) -> str:
    """Return "Hai triệu ba trăm bốn mươi nghìn đồng"."""
    text = number_words(int(amount)) + " đồng"
    return text[0].upper() + text[1:]


def money(amount: int | Decimal) -> str:
    """Return "2.340.000 đồng"."""
    return f"{group_thousands(int(amount))} đồng"


def ordinal(number: int) -> str:
    """Return the ordinal used in session names: 1 → "Nhất" ("phiên họp lần thứ Nhất")."""
    return _ORDINALS.get(number, str(number))


def upper(text: str) -> str:
    """Return ``text`` in capitals, keeping Vietnamese marks (precomposed form)."""
    return unicodedata.normalize("NFC", text).upper()
