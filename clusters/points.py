"""Points as people write them: "7,5", "−2", "30"."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def points_text(value: Decimal | None) -> str:
    """Return "7,5" for 7.50 and "30" for 30.00; "" for no score."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def parse_points(raw: Any) -> Decimal | None:
    """Accept "7,5", "7.5", "−2" or a Decimal; empty means no score."""
    if raw is None or isinstance(raw, Decimal):
        return raw
    text = str(raw).strip().replace(",", ".").replace("−", "-")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” không phải là số điểm.") % {"value": raw},
            code="not_a_number",
        ) from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise ValidationError(
            _("Điểm chỉ lấy tối đa hai chữ số thập phân: “%(value)s”.")
            % {"value": raw},
            code="precision",
        )
    if abs(value) >= 10000:
        raise ValidationError(
            _("Số điểm quá lớn: “%(value)s”.") % {"value": raw}, code="too_large"
        )
    return value
